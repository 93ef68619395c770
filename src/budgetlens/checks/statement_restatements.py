"""Prose amounts of a 决算说明 restate the statements' cells (DOMAIN.md §4.6, §4.7).

"本年收入合计2946.25万元" is the 本年收入合计 row of the 收入支出决算总表. A claim is linked to the
statement row whose label its subject ends with (numbering and "（类）" aside); "…收入支出总计"
to the 总计 of the matching summary statement.
"""

from __future__ import annotations

import re

from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.intervals import Quantity, check_equal
from budgetlens.claims.model import Claim
from budgetlens.tables import schemas as s

STATEMENT_AMOUNT = ("RESTATE.statement_amount", 1, "restatements")

_NOISE = re.compile(r"^[一二三四五六七八九十]+、|[（(][类款项][）)]|\s")
_MONEY = ("元", "万元", "亿元")


def _key(text: str) -> str:
    return _NOISE.sub("", text)


def _first_amount(row: s.Amount) -> Operand | None:
    for name, text in row.values.items():
        if text and name in row.parsed:
            return Operand.from_cell(text, row.parsed[name], row.cells[name])
    return None


def _summary(statements: list[s.Statement], subject: str) -> s.Statement | None:
    wanted = "fiscal_summary" if "财政拨款" in subject else "summary"
    return next((t for t in statements if t.form == wanted), None)


def _row_for(statements: list[s.Statement], claim: Claim) -> s.Amount | None:
    subject = _key(claim.subject)
    if subject.endswith("总计"):
        summary = _summary(statements, subject)
        return next((r for r in summary.rows if _key(r.label) == "总计"), None) if summary else None
    for table in statements:
        for row in table.rows:
            label = _key(row.label)
            if len(label) >= 4 and subject.endswith(label) and _first_amount(row):
                return row
    return None


def statement_amounts(ctx: Context) -> None:
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    if not statements:
        return
    for claim in ctx.claims:
        if claim.type != "amount" or claim.quantity.unit not in _MONEY:
            continue
        row = _row_for(statements, claim)
        cell = _first_amount(row) if row else None
        if cell is None:
            continue
        stated = Operand.from_claim(claim)
        judgement = check_equal(
            Quantity(stated.number, stated.unit), Quantity(cell.number, cell.unit or "万元")
        )
        ctx.judged(
            STATEMENT_AMOUNT,
            judgement,
            stated,
            [cell],
            f"{claim.subject} {stated.number.text}{claim.quantity.unit} ≠ 决算表「{row.label}」"
            f"{cell.number.text}万元",
        )


FAMILIES = [statement_amounts]
