"""Grounded values: a printed cell, what it parses to, and the cell it came from."""

from __future__ import annotations

import re

from budgetlens.document import Table
from budgetlens.numbers import parse_number
from budgetlens.tables.schemas import CellRef, Parsed, RowLocation
from budgetlens.textnorm import to_halfwidth


def cell_ref(table: Table, row: int, col: int) -> CellRef:
    cell = table.cell_at(row, col)
    location = cell.location if cell else None
    return CellRef(
        table_id=table.id,
        row=row,
        col=col,
        line=location.line_start if location else None,
        page=location.page if location else table.location.page,
        confidence=cell.confidence if cell else None,
    )


def row_location(table: Table, row: int, first_col: int = 0) -> RowLocation:
    """Where a row is: the line of its first cell from ``first_col`` on (a side label such as
    年度绩效指标 in column 0 is not part of the indicator row)."""
    cells = sorted(
        (c for c in table.cells if c.row == row and c.col >= first_col), key=lambda c: c.col
    )
    first = cells[0].location if cells else None
    return RowLocation(
        table_id=table.id,
        row=row,
        line=first.line_start if first else None,
        page=first.page if first and first.page else table.location.page,
    )


def parsed(text: str | None, unit: str | None = None) -> Parsed | None:
    """The exact value of a printed number, or None when the text is not one number."""
    if not text:
        return None
    number = parse_number(text)
    if number is None:
        return None
    return Parsed(
        value=number.value,
        decimals=number.decimals,
        percent=number.percent,
        unit="%" if number.percent else unit,
        repaired=number.repaired,
    )


# A target or actual printed with its unit, and a target with its comparator, in one cell
# where the table has no column for them: "≥120处", "≤305元", "＝100%", "不低于95%", "112处".
_MEASURE = re.compile(
    r"^(?P<comparator>≥|≧|>=|≤|≦|<=|＝|=|＞|>|＜|<|不低于|不少于|不高于|不超过)?\s*"
    r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>%|‰|(?:[A-Za-z\u4e00-\u9fff㎡/]|[(（][\u4e00-\u9fff]{1,2}[)）]){1,6})?$"
)


def split_measure(text: str | None) -> tuple[str | None, str, str | None] | None:
    """A cell's comparator, number and unit where it prints a number with either ("≥120处" →
    "≥", "120", "处"; "95%" → None, "95", "%"); None for any other text."""
    found = _MEASURE.match(to_halfwidth(text or "").strip())
    if found is None or not (found["comparator"] or found["unit"]):
        return None
    return found["comparator"], found["number"], found["unit"]


# "（5分）", "(6 5 分)", "（0.5分）": an allotment printed inside a label.
_ALLOTMENT = re.compile(r"[(（]\s*(?P<n>\d[\d\s]*(?:\.\s*\d+)?)\s*分\s*[)）]")


def allotment_in_label(label: str | None) -> str | None:
    """The number of points a label allots ("项目立项（15分）" → "15"), as printed."""
    if not label:
        return None
    matches = list(_ALLOTMENT.finditer(to_halfwidth(label)))
    return matches[-1].group("n").strip() if matches else None


def last_number(row: list[str]) -> tuple[int, str] | None:
    """The last cell of a row that holds exactly one number: where a score is printed."""
    for col in range(len(row) - 1, -1, -1):
        if row[col] and parse_number(row[col]) is not None:
            return col, row[col]
    return None
