"""Table boundaries by structure: one grid a reader found may hold several tables.

Exports and Word files run tables together: a self-evaluation table directly followed by the
score sheet under it, five 自评表 in one Word table, two tables with no blank line between. A
new table starts where its structure does, whatever the blank lines say:

- a title row (one cell naming a table, "…自评分表"), below rows of the table above;
- a main header (one that names the indicator levels, or 考核内容) below the data rows of an
  earlier main header, when it names other roles or starts after a key block (项目名称 …);
- a key row that opens a table (项目名称, 部门名称) below the data rows of a main header.

A main header repeated with the same roles right after data rows is a page break's repeat,
not a new table. Every format's reader goes through here, so .txt, .docx and PDF of one report
give the same boundaries.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from budgetlens.ingest.raw import RawCell, RawTable
from budgetlens.layout.header import Header, find_header
from budgetlens.layout.roles import AMOUNT_ROLES, LEVEL_ROLES, Role, normalise_label
from budgetlens.textnorm import normalize

_MAIN = frozenset({*LEVEL_ROLES, Role.CONTENT})
# the key a table's block of key cells opens with: 项目名称, 部门（单位）名称, 预算单位编码 …
_OPENING_KEY = re.compile(
    r"^(?:项目|部门|单位|预算单位|主管部门|项目单位)(?:\(单位\))?(?:名称|编码|代码)?$"
)
_MIN_ROWS = 2  # a part of fewer rows is not split off: a stray line is not a table


def _grid(raw: RawTable) -> list[list[str]]:
    rows = [[""] * raw.n_cols for _ in range(raw.n_rows)]
    for cell in raw.cells:
        if cell.row < raw.n_rows and cell.col < raw.n_cols:
            rows[cell.row][cell.col] = normalize(cell.text)
    return rows


def _title_row(row: list[str]) -> bool:
    from budgetlens.ingest.structure import form_code, table_title

    texts = [t for t in row if t]
    return (
        len(texts) == 1
        and len(texts[0]) <= 60
        and bool(table_title(texts[0]) or form_code(texts[0]))
    )


def _opening_key(row: list[str]) -> bool:
    first = next((t for t in row if t), "")
    return bool(_OPENING_KEY.match(normalise_label(first))) and sum(1 for t in row if t) >= 2


def _budget_header(grid: list[list[str]], r: int) -> bool:
    """A header of 预算执行情况 (年初预算 | 调整后预算 | 执行数 …): it opens the block a
    自评表 starts with, never follows the indicators of one."""
    header = find_header(grid, r, (), needed=2)
    return (
        header is not None
        and header.first_row == r
        and len(header.roles & AMOUNT_ROLES) >= 2
        and not header.roles & _MAIN
    )


def _main_header(grid: list[list[str]], r: int) -> Header | None:
    header = find_header(grid, r, (), needed=3)
    if header is None or header.first_row != r or not (header.roles & _MAIN):
        return None
    return header


def split_points(grid: list[list[str]]) -> list[int]:
    """The rows where a new table starts (row 0 included)."""
    starts = [0]
    main: Header | None = None
    data = False  # rows read below the current main header
    r = 0
    while r < len(grid):
        row = grid[r]
        if r > starts[-1] and (data or main is None) and _title_row(row) and _has_rows(grid, r):
            starts.append(r)
            main, data = None, False
            r += 1
            continue
        if data and (_opening_key(row) or _budget_header(grid, r)):
            starts.append(r)
            main, data = None, False
            r += 1
            continue
        header = _main_header(grid, r)
        if header is not None:
            if main is not None and data and header.roles != main.roles:
                starts.append(r)
            main, data = header, False
            r = header.last_row + 1
            continue
        if main is not None and any(row):
            data = True
        r += 1
    return [s for i, s in enumerate(starts) if i == 0 or s - starts[i - 1] >= _MIN_ROWS]


def _has_rows(grid: list[list[str]], r: int) -> bool:
    return any(any(row) for row in grid[r + 1 : r + 1 + _MIN_ROWS])


def split_table(raw: RawTable) -> list[RawTable]:
    """``raw`` cut where a new table starts, without the rows of empty cells before and after
    it (an export's layout, not the table's); itself when it holds one table as it is."""
    grid = _grid(raw)
    filled = [r for r, row in enumerate(grid) if any(row)]
    if not filled:
        return []
    top, bottom = filled[0], filled[-1] + 1
    starts = split_points(grid[top:bottom]) if bottom - top >= 2 * _MIN_ROWS else [0]
    if len(starts) == 1 and (top, bottom) == (0, raw.n_rows):
        return [_rejoin_split_rows(raw)]
    bounds = [*(top + s for s in starts), bottom]
    return [
        _rejoin_split_rows(_part(raw, first, last, notes=raw.notes if index == 0 else []))
        for index, (first, last) in enumerate(pairwise(bounds))
    ]


def _rejoin_split_rows(raw: RawTable) -> RawTable:
    """A row a page break cut in two, its header printed again between the parts: the first
    part fills the row's leading columns, the second (behind empty cells) the rest. The second
    part's cells move up into the first's row; the repeated header stays, as printed."""
    grid = _grid(raw)
    main = next((h for r in range(len(grid)) if (h := _main_header(grid, r))), None)
    if main is None:
        return raw
    r = main.last_row + 1
    while r < len(grid):
        repeat = _main_header(grid, r)
        if repeat is None or repeat.roles != main.roles:
            r += 1
            continue
        above = next((k for k in range(r - 1, main.last_row, -1) if any(grid[k])), None)
        below = next((k for k in range(repeat.last_row + 1, len(grid)) if any(grid[k])), None)
        if above is not None and below is not None:
            _move_up(raw, grid, above, below)
        r = repeat.last_row + 1
    return raw


def _move_up(raw: RawTable, grid: list[list[str]], above: int, below: int) -> None:
    upper = [c for c, t in enumerate(grid[above]) if t]
    lower = [c for c, t in enumerate(grid[below]) if t]
    if not upper or not lower or max(upper) >= min(lower):
        return  # not the two halves of one row
    cut = min(lower)
    for cell in raw.cells:
        if cell.row == above and cell.col == max(upper) and cell.col + cell.col_span > cut:
            cell.col_span = cut - cell.col  # a Word-like short row spanned to the edge
        elif cell.row == below and cell.col >= cut and cell.text.strip():
            cell.row = above
        elif cell.row == above and cell.col >= cut and not cell.text.strip():
            cell.row = below  # the empty cells trade places with the moved ones
    grid[above] = [*grid[above][:cut], *grid[below][cut:]]
    grid[below] = [""] * len(grid[below])


def _part(raw: RawTable, first: int, last: int, notes: list[str]) -> RawTable:
    cells: list[RawCell] = []
    for cell in raw.cells:
        if first <= cell.row < last:
            span = min(cell.row_span, last - cell.row)
            cells.append(replace(cell, row=cell.row - first, row_span=span))
    lines = [c.line_start for c in cells if c.line_start is not None]
    ends = [c.line_end for c in cells if c.line_end is not None]
    pages = [c.page for c in cells if c.page is not None]
    boxes = [c.bbox for c in cells if c.bbox is not None]
    bbox = (
        (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
         max(b[3] for b in boxes))
        if boxes
        else None
    )  # fmt: skip
    return RawTable(
        cells,
        last - first,
        raw.n_cols,
        page=pages[0] if pages else raw.page,
        line_start=min(lines) if lines else raw.line_start,
        line_end=max(ends) if ends else raw.line_end,
        bbox=bbox if bbox else raw.bbox,
        notes=list(notes),
    )
