"""A budget adjusted during the year (DOMAIN.md §4.6): "项目年初预算120.00万元，年中追加25.00万元，
全年预算150.00万元" says 120.00 + 25.00 = 150.00. Where one sentence prints the 年初 budget,
then the money added (追加, 调增) or cut (调减, 核减), then the year's budget (全年, 调整后), the
three agree, each figure's rounding allowed.
"""

from __future__ import annotations

import re

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.checks.linking import INITIAL_BUDGET, YEARS_BUDGET
from budgetlens.checks.prose import as_quantity
from budgetlens.claims.model import Claim

ADJUSTMENT = Rule(
    "CHANGE.budget_adjustment",
    version=1,
    severity="error",
    zh=Doc(
        "年初预算加上年中追加（减去调减）等于全年预算",
        what="同一句依次写出年初预算、年中追加（调增）、使用结转或调减（核减）的金额和全年（调整后）预算时"
        "（“项目年初预算120.00万元，年中追加25.00万元，全年预算150.00万元”），年初预算 ± 调整额"
        " = 全年预算，容许各数的四舍五入；“其中”列出的组成部分不计。同一句既有追加又有调减、"
        "或其间有说不清增减的金额的，不检查。",
        why="调整后的预算是执行率的分母；三数对不上，执行率和评分就建立在错的数上。",
    ),
    en=Doc(
        "The initial budget plus money added (less money cut) is the year's budget",
        what="Where one sentence prints the 年初 budget, then money added (追加, 调增, a "
        "carry-over used) or cut (调减, 核减), then the year's (全年, 调整后) budget, as in "
        '"项目年初预算120.00万元，年中追加25.00万元，全年预算150.00万元", initial ± change = '
        "the year's budget, each figure's rounding allowed; parts listed after 其中 are not "
        "counted. A sentence that both adds and cuts, or prints between them an amount of no "
        "known kind, is not checked.",
        why="The adjusted budget is the execution rate's base; three figures that disagree put "
        "the rate and the score on a wrong number.",
    ),
)

# money added: 追加, 调增, and a carry-over brought in ("使用2022年结转资金18.64万元")
_ADDED = re.compile(r"(?:追加|调增|结转)(?:预算)?(?:资金|经费)?$")
_CUT = re.compile(r"(?:调减|核减|压减|追减)(?:预算)?(?:资金|经费)?$")
_SENTENCE_END = re.compile(r"[。！？]")  # "；" may part a budget from its adjustment


def _sentence(ctx: Context, claim: Claim) -> tuple[str, int]:
    """The block and the start of the sentence a claim is in."""
    text = ctx.text_of(claim.span.block_id)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, claim.span.start)]
    return claim.span.block_id, ends[-1] if ends else 0


def _part_of_one(ctx: Context, claim: Claim, named: list[Claim]) -> bool:
    """Named itself, or a part listed after "其中" since the last named amount before it
    ("年初预算180.00万元，其中财政资金150.00万元、…其他资金30.00万元")."""
    if claim in named:
        return True
    before = [c.span.end for c in named if c.span.end <= claim.span.start]
    text = ctx.text_of(claim.span.block_id)
    return bool(before) and "其中" in text[max(before) : claim.span.start]


def budget_adjustments(ctx: Context) -> None:
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for claim in ctx.claims:
        if claim.type == "amount" and claim.quantity.unit in MONEY:
            sentences.setdefault(_sentence(ctx, claim), []).append(claim)
    for claims in sentences.values():
        initial = [c for c in claims if INITIAL_BUDGET.search(c.subject)]
        final = [c for c in claims if YEARS_BUDGET.search(c.subject)]
        if len(initial) != 1 or len(final) != 1:
            continue
        (first,), (last,) = initial, final
        between = [c for c in claims if first.span.start < c.span.start < last.span.start]
        added = [c for c in between if _ADDED.search(c.subject)]
        cut = [c for c in between if _CUT.search(c.subject)]
        if any(not _part_of_one(ctx, c, added + cut + [first]) for c in between):
            ctx.not_checked(ADJUSTMENT)  # an amount of no known kind between: its sign unsaid
            continue
        if bool(added) == bool(cut):
            if added:
                ctx.not_checked(ADJUSTMENT)  # both ways in one sentence: what nets is unsaid
            continue
        _judge(ctx, first, added or cut, last, cut=bool(cut))


def _judge(ctx: Context, first: Claim, changes: list[Claim], last: Claim, cut: bool) -> None:
    """initial + added = the year's; for a cut, the year's + cut = initial."""
    whole_claim, base_claim = (first, last) if cut else (last, first)
    whole, base = Operand.from_claim(whole_claim), Operand.from_claim(base_claim)
    moved = [Operand.from_claim(c) for c in changes]
    judgement = check_sum(as_quantity(whole), [as_quantity(o) for o in (base, *moved)])
    listed = " + ".join(f"{c.subject} {o.number.text}" for c, o in zip(changes, moved, strict=True))
    ctx.judged(
        ADJUSTMENT,
        judgement,
        whole,
        [base, *moved],
        f"{base_claim.subject} {base.number.text} + {listed} = "
        f"{plain(judgement.computed.mid)} ≠ {whole_claim.subject} {whole.number.text}",
    )


FAMILIES = [budget_adjustments]
