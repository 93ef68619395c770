"""Tables of amounts (预算/决算 statements): which columns hold labels, codes and amounts, how
many sides a table has, and each labelled line with its amounts.

A statement's columns are told apart by what their cells hold below the header, not by where
a template puts them: a label column holds text, an amount column numbers, a code column the
digits of 科目编码 (named so in the header, or digit strings left of the labels). A statement
printed side by side (收入 | 支出, or 收入 | 功能分类 | 支出用途) has a side wherever a label
column follows amounts. Every line of every side becomes one row: its label (the most specific
of its label cells), the group above it where a side has two levels of labels, its code, and
its amounts in column order, empty cells included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlens.document import Table
from budgetlens.layout.cells import cell_ref, parsed, row_location
from budgetlens.layout.header import find_header
from budgetlens.layout.roles import Role, role_of
from budgetlens.numbers import parse_number
from budgetlens.tables import schemas as s

_CODE_DIGITS = re.compile(r"^\d{1,9}$")
_COLUMN_NUMBERS = re.compile(r"^(?:栏次|行次)$")
_UNIT = re.compile(r"单位[：:]\s*(?P<unit>万元|千元|亿元|元)")
_CAPTION = re.compile(r"^(?:编制)?(?:部门|单位|金额单位)[：:]|^公开\d+表$")


@dataclass
class Side:
    labels: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    amounts: list[int] = field(default_factory=list)


def unit_of(texts: list[str]) -> str | None:
    """The unit "单位：万元" printed with a statement, or None."""
    for text in texts:
        if found := _UNIT.search(text.replace(" ", "")):
            return found.group("unit")
    return None


def _is_column_numbers(row: list[str]) -> bool:
    """A 栏次 row ("1 | 2 | 3 …") numbers the columns: it is part of the header."""
    numbers = [parse_number(t) for t in row if t]
    texts = [t for t in row if t and parse_number(t) is None]
    if texts and not all(_COLUMN_NUMBERS.match(t.replace(" ", "")) for t in texts):
        return False
    values = [n.value for n in numbers if n is not None]
    return len(values) >= 2 and values == list(range(1, len(values) + 1))


def first_data_row(grid: list[list[str]]) -> int | None:
    for r, row in enumerate(grid):
        if any(parse_number(t) for t in row if t) and not _is_column_numbers(row):
            return r
    return None


def _header_path(table: Table, grid: list[list[str]], col: int, first_data: int) -> str:
    parts: list[str] = []
    for r in range(first_data):
        cell = table.cell_at(r, col)
        text = cell.text if cell is not None else grid[r][col]
        if _CAPTION.match(text.replace(" ", "")):
            continue  # "部门：青石县司法局 | … | 金额单位：万元" above the header: no column's name
        if text and (not parts or parts[-1] != text) and not _is_column_numbers(grid[r]):
            parts.append(text)
    return "/".join(parts)


def _column_kinds(
    grid: list[list[str]], first_data: int, paths: list[str]
) -> tuple[list[int], list[int], list[int]]:
    """Label, code and amount columns, from the cells below the header and its roles."""
    n_cols = len(grid[0]) if grid else 0
    labels, codes, amounts = [], [], []
    body = _body(grid, first_data)
    for c in range(n_cols):
        cells = [row[c] for row in body if c < len(row) and row[c]]
        numbers = [t for t in cells if parse_number(t) is not None]
        roles = {role_of(part) for part in paths[c].split("/") if part}
        if Role.CODE in roles or (
            numbers
            and len(numbers) * 5 >= len(cells) * 4  # a 合计 may span the code column
            and all(_CODE_DIGITS.match(t) for t in numbers)
            and _left_of_text(body, c)
            and Role.LABEL not in roles
        ):
            codes.append(c)
        elif len(numbers) * 2 >= len(cells) and (numbers or not roles & {Role.LABEL}):
            amounts.append(c)
        else:
            labels.append(c)
    # an empty column under no header is layout, not a column of amounts
    amounts = [c for c in amounts if paths[c] or any(row[c] for row in body if c < len(row))]
    return labels, codes, amounts


def _body(grid: list[list[str]], first_data: int) -> list[list[str]]:
    """The rows below the header, less the header repeated after a page break."""
    header = {tuple(row) for row in grid[:first_data]}
    return [row for row in grid[first_data:] if tuple(row) not in header]


def _left_of_text(body: list[list[str]], c: int) -> bool:
    """A column of digit strings with the labels to its right: 科目编码 (201 | 05 | 07 | name)."""
    rows = [row for row in body if c < len(row) and row[c]]
    return bool(rows) and all(
        any(t and parse_number(t) is None for t in row[c + 1 :]) for row in rows
    )


def sides(labels: list[int], codes: list[int], amounts: list[int]) -> list[Side]:
    """A new side starts at a label or code column that follows a column of amounts."""
    found: list[Side] = []
    current = Side()
    last_kind = ""
    for c in sorted({*labels, *codes, *amounts}):
        kind = "amount" if c in amounts else "code" if c in codes else "label"
        if kind != "amount" and last_kind == "amount":
            found.append(current)
            current = Side()
        getattr(current, "amounts" if kind == "amount" else kind + "s").append(c)
        last_kind = kind
    if current.labels or current.codes or current.amounts:
        found.append(current)
    return found


@dataclass
class Reading:
    rows: list[s.Amount]
    columns: list[list[str]]  # each side's amount columns, by their header paths
    first_data: int


def statement_rows(table: Table, grid: list[list[str]], unit: str | None) -> Reading:
    """The lines of a table of amounts, side by side where it is printed so."""
    first = first_data_row(grid)
    if first is None:  # a statement with nothing to report: its lines start under the header
        header = find_header(grid, 0, (), needed=2)
        first = header.last_row + 1 if header else len(grid)
    n_cols = len(grid[0]) if grid else 0
    paths = [_header_path(table, grid, c, first) for c in range(n_cols)]
    labels, codes, amounts = _column_kinds(grid, first, paths)
    parts = sides(labels, codes, amounts)
    keys: dict[int, str] = {}  # amount column → its key: the header path, made unique
    for c in amounts:
        name = paths[c] or f"col{c}"
        keys[c] = name if name not in keys.values() else f"{name}#{c}"
    rows: list[s.Amount] = []
    groups: list[str | None] = [None] * len(parts)
    header = {tuple(row) for row in grid[:first]}
    for r in range(first, len(grid)):
        row = grid[r]
        if tuple(row) in header:
            continue  # a header repeated after a page break
        moved: tuple[str, int] | None = None  # a total whose label spans into the next side
        for index, side in enumerate(parts):
            # text in a code column is a label spanning it ("合计" across 编码 and 名称)
            texts = [(c, row[c]) for c in sorted(side.labels + side.codes) if _is_text(row[c])]
            if moved is not None:
                texts, moved = [moved, *texts], None
            label_col, label = _label(texts, len(side.labels))
            if len(side.labels) == 2 and texts and texts[0][0] == side.labels[0]:
                groups[index] = texts[0][1] if len(texts) == 1 or label != texts[0][1] else None
            code = "".join(row[c] for c in side.codes if row[c] and not _is_text(row[c])) or None
            values = [row[c] or None for c in side.amounts]
            if (
                label is not None
                and not any(values)
                and _spans_on(table, r, label_col, parts, index)
            ):
                moved = (label_col, label)
                continue
            if label is None and code is None and not any(values):
                continue
            group = groups[index] if label is not None and label != groups[index] else None
            rows.append(_line(table, row, r, side, (index, label, code, group), keys, unit))
    return Reading(rows, [[keys[c] for c in side.amounts] for side in parts], first)


def _is_text(cell: str) -> bool:
    return bool(cell) and not _CODE_DIGITS.match(cell.replace(" ", ""))


def _label(texts: list[tuple[int, str]], columns: int) -> tuple[int, str | None]:
    """The line's label: the most specific of its label cells (an item under its group), or
    for a side of three or more text columns (政府采购: 品目, 专项, 物品…) the first."""
    if not texts:
        return -1, None
    return texts[0] if columns > 2 else texts[-1]


def _spans_on(table: Table, r: int, col: int, parts: list[Side], index: int) -> bool:
    """A label whose cell spans over the next side's labels: 支出合计 printed across
    功能分类 and 支出用途, its amount in the last side's column."""
    if index + 1 >= len(parts) or col < 0:
        return False
    cell = table.cell_at(r, col)
    following = parts[index + 1].labels or parts[index + 1].codes
    return bool(cell and following and cell.col + cell.col_span > following[0])


def _line(
    table: Table,
    row: list[str],
    r: int,
    side: Side,
    where: tuple[int, str | None, str | None, str | None],
    keys: dict[int, str],
    unit: str | None,
) -> s.Amount:
    index, label, code, group = where
    values = {keys[c]: row[c] or None for c in side.amounts}
    return s.Amount(
        location=row_location(table, r),
        cells={keys[c]: cell_ref(table, r, c) for c in side.amounts if row[c]},
        label=label or "",
        code=code,
        group=group,
        side=index,
        values=values,
        parsed={k: p for k, v in values.items() if (p := parsed(v, unit)) is not None},
    )
