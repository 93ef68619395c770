"""Rates the prose states, against what the report's tables and other paragraphs give.

An overall execution rate stated for the department's projects (…个常年项目，涉及预算总金额
873.62万元，1—12月预算执行总体进度为100%) cannot exceed what its projects allow: one project
that left 73.79万元 of its budget unspent caps the whole at (873.62 − 73.79) ÷ 873.62, unless
another project overspent. And a rate printed at its best (资金到位率100%, 预算调整率0%) earns
the full points of the score sheet's item of the same name: a criterion is monotone in its rate,
so points withheld mean the sheet saw another rate than the prose.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, plain
from budgetlens.checks.intervals import Interval, Quantity
from budgetlens.checks.linking import name_match
from budgetlens.claims.model import Claim
from budgetlens.numbers import Number
from budgetlens.tables import schemas as s

OVERALL = Rule(
    "RATE.overall_execution_vs_projects",
    version=1,
    severity="warning",
    zh=Doc(
        "项目总体执行进度不超过各项目执行情况所允许的上限",
        what="正文称一类或全部项目“预算执行总体进度/整体执行率为X%”并给出预算总金额时，"
        "报告中任一项目的全年执行缺口（预算 − 执行数，来自自评表或“预算执行率Y%”的句子）"
        "都使总体进度至多为（总金额 − 缺口）÷ 总金额；报告中有项目超支时不判断。",
        why="总体进度100%而某个项目只执行了九成，两处至少有一处不实，评价结论失去依据。",
    ),
    en=Doc(
        "The projects' overall execution rate is within what each project allows",
        what="Where the prose states an overall execution rate for the projects "
        "(总体进度/整体执行率 X%) with their total budget, any one project's full-year "
        "shortfall (budget − spent, from its self-evaluation table or a sentence 预算执行率Y%) "
        "caps the overall rate at (total − shortfall) ÷ total; not judged where a project "
        "overspent.",
        why="An overall 100% beside a project that spent nine tenths of its budget means one of "
        "the two is untrue, and the conclusion built on it has no basis.",
    ),
)
BEST_RATE = Rule(
    "SCORE.best_rate_marked_down",
    version=1,
    severity="warning",
    zh=Doc(
        "正文中达到最优值的比率，评分表同名指标应得满分",
        what="正文称某比率为最优值（资金到位率、预算执行率、完成率等为100%，预算调整率、"
        "偏离度、结余率为0%），同一报告评分表中同名的评分项却得分低于分值。",
        why="评分标准随比率单调变化，最优的比率只能得满分；扣了分说明评分表所用的比率与正文不同，"
        "两处至少有一处不实。",
    ),
    en=Doc(
        "A rate the prose prints at its best earns full points on the score sheet",
        what="The prose prints a rate at its best value (到位率, 执行率, 完成率… at 100%; 调整率, "
        "偏离度, 结余率 at 0%) and the score sheet of the same report awards the item of that name "
        "less than its allotment.",
        why="A criterion is monotone in its rate, so the best rate earns full points; points "
        "withheld mean the sheet used another rate than the prose, and one of them is untrue.",
    ),
)

_HUNDRED = Decimal(100)
# an overall rate: of a class of projects or of all of them, not of one project
_OVERALL = re.compile(r"(?:总体|整体|全部|总)(?:预算)?(?:执行|支出)?(?:进度|执行率)|执行总体进度")
_EXECUTION = re.compile(r"执行率|执行进度")
# "1至6月", "1-10月", "截至6月底": a month other than December ends a part-year rate
_MONTH = re.compile(r"(\d{1,2})\s*月")


def _cent(value: Decimal, rounding: str) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=rounding))


def _part_year(ctx: Context, claim: Claim) -> bool:
    months = _MONTH.findall(ctx.sentence_before(claim))
    return bool(months) and int(months[-1]) != 12


def _quantity(claim: Claim) -> Quantity:
    q = claim.quantity
    number = Number(text=q.text, value=q.value, decimals=q.decimals, percent=q.percent)
    return Quantity(number, q.unit if q.unit in MONEY else None)


def _report_title(ctx: Context, block_id: str) -> str:
    """The title of the report a block is in, in 「」, or nothing where the document has none."""
    report = ctx.report_of.get(block_id)
    title = next(
        (
            b.text
            for b in ctx.document.blocks
            if b.kind == "heading" and b.level == 0 and ctx.report_of.get(b.id) == report
        ),
        None,
    )
    return f"「{title.strip()}」" if title and report is not None else ""


Shortfall = tuple[Interval, list[Operand], str]


def _shortfalls(ctx: Context, overall_block: str) -> tuple[list[Shortfall], bool]:
    """Each project's full-year shortfall in 万元 with the operands it came from and words for
    them, and whether any project overspent (then a shortfall may be made up elsewhere)."""
    found: list[Shortfall] = []
    overspent = False
    for table in ctx.extraction.tables:
        for line in holds.budget_execution(table)[:1]:  # the 总额 line
            executed = Operand.in_row(line, "executed")
            budget = Operand.in_row(line, "adjusted")
            if not (executed and budget):
                continue
            spent = Quantity(executed.number, executed.unit).interval
            planned = Quantity(budget.number, budget.unit).interval
            overspent |= spent.lo > planned.hi
            if planned.lo > spent.hi:
                words = (
                    f"{table.project or table.title}调整后预算 {budget.number.text}、"
                    f"执行 {executed.number.text}"
                )
                found.append((planned - spent, [budget, executed], words))
    by_id = {c.id: c for c in ctx.claims}
    for claim in ctx.claims:
        if (
            claim.type != "rate"
            or not claim.quantity.percent
            or claim.span.block_id == overall_block
            or not _EXECUTION.search(claim.subject)
            or _OVERALL.search(claim.subject)
            or _part_year(ctx, claim)
        ):
            continue
        rate = Interval.of(claim.quantity.value, claim.quantity.decimals)
        overspent |= rate.lo > _HUNDRED
        actual = by_id.get(claim.ref or "")
        if actual is None or actual.role != "actual" or rate.hi >= _HUNDRED or rate.lo <= 0:
            continue
        spent = _quantity(actual).interval
        # spent ÷ rate is the budget; what it left is budget − spent
        gap = spent / rate.scale(1 / _HUNDRED) - spent
        words = (
            f"{_report_title(ctx, claim.span.block_id)}{actual.subject} {actual.quantity.text}"
            f"{actual.quantity.unit or ''}、{claim.subject} {claim.quantity.text}"
        )
        found.append((gap, [Operand.from_claim(actual), Operand.from_claim(claim)], words))
    return found, overspent


def _budget_of(ctx: Context, rate: Claim) -> Claim | None:
    """The budget a rate is of: the adjusted one where its sentence states it beside the
    initial one ("年初预算1620.00万元…调整后预算1656.50万元…总体进度98.79%")."""
    if not rate.group:
        return None
    budgets = [c for c in ctx.claims if c.group == rate.group and c.role == "budget"]
    adjusted = [c for c in budgets if re.search(r"调整|全年", c.subject)]
    return (adjusted or budgets or [None])[0]


# a sentence that prints what was spent states its rate's numerator: the rate is its ratio
# (RATE.actual_over_budget), not a bound on other projects' shortfalls
_SPENT_SAID = re.compile(r"(?:实际支出|支出决算|执行数|已支出)\s*[\d,.]+\s*万?元")


def overall_execution(ctx: Context) -> None:
    by_block: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.type == "rate" and claim.quantity.percent and _OVERALL.search(claim.subject):
            by_block.setdefault(claim.span.block_id, []).append(claim)
    for block, rates in by_block.items():
        if any(_SPENT_SAID.search(ctx.sentence_before(r)) for r in rates):
            continue  # "调整后预算264.43万元，实际支出258.19万元，…总体进度为97.64%": its own
        totals = [_budget_of(ctx, r) for r in rates]
        if any(t is None for t in totals):
            ctx.not_checked(OVERALL)  # a rate of an amount not stated cannot be bounded
            continue
        shortfalls, overspent = _shortfalls(ctx, block)
        if overspent:
            ctx.not_checked(OVERALL)  # a shortfall may be made up by another project
            continue
        if not shortfalls:
            ctx.held(OVERALL)
            continue
        total = sum((_quantity(t).interval for t in totals if t), Interval.exact(Decimal(0)))
        # the executed amount the rates state together, and at most what the gap leaves
        stated = sum(
            (
                _quantity(t).interval * Interval.of(r.quantity.value, r.quantity.decimals)
                for r, t in zip(rates, totals, strict=True)
                if t
            ),
            Interval.exact(Decimal(0)),
        ).scale(1 / _HUNDRED)
        gap, operands, words = max(shortfalls, key=lambda found: found[0].lo)
        if stated.lo <= (total - gap).hi:
            ctx.held(OVERALL)
            continue
        most = _cent((total - gap).hi / total.lo * _HUNDRED, ROUND_CEILING)
        first, rest = rates[0], [Operand.from_claim(r) for r in rates[1:]]
        ctx.violated(
            OVERALL,
            "warning",
            Operand.from_claim(first),
            [*rest, *(Operand.from_claim(t) for t in totals if t), *operands],
            f"正文称{'、'.join(dict.fromkeys(r.subject for r in rates))}为 "
            f"{'、'.join(r.quantity.text for r in rates)}（预算合计 {plain(total.mid)}万元），"
            f"但{words}，未执行约 {_cent(gap.mid, ROUND_HALF_UP)}万元，总体进度至多 {most}%",
            computed=f"≤ {most}%",
        )


# rates whose best value is 0% (lower is better); the others below are best at 100%
_LOWER_BETTER = ("调整率", "偏离度", "结余率", "结转率", "差错率", "投诉率")
_HIGHER_BETTER = (
    "到位率",
    "执行率",
    "完成率",
    "达标率",
    "及时率",
    "合格率",
    "覆盖率",
    "利用率",
    "办结率",
    "进度率",
    "验收率",
    "兑现率",
    "拨付率",
)
_ALLOTMENT = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")


def _best(name: str) -> Decimal | None:
    """The best value of the rate an item is named for, or None for another kind of item
    (a 变动率 or 控制率 has no best end at 0% or 100%)."""
    if "变动" in name or "增长" in name:
        return None
    if name.endswith(_LOWER_BETTER):
        return Decimal(0)
    if name.endswith(_HIGHER_BETTER):
        return _HUNDRED
    return None


def _sheet_for(ctx: Context, claim: Claim, sheets: list) -> s.ExtractedTable | None:
    """The score sheet a claim's rate is scored on: of the sheets in the claim's report, the
    first printed after it (a report's prose comes before its tables; a sheet above the claim
    may be another part's, the 部门整体 sheet above a project's prose)."""
    order = {b.id: i for i, b in enumerate(ctx.document.blocks)}
    report = ctx.report_of.get(claim.span.block_id)
    at = order.get(claim.span.block_id, 0)
    after = [
        t
        for t in sheets
        if ctx.report_of.get(t.id) == report
        and t.id != claim.span.block_id
        and order.get(t.id, 0) > at
    ]
    return after[0] if after else None


def best_rates_marked_down(ctx: Context) -> None:
    sheets = [t for t in ctx.extraction.tables if holds.score_sheet(t)]
    for claim in ctx.claims:
        q = claim.quantity
        if claim.type not in ("rate", "achievement") or not q.percent or claim.comparator:
            continue
        if claim.qualifier is not None or (sheet := _sheet_for(ctx, claim, sheets)) is None:
            continue
        for item in sheet.items:
            name = _ALLOTMENT.sub("", item.level3 or item.level2 or "").strip()
            best = _best(name)
            if best is None or q.value != best or name_match(claim.subject, name) is None:
                continue
            score = Operand.of_field(item, "score")
            allotted = Operand.of_field(item, "allotted")
            if score is None or allotted is None:
                ctx.not_checked(BEST_RATE)
                continue
            if score.number.value >= allotted.number.value:
                ctx.held(BEST_RATE)
                continue
            ctx.violated(
                BEST_RATE,
                "warning",
                Operand.from_claim(claim),
                [allotted, score],
                f"正文称{claim.subject} {q.text}（最优值），但{sheet.title}「{name}」"
                f"得 {score.number.text} 分，低于分值 {allotted.number.text} 分",
                computed=f"{allotted.number.text} 分",
            )


FAMILIES = [overall_execution, best_rates_marked_down]
