"""A figure per head, per household or per visit against the total and the count it divides.

"全年兑付补助资金312.50万元，惠及农户86户，户均补助3.36万元": 312.50 ÷ 86 is 3.63. Where the
sentence (or the one before it, in its paragraph) prints the total amount and the count of the
unit the word names (人均 → 人/名, 户均 → 户, 次均 → 次/人次), the figure is their quotient, each
printed figure's rounding allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, plain
from budgetlens.claims.model import Claim

PER_UNIT = Rule(
    "RATE.per_unit",
    version=1,
    severity="error",
    zh=Doc(
        "人均、户均、次均金额等于总额 ÷ 对应的人数、户数、次数",
        what="句中（或同段上一句）写出总金额和人数（户数、次数）时（“兑付补助资金312.50万元，惠及农户86"
        "户，户均补助3.36万元”），人均、户均、次均金额等于总额 ÷ 该数，容许各数的四舍五入；单位"
        "（元、万元）换算后比较。",
        why="人均、户均数是读者判断标准高低的依据；除错一位或写反数字，结论就不同。",
    ),
    en=Doc(
        "A per-head, per-household or per-visit amount is the total over the count",
        what="Where a sentence, or the one before it in its paragraph, prints a total amount and "
        "the count of the unit its word names (人均 → 人/名, 户均 → 户, 次均 → 次/人次), as in "
        '"兑付补助资金312.50万元，惠及农户86户，户均补助3.36万元", the figure is the total over '
        "the count, each figure's rounding allowed, 元 and 万元 converted.",
        why="A per-head figure is how readers judge a standard; one divided wrongly or with "
        "swapped digits says something else.",
    ),
)

_PER = re.compile(r"(?P<per>人均|户均|次均)|平均每(?P<each>人|户|次)")
_COUNTED = {"人": ("人", "名"), "户": ("户",), "次": ("次", "人次")}
_WAN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


def _unit_of(claim: Claim) -> tuple[str, ...] | None:
    found = _PER.search(claim.subject)
    if found is None:
        return None
    return _COUNTED[(found["per"] or "")[:1] or found["each"]]


def _previous_sentence(ctx: Context, claim: Claim) -> int:
    """Where the sentence before the claim's begins, in its block's text."""
    own = claim.span.start - len(ctx.sentence_before(claim))
    text = ctx.text_of(claim.span.block_id)[: max(own - 1, 0)]
    return max(text.rfind(mark) for mark in "。；;") + 1


def per_units(ctx: Context) -> None:
    for i, claim in enumerate(ctx.claims):
        counted = _unit_of(claim) if claim.quantity.unit in MONEY else None
        if not counted or claim.type not in ("amount", "achievement"):
            continue
        start = _previous_sentence(ctx, claim)
        before = [
            c
            for c in reversed(ctx.claims[:i])
            if c.span.block_id == claim.span.block_id and c.span.start >= start
        ]
        count = next((c for c in before if c.quantity.unit in counted), None)
        total = next(
            (c for c in before if c.quantity.unit in MONEY and not _PER.search(c.subject)), None
        )
        if count is None or total is None or count.quantity.value == 0:
            continue
        _judge(ctx, claim, total, count)


def _judge(ctx: Context, claim: Claim, total: Claim, count: Claim) -> None:
    stated, t, n = (Operand.from_claim(c) for c in (claim, total, count))
    scale = _WAN[total.quantity.unit or "元"] / _WAN[claim.quantity.unit or "元"]
    half = t.number.half_unit
    lo = (t.number.value - half) * scale / n.number.value
    hi = (t.number.value + half) * scale / n.number.value
    s_half = stated.number.half_unit
    if stated.number.value + s_half >= lo and stated.number.value - s_half <= hi:
        ctx.held(PER_UNIT)
        return
    computed = t.number.value * scale / n.number.value
    ctx.violated(
        PER_UNIT,
        "error",
        stated,
        [t, n],
        f"{claim.subject} {stated.number.text}{claim.quantity.unit} ≠ {total.subject} "
        f"{t.number.text}{total.quantity.unit} ÷ {count.subject} {n.number.text}"
        f"{count.quantity.unit} = {plain(computed)}{claim.quantity.unit}",
        computed=plain(computed),
    )


FAMILIES = [per_units]
