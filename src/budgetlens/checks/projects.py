"""A project's figures agree wherever they are printed (DOMAIN.md §4.5).

Budget figures in prose agree with the project's 自评表, an indicator of one project printed
in two tables (the 部门预算项目 自评表 and the 专项 完成情况表) has one 完成值, and a cost
indicator is printed in the unit of the money it restates.

"项目年初预算 67.77 万元，执行数 67.77 万元" restates the 预算执行情况 总额 row of the project's
T3: its 年初预算, 调整后预算数 and 预算执行数. The claim is linked to the T3 it is printed in (the
评价结论 row), else to the T3 whose project names the report the claim sits in or its sentence.
A 年初预算 that equals the 调整后预算数 of a table whose 年初预算 is smaller is money added during
the year, not the year's initial budget: the message says so.
"""

from __future__ import annotations

import re

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand
from budgetlens.checks.intervals import Quantity, check_equal
from budgetlens.checks.linking import (
    INITIAL_BUDGET,
    YEARS_BUDGET,
    project_name,
    subject_key,
)
from budgetlens.claims.model import Claim
from budgetlens.layout.cells import parsed, split_measure
from budgetlens.tables import schemas as s

FIGURE = Rule(
    "RESTATE.project_budget_figure",
    version=2,
    severity="error",
    zh=Doc(
        "正文所写的项目年初预算、调整后预算、执行数等于自评表",
        what="“项目年初预算67.77万元，执行数67.77万元”等金额，与该项目自评表「预算执行情况」"
        "资金总额一行的年初预算数、调整后预算数、预算执行数相同；年初预算写成调整后预算数的，"
        "消息会说明是年中追加的资金。正文所写项目本身的预算执行率（“预算执行率100%”，不是"
        "“其中财政拨款…执行率”）等于该行的执行率，按印出的位数判断。",
        why="预算和执行数是执行率与评分的基础；正文与表不符，读者无法知道哪一个是真的。",
    ),
    en=Doc(
        "A project's budget figures in prose are its self-evaluation table's",
        what='"项目年初预算67.77万元，执行数67.77万元" equals the 年初预算数, 调整后预算数 or '
        "预算执行数 of the 资金总额 line of the project's self-evaluation table; a 年初预算 that "
        "is the adjusted budget is said to be money added during the year. The project's own "
        'execution rate in prose ("预算执行率100%", not a part\'s "其中财政拨款…执行率") is that '
        "line's rate, at its printed precision.",
        why="Budget and outturn are the basis of the execution rate and the score; prose that "
        "differs from the table leaves readers not knowing which is true.",
    ),
)
ACTUAL = Rule(
    "RESTATE.indicator_across_tables",
    version=1,
    severity="error",
    zh=Doc(
        "同一项目的同一指标在两张表中完成值相同",
        what="同一项目、同名同单位的三级指标印在两张表中（部门预算项目自评表与专项完成情况表）"
        "时，实际完成值相同；一处以小数表示百分比（1 与 100%）的，至多为警告。",
        why="一个指标只有一个完成值；两张表不同，至少一张是错的。",
    ),
    en=Doc(
        "One project's indicator has one actual value in every table",
        what="An indicator of one project, same name and unit, printed in two tables (the "
        "department's 自评表 and the project's 完成情况表) has the same 实际完成值; a rate "
        "printed as a fraction in one (1 for 100%) is at most a warning.",
        why="An indicator has one actual value; two tables that differ are wrong in one place.",
    ),
)
COST_UNIT = Rule(
    "RESTATE.cost_indicator_unit",
    version=2,
    severity="warning",
    zh=Doc(
        "成本指标的金额不是以“元”印出的项目预算万元数",
        what="自评表中以“元”为单位的成本指标值，与本项目预算（年初或调整后，万元）数字完全相同时，"
        "或以“元”印出的成本实际完成值与本项目执行数（万元）数字完全相同时报告：单位应为万元。",
        why="单位错一级，成本就小了一万倍，按成本指标得出的结论也随之错误。",
    ),
    en=Doc(
        "A cost indicator is not the budget in 万元 printed in 元",
        what="A cost indicator of a self-evaluation table in 元 whose digits are exactly the "
        "project's budget in 万元 (initial or adjusted), or an actual cost in 元 whose digits are "
        "its spending in 万元: the unit should be 万元.",
        why="A unit off by a factor of ten thousand makes the cost, and what is concluded from "
        "it, wrong.",
    ),
)

SPENT = Rule(
    "RATE.prose_spent_within_budget",
    version=1,
    severity="warning",
    zh=Doc(
        "正文所写项目已拨付、已支付的金额不超过其全年预算",
        what="正文中某项目“已完成拨付318.60万元”“已支付…万元”等金额，不大于该项目自评表「预算执行"
        "情况」资金总额一行的全年预算数（调整后预算数；未列时为年初预算数）。项目按其名称所在的"
        "章节或句子对应，至多为警告。",
        why="拨付或支付的钱多于全年预算，要么数字印错，要么与表中的执行数自相矛盾。",
    ),
    en=Doc(
        "Money a project's prose says was paid out is within its year's budget",
        what='A project\'s "已完成拨付318.60万元", "已支付…万元" in prose is at most the '
        "全年预算数 (调整后预算数, else 年初预算数) of the 资金总额 line of its self-evaluation "
        "table. The project is found by the name its section or sentence carries: at most a "
        "warning.",
        why="Paying out more than the year's budget is a misprint or contradicts the executed "
        "figure of the table.",
    ),
)

# "截至2023年12月31日已完成拨付318.60万元", "已支付资金…万元": money paid out
_PAID = re.compile(r"(?:已完成|已|累计|实际)(?:拨付|支付)(?:资金|金额)?$")

# The claim's subject (its last words) → the 总额 column it restates.
_COLUMNS = (
    (INITIAL_BUDGET, "budget"),
    (YEARS_BUDGET, "adjusted"),
    (re.compile(r"(预算)?执行(数|金额|资金)$|实际支出(数|金额|资金)?$"), "executed"),
)
_COLUMN_NAMES = {
    "budget": "年初预算数",
    "adjusted": "调整后预算数",
    "executed": "预算执行数",
    "rate": "执行率",
}
_RATE = re.compile(r"^(?:项目)?(?:预算|资金)?执行率$")
_PART = re.compile(r"财政拨款|自有|其他资金|自筹|中央|省级|市级|县级|区级")


def _self_evaluation(table: s.TableModel) -> bool:
    """A project's 自评表: indicator rows under its 预算执行情况."""
    return holds.target_indicators(table) and bool(holds.total_lines(table))


def _table_for(ctx: Context, claim: Claim, tables: list[s.TableModel]):
    own = next((t for t in tables if t.id == claim.span.block_id), None)
    if own is not None:
        return own
    where = subject_key(claim.section[0] if claim.section else "") + subject_key(claim.subject)
    named = [t for t in tables if t.project and len(project_name(t.project)) >= 4]
    named = [t for t in named if project_name(t.project or "") in where]
    return named[0] if len(named) == 1 else None


def _column(claim: Claim, by_id: dict[str, Claim]) -> str | None:
    """The 总额 column a claim restates: a money amount by its name; a rate only where it is
    the project's own ("预算执行率100%"), not a part's ("其中财政拨款执行…，执行率95.32%")."""
    subject = subject_key(claim.subject)
    if claim.type == "amount" and claim.quantity.unit in MONEY:
        return next((c for pattern, c in _COLUMNS if pattern.search(subject)), None)
    of = by_id.get(claim.ref or "")
    part = of is not None and _PART.search(of.subject)
    return "rate" if claim.type == "rate" and _RATE.search(subject) and not part else None


def project_budget_figures(ctx: Context) -> None:
    tables = [t for t in ctx.extraction.tables if _self_evaluation(t)]
    by_id = {c.id: c for c in ctx.claims}
    for claim in ctx.claims:
        column = _column(claim, by_id)
        table = _table_for(ctx, claim, tables) if column else None
        lines = holds.total_lines(table) if table else []
        row = lines[0] if lines else None
        printed = Operand.in_row(row, column) if row and column else None
        if table is None or row is None or printed is None or column is None:
            continue
        stated = Operand.from_claim(claim)
        header = row.columns.get(column, column)
        if not printed.reliable or (column == "budget" and "年初" not in header):
            ctx.not_checked(FIGURE)  # a 完成情况表's 预算额 may be the year's, not 年初预算
            continue
        if column == "rate":
            ctx.judged(
                FIGURE,
                check_equal(stated.number, printed.number),
                stated,
                [printed],
                f"{claim.subject} {stated.number.text} ≠ {table.project or table.title} "
                f"自评表执行率 {printed.number.text}",
            )
            continue
        unit = claim.quantity.unit  # a T3's 预算执行情况 is in 万元
        judgement = check_equal(Quantity(stated.number, unit), Quantity(printed.number, "万元"))
        adjusted = Operand.in_row(row, "adjusted")
        operands, why = [printed], ""
        if unit != "万元" and stated.number.value == printed.number.value:
            why = f"；数字相同而单位为{unit}，应为万元"
        elif (
            column == "budget"
            and adjusted is not None
            and adjusted.number.value == stated.number.value != printed.number.value
        ):
            operands.append(adjusted)
            why = f"；{stated.number.text} 是调整后预算数，年中追加的资金不是年初预算"
        ctx.judged(
            FIGURE,
            judgement,
            stated,
            operands,
            f"{claim.subject} {stated.number.text}{unit} ≠ {table.project or table.title} "
            f"自评表{_COLUMN_NAMES[column]} {printed.number.text}万元{why}",
            exact_only=True,
        )


def prose_spent_within_budget(ctx: Context) -> None:
    tables = [t for t in ctx.extraction.tables if _self_evaluation(t)]
    for claim in ctx.claims:
        if claim.type != "amount" or claim.quantity.unit != "万元":
            continue
        if not _PAID.search(subject_key(claim.subject)):
            continue
        table = _table_for(ctx, claim, tables)
        lines = holds.total_lines(table) if table else []
        budget = lines and (
            Operand.in_row(lines[0], "adjusted") or Operand.in_row(lines[0], "budget")
        )
        if table is None or not budget:
            continue
        paid = Operand.from_claim(claim)
        if not ctx.readable(paid, budget):
            ctx.not_checked(SPENT)
        elif paid.number.value <= budget.number.value:
            ctx.held(SPENT)
        else:
            ctx.violated(
                SPENT,
                "warning",
                paid,
                [budget],
                f"{claim.subject} {paid.number.text}万元 超过 {table.project or table.title} "
                f"自评表全年预算数 {budget.number.text}万元",
                computed=budget.number.text,
            )


def indicator_across_tables(ctx: Context) -> None:
    rows: dict[tuple[str, str, str | None], list[tuple[s.ExtractedTable, s.Indicator]]] = {}
    for table in ctx.extraction.tables:
        if not (table.project and holds.target_indicators(table)):
            continue
        if len({row.form for row in table.indicators}) > 1:
            continue  # several projects' forms in one grid: the table's project is the first's
        for row in table.indicators:
            if row.level3 and row.actual and row.actual_value and "actual" in row.cells:
                key = (project_name(table.project), subject_key(row.level3), row.unit)
                rows.setdefault(key, []).append((table, row))
    for found in rows.values():
        first_table, first = found[0]
        for table, row in found[1:]:
            if table.id == first_table.id:
                continue
            stated = Operand.from_cell(row.actual or "", row.actual_value, row.cells["actual"])
            other = Operand.from_cell(first.actual or "", first.actual_value, first.cells["actual"])
            if not (stated.reliable and other.reliable):
                ctx.not_checked(ACTUAL)
                continue
            a, b = stated.number, other.number
            # A rate printed as a fraction in one table (1 for 100%) is a slip, not a new value.
            fraction = (
                row.unit == "%"
                and a.percent != b.percent
                and (a.value * 100 == b.value or b.value * 100 == a.value)
            )
            ctx.judged(
                ACTUAL,
                check_equal(a, b),
                stated,
                [other],
                f"{project_name(table.project or '')}「{row.level3}」实际完成值：{table.title} "
                f"{a.text} ≠ {other.evidence.location.where()}{first_table.title} "
                f"{b.text}{'（一处以小数表示百分比）' if fraction else ''}",
                exact_only=True,
                most_severe="warning" if fraction else "error",
            )


def cost_indicator_units(ctx: Context) -> None:
    """ "广场升级改造费 = 47.99 元" in a project whose budget is 47.99 万元, or an actual cost
    "176.35元" in a project that spent 176.35 万元: the figure is the budget or the spending,
    printed in the wrong unit (DOMAIN.md §6). Only an exact match of the digits is taken for a
    slip; any other cost is a cost."""
    for table in ctx.extraction.tables:
        if not _self_evaluation(table):
            continue
        totals = {line.form: line for line in holds.total_lines(table)}
        for row in table.indicators:
            label = f"{row.level1 or ''}{row.level2 or ''}"
            line = totals.get(row.form)
            if "成本" not in label or line is None:
                continue
            money = {
                name: o
                for name in ("budget", "adjusted", "executed")
                if (o := Operand.in_row(line, name))
            }
            for field, bases in (("target", ("budget", "adjusted")), ("actual", ("executed",))):
                # a cell in 元 under a 万元 row is left unread by the table reader: read here
                value = getattr(row, f"{field}_value") or _in_yuan(getattr(row, field))
                if value is None or field not in row.cells or (value.unit or row.unit) != "元":
                    continue
                stated = Operand.from_cell(getattr(row, field) or "", value, row.cells[field])
                same = [
                    money[b] for b in bases if b in money and money[b].number.value == value.value
                ]
                if not same:
                    ctx.held(COST_UNIT)
                    continue
                what = "预算" if field == "target" else "执行数"
                ctx.violated(
                    COST_UNIT,
                    "warning",
                    stated,
                    same[:1],
                    f"{row.level3 or '成本指标'} {stated.number.text.removesuffix('元')} 元："
                    f"与本项目{what} "
                    f"{same[0].number.text} 万元数字相同，单位应为万元",
                    computed=f"{same[0].number.text} 万元",
                )
                break  # one slip per row: an actual printed like its target is the same slip


def _in_yuan(text: str | None) -> s.Parsed | None:
    """ "176.35元": a number and the unit 元, no comparator, as the table reader splits it."""
    measure = split_measure(text)
    if measure is None or measure[0] or measure[2] != "元":
        return None
    return parsed(measure[1], "元")


FAMILIES = [
    project_budget_figures,
    prose_spent_within_budget,
    indicator_across_tables,
    cost_indicator_units,
]
