"""Which tables the checks could not read: nothing is dropped silently.

A table that holds numbers but has no kind, or whose kind's rows could not be read, is listed
with the reason, so a reviewer knows which figures no check looked at.
"""

from __future__ import annotations

from pydantic import BaseModel

from budgetlens.document import Document
from budgetlens.numbers import parse_number
from budgetlens.tables.schemas import Extraction, GenericTable

MIN_NUMBERS = 3  # a table with fewer numbers (a layout table, a 目录) holds no figures to check


class UnreadTable(BaseModel):
    table_id: str
    title: str
    kind: str
    numbers: int  # cells that hold a number
    page: int | None = None
    line: int | None = None
    reason: str


def _rows(table) -> int:
    return sum(len(getattr(table, name, []) or []) for name in ("indicators", "items", "rows"))


def unread_tables(document: Document, extraction: Extraction) -> list[UnreadTable]:
    """Tables with numbers whose rows no check will see, each with why."""
    cells = {t.id: t for t in document.tables}
    found = []
    for table in extraction.tables:
        source = cells.get(table.id)
        numbers = sum(1 for c in source.cells if c.text and parse_number(c.text)) if source else 0
        if numbers < MIN_NUMBERS:
            continue
        if isinstance(table, GenericTable):
            why = table.notes[0] if table.notes else "no title, header or key cells of a known kind"
            reason = f"no kind: {why}"
        elif _rows(table) == 0:
            reason = "; ".join(table.notes) or f"{table.kind}: no rows read"
        else:
            continue
        found.append(
            UnreadTable(
                table_id=table.id,
                title=table.title,
                kind=table.kind,
                numbers=numbers,
                page=table.location.page,
                line=table.location.line_start,
                reason=reason,
            )
        )
    return found
