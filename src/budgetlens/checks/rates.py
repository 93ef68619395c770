"""Rates restated in tables: a 预算执行率 is 预算执行数 ÷ 调整后预算数 (全年执行数 ÷ 全年预算数)
on every line of a table's 预算执行情况 (DOMAIN.md §4.4), and where the report says that its
得分 is 分值 × 执行率, that score is.

Rules (for the catalog):

- RATE.budget_execution — 预算执行率等于执行数除以调整后预算数。
- SCORE.execution_rate_score — 报告写明“得分=执行率×分值”时，预算执行情况的得分等于分值（权重）×
  执行率（执行率超过100%按100%计）。Only where the table, its score sheet or its report prints
  the formula: counties that score by bands (≥ 90% full marks) are not judged by it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks import holds
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import Interval, UndefinedRatio, check_ratio, judge
from budgetlens.document import Table
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

EXECUTION = ("RATE.budget_execution", 1, "rates")
RATE_SCORE = ("SCORE.execution_rate_score", 1, "scores")


def budget_execution(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        for line in getattr(table, "budget", []):
            rate = Operand.in_row(line, "rate")
            executed = Operand.in_row(line, "executed")
            budget = Operand.in_row(line, "adjusted")
            if not (rate and executed and budget):
                continue
            if not all(o.reliable for o in (rate, executed, budget)):
                ctx.not_checked("rates")
                continue
            if budget.number.value == 0:
                if executed.number.value == 0 and rate.number.value == 0:
                    ctx.held("rates")  # nothing budgeted, nothing spent, 0% printed
                else:
                    ctx.not_checked("rates")  # a rate of a zero budget is undefined
                continue
            try:
                judgement = check_ratio(rate.number, executed.number, budget.number)
            except UndefinedRatio:
                ctx.not_checked("rates")
                continue
            ctx.judged(
                EXECUTION,
                judgement,
                rate,
                [executed, budget],
                f"{table.project or table.title}（{line.label}）：预算执行率 {rate.number.text} ≠ "
                f"预算执行数 {executed.number.text} ÷ 调整后预算数 {budget.number.text} = "
                f"{judgement.computed.mid.quantize(rate.number.half_unit * 2)}%",
            )


# "得分=执行率×分值", "分值×预算执行率", "执行率×10分": digits need their 分, so that a
# rate's "×100%" is not read as a score formula
_FORMULA = re.compile(
    r"(?:预算)?执行率\s*[×xX*]\s*(?:分值|权重|\d+\s*分)|(?:分值|权重)\s*[×xX*]\s*(?:预算)?执行率"
)
_HUNDRED = Decimal(100)


def _formula(ctx: Context, table: s.TableModel) -> Evidence | None:
    """Where the table's report prints the score formula: a cell of any of its tables (the
    table's note, a score sheet's 评分方法) or its prose."""
    report = ctx.report_of.get(table.id)
    for block in ctx.document.blocks:
        if ctx.report_of.get(block.id) != report:
            continue
        if isinstance(block, Table):
            for cell in block.cells:
                if m := _FORMULA.search(to_halfwidth(cell.text)):
                    where = EvidenceLocation(
                        table_id=block.id,
                        row=cell.row,
                        col=cell.col,
                        line=cell.location.line_start,
                        page=cell.location.page,
                    )
                    return Evidence(role="label", text=m.group(), location=where)
        elif m := _FORMULA.search(to_halfwidth(block.text)):
            located = block.source_map.locate(m.start())
            where = EvidenceLocation(
                block_id=block.id,
                start=m.start(),
                end=m.end(),
                line=located[0] if located else block.location.line_start,
                page=block.location.page,
            )
            return Evidence(role="label", text=m.group(), location=where)
    return None


def execution_rate_scores(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        lines = [
            (line, rate, score, points)
            for line in holds.budget_execution(table)
            if (rate := Operand.in_row(line, "rate"))
            and (score := Operand.in_row(line, "score"))
            and (points := Operand.in_row(line, "allotted") or Operand.in_row(line, "weight"))
            and rate.number.percent
        ]
        formula = _formula(ctx, table) if lines else None
        if formula is None:
            continue
        for line, rate, score, points in lines:
            capped = min(rate.number.interval[0], _HUNDRED), min(rate.number.interval[1], _HUNDRED)
            share = Interval(*capped).scale(1 / _HUNDRED)
            exact = points.number.value * min(rate.number.value, _HUNDRED) / _HUNDRED
            computed = Interval.exact(points.number.value) * share  # 分值 counts whole points
            # whole points are exact (a 10 is not 9.5 rounded); a score printed with decimals
            # keeps its precision
            decimals = score.number.decimals or 2
            judgement = judge(score.number.value, decimals, computed, exact)
            ctx.judged(
                RATE_SCORE,
                judgement,
                score,
                [points, rate, formula],
                f"{table.project or table.title}（{line.label}）：得分 {score.number.text} ≠ "
                f"{line.columns.get('allotted', line.columns.get('weight', '分值'))} "
                f"{points.number.text} × 执行率 {rate.number.text} = "
                f"{plain(exact)}（{formula.text}）",
            )


FAMILIES = [budget_execution, execution_rate_scores]
