"""Identities of the 决算 statements (DOMAIN.md §4.7).

收入总计 = 支出总计; 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 收入总计;
支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. The summary statements print income on the
left and expenditure on the right of one grid, both totals labelled 总计.
"""

from __future__ import annotations

import re

from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import check_equal, check_sum
from budgetlens.tables import schemas as s

BALANCE = ("STMT.income_equals_expenditure", 2, "statements")
INCOME = ("STMT.income_total", 2, "statements")
EXPENDITURE = ("STMT.expenditure_total", 2, "statements")

_SUMMARIES = ("summary", "fiscal_summary")  # income and expenditure side by side
# The parts of each side's 总计, by label prefix (the 财政拨款 summary names them its own way).
_INCOME_PARTS = (
    ("本年收入合计",),
    ("使用非财政拨款结余",),
    ("年初结转和结余", "年初财政拨款结转和结余"),
)
_SPENDING_PARTS = (
    ("本年支出合计",),
    ("结余分配",),
    ("年末结转和结余", "年末财政拨款结转和结余"),
)
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")


def _amount(row: s.Amount) -> Operand | None:
    for key, text in row.values.items():
        if text and key in row.parsed:
            return Operand.from_cell(text, row.parsed[key], row.cells[key])
    return None


def _side(table: s.Statement, left: bool) -> dict[str, Operand]:
    """Label → amount on one side of a summary statement (the first amount of each label):
    the left side is income, every side to its right expenditure."""
    found: dict[str, Operand] = {}
    for row in table.rows:
        amount = _amount(row)
        if amount is None:
            continue
        label = _NUMBERING.sub("", row.label.replace(" ", ""))
        if (row.side == 0) == left and label not in found:
            found[label] = amount
    return found


def _find(side: dict[str, Operand], *prefixes: str) -> Operand | None:
    for label, amount in side.items():
        if label.startswith(prefixes):
            return amount
    return None


def summary_identities(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement) or table.form not in _SUMMARIES:
            continue
        income, spending = _side(table, left=True), _side(table, left=False)
        income_total = _find(income, "总计", "收入总计")
        spending_total = _find(spending, "总计", "支出总计")
        if income_total and spending_total:
            judgement = check_equal(income_total.number, spending_total.number)
            ctx.judged(
                BALANCE,
                judgement,
                income_total,
                [spending_total],
                f"{table.title}：收入总计 {income_total.number.text} ≠ 支出总计 "
                f"{spending_total.number.text}",
            )
        _total_of(ctx, table.title, INCOME, income_total, income, "收入", _INCOME_PARTS)
        _total_of(ctx, table.title, EXPENDITURE, spending_total, spending, "支出", _SPENDING_PARTS)


def _total_of(ctx, title, rule, total, side, noun, parts_labels) -> None:
    parts = [_find(side, *labels) for labels in parts_labels]
    present = [p for p in parts if p is not None]
    if total is None or not present or parts[0] is None:
        return
    if not all(o.reliable for o in (total, *present)):
        ctx.not_checked("statements")
        return
    judgement = check_sum(total.number, [p.number for p in present])
    ctx.judged(
        rule,
        judgement,
        total,
        present,
        f"{title}：{noun}总计 {total.number.text} ≠ "
        + " + ".join(
            f"{lab[0]} {p.number.text}" for lab, p in zip(parts_labels, parts, strict=True) if p
        )
        + f" = {plain(judgement.computed.mid)}",
    )


FAMILIES = [summary_identities]
