"""Rates restated in tables: a 预算执行率 is 预算执行数 ÷ 调整后预算数 (全年执行数 ÷ 全年预算数)
on every line of a table's 预算执行情况 (DOMAIN.md §4.4)."""

from __future__ import annotations

from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.intervals import UndefinedRatio, check_ratio

EXECUTION = ("RATE.budget_execution", 1, "rates")


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


FAMILIES = [budget_execution]
