"""Rates restated in tables: a 预算执行率 is 预算执行数 ÷ 调整后预算数 (全年执行数 ÷ 全年预算数)
on every line of a table's 预算执行情况 (DOMAIN.md §4.4)."""

from __future__ import annotations

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.intervals import UndefinedRatio, check_ratio

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


FAMILIES = [budget_execution]
