"""A statement of one fund totals what the summaries print for that fund (DOMAIN.md §4.7): the
财政拨款政府性基金支出预算表's 合计 is the 政府性基金预算 line of the 收支预算总表 and of the
财政拨款收支预算总表. A 合计 of 18,330.37 under summaries whose 政府性基金 line is blank says
the department has money the summaries do not show, or a figure copied into the wrong table.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, blank_line
from budgetlens.checks.findings import Evidence
from budgetlens.tables import schemas as s

FUND_TOTAL = Rule(
    "STMT.fund_statement_total",
    version=1,
    severity="warning",
    zh=Doc(
        "单一资金的报表合计等于收支总表中该项资金一行",
        what="标题为政府性基金或国有资本经营预算的报表（只有一栏金额时），其合计等于收支总表、"
        "财政拨款收支总表中该项资金的收入一行（空白按 0 计）；总表中这一行都不等于它时报告。",
        why="总表说没有这项资金、分表却列出一个合计（或两者不同），就有一处把数填错了表或漏填了。",
    ),
    en=Doc(
        "A statement of one fund totals the summaries' line for that fund",
        what="A statement titled by one fund (政府性基金, 国有资本经营), with one column of "
        "amounts, totals what the 收支总表 and the 财政拨款收支总表 print on that fund's income "
        "line (a blank counting as 0); it is reported where no such line agrees.",
        why="Summaries that show none of a fund beside a statement that totals some of it (or "
        "another amount) mean one of them was filled in the wrong table or left out.",
    ),
)

_FUNDS = ("政府性基金", "国有资本经营")
_TOTAL = re.compile(r"^(?:合计|总计)$")
_CARRIED = re.compile(r"结转|结余")


def _fund_total(table: s.Statement) -> tuple[str, Operand] | None:
    """The fund a statement is of and its one printed 合计, where it has one column."""
    named = [f for f in _FUNDS if f in table.title]
    total = next((r for r in table.rows if _TOTAL.match(r.label.replace(" ", ""))), None)
    if len(named) != 1 or total is None or len(total.values) != 1:
        return None
    ((key, text),) = total.values.items()
    if not text or key not in total.parsed:
        return None
    return named[0], Operand.from_cell(text, total.parsed[key], total.cells[key])


def _line_value(row: s.Amount) -> tuple[Decimal, Evidence]:
    """A summary line's first income figure, a blank as 0, with where it is printed."""
    for key, text in row.values.items():
        if text and key in row.parsed:
            return row.parsed[key].value, Operand.from_cell(
                text, row.parsed[key], row.cells[key]
            ).evidence
        if not text:
            break
    return Decimal(0), blank_line(row)


def fund_statement_totals(ctx: Context) -> None:
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    summaries = [t for t in statements if t.form in ("summary", "fiscal_summary")]
    for table in statements:
        found = _fund_total(table) if table.form not in ("summary", "fiscal_summary") else None
        if found is None:
            continue
        fund, total = found
        lines = [
            (summary, _line_value(row))
            for summary in summaries
            for row in summary.rows
            if fund in row.label and not _CARRIED.search(row.label)
        ]
        if not lines:
            continue
        if any(value == total.number.value for _, (value, _) in lines):
            ctx.held(FUND_TOTAL)
            continue
        summary, (value, printed) = lines[0]
        ctx.violated(
            FUND_TOTAL,
            "warning",
            total,
            [printed for _, (_, printed) in lines],
            f"「{table.title}」合计 {total.number.text}，而「{summary.title}」{fund}一行为 "
            f"{printed.text or '空白'}",
            computed=str(value),
        )


FAMILIES = [fund_statement_totals]
