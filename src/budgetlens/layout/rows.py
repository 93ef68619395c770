"""Row readers, one per row shape: indicator rows, score items, lines of amounts, key–value
cells. Each reads rows through a header's role map, never through fixed column positions, and
keeps the cell every printed value came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.document import Table
from budgetlens.layout.cells import (
    allotment_in_label,
    cell_ref,
    last_number,
    parsed,
    row_location,
    split_measure,
)
from budgetlens.layout.header import Header, find_header, is_header_row
from budgetlens.layout.roles import AMOUNT_ROLES, Role, disbursement, normalise_label, role_of
from budgetlens.numbers import parse_number
from budgetlens.tables import schemas as s
from budgetlens.textnorm import parse_comparator, to_halfwidth

# The roles each field of a row shape is read from, in order of preference: a project table
# that prints 分值 instead of 权重 still has its weights read, a 备注 column serves as a note.
INDICATOR_FIELDS: dict[str, tuple[Role, ...]] = {
    "level1": (Role.LEVEL1,),
    "level2": (Role.LEVEL2,),
    "level3": (Role.LEVEL3,),
    "comparator": (Role.COMPARATOR,),
    "target": (Role.TARGET,),
    "unit": (Role.UNIT,),
    "weight": (Role.WEIGHT, Role.ALLOTTED),
    "actual": (Role.ACTUAL,),
    "score": (Role.SCORE,),
    "note": (Role.NOTE, Role.REMARKS),
}
SCORE_FIELDS: dict[str, tuple[Role, ...]] = {
    "level1": (Role.LEVEL1,),
    "level2": (Role.LEVEL2,),
    "level3": (Role.LEVEL3,),
    "allotted": (Role.ALLOTTED, Role.WEIGHT),
    "score": (Role.SCORE,),
    "basis": (Role.BASIS,),
}
_LEVELS = ("level1", "level2")
_NUMERIC_ROLES = (
    frozenset(
        {
            Role.TARGET,
            Role.ACTUAL,
            Role.HISTORY,
            Role.UNIT,
            Role.COMPARATOR,
            Role.WEIGHT,
            Role.ALLOTTED,
            Role.REVIEW,
        }
    )
    | AMOUNT_ROLES
)

TOTAL_LABELS = re.compile(r"^(?:评价得分|合计|总分|总计|自评得分|综合得分|得分合计|总得分)")
_END_OF_INDICATORS = re.compile(r"^(?:合计|评价结论|存在问题|改进措施|项目负责人|总分|总计)")
_SIDE_LABELS = re.compile(r"^(?:年度绩效指标|绩效指标(?:\(\d+分\))?|年度绩效|指标)$")


def key(text: str) -> str:
    return to_halfwidth(text).replace(" ", "")


def first_text(row: list[str]) -> str:
    return next((t for t in row if t), "")


@dataclass
class Fields:
    """A header read for one row shape: each field's column."""

    header: Header
    cols: dict[str, int]

    @classmethod
    def of(cls, header: Header, fields: dict[str, tuple[Role, ...]]) -> Fields:
        cols = {}
        for name, roles in fields.items():
            col = next((header.columns[r] for r in roles if r in header.columns), None)
            if col is not None:
                cols[name] = col
        return cls(header, cols)

    @property
    def first_col(self) -> int:
        return min(self.cols.values()) if self.cols else 0

    def values(self, row: list[str]) -> dict[str, str | None]:
        return {name: (row[c] or None) if c < len(row) else None for name, c in self.cols.items()}


class _Carry:
    """一级/二级 labels carried down over merged (empty) cells, each with the cell it was
    printed in: a carried label's evidence is that cell, not the empty one below it."""

    def __init__(self) -> None:
        self.labels: dict[str, tuple[str, s.CellRef] | None] = dict.fromkeys(_LEVELS)

    def apply(
        self,
        table: Table,
        r: int,
        fields: Fields,
        values: dict[str, str | None],
        origin: list[int] | None = None,
    ) -> dict[str, s.CellRef]:
        refs = {}
        for level in _LEVELS:
            text = values.get(level)
            if text and level in fields.cols:
                col = fields.cols[level]
                self.labels[level] = (text, cell_ref(table, r, origin[col] if origin else col))
                if level == "level1":
                    self.labels["level2"] = None
            carried = self.labels[level]
            values[level] = carried[0] if carried else None
            if carried:
                refs[level] = carried[1]
        return refs


def _cells(
    table: Table,
    r: int,
    fields: Fields,
    values: dict[str, str | None],
    origin: list[int] | None = None,
) -> dict[str, s.CellRef]:
    """The cells of a row's own printed values (carried labels are referenced separately);
    ``origin`` maps a realigned row's positions back to the grid columns."""
    return {
        n: cell_ref(table, r, origin[fields.cols[n]] if origin else fields.cols[n])
        for n, v in values.items()
        if v and n not in _LEVELS
    }


# --- indicator rows -----------------------------------------------------------------------------


def indicator_rows(table: Table, grid: list[list[str]], header: Header) -> list[s.Indicator]:
    """Indicator rows below ``header``, 一级/二级 carried down over merged (empty) cells.

    A 合计 or 评价结论 row ends a form's indicators; several forms can follow one another in
    one grid, so reading resumes at the next header naming the same levels.
    """
    rows: list[s.Indicator] = []
    start = header.last_row + 1
    form = 0
    levels = header.roles & {Role.LEVEL1, Role.LEVEL2, Role.LEVEL3}
    while True:
        end = next(
            (
                r
                for r in range(start, len(grid))
                if _END_OF_INDICATORS.match(key(first_text(grid[r])))
            ),
            len(grid),
        )
        fields = Fields.of(header, INDICATOR_FIELDS)
        rows += [
            row.model_copy(update={"form": form})
            for row in _indicator_rows(table, grid, fields, start, end)
        ]
        following = find_header(grid, end, levels)
        if following is None:
            return rows
        header, start, form = following, following.last_row + 1, form + 1


def _aligned_on_comparator(row: list[str], fields: Fields) -> tuple[list[str], list[int]]:
    """A row put back in line with its header by its 指标性质 cell, and for each position the
    grid column its text came from.

    OCR drops a row's leading empty cells (the merged side label and 一级指标), shifting every
    value left; the comparator is the one cell whose column is certain, so the row is shifted
    until it stands under 指标性质 again. With no 指标性质 column, a target printed with its
    comparator ("≥95%") left of the target column, in a row whose last cell is empty, moves
    the row right to it.
    """
    origin = list(range(len(row)))
    col = fields.cols.get("comparator")
    found = next((c for c, text in enumerate(row) if text and parse_comparator(text)), None)
    if col is None:  # "≥95%" in the target column: it stands there, unless the row moved left
        col = fields.cols.get("target")
        found = next((c for c, text in enumerate(row) if _compared(text)), None)
        if col is None or found is None or found >= col or row[-1]:
            return row, origin
    if found is None or found == col:
        return row, origin
    lead = next((c for c, text in enumerate(row) if text), 0)
    if found < col:
        pad = col - found
        return row[:lead] + [""] * pad + row[lead:], origin[:lead] + [-1] * pad + origin[lead:]
    drop = min(found - col, lead)
    return row[drop:], origin[drop:]


def _compared(text: str) -> bool:
    """A target printed with its comparator in one cell ("≥95%", "≤ 400元/件")."""
    measure = split_measure(text)
    return bool(measure and measure[0])


def _side_label(text: str | None) -> bool:
    """The label down a table's side ("年度绩效指标"), not an indicator's 一级."""
    return bool(text) and (
        bool(_SIDE_LABELS.match(key(text or ""))) or role_of(text or "") == Role.INDICATOR
    )


def _indicator_rows(
    table: Table, grid: list[list[str]], fields: Fields, start: int, end: int
) -> list[s.Indicator]:
    rows: list[s.Indicator] = []
    carry = _Carry()
    for r in range(start, end):
        row, origin = _aligned_on_comparator(grid[r], fields)
        if is_header_row(row):
            continue  # a header repeated after a page break
        values = fields.values(row)
        if _side_label(values.get("level1")):
            values["level1"] = None
        level_cells = carry.apply(table, r, fields, values, origin)
        if not (values.get("level3") or values.get("target") or values.get("actual")):
            continue
        if "comparator" not in fields.cols and not (values.get("target") or values.get("actual")):
            continue  # a free-text template's placeholder ("指标2:" left blank)
        unit = values.get("unit")
        comparator = parse_comparator(values.get("comparator") or "")
        target, actual = values.get("target"), values.get("actual")
        inline = None if comparator or unit else split_measure(target)
        if inline:  # "≥120处" in the target column: no comparator or unit column
            comparator = parse_comparator(inline[0] or "") or None
            target, unit = inline[1], inline[2]
        measured = split_measure(actual) if actual and not parsed(actual) else None
        if measured and not measured[0] and measured[2] == unit:
            actual = measured[1]  # "112处" against a target in 处: its number, in that unit
        rows.append(
            s.Indicator(
                location=row_location(table, r, fields.first_col),
                cells=_cells(table, r, fields, values, origin) | level_cells,
                level1=values.get("level1"),
                level2=values.get("level2"),
                level3=values.get("level3"),
                comparator=comparator,  # type: ignore[arg-type]
                target=values.get("target"),
                target_value=parsed(target, unit),
                unit=unit,
                weight=values.get("weight"),
                weight_value=parsed(values.get("weight")),
                actual=values.get("actual"),
                actual_value=parsed(actual, unit),
                score=values.get("score"),
                score_value=parsed(values.get("score")),
                note=values.get("note"),
            )
        )
    return rows


# --- score items ------------------------------------------------------------------------------


@dataclass
class ScoreReading:
    items: list[s.ScoreItem]
    total: tuple[int, int, str] | None  # the printed total: row, column, text
    notes: list[str]


def score_items(table: Table, grid: list[list[str]], header: Header) -> ScoreReading:
    """Scored leaf rows below ``header``, the printed total if any, and notes on what could not
    be read. An allotment is read from its 分值 column, or from the leaf's label ("决策程序
    （6分）") where the sheet prints it there."""
    fields = Fields.of(header, SCORE_FIELDS)
    items: list[s.ScoreItem] = []
    notes: list[str] = []
    total: tuple[int, int, str] | None = None
    carry = _Carry()
    # Columns that hold no number of another role: where a score printed off its column may
    # be found (never a target, an allotment or an amount).
    taken = {c for role, c in header.columns.items() if role in _NUMERIC_ROLES}
    free = [c for c in range(len(grid[0]) if grid else 0) if c not in taken]
    score_col = fields.cols.get("score")
    for r in range(header.last_row + 1, len(grid)):
        row = grid[r]
        if TOTAL_LABELS.match(key(first_text(row))):
            found = _score_in(row, score_col, free)
            if found and total is None:
                total = (r, found[0], found[1])
            continue
        if is_header_row(row):
            continue
        values = fields.values(row)
        level_cells = carry.apply(table, r, fields, values)
        allotted, allotted_col = values.get("allotted"), fields.cols.get("allotted")
        if not parse_number(allotted or ""):
            label = allotment_in_label(values.get("level3"))
            if label:
                allotted, allotted_col = label, fields.cols.get("level3")
        found = _score_in(row, score_col, [c for c in free if c > (allotted_col or -1)])
        score, col = (found[1], found[0]) if found else (values.get("score"), score_col)
        if not (parse_number(allotted or "") or parse_number(score or "")):
            continue
        if not values.get("level3"):
            # A scored row whose label OCR lost still counts towards the total; without both
            # an allotment and a score in their own columns it is a group row, not an item.
            if not (parse_number(values.get("allotted") or "") and parse_number(score or "")):
                continue
            notes.append(f"row {r}: 三级指标 label unreadable; scores kept")
        cells = _cells(table, r, fields, values) | level_cells
        if allotted and allotted_col is not None:
            cells["allotted"] = cell_ref(table, r, allotted_col)
        if score and col is not None:
            cells["score"] = cell_ref(table, r, col)
        items.append(
            s.ScoreItem(
                location=row_location(table, r, fields.first_col),
                cells=cells,
                level1=values.get("level1"),
                level2=values.get("level2"),
                level3=values.get("level3"),
                allotted=allotted,
                allotted_value=parsed(allotted),
                score=score,
                score_value=parsed(score),
                basis=values.get("basis"),
            )
        )
    return ScoreReading(items, total, notes)


def _score_in(row: list[str], col: int | None, free: list[int]) -> tuple[int, str] | None:
    """A row's score: in its 得分 column, else the last number in a column no other role
    holds (OCR and merged cells move a score off its column, never into a target's)."""
    if col is not None and col < len(row) and parse_number(row[col]):
        return col, row[col]
    spare = [row[c] if c < len(row) else "" for c in free]
    found = last_number(spare)
    return (free[found[0]], found[1]) if found else None


# --- lines of amounts and key–value cells ---------------------------------------------------


def amount_rows(
    table: Table,
    grid: list[list[str]],
    header_row: int,
    labels_col: int,
    stop: re.Pattern[str],
    form: int = 0,
) -> list[s.Amount]:
    """Rows of amounts below a header row, up to the first row whose first text matches
    ``stop``. Each value is keyed by its column's role where the header names one ("budget",
    "adjusted", "executed", "rate", "score"…: 全年预算数 and 调整后预算数 are one key), else by
    the header's text; ``columns`` keeps the printed header of every key."""
    names = grid[header_row]
    keys: dict[int, str] = {}
    # a role's first column takes its key; a spending column before money paid out (已拨付)
    columns = [c for c in range(labels_col + 1, len(names)) if names[c]]
    for c in sorted(columns, key=lambda c: disbursement(names[c])):
        role = role_of(names[c])
        keys[c] = role.value if role and role.value not in keys.values() else names[c]
    keys = dict(sorted(keys.items()))
    amounts = []
    for r in range(header_row + 1, len(grid)):
        row = grid[r]
        if stop.match(key(first_text(row))):
            break
        shift = _shift(row, labels_col, min(keys, default=labels_col + 1))
        label = row[labels_col + shift] if labels_col + shift < len(row) else ""
        if not label:
            continue
        at = {c + shift: k for c, k in keys.items()}
        values = {k: row[c] or None if c < len(row) else None for c, k in at.items()}
        amounts.append(
            s.Amount(
                location=row_location(table, r),
                cells={k: cell_ref(table, r, c) for c, k in at.items() if c < len(row) and row[c]},
                label=label,
                columns={k: names[c] for c, k in keys.items()},
                values=values,
                parsed={k: p for k, v in values.items() if (p := parsed(v)) is not None},
                form=form,
            )
        )
    return amounts


def _shift(row: list[str], labels_col: int, first_value: int) -> int:
    """1 where a text export's leading tab put a row's label and figures one column right of
    its header ("预算执行情况 | 年度预算数 | 年初预算…" over " | | 总额 | 180.00…"), else 0."""
    label = row[labels_col] if labels_col < len(row) else ""
    nxt = row[labels_col + 1] if labels_col + 1 < len(row) else ""
    value = row[first_value + 1] if first_value + 1 < len(row) else ""
    return int(not label and bool(nxt) and not parse_number(nxt) and bool(parse_number(value)))


def value_after(grid: list[list[str]], *labels: str) -> tuple[int, int, str] | None:
    """The first non-empty cell to the right of a cell reading one of ``labels`` (key–value
    rows: "项目名称 | …")."""
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text and key(text).startswith(labels):
                for c2 in range(c + 1, len(row)):
                    if row[c2]:
                        return r, c2, row[c2]
                return None
    return None


def text_after(grid: list[list[str]], *labels: str) -> str | None:
    found = value_after(grid, *labels)
    return found[2] if found else None


def is_key(text: str, *labels: str) -> bool:
    return normalise_label(text) in labels
