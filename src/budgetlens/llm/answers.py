"""What the model answers, per table family, and the grounding every value must pass.

Each value is the text as printed and the cell it was read from. Grounding checks that the
cited cell holds that text (after normalisation; a number must be one of the cell's numbers,
so "10" is not grounded by "100"). While instructor can still re-ask, a failure raises a
validation error whose message is sent back; after the last re-ask, ``drop_ungrounded``
removes what still fails and records it, so no check ever uses it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from budgetlens.document import Table
from budgetlens.llm.grid import cited_cell, coordinates
from budgetlens.numbers import find_numbers, parse_number
from budgetlens.tables.kinds import KINDS, Shape
from budgetlens.tables.schemas import Ungrounded
from budgetlens.textnorm import normalize, to_halfwidth


class Cited(BaseModel):
    text: str = Field(description="the value exactly as printed in the cell")
    # No regex pattern here: llama.cpp's grammar builder cannot take one; grounding checks it.
    cell: str = Field(description="the cell it is printed in, e.g. r5c6")


@dataclass(frozen=True)
class Grounding:
    """The validation context: the table the answer must be grounded in."""

    table: Table

    def drop(self, answer: Answer) -> tuple[Answer, list[Ungrounded]]:
        return drop_ungrounded(answer, self.table)


def _norm(text: str) -> str:
    return to_halfwidth(normalize(text)).replace(" ", "")


def grounding_error(table: Table, value: Cited) -> str | None:
    """Why ``value`` is not what its cell holds, or None when it is."""
    if coordinates(value.cell) is None:
        return f"{value.cell!r} is not a cell name such as r5c6"
    cell = cited_cell(table, value.cell)
    if cell is None:
        return f"cell {value.cell} is empty or outside the table"
    text, held = _norm(value.text), _norm(cell.text)
    number = parse_number(value.text)
    if not text or text not in held:
        return f"{value.text!r} is not in cell {value.cell}, which reads {cell.text!r}"
    if number is not None and number.value not in {n.value for n in find_numbers(cell.text)}:
        return f"{value.text!r} is not a number of cell {value.cell}, which reads {cell.text!r}"
    return None


class _Grounded(BaseModel):
    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> _Grounded:
        grounding = (info.context or {}).get("grounding")
        if isinstance(grounding, Grounding):
            errors = [
                f"{name}: {error}"
                for name, value in self._cited()
                if (error := grounding_error(grounding.table, value))
            ]
            if errors:
                raise ValueError("; ".join(errors))
        return self

    def _cited(self) -> Iterator[tuple[str, Cited]]:
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Cited):
                yield name, value


class IndicatorRow(_Grounded):
    level1: Cited | None = Field(None, description="一级指标, where printed (also for merged rows)")
    level2: Cited | None = Field(None, description="二级指标, where printed")
    level3: Cited | None = Field(None, description="三级指标")
    comparator: Cited | None = Field(None, description="指标性质: ≥ ≤ = > < 定性")
    target: Cited | None = Field(None, description="指标值 / 预算指标值")
    unit: Cited | None = Field(None, description="度量单位")
    weight: Cited | None = Field(None, description="权重")
    actual: Cited | None = Field(None, description="实际完成指标值 / 完成值 / 执行结果")
    score: Cited | None = Field(None, description="得分")
    note: Cited | None = Field(None, description="未完成原因 / 偏差原因 / 备注")


class IndicatorAnswer(_Grounded):
    """An indicator table (T1, T2, T3, T6, T9, T11): one entry per indicator row."""

    project: Cited | None = Field(None, description="项目名称, if the table has one")
    indicators: list[IndicatorRow]


class ScoreRow(_Grounded):
    level1: Cited | None = Field(None, description="一级指标 / 一、 section, where printed")
    level2: Cited | None = Field(None, description="二级指标 / （一） group, where printed")
    level3: Cited | None = Field(None, description="三级指标 / 计分标准 of a scored leaf row")
    allotted: Cited | None = Field(None, description="指标分值 / 分值 (or the N of （N分）)")
    score: Cited | None = Field(None, description="得分 / 自评分数 / 自评得分")
    basis: Cited | None = Field(None, description="评分方法 / 计分标准")


class ScoreAnswer(_Grounded):
    """A score sheet (T4, T5, T7, T8, T10, T12): one entry per scored leaf row."""

    project: Cited | None = Field(None, description="项目名称, if the table has one")
    total_score: Cited | None = Field(None, description="the printed total: 评价得分 / 合计")
    items: list[ScoreRow]


Answer = IndicatorAnswer | ScoreAnswer

# How each shape of table is answered; statements' amounts are never sent (no answer model).
SHAPE_ANSWERS: dict[Shape, type[Answer] | None] = {
    "indicators": IndicatorAnswer,
    "score_items": ScoreAnswer,
    "assessment": ScoreAnswer,
    "amounts": None,
}
# Kind code → its answer model, for every kind of the registry the model reads.
ANSWERS: dict[str, type[Answer]] = {
    code: answer for code, spec in KINDS.items() if (answer := SHAPE_ANSWERS[spec.shape])
}


def schema_hash(answer: type[BaseModel]) -> str:
    """Changes whenever the answer's JSON Schema does: part of the cache key."""
    schema = json.dumps(answer.model_json_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


def drop_ungrounded(answer: Answer, table: Table) -> tuple[Answer, list[Ungrounded]]:
    """``answer`` without the values its cells do not hold, and those values, recorded."""
    dropped: list[Ungrounded] = []

    def clean(model: _Grounded, prefix: str) -> dict[str, None]:
        removed = {}
        for name, value in model._cited():
            if error := grounding_error(table, value):
                dropped.append(
                    Ungrounded(field=prefix + name, text=value.text, cell=value.cell, reason=error)
                )
                removed[name] = None
        return removed

    rows_field = "indicators" if isinstance(answer, IndicatorAnswer) else "items"
    rows = [
        row.model_copy(update=clean(row, f"{rows_field}[{i}]."))
        for i, row in enumerate(getattr(answer, rows_field))
    ]
    return answer.model_copy(update={**clean(answer, ""), rows_field: rows}), dropped
