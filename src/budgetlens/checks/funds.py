"""Money in the self-evaluation tables adds up (DOMAIN.md §4.1, issue 15 item 3).

A 自评表's 预算执行情况 prints a 总额 (合计) line over its sources, and a 目标完成情况表 its
年度资金总额 over 财政拨款, 上年结转 and 其他资金; each money column (年初预算, 调整后预算,
执行数 …) of the total line is the sum of the same column of the lines below it. Rates, weights
and scores on those lines are not money: ``rates.py`` and ``scores.py`` judge them.
"""

from __future__ import annotations

import re

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.tables import schemas as s

FUND_LINES = Rule(
    "FOOT.fund_lines_add_up",
    version=2,
    severity="error",
    zh=Doc(
        "自评表资金总额等于其下各资金来源之和",
        what="项目自评表「预算执行情况」中，总额（合计）一行的年初预算、调整后预算、执行数各列，"
        "分别等于其下财政资金、其他资金等各资金来源之和；按用途的第二种分法（基本支出、项目支出，"
        "或以“其中”“按…分”另起）单独相加。",
        why="资金来源加不出总额，说明某一来源漏列或印错，执行率和评分的基数也就不可信。",
    ),
    en=Doc(
        "A self-evaluation table's total funds are the sum of their sources",
        what="In a project table's 预算执行情况, each money column of the 总额 (合计) line is "
        "the sum of the fund sources below it (财政资金, 其他资金 …); a second breakdown, by use "
        '(基本支出, 项目支出) or opened by "其中" or "按…分", adds up on its own.',
        why="Sources that do not make the total mean one is missing or misprinted, and the base "
        "of the execution rate and of the score with it.",
    ),
)

OVER_BUDGET = Rule(
    "RATE.executed_within_budget",
    version=1,
    severity="error",
    zh=Doc(
        "自评表的执行数不超过全年预算数，超出须说明原因",
        what="项目自评表「预算执行情况」每一行的预算执行数（全年执行数）不大于同一行的调整后预算数"
        "（全年预算数；未列调整后预算时为预算数），除非该行或其总额行的「原因」栏写明了原因。",
        why="花出去的钱多于全年预算而不作说明，或是数字印错，或是超预算支出未经调整，执行率与评分都失去依据。",
    ),
    en=Doc(
        "A self-evaluation table spends no more than its year's budget, or says why",
        what="On every line of a project table's 预算执行情况, the 执行数 is at most the same "
        "line's 调整后预算数 (全年预算数; 预算数 where none is printed), unless the line's or its "
        "总额 line's 原因 cell gives a reason.",
        why="Spending above the year's budget with no word of why is either a misprint or "
        "spending no adjustment approved; the execution rate and its score rest on it.",
    ),
)

_NOT_MONEY = re.compile(r"率|权重|得分|分值|原因|说明|note|rate|weight|score")
_BLANK = {"", "/", "-", "—", "－", "无"}  # a source the project did not have: nothing


# a second breakdown opens with "其中" or names itself ("按支出性质分："), or turns from sources
# (财政拨款, 其他资金) to uses (基本支出, 项目支出)
_OPENS = re.compile(r"\s*(?:其中|按\S{1,6}分)")
_BY_USE = re.compile(r"基本支出|项目支出|人员经费|公用经费")


def _key(label: str) -> str:
    return re.sub(r"\s|^其中[:：]?", "", label)


def _sets(table: s.TableModel) -> list[tuple[s.Amount, list[s.Amount]]]:
    """Each total line with the lines of its form below it, where the labels read as a fund
    breakdown: a label with digits or a rate is a misread header, and the set is skipped."""
    lines = [*holds.budget_execution(table), *getattr(table, "funds", [])]
    found = []
    for total in (line for line in lines if holds.is_total_line(_key(line.label))):
        parts = [
            line
            for line in lines
            if line is not total and (line.form, line.side) == (total.form, total.side)
        ]
        if any(re.search(r"\d|率|（万元", p.label) for p in parts):
            continue
        # "其中：财政拨款 / 其他资金" then "其中：基本支出 / 项目支出": two breakdowns of one total
        breakdowns: list[list[tuple[bool, s.Amount]]] = []
        for line in parts:
            by_use = bool(_BY_USE.search(line.label))
            if not breakdowns or _OPENS.match(line.label) or by_use != breakdowns[-1][-1][0]:
                breakdowns.append([])
            breakdowns[-1].append((by_use, line))
        found += [(total, [line for _, line in lines]) for lines in breakdowns]
    return found


def fund_lines_add_up(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        for total, parts in _sets(table):
            if len(parts) < 2:
                continue  # "其中：财政拨款" alone is part of the total, not all of it
            for column in total.parsed:
                if _NOT_MONEY.search(column) or total.parsed[column].percent:
                    continue
                _column(ctx, table, total, parts, column)


def _column(
    ctx: Context, table: s.TableModel, total: s.Amount, parts: list[s.Amount], column: str
) -> None:
    stated = Operand.in_row(total, column)
    if stated is None:
        return
    operands = []
    for part in parts:
        text = (part.values.get(column) or "").strip()
        if text in _BLANK:
            continue
        operand = Operand.in_row(part, column)
        if operand is None:
            ctx.not_checked(FUND_LINES)  # printed but not read as a number
            return
        operands.append(operand)
    if not operands:
        return
    judgement = check_sum(stated.number, [o.number for o in operands])
    name = total.columns.get(column, column)
    ctx.judged(
        FUND_LINES,
        judgement,
        stated,
        operands,
        f"{getattr(table, 'project', None) or table.title}：{total.label}（{name}）"
        f"{stated.number.text} ≠ 各资金来源之和 {' + '.join(o.number.text for o in operands)}"
        f" = {plain(judgement.computed.mid)}",
    )


def executed_within_budget(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        lines = holds.budget_execution(table)
        totals = {line.form: line for line in holds.total_lines(table)}
        for line in lines:
            executed = Operand.in_row(line, "executed")
            budget = Operand.in_row(line, "adjusted") or Operand.in_row(line, "budget")
            if executed is None or budget is None:
                continue
            if not ctx.readable(executed, budget):
                ctx.not_checked(OVER_BUDGET)
                continue
            total = totals.get(line.form)
            notes = [(x.values.get("note") or "").strip() for x in (line, total) if x]
            if executed.number.value <= budget.number.value or any(n not in _BLANK for n in notes):
                ctx.held(OVER_BUDGET)  # within the budget, or the 原因 column says why not
                continue
            ctx.violated(
                OVER_BUDGET,
                "error",
                executed,
                [budget],
                f"{getattr(table, 'project', None) or table.title}：{line.label}"
                f"{line.columns.get('executed', '执行数')} {executed.number.text} 超过"
                f"{_budget_name(line)} {budget.number.text}，未说明原因",
                computed=budget.number.text,
            )


def _budget_name(line: s.Amount) -> str:
    """The header of the budget column judged against, as printed."""
    key = "adjusted" if "adjusted" in line.parsed else "budget"
    return line.columns.get(key, "全年预算数")


FAMILIES = [fund_lines_add_up, executed_within_budget]
