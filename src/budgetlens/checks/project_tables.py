"""One project, several tables (DOMAIN.md §4.6): the target-setting table (T6) and the 自评表s
(T3, T2) of one project hold the same indicators, with the same targets, units and weights, and
their weights add up to the same total.

Tables are linked by the extraction's ``project`` fields: names equal once the project code and
brackets are dropped link by name; one name inside the other, or a table with no project name
that is the only other indicator table of its report, link weakly. Each table is compared with
its project's reference: the target-setting table where there is one, else the first printed,
so one wrong figure in a 自评表 is one finding. Rows are paired by ``linking.pair_rows``; only
a table linked by name and a row paired by its exact name can make an error, anything weaker a
warning (``_cap``). Targets in words (定性: 提升, 良好) are not figures and are not compared.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule, Severity
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import Quantity, check_equal
from budgetlens.checks.linking import STRENGTH_WORDS, Pair, Strength, pair_rows, same_unit
from budgetlens.checks.projects import project_name
from budgetlens.tables import schemas as s
from budgetlens.tables.kinds import KINDS

_LINKED = "两表按项目名称、指标按名称对应；仅靠名称包含、同一二级指标或同一报告对应时，只作提示。"
_LINKED_EN = (
    "The tables are linked by their project's name and the rows by their indicator's; a link by "
    "containment, by the only row of a 二级指标 or by the report alone gives a warning."
)
TARGET = Rule(
    "RESTATE.target_across_tables",
    version=1,
    severity="error",
    zh=Doc(
        "同一项目各表中同一指标的指标值一致",
        what="同一项目的绩效目标设置表与自评表（或两张自评表）中，同一指标的指标性质和指标值相同"
        "（万元与亿元换算后比较）。" + _LINKED,
        why="自评表改动了设定的目标，完成情况和得分就是对着另一个目标评的。",
    ),
    en=Doc(
        "One indicator has one target in every table of its project",
        what="In one project's target-setting table and self-evaluation tables, an indicator has "
        "the same comparator and target (万元 and 亿元 converted). " + _LINKED_EN,
        why="A self-evaluation that changed the target set judges completion and the score "
        "against another target.",
    ),
)
UNIT = Rule(
    "RESTATE.unit_across_tables",
    version=1,
    severity="error",
    zh=Doc(
        "同一项目各表中同一指标的度量单位一致",
        what="同一指标在目标设置表与自评表中的度量单位属于同一种类（次、批次、人次同类；个、项、家、户同类；"
        "元、万元、亿元同类）。" + _LINKED,
        why="单位不同，同一个数字就是两个不同的目标。",
    ),
    en=Doc(
        "One indicator has one kind of unit in every table of its project",
        what="An indicator's units in the target-setting and self-evaluation tables measure "
        "alike (次/批次/人次; 个/项/家/户; 元/万元/亿元). " + _LINKED_EN,
        why="In another unit the same figure is another target.",
    ),
)
WEIGHT = Rule(
    "RESTATE.weight_across_tables",
    version=1,
    severity="error",
    zh=Doc(
        "同一项目各表中同一指标的权重一致",
        what="同一指标在目标设置表与自评表中的权重（分值）相同。" + _LINKED,
        why="权重改了，得分和总分就不是按设定的权重计算的。",
    ),
    en=Doc(
        "One indicator has one weight in every table of its project",
        what="An indicator's weight is the same in the target-setting and self-evaluation "
        "tables. " + _LINKED_EN,
        why="With another weight the score and the total are not the ones the targets set.",
    ),
)
WEIGHT_TOTAL = Rule(
    "RESTATE.weight_total_across_tables",
    version=1,
    severity="error",
    zh=Doc(
        "同一项目各表的指标权重合计一致",
        what="目标设置表与自评表的指标权重合计相同（90 与 80 不同即为问题）；"
        "已有单项权重不一致的，由单项报告，不再报告合计。",
        why="合计不同，说明一张表多列或漏列了指标。",
    ),
    en=Doc(
        "The weights of one project's tables total alike",
        what="The indicator weights of the target-setting and the self-evaluation table add up "
        "to the same total (90 against 80 is a finding); where a paired weight differs, that "
        "row is reported instead.",
        why="Totals that differ mean one table lists an indicator the other lacks.",
    ),
)

Link = Literal["name", "contained", "report"]
_LINK_WORDS: dict[Link, str] = {
    "name": "项目名称一致",
    "contained": "项目名称相互包含",
    "report": "同一报告中仅此两表",
}
_MONEY = ("元", "万元", "亿元")
_SETTING = "T6"


def _project_tables(ctx: Context) -> list[s.ExtractedTable]:
    """A project's indicator tables with targets, each one form (a grid of several projects'
    forms carries only the first project's name), the target-setting table first."""
    found = [
        t
        for t in ctx.extraction.tables
        if holds.target_indicators(t)
        and getattr(KINDS.get(t.kind), "scope", None) == "project"
        and len({row.form for row in t.indicators}) == 1
    ]
    return sorted(found, key=lambda t: t.kind != _SETTING)  # stable: print order otherwise


def _links(
    ctx: Context, tables: list[s.ExtractedTable]
) -> list[tuple[s.ExtractedTable, s.ExtractedTable, Link]]:
    """(reference, table, link) for every table that restates another. Tables of one name
    share the first of them as reference; a table whose name no other table shares links
    weakly, to the only other such table whose name holds its own or is held by it, else to the
    only other such table of its report where one of the two has no name (two tables that name
    their projects differently are two projects: "服务业发展资金" is not
    "2023年第一批服务业发展资金" when each has its own tables)."""
    groups: dict[str, list[s.ExtractedTable]] = {}
    for table in tables:
        if table.project:
            groups.setdefault(project_name(table.project), []).append(table)
    links: list[tuple[s.ExtractedTable, s.ExtractedTable, Link]] = [
        (members[0], table, "name") for members in groups.values() for table in members[1:]
    ]
    alone = [t for t in tables if not t.project or len(groups[project_name(t.project)]) == 1]
    for table in alone:
        partners = [o for o in alone if o is not table and _contained(table, o)]
        link: Link = "contained"
        if not partners:
            report = ctx.report_of.get(table.id)
            partners = [
                o
                for o in alone
                if o is not table
                and report is not None
                and ctx.report_of.get(o.id) == report
                and not (o.project and table.project)
            ]
            link = "report"
        if len(partners) == 1 and alone.index(partners[0]) < alone.index(table):
            links.append((partners[0], table, link))
    return links


def _contained(a: s.ExtractedTable, b: s.ExtractedTable) -> bool:
    if not (a.project and b.project):
        return False
    short, long = sorted((project_name(a.project), project_name(b.project)), key=len)
    return len(short) >= 4 and short in long


def _cap(link: Link, strength: Strength) -> Severity:
    return "error" if link == "name" and strength == "exact" else "warning"


def tables_of_one_project(ctx: Context) -> None:
    for reference, table, link in _links(ctx, _project_tables(ctx)):
        pairs, _, _ = pair_rows(
            reference.indicators,
            table.indicators,
            name=lambda r: r.level3,
            group=lambda r: r.level2,
        )
        where = f"{table.project or reference.project or table.title}（{_LINK_WORDS[link]}）"
        weights_differ = False
        for pair in pairs:
            _target(ctx, pair, link, where, reference, table)
            weights_differ |= _weight(ctx, pair, link, where, reference, table)
        if not weights_differ:
            _weight_total(ctx, link, where, reference, table)


def _row_words(pair: Pair[s.Indicator]) -> str:
    first, second = pair.first.level3 or "", pair.second.level3 or ""
    names = first if first == second else f"{first} ↔ {second}"
    return f"「{names}」（{STRENGTH_WORDS[pair.strength]}）"


def _target(
    ctx: Context,
    pair: Pair[s.Indicator],
    link: Link,
    where: str,
    reference: s.ExtractedTable,
    table: s.ExtractedTable,
) -> None:
    first, second = pair.first, pair.second
    if "qualitative" in (first.comparator, second.comparator):
        return
    stated, other = Operand.of_field(second, "target"), Operand.of_field(first, "target")
    if stated is None or other is None or first.comparator is None or second.comparator is None:
        return
    head = f"{where}{_row_words(pair)}"
    alike = same_unit(first.unit, second.unit)
    if alike is None:
        ctx.not_checked(UNIT)
        return
    severity = _cap(link, pair.strength)
    if not alike:
        ctx.violated(
            UNIT,
            severity,
            stated,
            [other],
            f"{head}：{table.title}度量单位 {second.unit}，{reference.title}为 {first.unit}",
            computed=first.unit,
        )
        return
    ctx.held(UNIT)
    if first.comparator != second.comparator:
        ctx.violated(
            TARGET,
            severity,
            stated,
            [other],
            f"{head}：{table.title}指标值 {second.comparator}{stated.number.text}"
            f"{second.unit or ''}，{reference.title}为 {first.comparator}{other.number.text}"
            f"{first.unit or ''}",
            computed=f"{first.comparator}{other.number.text}",
        )
        return
    money = first.unit in _MONEY and second.unit in _MONEY
    a = Quantity(stated.number, second.unit) if money else stated.number
    b = Quantity(other.number, first.unit) if money else other.number
    ctx.judged(
        TARGET,
        check_equal(a, b),
        stated,
        [other],
        f"{head}：{table.title}指标值 {stated.number.text}{second.unit or ''} ≠ "
        f"{reference.title}指标值 {other.number.text}{first.unit or ''}",
        most_severe=severity,
    )


def _weight(
    ctx: Context,
    pair: Pair[s.Indicator],
    link: Link,
    where: str,
    reference: s.ExtractedTable,
    table: s.ExtractedTable,
) -> bool:
    """Compare the pair's weights; whether they differ."""
    stated, other = Operand.of_field(pair.second, "weight"), Operand.of_field(pair.first, "weight")
    if stated is None or other is None:
        return False
    judgement = check_equal(stated.number, other.number)
    ctx.judged(
        WEIGHT,
        judgement,
        stated,
        [other],
        f"{where}{_row_words(pair)}：{table.title}权重 {stated.number.text} ≠ "
        f"{reference.title}权重 {other.number.text}",
        exact_only=True,  # weights are whole points
        most_severe=_cap(link, pair.strength),
    )
    return stated.number.value != other.number.value


def _weight_total(
    ctx: Context, link: Link, where: str, reference: s.ExtractedTable, table: s.ExtractedTable
) -> None:
    """Weights of both tables total alike (90 against 80): where no weight paired with another
    differs, the difference lies in rows only one table has."""
    mine = [Operand.of_field(r, "weight") for r in table.indicators]
    theirs = [Operand.of_field(r, "weight") for r in reference.indicators]
    if not mine or not theirs or any(o is None for o in (*mine, *theirs)):
        return
    known = [o for o in mine if o is not None]
    other = [o for o in theirs if o is not None]
    if not ctx.readable(*known, *other):
        ctx.not_checked(WEIGHT_TOTAL)
        return
    total = sum((o.number.value for o in known), Decimal(0))
    expected = sum((o.number.value for o in other), Decimal(0))
    if total == expected:
        ctx.held(WEIGHT_TOTAL)
        return
    ctx.violated(
        WEIGHT_TOTAL,
        "error" if link == "name" else "warning",
        None,
        [*known, *other],
        f"{where}：{table.title} {len(known)} 个指标权重合计 {plain(total)}，"
        f"{reference.title} {len(other)} 个指标权重合计 {plain(expected)}",
        computed=plain(expected),
    )


FAMILIES = [tables_of_one_project]
