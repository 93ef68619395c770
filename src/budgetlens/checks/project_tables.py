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
An indicator only one of two linked tables lists (set and not evaluated, or evaluated and never
set) is a warning, judged only where both tables' rows were read whole.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule, Severity
from budgetlens.checks.engine import MONEY, Context, Operand, plain, span_location
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import Quantity, check_equal
from budgetlens.checks.linking import (
    STRENGTH_WORDS,
    Pair,
    Strength,
    name_match,
    pair_rows,
    project_name,
    same_unit,
)
from budgetlens.document import Heading, Paragraph
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

PRESENCE = Rule(
    "RESTATE.indicator_in_both_tables",
    version=1,
    severity="warning",
    zh=Doc(
        "同一项目目标设置表设定的指标与自评表评价的指标相同",
        what="同一项目的绩效目标设置表设定而自评表未评价的指标，以及自评表评价而目标设置表未设定的指标"
        "（两张自评表时，一张列有而另一张未列的指标），每对表一条提示，列出这些指标。指标先按名称"
        "（规范化后相同或相互包含）、再按同一二级指标下仅此一项对应，仍对应不上、且名称与另一表"
        "任何一行都不相同也不相互包含的，才算缺少。一表未读出指标行、有指标行名称缺失或只有名称、"
        "指标名称因 OCR 错位读自不同列，或两表只靠名称包含或同一报告对应而共同指标不到"
        "较短一表的一半，均不作判断。" + _LINKED,
        why="自评应当评价设定的目标：漏评的指标无从判断是否完成，新增的指标没有事先设定的目标，"
        "得分也就不是对照设定的目标得出的。",
    ),
    en=Doc(
        "A self-evaluation evaluates the indicators its project's targets set",
        what="Indicators one project's target-setting table sets that its self-evaluation table "
        "lacks, and indicators evaluated that were never set (between two self-evaluations, those "
        "only one lists): one warning per pair of tables, listing them. Rows are paired by their "
        "normalised names or one name inside the other, then as the only row of a 二级指标; a "
        "row left over counts as missing only where its name matches no row of the other table "
        "at all. Not judged where a table's rows were not read whole (none read, a row without a "
        "name or with only a name, names read from different columns after OCR realigned them), "
        "or where tables linked only by containment or by their report share fewer than half the "
        "shorter one's indicators. " + _LINKED_EN,
        why="A self-evaluation should judge the targets that were set: an indicator left out is "
        "not known to be met, one added had no target set beforehand, and the score is not the "
        "one the targets set.",
    ),
)

Link = Literal["name", "contained", "report"]
_LINK_WORDS: dict[Link, str] = {
    "name": "项目名称一致",
    "contained": "项目名称相互包含",
    "report": "同一报告中仅此两表",
}
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
    one table printed beside it in its report where one of the two has no name (two tables that name
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
    printed = [t for t in ctx.extraction.tables if t in tables]

    def beside(table: s.ExtractedTable) -> list[s.ExtractedTable]:
        """The tables printed next to it in its report, one of the two without a name."""
        report, at = ctx.report_of.get(table.id), printed.index(table)
        return [
            o
            for o in printed[max(at - 1, 0) : at + 2]
            if o is not table
            and o in alone
            and report is not None
            and ctx.report_of.get(o.id) == report
            and not (o.project and table.project)
        ]

    for table in alone:
        partners = [o for o in alone if o is not table and _contained(table, o)]
        link: Link = "contained"
        if not partners:
            # by its report: only the one table printed beside it, and it only beside this
            # one (a 目标设置表 without a name between two projects' 自评表 is neither's)
            partners = beside(table)
            partners = partners if len(partners) == 1 and beside(partners[0]) == [table] else []
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
            f"{head}：{table.title}指标值 {second.stated_target()}，{reference.title}为 "
            f"{first.stated_target()}",
            computed=first.stated_target(),
        )
        return
    money = first.unit in MONEY and second.unit in MONEY
    a = Quantity(stated.number, second.unit) if money else stated.number
    b = Quantity(other.number, first.unit) if money else other.number
    ctx.judged(
        TARGET,
        check_equal(a, b),
        stated,
        [other],
        f"{head}：{table.title}指标值 {second.stated_target()} ≠ "
        f"{reference.title}指标值 {first.stated_target()}",
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


def indicators_in_both_tables(ctx: Context) -> None:
    """Each indicator of a project's reference table is in the table that restates it, and the
    other way round: one warning per pair of tables listing what only one of them has."""
    tables = _project_tables(ctx)
    _unread_tables(ctx, tables)
    for reference, table, link in _links(ctx, tables):
        _presence(ctx, reference, table, link)


def _unread_tables(ctx: Context, tables: list[s.ExtractedTable]) -> None:
    """A project's indicator table whose rows were not read (no header found, or several
    projects' forms in one grid) beside a table of the same project: what it lacks is not
    known, so the pair is not checked rather than left out unseen."""
    named = {project_name(t.project) for t in tables if t.project}
    linked = {t.id for t in tables}
    for table in ctx.extraction.tables:
        if (
            table.id not in linked
            and holds.shape(table) == "indicators"
            and getattr(KINDS.get(table.kind), "scope", None) == "project"
            and table.project
            and project_name(table.project) in named
        ):
            ctx.not_checked(PRESENCE)


def _rows_read(table: s.ExtractedTable) -> bool:
    """Whether a table's indicator rows can be told apart by name: no note of what the extractor
    could not read; every row named and holding more than its name (a row with only a name is
    the tail of a name broken over two lines); and every name read from one column, since a row
    realigned after OCR dropped its leading cells may have a 二级 label for its name."""
    if table.notes:
        return False
    values = ("comparator", "target", "weight", "actual", "score")
    named = all(
        r.level3 and "level3" in r.cells and any(getattr(r, v) is not None for v in values)
        for r in table.indicators
    )
    return named and len({r.cells["level3"].col for r in table.indicators}) == 1


def _one_indicator_set(
    pairs: list[Pair[s.Indicator]], reference: s.ExtractedTable, table: s.ExtractedTable, link: Link
) -> bool:
    """Whether the two tables list one project's indicators, so that a row only one has is
    missing from the other. Tables of one project name are; tables linked only by containment
    or by their report must share at least half the indicators of the shorter one, else they
    may be two projects' tables."""
    if link == "name":
        return True
    return 2 * len(pairs) >= min(len(reference.indicators), len(table.indicators))


def _presence(
    ctx: Context, reference: s.ExtractedTable, table: s.ExtractedTable, link: Link
) -> None:
    pairs, left, right = pair_rows(
        reference.indicators, table.indicators, name=lambda r: r.level3, group=lambda r: r.level2
    )
    if not (left or right):
        ctx.held(PRESENCE)
        return
    if not (_rows_read(reference) and _rows_read(table)):
        ctx.not_checked(PRESENCE)
        return
    if not _one_indicator_set(pairs, reference, table, link):
        ctx.not_checked(PRESENCE)
        return
    # a row whose name still matches a row of the other table (a containment that was
    # ambiguous, a name printed twice) is not "not found" there: not called missing
    only_set = [r for r in left if not _resembles(r, table.indicators)]
    only_evaluated = [r for r in right if not _resembles(r, reference.indicators)]
    if not (only_set or only_evaluated):
        ctx.not_checked(PRESENCE)
        return
    titles = (reference, _title(ctx, reference)), (table, _title(ctx, table))
    first, second = _table_names(*titles)
    where = f"{table.project or reference.project or table.title}（{_LINK_WORDS[link]}）"
    parts = []
    if only_set:
        parts.append(
            f"{first}{_verb(reference)}的 {len(only_set)} 个指标{_listed(only_set)}未见于{second}"
        )
    if only_evaluated:
        parts.append(
            f"{second}{_verb(table)}的 {len(only_evaluated)} 个指标"
            f"{_listed(only_evaluated)}未见于{first}"
        )
    ctx.violated(
        PRESENCE,
        "warning",
        None,
        [
            *(e for r in (*only_set, *only_evaluated) if (e := _name_cell(r))),
            titles[0][1],
            titles[1][1],
        ],
        f"{where}：{'；'.join(parts)}",
    )


def _resembles(row: s.Indicator, others: list[s.Indicator]) -> bool:
    return any(name_match(row.level3, o.level3) for o in others)


def _verb(table: s.ExtractedTable) -> str:
    """What a table does with its indicators, by its columns: a table with completion values or
    scores evaluates them, one with targets only sets them."""
    evaluated = any(r.actual is not None or r.score is not None for r in table.indicators)
    return "评价" if evaluated else "设定"


def _listed(rows: list[s.Indicator]) -> str:
    return "".join(f"「{r.level3}」" for r in rows)


def _printed_title(table: s.ExtractedTable) -> str:
    """A table's title, or its kind's template name where it has none (an untitled table)."""
    spec = KINDS.get(table.kind)
    return table.title or (spec.name if spec else table.kind)


def _table_names(
    first: tuple[s.ExtractedTable, Evidence], second: tuple[s.ExtractedTable, Evidence]
) -> tuple[str, str]:
    """The two tables' titles, each with where it is printed where the titles are alike."""
    a, b = _printed_title(first[0]), _printed_title(second[0])
    if a != b:
        return a, b
    return f"{a}（{first[1].location.where()}）", f"{b}（{second[1].location.where()}）"


def _name_cell(row: s.Indicator) -> Evidence | None:
    ref = row.cells.get("level3")
    if ref is None or row.level3 is None:
        return None
    where = EvidenceLocation(
        line=ref.line, page=ref.page, table_id=ref.table_id, row=ref.row, col=ref.col
    )
    return Evidence(role="label", text=row.level3, location=where)


def _title(ctx: Context, table: s.ExtractedTable) -> Evidence:
    """Where a table's title is printed: the caption closest above it, else the table itself
    (a title read from its own first row, or none)."""
    blocks = {b.id: b for b in ctx.document.blocks}
    block = blocks.get(table.id)
    captions = [blocks[i] for i in getattr(block, "caption_ids", []) if i in blocks]
    caption = captions[-1] if captions else None
    start = caption.text.find(table.title) if caption and table.title else -1
    if isinstance(caption, Heading | Paragraph) and start >= 0:
        where = span_location(caption, start, start + len(table.title))
        return Evidence(role="label", text=table.title, location=where)
    where = EvidenceLocation(
        line=table.location.line_start, page=table.location.page, table_id=table.id
    )
    return Evidence(role="label", text=_printed_title(table), location=where)


FAMILIES = [tables_of_one_project, indicators_in_both_tables]
