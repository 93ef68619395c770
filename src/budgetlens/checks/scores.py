"""Score and weight checks inside tables (DOMAIN.md §4.1 and §4.5).

An awarded score stays within its allotment; awarded scores add up to the printed total; a
section's or group's allotment and score are those of its items;
indicator weights add up to the convention (90 for a project's indicators, 90 or 100 for a
department's); full marks are not given to an indicator whose actual value misses its target,
nor points taken off one that meets it without a reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, field_evidence, plain
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import Tier, check_sum
from budgetlens.numbers import Number, parse_number
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

AWARD = Rule(
    "SCORE.award_within_allotment",
    version=1,
    severity="error",
    zh=Doc(
        "每项得分不超过其分值（权重）",
        what="评分表每一项的自评得分不大于该项的分值；自评表每个指标的得分不大于其权重。"
        "合并单元格的二级指标只在首行打一个分、且不超过该组分值之和的，按组计。",
        why="得分超过分值，总分就被抬高：这是评分本身的错误，不是四舍五入。",
    ),
    en=Doc(
        "No item scores more than its allotment (weight)",
        what="Each item's 自评得分 on a score sheet is at most its 分值, each indicator's 得分 "
        "on a self-evaluation table at most its 权重. A score printed once for a merged group, "
        "within the group's allotments, counts for the group.",
        why="A score above its allotment inflates the total: an error of the scoring itself, not "
        "of rounding.",
    ),
)
TOTAL = Rule(
    "SCORE.items_add_up_to_total",
    version=2,
    severity="error",
    zh=Doc(
        "各项得分之和等于合计得分",
        what="评分表的合计（总分）等于其下一级各组得分之和（各组完整时），否则等于各项得分之和；"
        "自评表的合计得分等于各指标得分加预算执行一项的得分。整数分必须精确相等。",
        why="合计是写进结论的分数和等级的依据；各项加不出合计，结论就没有依据。",
    ),
    en=Doc(
        "Items' scores add up to the total score",
        what="A score sheet's 合计 is the sum of its sections' scores where they hold every "
        "item, else of its items'; a self-evaluation table's is its indicators' scores plus the "
        "budget-execution score. Whole points must add exactly.",
        why="The total is the score and grade the conclusion states; items that do not make it "
        "leave the conclusion without a basis.",
    ),
)
WEIGHTS = Rule(
    "FOOT.indicator_weights",
    version=2,
    severity="warning",
    zh=Doc(
        "指标权重合计符合惯例（项目 90，部门 90 或 100）",
        what="自评表中一个项目各指标的权重（分值）之和为 90（另 10 分属预算执行率），部门整体"
        "为 90 或 100。表中印有合计行或“绩效指标（90分）”一类标题时，改由 FOOT.weight_total_row "
        "按所印的数判断。",
        why="权重合计不合惯例，通常是漏列或多列了指标，或某个权重印错；总分因此不可比。",
    ),
    en=Doc(
        "Indicator weights add up to the convention (90 for a project, 90 or 100)",
        what="A project's indicator weights in its self-evaluation table add up to 90 (the other "
        "10 points are the execution rate's); a department's to 90 or 100. Where the table "
        "prints a 合计 row or a heading such as “绩效指标（90分）”, FOOT.weight_total_row judges "
        "the weights against that figure instead.",
        why="Weights off the convention usually mean an indicator left out or added, or a weight "
        "misprinted; the total score is then not comparable.",
    ),
)
WEIGHT_ROW = Rule(
    "FOOT.weight_total_row",
    version=2,
    severity="error",
    zh=Doc(
        "指标表合计行的分值等于各指标分值之和",
        what="目标设置表、自评表合计行所印的分值（权重），等于各指标行分值之和；自评表另加预算执行"
        "一行的分值。自评表“绩效指标（90分）”一类的标题所印分值，等于其下各指标分值之和。分值为"
        "整数时按精确相等判断。",
        why="合计行与各行不符，说明某一指标的分值改过而合计未改，或合计照抄了模板；得分的基数因此"
        "不实。",
    ),
    en=Doc(
        "An indicator table's 合计 row weight is the sum of its rows",
        what="The weight a target-setting table or a 自评表 prints on its 合计 row equals the sum "
        "of its indicator weights, plus, in a 自评表, the 分值 of its budget-execution line. The "
        "points a 自评表's section heading prints (“绩效指标（90分）”) equal the sum of the "
        "indicator weights under it. Whole points add exactly.",
        why="A 合计 that its rows do not make means a weight was changed and the total was not, "
        "or the total was copied from the template; the score's base is then not what it says.",
    ),
)
FULL_MARKS = Rule(
    "SCORE.full_marks_on_missed_target",
    version=3,
    severity="warning",
    zh=Doc(
        "未达到目标值的指标没有得满分",
        what="自评表中实际完成值未达到指标值（按 ≥、≤、= 等比较）的指标，得分小于其权重；"
        "带限定词的完成值按其范围比较（“近80”低于 80，“超过100”“80余”高于，“约”“左右”不判断）；"
        "指标值与完成值都是文字、完成值写明未达到（“有待完善”对“持续完善”、“尚未完成”）的，"
        "也不得满分。",
        why="未完成目标却给满分，是自评偏高最常见的形式，审核时必须说明理由或扣分。",
    ),
    en=Doc(
        "An indicator that missed its target does not get full marks",
        what="In a self-evaluation table, an indicator whose 实际完成值 misses its 指标值 (by "
        "its ≥, ≤ or =) scores less than its weight; an actual with a qualifier is the range it "
        "allows (近80 below 80, 超过100 and 80余 above; 约 and 左右 are not judged); a target "
        'and an actual both in words, the actual saying it falls short ("有待完善" against '
        '"持续完善", "尚未完成"), get no full marks either.',
        why="Full marks on a missed target is the most common form of an inflated self-"
        "evaluation; a reviewer needs it justified or the points taken off.",
    ),
)
DEDUCTED_MET = Rule(
    "SCORE.points_off_a_met_target",
    version=3,
    severity="warning",
    zh=Doc(
        "已达到目标的指标被扣分时说明了原因",
        what="自评表中实际完成值达到指标值（按 ≥、≤、= 等比较）的指标，得分低于其权重时，"
        "该行写明了扣分原因（偏差原因分析、未完成原因等），且原因不称目标未完成（“未完成年度目标”"
        "与该行自己的完成值相反）；带限定词的完成值按其范围比较。",
        why="目标已完成却扣分又不说明原因，得分就与该行自己的指标值、完成值相矛盾。",
    ),
    en=Doc(
        "An indicator that met its target loses points only with a reason",
        what="In a self-evaluation table, an indicator whose 实际完成值 meets its 指标值 (by its "
        "≥, ≤ or =) and scores less than its weight gives the reason in its row's note, one that "
        'does not say the target was missed ("未完成年度目标" against the row\'s own actual); an '
        "actual with a qualifier (超过100, 98%以上) is the range it allows.",
        why="Points taken off a target met, with no reason, contradict the row's own target and "
        "actual value.",
    ),
)
GROUP_ALLOTTED = Rule(
    "SCORE.group_allotment_adds_up",
    version=1,
    severity="error",
    zh=Doc(
        "一级、二级指标的分值等于其下各项分值之和",
        what="评分表中标题写明分值的一级、二级指标（“投入（20分）”），其分值等于其下各项分值之和。",
        why="组的分值加不出来，说明指标增删后标题未改，或某项分值印错，满分不再是 100。",
    ),
    en=Doc(
        "A section's or group's allotment is the sum of its items'",
        what='A 一级 or 二级 heading of a score sheet that prints its allotment ("投入（20分）") '
        "allots the sum of the allotments of the items under it.",
        why="A group whose allotment its items do not make was not updated when items changed, or "
        "an allotment is misprinted: the sheet no longer adds up to full marks.",
    ),
)
GROUP_SCORE = Rule(
    "SCORE.group_score_adds_up",
    version=1,
    severity="error",
    zh=Doc(
        "一级、二级指标的得分等于其下各项得分之和",
        what="评分表中一级、二级指标的得分等于其下各项得分之和（下一级各组完整时为各组之和）。",
        why="组得分与各项不符，一处得分被改过而另一处没有；总分可能也随之有误。",
    ),
    en=Doc(
        "A section's or group's score is the sum of its items'",
        what="A 一级 or 二级 group's score on a score sheet is the sum of the scores under it (of "
        "its subgroups where they hold every item).",
        why="A group score its items do not make means one figure was changed and the other not; "
        "the total may be wrong with it.",
    ),
)


def _label(row: s.Indicator | s.ScoreItem) -> str:
    return row.level3 or row.level2 or row.level1 or "该项"


def award_within_allotment(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        pairs = [(item, "allotted") for item in getattr(table, "items", [])]
        if holds.scored_indicators(table):
            pairs = [(row, "weight") for row in table.indicators]
        for row, bound_name in pairs:
            score, bound = Operand.of_field(row, "score"), Operand.of_field(row, bound_name)
            if score is None or bound is None or bound.number.percent:
                continue
            if not (score.reliable and bound.reliable):
                ctx.not_checked(AWARD)
                continue
            if isinstance(row, s.ScoreItem) and _group_score(table.items, row, score):
                ctx.held(AWARD)  # one score printed for a merged group, within its allotment
                continue
            # an award and its allotment are exact as printed: 6 over 5 is over, not rounding
            if score.number.value > bound.number.value:
                noun = "权重" if bound_name == "weight" else "分值"
                ctx.violated(
                    AWARD,
                    "error",
                    score,
                    [bound],
                    f"{_label(row)}：得分 {score.number.text} 超过{noun} {bound.number.text}",
                    computed=bound.number.text,
                )
            else:
                ctx.held(AWARD)


def _group_score(items: list[s.ScoreItem], item: s.ScoreItem, score: Operand) -> bool:
    """A score printed once on the first row of a merged 二级 group (the group's rows below it
    have none) and within the group's total allotment is the group's score, not the row's."""
    group = [i for i in items if (i.level1, i.level2) == (item.level1, item.level2)]
    if group[0] is not item or any(i.score for i in group[1:]) or len(group) < 2:
        return False
    allotments = [i.allotted_value for i in group]
    if any(a is None for a in allotments):
        return False
    return score.number.value <= sum(a.value for a in allotments if a is not None)


def items_add_up_to_total(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        total_text = getattr(table, "total_score", None)
        total_value, total_cell = getattr(table, "total_score_value", None), None
        total_cell = getattr(table, "total_cell", None)
        if not (total_text and total_value and total_cell):
            continue
        total = Operand.from_cell(total_text, total_value, total_cell)
        head = f"{table.title}：合计得分"
        if holds.scored_indicators(table):
            if len({row.form for row in table.indicators}) > 1:
                continue  # several forms in one grid: each has its own 合计
            parts = [Operand.of_field(row, "score") for row in table.indicators]
            _foot(ctx, TOTAL, total, [*parts, _budget_score(table)], None, head, "各项得分")
        else:
            rows = _parts(table, None, "score")
            items = (
                None if rows == table.items else [Operand.of_field(i, "score") for i in table.items]
            )
            _foot(
                ctx,
                TOTAL,
                total,
                [Operand.of_field(r, "score") for r in rows],
                items,
                head,
                "各项得分",
            )


def _foot(
    ctx: Context,
    rule: Rule,
    stated: Operand,
    parts: list[Operand | None],
    items: list[Operand | None] | None,
    head: str,
    what: str,
    label: Evidence | None = None,
) -> None:
    """``stated`` is the sum of ``parts``: the groups one level down, or the items (then
    ``items`` is None). A figure that disagrees with its groups but agrees with its items is
    right: the group that is off has its own finding."""
    known = [p for p in parts if p is not None and p.reliable]
    if not known or len(known) < len(parts) or not stated.reliable:
        ctx.not_checked(rule)
        return
    judgement = check_sum(stated.number, [p.number for p in known], counted=True)
    if judgement.tier is not Tier.PASS and items and all(i is not None for i in items):
        flat = [i.number for i in items if i is not None]
        if check_sum(stated.number, flat, counted=True).tier is Tier.PASS:
            ctx.held(rule)
            return
    ctx.judged(
        rule,
        judgement,
        stated,
        [*known, *([label] if label else [])],
        f"{head} {stated.number.text} ≠ {what}之和 {' + '.join(p.number.text for p in known)}"
        f" = {plain(judgement.computed.mid)}",
        # whole points leave no room for an author's rounding: one point off is an error
        exact_only=all(o.number.decimals <= 0 for o in (stated, *known)),
    )


def _same(a: str | None, b: str | None) -> bool:
    """Labels are the same but for OCR's spaces ("总体绩效 (6 5 分)")."""
    return a is not None and b is not None and "".join(a.split()) == "".join(b.split())


def _members(table, group: s.ScoreGroup) -> list[s.ScoreItem]:
    return [
        i
        for i in table.items
        if _same(i.level1, group.level1) and (group.level2 is None or _same(i.level2, group.level2))
    ]


def _value(row: s.ScoreItem | s.ScoreGroup, field: str) -> Decimal | None:
    parsed = getattr(row, f"{field}_value")
    return parsed.value if parsed is not None and not parsed.repaired else None


def _trusted(table, groups: list[s.ScoreGroup], field: str) -> bool:
    """Whether a level's groups partition its items as printed. Not where an item falls in
    none of them, nor where more than one group disagrees with its items: labels that OCR
    moved up or down a row put items in the wrong groups, and one wrong figure makes one group
    disagree, not two. The level above then adds up the items instead."""
    members = [_members(table, g) for g in groups]
    if any(not m for m in members):
        return False
    covered = {id(i) for m in members for i in m}
    parents = {"".join((g.level1 or "").split()) for g in groups}
    under = [i for i in table.items if "".join((i.level1 or "").split()) in parents]
    if groups[0].level2 is not None and len(covered) < len(under):
        return False
    stated = [_value(g, field) for g in groups]
    sums = [[_value(i, field) for i in m] for m in members]
    if any(v is None for v in stated) or any(v is None for m in sums for v in m):
        return True  # unreadable values are "not checked" one by one below
    totals = [sum(m, Decimal(0)) for m in sums]  # type: ignore[arg-type]
    differ = [v != t for v, t in zip(stated, totals, strict=True)]
    return sum(differ) <= 1


def _level(table, parent: s.ScoreGroup | None, field: str) -> list[s.ScoreGroup]:
    """The groups one level below ``parent`` (below the table's total when None)."""
    return [
        g
        for g in getattr(table, "groups", [])
        if getattr(g, field) is not None
        and (
            g.level2 is None
            if parent is None
            else parent.level2 is None and g.level2 is not None and _same(g.level1, parent.level1)
        )
    ]


def _parts(table, parent: s.ScoreGroup | None, field: str) -> list[s.ScoreItem | s.ScoreGroup]:
    """What a total or a group adds up: the groups one level down where they hold all its
    items, else its items. Footing each level on the next keeps one wrong figure to one
    finding: a group's score off by one does not also fail its section and the total."""
    items = table.items if parent is None else _members(table, parent)
    below = _level(table, parent, field)
    covered = {id(i) for g in below for i in _members(table, g)}
    if below and all(id(i) in covered for i in items) and _trusted(table, below, field):
        return list(below)
    return list(items)


def groups_add_up(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        levels: dict[tuple[bool, str], list[s.ScoreGroup]] = defaultdict(list)
        for group in getattr(table, "groups", []):
            for field in ("allotted", "score"):
                if getattr(group, field) is not None:
                    levels[(group.level2 is None, field)].append(group)
        for (_, field), groups in levels.items():
            rule, noun = (GROUP_ALLOTTED, "分值") if field == "allotted" else (GROUP_SCORE, "得分")
            if not _trusted(table, groups, field):
                for _ in groups:
                    ctx.not_checked(rule)
                continue
            for group in groups:
                _group_adds_up(ctx, table, group, field, rule, noun)


def _group_adds_up(
    ctx: Context, table, group: s.ScoreGroup, field: str, rule: Rule, noun: str
) -> None:
    stated = Operand.of_field(group, field)
    if stated is None:
        return
    rows, members = _parts(table, group, field), _members(table, group)
    items = None if rows == members else [Operand.of_field(i, field) for i in members]
    parts = [Operand.of_field(r, field) for r in rows]
    name = group.level2 or group.level1
    ref = group.cells.get("label")
    label = (
        Evidence(
            role="label",
            text=name,
            location=EvidenceLocation(
                line=ref.line, page=ref.page, table_id=ref.table_id, row=ref.row, col=ref.col
            ),
        )
        if ref
        else None
    )
    head, what = f"{table.title or table.project or table.kind}：{name} {noun}", f"其下各项{noun}"
    _foot(ctx, rule, stated, parts, items, head, what, label)


def _budget_score(table: s.TableModel) -> Operand | None:
    """The 得分 of the 预算执行情况 总额 row: the 10 points not in the indicators."""
    lines = holds.total_lines(table)
    return Operand.in_row(lines[0], "score") if lines else None


def indicator_weights(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        expected = holds.weight_totals(table)
        if not expected or _printed(table, "indicator_points") or _printed(table, "total_weight"):
            continue  # a printed allotment or 合计 is judged instead (FOOT.weight_total_row)
        forms: dict[int, list[s.Indicator]] = defaultdict(list)
        for row in table.indicators:
            forms[row.form].append(row)
        for rows in forms.values():
            weights = [Operand.of_field(row, "weight") for row in rows]
            if not weights or any(w is None or not w.reliable for w in weights):
                ctx.not_checked(WEIGHTS)
                continue
            known = [w for w in weights if w is not None]
            total = sum((w.number.value for w in known), Decimal(0))
            if total in expected:
                ctx.held(WEIGHTS)
                continue
            convention = " 或 ".join(str(n) for n in expected)
            ctx.violated(
                WEIGHTS,
                "warning",
                None,  # no printed total: the sum of every weight is what is judged
                known,
                f"{table.title}：{len(known)} 个指标权重合计 {plain(total)}，"
                f"通常为 {convention}（{' + '.join(w.number.text for w in known)}）",
                computed=plain(total),
            )


def _printed(table: s.TableModel, field: str) -> Operand | None:
    """A figure a table prints once, with its cell: ``field``, ``field_value``, ``field_cell``
    ("indicator_points": the heading "绩效指标（90分）"; "total_weight": the 合计 row)."""
    text, value, cell = (getattr(table, f"{field}{end}", None) for end in ("", "_value", "_cell"))
    return Operand.from_cell(text, value, cell) if value and cell else None


def _row_weights(ctx: Context, table: s.TableModel) -> list[Operand] | None:
    """Every indicator row's weight; None, noted as not checked, where one was not read or the
    grid holds several forms under one figure."""
    weights = [Operand.of_field(row, "weight") for row in table.indicators]
    if not weights or None in weights or len({row.form for row in table.indicators}) > 1:
        ctx.not_checked(WEIGHT_ROW)
        return None
    return [w for w in weights if w is not None]


def _judge_points(ctx: Context, stated: Operand, parts: list[Operand], message: str) -> None:
    """A printed points figure against the weights it sums, whole points counted exactly."""
    whole = all(o.number.decimals <= 0 for o in (stated, *parts))
    judgement = check_sum(stated.number, [p.number for p in parts], counted=whole)
    ctx.judged(
        WEIGHT_ROW,
        judgement,
        stated,
        parts,
        f"{message}{' + '.join(p.number.text for p in parts)} = {plain(judgement.computed.mid)}",
        exact_only=whole,
    )


def section_points(ctx: Context) -> None:
    """A heading "绩效指标（90分）" over indicator weights that add up to 85: the heading and
    the rows disagree in print, whatever the convention."""
    for table in ctx.extraction.tables:
        stated = _printed(table, "indicator_points")
        parts = _row_weights(ctx, table) if stated else None
        if stated is None or parts is None:
            continue
        _judge_points(
            ctx,
            stated,
            parts,
            f"{table.title or table.kind}：「{stated.number.text}分」的绩效指标，各指标分值之和为 ",
        )


def weight_total_rows(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        stated = _printed(table, "total_weight")
        parts = _row_weights(ctx, table) if stated else None  # several forms under one 合计
        if stated is None or parts is None:
            continue
        lines = holds.budget_execution(table)
        if lines:  # a 自评表: its budget line's 分值 is in the 合计 too
            allotted = next(
                (o for line in lines
                 if (o := Operand.in_row(line, "allotted") or Operand.in_row(line, "weight"))),
                None,
            )  # fmt: skip
            if allotted is None:
                ctx.not_checked(WEIGHT_ROW)
                continue
            parts.append(allotted)
        _judge_points(
            ctx,
            stated,
            parts,
            f"{table.title or table.kind}：合计行分值 {stated.number.text} ≠ 各行分值之和 ",
        )


MISSES = {  # comparator → whether an actual value misses its target
    ">=": lambda actual, target: actual < target,
    ">": lambda actual, target: actual <= target,
    "<=": lambda actual, target: actual > target,
    "<": lambda actual, target: actual >= target,
    "=": lambda actual, target: actual != target,
}


def scores_against_targets(ctx: Context) -> None:
    """Full marks on a target missed (by its 指标性质), and points taken off a target met with
    no reason given: the score contradicts the row's own target and actual. An actual printed
    with a qualifier ("近80次", "超100", "80余", "98%以上") is the range it allows: judged where
    the whole range misses or meets the target, else not checked (约, 左右; 近80 against ≥ 75)."""
    for table in ctx.extraction.tables:
        if not holds.scored_indicators(table):
            continue
        for row in table.indicators:
            score, weight = Operand.of_field(row, "score"), Operand.of_field(row, "weight")
            if score and weight and _short_in_words(row):
                _full_marks_in_words(ctx, row, score, weight)
                continue
            target = Operand.of_field(row, "target")
            actual = Operand.of_field(row, "actual") or _qualified_actual(row)
            if not (score and weight and target and actual) or row.comparator not in MISSES:
                continue
            full = score.number.value == weight.number.value
            if not (full or score.number.value < weight.number.value):
                continue  # over the weight: award_within_allotment's finding
            rule = FULL_MARKS if full else DEDUCTED_MET  # the one this row could break
            if not all(o.reliable for o in (score, weight, target, actual)):
                ctx.not_checked(rule)
                continue
            if row.unit == "%" and actual.number.value <= 1 < target.number.value:
                ctx.not_checked(rule)  # "1" against 100%: a ratio or 1%? the scale is unclear
                continue
            missed = _misses(row, actual, target.number.value)
            if missed is None:
                ctx.not_checked(rule)  # 约95, or 近80 against ≥ 75: the range straddles it
                continue
            unit = row.unit or ""
            qualified = row.actual_value is None
            printed = actual.evidence.text if qualified else actual.number.text
            printed += "" if qualified or printed.endswith(unit) else unit  # "112处", "96.2%"
            stated = f"目标 {row.stated_target()}，实际完成 {printed}"
            note = (row.note or "").strip()
            if full and missed:
                ctx.violated(
                    FULL_MARKS,
                    "warning",
                    score,
                    [weight, target, actual],
                    f"{_label(row)}：{stated}，却得满分 {score.number.text}",
                )
            elif not full and not missed and (not note or _SAID_MISSED.search(note)):
                # no reason, or one that says the target was missed when the row says it was met
                why = "原因却称未完成" if note else "未说明原因"
                ctx.violated(
                    DEDUCTED_MET,
                    "warning",
                    score,
                    [weight, target, actual],
                    f"{_label(row)}：{stated}，已达目标却得 {score.number.text} 分"
                    f"（权重 {weight.number.text}），{why}",
                    computed=weight.number.text,
                )
            else:
                ctx.held(rule)


# a reason for points off that says the target was missed: "…，未完成年度目标"
_SAID_MISSED = re.compile(r"未(?:完成|达到|达成|实现)(?:年度|既定)?(?:绩效)?目标|未达标")
# an outcome in words that says the target is not reached: "有待完善" against "持续完善"
_SHORT = re.compile(
    r"有待|尚需|尚未|尚不|未能|未(?:完成|达到|达标|实现|全部|按期|按时)|不足|欠缺|不够"
    r"|部分(?:完成|达到|实现)"
)  # not a bare 未: "未发生安全事故" meets "无安全事故"


def _short_in_words(row: s.Indicator) -> bool:
    """A target and an actual both in words, the actual saying the target is not reached."""
    target, actual = (row.target or "").strip(), (row.actual or "").strip()
    if not target or not actual or row.target_value or row.actual_value or target == actual:
        return False
    return bool(_SHORT.search(actual)) and not _SHORT.search(target)


def _full_marks_in_words(ctx: Context, row: s.Indicator, score: Operand, weight: Operand) -> None:
    if score.number.value != weight.number.value:
        ctx.held(FULL_MARKS)  # points were taken off: the score agrees with the words
        return
    cells = [e for field in ("target", "actual") if (e := field_evidence(row, field))]
    ctx.violated(
        FULL_MARKS,
        "warning",
        score,
        [weight, *cells],
        f"{_label(row)}：目标“{row.target}”，实际“{row.actual}”，未达目标却得满分 "
        f"{score.number.text}",
    )


# An actual with a qualifier before or after its number, and its unit: "近80次", "超过100",
# "80余家", "98%以上", "5天以内", "约95%".
_QUALIFIED = re.compile(
    r"^(?P<before>近|超过|超|逾|约)?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<more>余|多)?"
    r"(?P<unit>%|[^\d\s余多以约左]{0,3})(?P<after>以上|以内|以下|左右)?$"
)
# qualifier → the range "<qualifier> x" allows: (lower bound?, open?, upper bound?, open?)
_RANGES: dict[str, tuple[bool, bool, bool, bool]] = {
    "近": (False, False, True, True),  # nearly x: below x
    "超过": (True, True, False, False),
    "超": (True, True, False, False),
    "逾": (True, True, False, False),
    "余": (True, True, False, False),  # x余: more than x
    "多": (True, True, False, False),
    "以上": (True, False, False, False),
    "以内": (False, False, True, False),
    "以下": (False, False, True, False),
    "约": (False, False, False, False),  # about x: either side
    "左右": (False, False, False, False),
}


def _qualified_actual(row: s.Indicator) -> Operand | None:
    """The number of an actual printed with one qualifier, as an operand of its cell."""
    text, ref = row.actual, row.cells.get("actual")
    match = _QUALIFIED.match(to_halfwidth(text or "").replace(" ", ""))
    if match is None or ref is None or len(_qualifiers(match)) != 1:
        return None
    number = parse_number(match["num"])
    if number is None:
        return None
    parsed = s.Parsed(value=number.value, decimals=number.decimals, percent=match["unit"] == "%")
    return Operand.from_cell(text or "", parsed, ref)


def _qualifiers(match: re.Match[str]) -> list[str]:
    return [q for q in (match["before"], match["more"], match["after"]) if q]


def _misses(row: s.Indicator, actual: Operand, target: Decimal) -> bool | None:
    """Whether the actual misses its target by the row's comparator; None where its qualifier
    leaves both possible."""
    value = actual.number.value
    if row.actual_value is not None:
        return MISSES[row.comparator](value, target)  # type: ignore[index]
    match = _QUALIFIED.match(to_halfwidth(actual.evidence.text).replace(" ", ""))
    if match is None or row.comparator not in (">=", ">", "<=", "<"):
        return None
    has_lo, lo_open, has_hi, hi_open = _RANGES[_qualifiers(match)[0]]
    strict = row.comparator in (">", "<")
    below = has_hi and (value < target or (value == target and (hi_open or strict)))
    above = has_lo and (value > target or (value == target and (lo_open or strict)))
    at_least = has_lo and (value > target or (value == target and (lo_open or not strict)))
    at_most = has_hi and (value < target or (value == target and (hi_open or not strict)))
    if row.comparator in (">=", ">"):
        return True if below else False if at_least else None
    return True if above else False if at_most else None


def _v(number: Number) -> Decimal:
    return number.value


FAMILIES = [
    award_within_allotment,
    items_add_up_to_total,
    groups_add_up,
    indicator_weights,
    section_points,
    weight_total_rows,
    scores_against_targets,
]
