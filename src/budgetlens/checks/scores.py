"""Score and weight checks inside tables (DOMAIN.md §4.1 and §4.5).

An awarded score stays within its allotment; awarded scores add up to the printed total;
indicator weights add up to the convention (90 for a project's indicators, 90 or 100 for a
department's); full marks are not given to an indicator whose actual value misses its target.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.numbers import Number
from budgetlens.tables import schemas as s

AWARD = ("SCORE.award_within_allotment", 1, "scores")
TOTAL = ("SCORE.items_add_up_to_total", 2, "scores")
WEIGHTS = ("FOOT.indicator_weights", 1, "footing")
FULL_MARKS = ("SCORE.full_marks_on_missed_target", 1, "scores")

_WEIGHT_TOTALS = {"T1": (90, 100), "T2": (90, 100), "T3": (90,), "T6": (90,)}


def _operand(row: s.Indicator | s.ScoreItem, name: str) -> Operand | None:
    text, value, ref = getattr(row, name), getattr(row, f"{name}_value"), row.cells.get(name)
    if text is None or value is None or ref is None:
        return None
    return Operand.from_cell(text, value, ref)


def _label(row: s.Indicator | s.ScoreItem) -> str:
    return row.level3 or row.level2 or row.level1 or "该项"


def award_within_allotment(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        pairs = [(item, "allotted") for item in getattr(table, "items", [])]
        if table.kind == "T3":
            pairs = [(row, "weight") for row in table.indicators]
        for row, bound_name in pairs:
            score, bound = _operand(row, "score"), _operand(row, bound_name)
            if score is None or bound is None or bound.number.percent:
                continue
            if not (score.reliable and bound.reliable):
                ctx.not_checked("scores")
                continue
            if isinstance(row, s.ScoreItem) and _group_score(table.items, row, score):
                ctx.held("scores")  # one score printed for a merged group, within its allotment
                continue
            if score.number.interval[0] > bound.number.interval[1]:
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
                ctx.held("scores")


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
        if table.kind == "T3":
            if len({row.form for row in table.indicators}) > 1:
                continue  # several forms in one grid: each has its own 合计
            parts = [_operand(row, "score") for row in table.indicators]
            budget_score = _budget_score(table)
            parts.append(budget_score)
        else:
            parts = [_operand(item, "score") for item in table.items]
        if not parts or any(p is None or not p.reliable for p in parts) or not total.reliable:
            ctx.not_checked("scores")
            continue
        known = [p for p in parts if p is not None]
        judgement = check_sum(total.number, [p.number for p in known], counted=True)
        addends = " + ".join(p.number.text for p in known)
        ctx.judged(
            TOTAL,
            judgement,
            total,
            known,
            f"{table.title}：合计得分 {total.number.text} ≠ 各项得分之和 {addends} = "
            f"{plain(judgement.computed.mid)}",
            # whole points leave no room for an author's rounding: one point off is an error
            exact_only=all(o.number.decimals <= 0 for o in (total, *known)),
        )


def _budget_score(table: s.T3ProjectSelfEvaluation) -> Operand | None:
    """The 得分 of the 预算执行情况 总额 row: the 10 points not in the indicators."""
    for line in table.budget:
        if line.label.replace(" ", "") in ("总额", "合计"):
            for name, text in line.values.items():
                if name.replace(" ", "") == "得分" and text and name in line.parsed:
                    return Operand.from_cell(text, line.parsed[name], line.cells[name])
    return None


def indicator_weights(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        expected = _WEIGHT_TOTALS.get(table.kind)
        if not expected:
            continue
        forms: dict[int, list[s.Indicator]] = defaultdict(list)
        for row in table.indicators:
            forms[row.form].append(row)
        for rows in forms.values():
            weights = [_operand(row, "weight") for row in rows]
            if not weights or any(w is None or not w.reliable for w in weights):
                ctx.not_checked("footing")
                continue
            known = [w for w in weights if w is not None]
            total = sum((w.number.value for w in known), Decimal(0))
            if total in expected:
                ctx.held("footing")
                continue
            convention = " 或 ".join(str(n) for n in expected)
            ctx.violated(
                WEIGHTS,
                "warning",
                known[0],
                known[1:],
                f"{table.title}：{len(known)} 个指标权重合计 {plain(total)}，"
                f"通常为 {convention}（{' + '.join(w.number.text for w in known)}）",
                computed=plain(total),
            )


MISSES = {  # comparator → whether an actual value misses its target
    ">=": lambda actual, target: actual < target,
    ">": lambda actual, target: actual <= target,
    "<=": lambda actual, target: actual > target,
    "<": lambda actual, target: actual >= target,
    "=": lambda actual, target: actual != target,
}


def full_marks_on_missed_target(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if table.kind != "T3":
            continue
        for row in table.indicators:
            score, weight = _operand(row, "score"), _operand(row, "weight")
            target, actual = _operand(row, "target"), _operand(row, "actual")
            if not (score and weight and target and actual) or row.comparator not in MISSES:
                continue
            if score.number.value != weight.number.value:
                continue  # not full marks
            if not all(o.reliable for o in (score, weight, target, actual)):
                ctx.not_checked("scores")
                continue
            if row.unit == "%" and actual.number.value <= 1 < target.number.value:
                ctx.not_checked("scores")  # "1" against 100%: a ratio or 1%? the scale is unclear
                continue
            if MISSES[row.comparator](_v(actual.number), _v(target.number)):
                unit = row.unit or ""
                ctx.violated(
                    FULL_MARKS,
                    "warning",
                    score,
                    [weight, target, actual],
                    f"{_label(row)}：目标 {row.comparator}{target.number.text}{unit}，"
                    f"实际完成 {actual.number.text}{unit}，却得满分 {score.number.text}",
                )
            else:
                ctx.held("scores")


def _v(number: Number) -> Decimal:
    return number.value


FAMILIES = [
    award_within_allotment,
    items_add_up_to_total,
    indicator_weights,
    full_marks_on_missed_target,
]
