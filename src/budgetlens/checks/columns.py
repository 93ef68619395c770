"""A statement's column is what its header says (DOMAIN.md §4.7): the 支出预算总表 splits its
合计 by use (基本支出, 项目支出, 单位预留机动经费), and the other statements print the same
totals under the same names. A column headed 人员经费 whose total the 收支总表 prints as 基本支出,
or a second column headed 基本支出 that totals the 项目支出, has its header misprinted.
"""

from __future__ import annotations

import re

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.statements import named_figures
from budgetlens.tables import schemas as s

COLUMN_NAMED = Rule(
    "STMT.column_named",
    version=1,
    severity="warning",
    zh=Doc(
        "按支出用途分列的报表，各列的列名与其合计在其他报表中的名称一致",
        what="列名为基本支出、项目支出、人员经费、公用经费之一的一列，其合计数在其他报表中以"
        "另一个这样的名称印出（“一、基本支出 10,403.11”），而没有以本列的名称印出时，"
        "列名印错了（包括同一张表中两列同名）。",
        why="列名错了，读者就把基本支出当成人员经费、把项目支出当成基本支出来用；"
        "金额本身都对，只有与其他报表对照才看得出来。",
    ),
    en=Doc(
        "A column split by use is named as the other statements name its total",
        what="A column headed 基本支出, 项目支出, 人员经费 or 公用经费 whose total another "
        'statement prints under another of these names ("一、基本支出 10,403.11") and never '
        "under its own has a misprinted header (two columns of one table headed alike "
        "included).",
        why="A misnamed column has readers use 基本支出 as 人员经费 or 项目支出 as 基本支出; "
        "every figure is right, so only the other statements show it.",
    ),
)

_USES = ("基本支出", "项目支出", "人员经费", "公用经费")
_TOTAL_ROW = re.compile(r"合计|总计")


def _use(key: str) -> str | None:
    """The use a column's header names: its last level, without the "#2" of a repeat."""
    header = re.sub(r"\s|#\d+$", "", key.split("/")[-1])
    return next((u for u in _USES if header.endswith(u) and len(header) <= len(u) + 2), None)


def _column_totals(table: s.Statement) -> list[tuple[str, Operand]]:
    """(use, figure on the total row) for a statement titled by a use (its first figure) and for
    each column headed by one; a table of one row (the 支出预算总表 of a budget: 合计 | 基本支出
    | 项目支出) is its own total."""
    totals = [r for r in table.rows if _TOTAL_ROW.search(r.label.replace(" ", ""))]
    if len(table.rows) == 1:
        totals = table.rows
    if not totals:
        return []
    total = totals[0]
    found = []
    titled = [u for u in _USES if u in table.title]
    first = next(((k, v) for k, v in total.values.items() if v and k in total.parsed), None)
    if len(titled) == 1 and first:  # "财政拨款基本支出预算表": its 合计 is the 基本支出
        key, text = first
        found.append((titled[0], Operand.from_cell(text, total.parsed[key], total.cells[key])))
    for key, text in total.values.items():
        use, parsed = _use(key), total.parsed.get(key)
        if use and text and parsed is not None and parsed.value > 0:
            found.append((use, Operand.from_cell(text, parsed, total.cells[key])))
    return found


def columns_named(ctx: Context) -> None:
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    figures = {t.id: named_figures(t) for t in statements}
    for table in statements:
        for use, cell in _column_totals(table):
            value = cell.number.value
            elsewhere = [
                (name, other, found)
                for other in statements
                if other.id != table.id
                for (name, figure), found in figures[other.id].items()
                if figure == value and name in _USES
            ]
            if not elsewhere:
                continue  # no other statement prints it by use: nothing to hold it to
            if any(name == use for name, _, _ in elsewhere):
                ctx.held(COLUMN_NAMED)
                continue
            name, other, found = elsewhere[0]
            ctx.violated(
                COLUMN_NAMED,
                "warning",
                cell,
                [found],
                f"「{table.title}」中名为{use}的合计 {cell.number.text}，"
                f"「{other.title}」以“{name}”印出这一数，未见以{use}印出",
                computed=name,
            )


FAMILIES = [columns_named]
