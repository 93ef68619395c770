"""Rates restated in tables: a 预算执行率 is 预算执行数 ÷ 调整后预算数 (全年执行数 ÷ 全年预算数)
on every line of a table's 预算执行情况 (DOMAIN.md §4.4), and where the report says that its
得分 is 分值 × 执行率, that score is.
Only where the table, its score sheet or its report prints the formula: counties that score the
rate by bands (≥ 90% full marks) are not judged by it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import Interval, UndefinedRatio, check_ratio, judge
from budgetlens.document import Table
from budgetlens.textnorm import to_halfwidth

EXECUTION = Rule(
    "RATE.budget_execution",
    version=1,
    severity="error",
    zh=Doc(
        "自评表的预算执行率等于执行数 ÷ 调整后预算数",
        what="项目自评表「预算执行情况」每一行（资金总额、财政拨款、其他资金）的预算执行率，"
        "按同一行的预算执行数 ÷ 调整后预算数（全年执行数 ÷ 全年预算数）重新计算。",
        why="执行率决定「预算执行率」一项的得分；算错的执行率会让得分和评价结论失去依据。",
    ),
    en=Doc(
        "A self-evaluation table's execution rate is spent ÷ adjusted budget",
        what="On every line of a project table's 预算执行情况 (total, fiscal, other funds), the "
        "printed 预算执行率 is recomputed as 预算执行数 ÷ 调整后预算数 of the same line.",
        why="The rate earns the budget-execution points of the score; a wrong rate leaves the "
        "score and the conclusion without a basis.",
    ),
)
RATE_SCORE = Rule(
    "SCORE.execution_rate_score",
    version=2,
    severity="error",
    zh=Doc(
        "报告写明“得分=执行率×分值”时，预算执行得分等于分值 × 执行率",
        what="报告（正文、表注或评分表的评分方法）写明预算执行得分按“执行率×分值”计算"
        "（或“按执行率计分”）时，"
        "自评表「预算执行情况」一行的得分等于该行分值（权重）× 预算执行率，"
        "执行率超过 100% 按 100% 计；整数得分按精确值比较。",
        why="得分不按报告自己写明的公式计算，总分和评价结论就多算或少算了分。",
    ),
    en=Doc(
        "Where the report prints 得分=执行率×分值, the budget score is points × rate",
        what="Where the report (prose, a note, a score sheet's 评分方法) says the execution score "
        'is 执行率 × 分值 (or "按执行率计分"), a 预算执行情况 line\'s 得分 equals its 分值 (权重) '
        "× its 执行率, a rate "
        "above 100% counting as 100%; a whole-number score is taken as exact.",
        why="A score off the formula the report itself states adds points to, or takes them "
        "from, the total and the conclusion.",
    ),
)


def budget_execution(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        for line in getattr(table, "budget", []):
            rate = Operand.in_row(line, "rate")
            executed = Operand.in_row(line, "executed")
            budget = Operand.in_row(line, "adjusted")
            if not (rate and executed and budget):
                continue
            if not all(o.reliable for o in (rate, executed, budget)):
                ctx.not_checked(EXECUTION)
                continue
            if budget.number.value == 0:
                if executed.number.value == 0 and rate.number.value == 0:
                    ctx.held(EXECUTION)  # nothing budgeted, nothing spent, 0% printed
                else:
                    ctx.not_checked(EXECUTION)  # a rate of a zero budget is undefined
                continue
            try:
                judgement = check_ratio(rate.number, executed.number, budget.number)
            except UndefinedRatio:
                ctx.not_checked(EXECUTION)
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
# rate's "×100%" is not read as a score formula; or in words, "按执行率计分"
_FORMULA = re.compile(
    r"(?:预算)?执行率\s*[×xX*]\s*(?:分值|权重|\d+\s*分)|(?:分值|权重)\s*[×xX*]\s*(?:预算)?执行率"
    r"|按(?:预算)?执行率(?:计分|计算得分|折算得分)"
)
_HUNDRED = Decimal(100)


def _formula(ctx: Context, report: int | None) -> Evidence | None:
    """Where a report prints the score formula: a cell of any of its tables (a table's note, a
    score sheet's 评分方法) or its prose."""
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
    formulas: dict[int | None, Evidence | None] = {}  # by report: one scan of its text each
    for table in ctx.extraction.tables:
        lines = [
            (line, rate, score, points)
            for line in holds.budget_execution(table)
            if (rate := Operand.in_row(line, "rate"))
            and (score := Operand.in_row(line, "score"))
            and (points := Operand.in_row(line, "allotted") or Operand.in_row(line, "weight"))
            and rate.number.percent
        ]
        report = ctx.report_of.get(table.id)
        if lines and report not in formulas:
            formulas[report] = _formula(ctx, report)
        formula = formulas.get(report) if lines else None
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
