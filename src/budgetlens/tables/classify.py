"""A table's kind, from its title, its header signature and its section.

The title decides when it names a known type; the header signature decides when the title is
missing or unknown (a table whose caption OCR lost still has its 一级指标…得分 header). A table
that neither names stays ``unknown`` and is kept as a grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlens.document import Table
from budgetlens.tables.schemas import TableKind
from budgetlens.textnorm import to_halfwidth

# Most specific first: "部门预算项目支出绩效自评表" must not be read as a T10, nor a T1 as a T9.
_TITLES: list[tuple[re.Pattern[str], TableKind]] = [
    (re.compile(r"部门整体支出绩效目标完成情况自评表"), "T1"),
    (re.compile(r"项目绩效目标完成情况自评表"), "T2"),
    (re.compile(r"项目支出绩效自评表"), "T3"),
    (re.compile(r"部门.*绩效评价指标.*自评分表"), "T4"),
    (re.compile(r"项目.*绩效评价指标体系"), "T5"),
    (re.compile(r"绩效目标设置表"), "T6"),
    (re.compile(r"预算绩效管理工作考核评分表"), "T7"),
    (re.compile(r"整体支出绩效自评计分表"), "T8"),
    (re.compile(r"部门整体支出绩效目标完成情况表"), "T9"),
    (re.compile(r"项目支出绩效自评计分表"), "T10"),
    (re.compile(r"项目支出绩效目标完成情况表"), "T11"),
    (re.compile(r"整体支出绩效评价自评得分"), "T12"),
    (re.compile(r"决算(?:总表|表|明细表)$"), "statement"),
]

# Header signatures: the labels a kind's header rows hold (after width normalisation).
_SIGNATURES: list[tuple[frozenset[str], TableKind]] = [
    (frozenset({"三级指标", "指标性质", "指标值", "完成值", "得分"}), "T3"),
    (frozenset({"绩效指标性质", "绩效指标值", "实际完成指标值", "部门名称"}), "T1"),
    (frozenset({"指标性质", "指标值", "实际完成指标值", "项目名称"}), "T2"),
    (frozenset({"三级指标", "指标分值", "评分方法", "得分"}), "T4"),
    (frozenset({"考核内容", "分值", "计分标准", "自评分数"}), "T7"),
    (frozenset({"三级指标", "指标说明(评价计分标准)", "自评分数"}), "T10"),
    (frozenset({"三级指标", "预算指标值(包含数字及文字描述)"}), "T11"),
    (frozenset({"指标分值", "指标解释", "计分标准", "自评得分"}), "T12"),
]


@dataclass(frozen=True)
class Classification:
    kind: TableKind
    by: str  # "title", "header" or "none": what decided it


def header_labels(table: Table, rows: int = 4) -> set[str]:
    """The normalised texts of the first rows' cells: what a header signature is read from."""
    return {to_halfwidth(c.text) for c in table.cells if c.row < rows and c.text}


def classify(table: Table) -> Classification:
    title = to_halfwidth(table.text)
    for pattern, kind in _TITLES:
        if title and pattern.search(title):
            return Classification(_department_or_project(kind, table), "title")
    labels = header_labels(table, rows=14)
    for signature, kind in _SIGNATURES:
        if signature <= labels:
            return Classification(_department_or_project(kind, table), "header")
    return Classification("unknown", "none")


def _department_or_project(kind: TableKind, table: Table) -> TableKind:
    """T8/T10 and T9/T11 share a layout; a 项目名称 row or a project report makes it a project's."""
    pairs: dict[TableKind, TableKind] = {"T8": "T10", "T9": "T11"}
    if kind in pairs and any(c.text == "项目名称" for c in table.cells if c.col == 0):
        return pairs[kind]
    return kind
