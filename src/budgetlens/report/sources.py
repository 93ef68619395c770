"""A value on a finding card as a reviewer reads it: where it came from, in words to look up
in the source, and the interval its printed digits stand for.

A text export has lines, a PDF pages, a .docx neither: there the paragraph's block id and the
table cell (rows and columns counted from 1, as in Word) are the place.
"""

from __future__ import annotations

from decimal import Decimal

from budgetlens.checks.findings import EvidenceLocation
from budgetlens.numbers import find_numbers


def place(line: int | None, page: int | None, t: dict[str, str]) -> str:
    """ "第57行" of a text export, "第3页" of a PDF; empty where the source has neither."""
    if line:
        return t["at_line"].format(n=line)
    return t["at_page"].format(n=page) if page else ""


def source_of(loc: EvidenceLocation, t: dict[str, str]) -> str:
    """ "正文 第57行", "表 t2 行20 列9 第303行", "段 p12": the kind of place, then where."""
    if loc.table_id is not None and loc.row is not None and loc.col is not None:
        kind = t["in_table"].format(table=loc.table_id, row=loc.row + 1, col=loc.col + 1)
    elif loc.line or loc.page:
        kind = t["prose"]
    else:
        return t["in_block"].format(block=loc.block_id or "?")
    return " ".join(p for p in (kind, place(loc.line, loc.page, t)) if p)


def printed_interval(text: str) -> tuple[Decimal, Decimal] | None:
    """What the one number printed in ``text`` stands for ("90.02%": [90.015, 90.025]); None
    for a text of no number or several (a label, "无预算结转结余")."""
    numbers = find_numbers(text)
    return numbers[0].interval if len(numbers) == 1 else None
