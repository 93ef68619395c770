"""An answer turned into the table schemas: the same fields, parsed values and cell references
as the rules give, on top of the rules' reading of the blocks the model is not asked about
(T3 预算执行情况, T2 project information…)."""

from __future__ import annotations

from collections.abc import Iterator

from budgetlens.document import Table
from budgetlens.layout.cells import cell_ref, parsed, row_location
from budgetlens.llm.answers import (
    Answer,
    Cited,
    IndicatorAnswer,
    IndicatorRow,
    ScoreAnswer,
    ScoreRow,
)
from budgetlens.llm.grid import coordinates
from budgetlens.tables import schemas as s
from budgetlens.textnorm import parse_comparator

_LABELS = ("level1", "level2")


def _text(value: Cited | None) -> str | None:
    return value.text if value is not None else None


def _position(table: Table, value: Cited) -> tuple[int, int]:
    # Grounding has checked that the cell exists; report the merged cell's top-left position.
    row, col = coordinates(value.cell) or (0, 0)
    cell = table.cell_at(row, col)
    return (cell.row, cell.col) if cell is not None else (row, col)


def _row_parts(
    table: Table, row: IndicatorRow | ScoreRow, carried: dict[str, Cited | None]
) -> tuple[dict[str, str | None], dict[str, s.CellRef], s.RowLocation] | None:
    """The row's texts, with 一级/二级 carried down where the model left them out (merged
    cells), their cells, and the row's location (its first own cell); None for a row with
    no value of its own."""
    values: dict[str, Cited | None] = dict(row)
    for level in _LABELS:
        if values[level] is not None:
            carried[level] = values[level]
            if level == "level1":
                carried["level2"] = None
        values[level] = values[level] or carried[level]
    own = [v for name, v in values.items() if v is not None and name not in _LABELS]
    if not own:
        return None
    positions = [_position(table, v) for v in own]
    first_row = min(r for r, _ in positions)
    first_col = min(c for r, c in positions if r == first_row)
    cells = {name: cell_ref(table, *_position(table, v)) for name, v in values.items() if v}
    return (
        {name: _text(v) for name, v in values.items()},
        cells,
        row_location(table, first_row, first_col),
    )


def _read_rows(
    table: Table, rows: list[IndicatorRow] | list[ScoreRow]
) -> Iterator[tuple[dict[str, str | None], dict[str, s.CellRef], s.RowLocation]]:
    """Each answered row with a value of its own, 一级/二级 carried down across rows."""
    carried: dict[str, Cited | None] = dict.fromkeys(_LABELS)
    for row in rows:
        parts = _row_parts(table, row, carried)
        if parts is not None:
            yield parts


def _indicators(table: Table, answer: IndicatorAnswer) -> list[s.Indicator]:
    rows = []
    for values, cells, location in _read_rows(table, answer.indicators):
        unit = values["unit"]
        rows.append(
            s.Indicator(
                location=location,
                cells=cells,
                level1=values["level1"],
                level2=values["level2"],
                level3=values["level3"],
                comparator=parse_comparator(values["comparator"] or ""),  # type: ignore[arg-type]
                target=values["target"],
                target_value=parsed(values["target"], unit),
                unit=unit,
                weight=values["weight"],
                weight_value=parsed(values["weight"]),
                actual=values["actual"],
                actual_value=parsed(values["actual"], unit),
                score=values["score"],
                score_value=parsed(values["score"]),
                note=values["note"],
            )
        )
    return rows


def _items(table: Table, answer: ScoreAnswer) -> list[s.ScoreItem]:
    return [
        s.ScoreItem(
            location=location,
            cells=cells,
            level1=values["level1"],
            level2=values["level2"],
            level3=values["level3"],
            allotted=values["allotted"],
            allotted_value=parsed(values["allotted"]),
            score=values["score"],
            score_value=parsed(values["score"]),
            basis=values["basis"],
        )
        for values, cells, location in _read_rows(table, answer.items)
    ]


def apply_answer(rules: s.ExtractedTable, table: Table, answer: Answer) -> s.ExtractedTable:
    """The rules' table with what the model read in place of its rows, project and total."""
    # The grid is all the model sees: a project named only above the table stays the rules'.
    update: dict[str, object] = {"project": _text(answer.project) or rules.project}
    if isinstance(answer, IndicatorAnswer):
        update["indicators"] = _indicators(table, answer)
    else:
        update["items"] = _items(table, answer)
        total = answer.total_score
        update |= {
            "total_score": _text(total),
            "total_score_value": parsed(_text(total)),
            "total_cell": cell_ref(table, *_position(table, total)) if total else None,
        }
    return rules.model_copy(update=update)


def rows_of(table: s.ExtractedTable) -> list[s.Indicator] | list[s.ScoreItem]:
    """The indicator rows or scored items of a table the model filled."""
    return table.indicators if isinstance(table, s._IndicatorTable) else table.items
