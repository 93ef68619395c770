"""What a table holds, asked of the table itself rather than of its kind code, so that a table
typed by its header alone, or by the model, is checked like any other of its shape."""

from __future__ import annotations

import re

from budgetlens.tables import schemas as s
from budgetlens.tables.kinds import KINDS


def shape(table: s.TableModel) -> str | None:
    spec = KINDS.get(getattr(table, "kind", ""))
    return spec.shape if spec else None


def score_sheet(table: s.TableModel) -> bool:
    """Scored items under 一级/二级 labels (not a 考核内容 assessment)."""
    return shape(table) == "score_items"


def assessment(table: s.TableModel) -> bool:
    """A management assessment: 考核内容 rows, each scored against its 计分标准."""
    return shape(table) == "assessment"


def scored_indicators(table: s.TableModel) -> bool:
    """Indicator rows that carry their own 得分 (a 自评表 whose weights are allotments)."""
    rows = getattr(table, "indicators", [])
    return shape(table) == "indicators" and any(r.score is not None for r in rows)


def target_indicators(table: s.TableModel) -> bool:
    """Indicator rows with a comparator and a target (not the free text of 完成情况表)."""
    rows = getattr(table, "indicators", [])
    return shape(table) == "indicators" and any(r.comparator is not None for r in rows)


def scored(table: s.TableModel) -> bool:
    """A table whose figures add up to a score: a score sheet or scored indicator rows."""
    return score_sheet(table) or scored_indicators(table)


def budget_execution(table: s.TableModel) -> list[s.Amount]:
    """The 预算执行情况 lines a table holds (empty where it has none)."""
    return list(getattr(table, "budget", []) or [])


# The label of a 预算执行情况 total line: "总额", "合计", "年度资金总额", "资金总额"
_TOTAL_LINE = re.compile(r"^(?:年度)?(?:资金)?(?:总额|合计)$")


def is_total_line(label: str) -> bool:
    return bool(_TOTAL_LINE.match(re.sub(r"\s", "", label)))


def total_lines(table: s.TableModel) -> list[s.Amount]:
    """The 总额 / 合计 line of 预算执行情况, one per form."""
    return [b for b in budget_execution(table) if is_total_line(b.label)]


def weight_totals(table: s.TableModel) -> tuple[int, ...]:
    """What the indicator weights of a table of this kind add up to."""
    spec = KINDS.get(getattr(table, "kind", ""))
    return spec.weight_totals if spec else ()
