"""A figure per head, per household or per visit against the total and the count it divides,
and a total against the count and the unit price it multiplies.

"全年兑付补助资金312.50万元，惠及农户86户，户均补助3.36万元": 312.50 ÷ 86 is 3.63. Where the
sentence (or the one before it, in its paragraph) prints the total amount and the count of the
unit the word names (人均 → 人/名, 户均 → 户, 次均 → 次/人次), the figure is their quotient, each
printed figure's rounding allowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, plain, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.checks.intervals import from_wan, to_wan
from budgetlens.claims.model import Claim
from budgetlens.document import Heading, Paragraph

PER_UNIT = Rule(
    "RATE.per_unit",
    version=2,
    severity="error",
    zh=Doc(
        "人均、户均、件均（案均）、村均金额等于总额 ÷ 对应的人数、户数、件数、村数",
        what="句中（或同段上一句，或其后括号中的算式）写出总金额和人数（户数、次数）时（“兑付补助资金312.50万元，惠及农户86"
        "户，户均补助3.36万元”），人均、户均、次均、件均（案均）、村均金额等于总额 ÷ 该数，"
        "容许各数的四舍五入；单位（元、万元）换算后比较。",
        why="人均、户均数是读者判断标准高低的依据；除错一位或写反数字，结论就不同。",
    ),
    en=Doc(
        "A per-head, per-household, per-case or per-village amount is the total over the count",
        what="Where a sentence (or the one before it in its paragraph, or the working after it) "
        "prints a total amount and "
        "the count of the unit its word names (人均 → 人/名, 户均 → 户, 次均 → 次/人次, "
        "件均 → 件, 案均 → 件/起, 村均 → 个/村), as in "
        '"兑付补助资金312.50万元，惠及农户86户，户均补助3.36万元", the figure is the total over '
        "the count, each figure's rounding allowed, 元 and 万元 converted.",
        why="A per-head figure is how readers judge a standard; one divided wrongly or with "
        "swapped digits says something else.",
    ),
)

PRODUCT = Rule(
    "RATE.unit_price_product",
    version=2,
    severity="error",
    zh=Doc(
        "按标准发放的总额等于标准 × 数量",
        what="同一段中写出单价标准（“每亩30元”“每人每年200元”“800元/人·天”）、该单位的数量（“20.04万亩”"
        "“11856人”）和其后的总额（“发放补偿资金612.00万元”）时，总额等于单价 × 数量，容许总额的"
        "四舍五入；单位（元、万元，万亩）换算后比较。按月的标准（“每人每月850元”）乘以写出的月数，"
        "总额称全年的乘以 12；未写月数的按月、按天标准不检查。",
        why="总额由标准和数量算出，三者在同一段中不一致，至少有一个数写错。",
    ),
    en=Doc(
        "A total paid at a standard rate is the rate times the quantity",
        what='Where a paragraph prints a unit price ("每亩30元", "每人每年200元", "800元/人·天"), '
        'a quantity in that unit ("20.04万亩", "11856人") and then a total ("发放补偿资金612.00'
        '万元"), the total is the price times the quantity, its rounding allowed, 元, 万元 and '
        "万亩 converted. A monthly rate (每人每月850元) is also times the months printed, or 12 "
        "for a total said to be the year's; a monthly or daily rate for a span not printed is "
        "not checked.",
        why="The total is computed from the standard and the quantity; three figures of one "
        "paragraph that disagree mean at least one is misprinted.",
    ),
)
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "1,050", "850", "0.5"
_PRICE = re.compile(
    rf"每(?P<each>人次|人|户|亩|次|名|平方米)(?:每(?P<period>年|月|天))?\s*(?P<a>{_AMOUNT})\s*元"
    rf"|(?P<b>{_AMOUNT})\s*元\s*/\s*(?P<per>人次|人|户|亩|次|名|平方米)"
)
_MONTHS = re.compile(r"(\d{1,2})个月")
_YEAR = re.compile(r"全年|年度")
_SAME_UNIT = {
    "人": ("人", "名", "人次"),
    "名": ("人", "名"),
    "人次": ("人次", "人"),
    "户": ("户",),
    "亩": ("亩",),
    "次": ("次", "人次"),
    "平方米": ("平方米",),
}
_PAID = re.compile(r"资金|合计|支付|发放|补偿|补助|补贴|劳务费|经费|资助")


_PER = re.compile(r"(?P<per>[人户次件案村]均)|平均每(?P<each>人|户|次|件)")
_COUNTED = {
    "人": ("人", "名"),
    "户": ("户",),
    "次": ("次", "人次"),
    "件": ("件",),
    "案": ("件", "起"),  # 案均: per case closed
    "村": ("个", "村"),
}


def _convert(amount: Decimal, unit: str | None, into: str | None) -> Decimal:
    """Money printed in one of 元/万元/亿元 in another."""
    return from_wan(to_wan(amount, unit), into)


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


# "9304元/户（": the working of a figure, in the parenthesis that opens right after it
_WORKING = re.compile(r"^[^，,。；;（(]{0,4}[（(]")


def _working_end(text: str, after: int) -> int:
    """Where the working printed right after a figure ends ("（1145.45万元÷1268户）"), or
    ``after`` where none is printed."""
    opened = _WORKING.match(text[after:])
    if opened is None:
        return after
    close = min((k for k in (text.find(c, after) for c in "）)") if k >= 0), default=-1)
    return close if close >= 0 else after


def per_units(ctx: Context) -> None:
    for i, claim in enumerate(ctx.claims):
        counted = _unit_of(claim) if claim.quantity.unit in MONEY else None
        if not counted or claim.type not in ("amount", "achievement"):
            continue
        start = _previous_sentence(ctx, claim)
        end = _working_end(ctx.text_of(claim.span.block_id), claim.span.end)
        near = (
            [
                c
                for c in reversed(ctx.claims[:i])
                if c.span.block_id == claim.span.block_id and c.span.start >= start
            ]
            # "户均改造成本9304元/户（全年执行数1145.45万元÷惠及居民1268户）": its working
            + [
                c
                for c in ctx.claims[i + 1 :]
                if c.span.block_id == claim.span.block_id and c.span.start < end
            ]
        )
        count = next((c for c in near if c.quantity.unit in counted), None)
        total = next(
            (c for c in near if c.quantity.unit in MONEY and not _PER.search(c.subject)), None
        )
        if count is None or total is None or count.quantity.value == 0:
            continue
        _judge(ctx, claim, total, count)


def _judge(ctx: Context, claim: Claim, total: Claim, count: Claim) -> None:
    stated, t, n = (Operand.from_claim(c) for c in (claim, total, count))

    def each(amount: Decimal) -> Decimal:  # the total's amount per unit, in the claim's unit
        return _convert(amount, total.quantity.unit, claim.quantity.unit) / n.number.value

    half = t.number.half_unit
    lo, hi = each(t.number.value - half), each(t.number.value + half)
    s_half = stated.number.half_unit
    if stated.number.value + s_half >= lo and stated.number.value - s_half <= hi:
        ctx.held(PER_UNIT)
        return
    computed = each(t.number.value)
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


def unit_price_products(ctx: Context) -> None:
    """ "按照每亩30元的补偿标准，对全县20.04万亩耕地发放补偿资金612.00万元": 30 × 200400 元."""
    by_block: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        by_block.setdefault(claim.span.block_id, []).append(claim)
    for block_id, claims in by_block.items():
        text = ctx.text_of(block_id)
        for price in _PRICE.finditer(text):
            unit = price["each"] or price["per"]
            value = Decimal((price["a"] or price["b"]).replace(",", ""))
            counts = [
                c
                for c in claims
                if (c.quantity.unit or "").removeprefix("万") in _SAME_UNIT[unit]
                and not c.quantity.percent
            ]
            if len(counts) != 1 or value == 0:
                continue  # no quantity, or several: which one the price multiplies is unsaid
            (count,) = counts
            totals = [
                c
                for c in claims
                if c.quantity.unit in MONEY
                and c.span.start > max(count.span.start, price.end())
                and _PAID.search(c.subject)
            ]
            if not totals:
                continue
            periods = _periods(price, text[price.start() : totals[0].span.end])
            if periods is None:
                ctx.not_checked(PRODUCT)  # a monthly or daily rate for a span the text omits
            else:
                _judge_product(ctx, price, value, periods, count, totals[0])


def _periods(price: re.Match[str], sentence: str) -> int | None:
    """How many of the rate's periods the total pays: a monthly rate "N个月", or 12 for a
    total said to be the year's ("全年发放"); a daily rate only where no period is needed."""
    if price["period"] == "月":
        months = _MONTHS.search(sentence)
        if months:
            return int(months[1])
        return 12 if _YEAR.search(sentence) else None
    return None if price["period"] == "天" else 1


def _judge_product(
    ctx: Context, price: re.Match[str], value: Decimal, periods: int, count: Claim, total: Claim
) -> None:
    block = ctx.block_of(total.span.block_id)
    if not isinstance(block, Heading | Paragraph):
        return
    t, n = Operand.from_claim(total), Operand.from_claim(count)
    ten_thousands = (count.quantity.unit or "").startswith("万")  # "20.04万亩"

    def paid(quantity: Decimal) -> Decimal:  # the price times a quantity, in the total's unit
        paid = value * periods * quantity
        return _convert(paid, "万元" if ten_thousands else "元", total.quantity.unit)

    product = paid(n.number.value)
    half = t.number.half_unit + paid(n.number.half_unit)
    if abs(product - t.number.value) <= half:
        ctx.held(PRODUCT)
        return
    months = f" × {periods}个月" if periods != 1 else ""
    start, end = price.span()
    standard = Evidence(
        role="operand", text=price.group(), location=span_location(block, start, end)
    )
    ctx.violated(
        PRODUCT,
        "error",
        t,
        [standard, n],
        f"{total.subject} {t.number.text}{total.quantity.unit} ≠ {price.group()} × {count.subject} "
        f"{n.number.text}{count.quantity.unit}{months} = {plain(product)}{total.quantity.unit}",
        computed=plain(product),
    )


FAMILIES = [per_units, unit_price_products]
