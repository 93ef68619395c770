"""Checks of the prose's own arithmetic (DOMAIN.md §4.1–4.4): shares, changes, rates, sums.

Claims that one sentence states together share a ``group``; a share, change or rate names the
amount it is about with ``ref``. Each check recomputes the stated figure from the others.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import (
    Quantity,
    UndefinedRatio,
    check_difference,
    check_ratio,
    check_sum,
    to_wan,
)
from budgetlens.claims.model import Claim
from budgetlens.numbers import Number

SHARE = ("SHARE.part_of_total", 1, "shares")
PARTS = ("FOOT.parts_add_up_to_total", 2, "footing")
CHANGE = ("CHANGE.current_minus_prior", 1, "changes")
CHANGE_RATE = ("CHANGE.rate_of_prior", 1, "changes")
EXPLAINED = ("CHANGE.explained_by_its_parts", 2, "changes")
RATE = ("RATE.actual_over_budget", 1, "rates")
SHORTFALL = ("RATE.shortfall_over_budget", 1, "rates")
SAVINGS = ("RATE.savings", 1, "rates")

_MONEY = ("元", "万元", "亿元")
_COUNTED = ("人", "名", "个", "户", "项", "次", "家", "分")  # whole things: exact when whole


def _groups(claims: list[Claim]) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.group:
            groups[claim.group].append(claim)
    return groups


def _by_id(claims: list[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims}


def _comparable(*claims: Claim) -> bool:
    """Money in any of 元/万元/亿元 compares; otherwise the units must be the same."""
    units = {c.quantity.unit for c in claims}
    return units <= set(_MONEY) or len(units) == 1


def shares(ctx: Context) -> None:
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        total = next((c for c in group if c.role == "total"), None)
        for share in (c for c in group if c.type == "share" and c.ref in by_id):
            part = by_id[share.ref]
            if total is None or part is total or not _comparable(part, total):
                continue
            _ratio(ctx, SHARE, share, part, total, "占比")


def _ratio(ctx: Context, rule, stated: Claim, numerator: Claim, denominator: Claim, noun: str):
    s, a, b = (
        Operand.from_claim(stated),
        Operand.from_claim(numerator),
        Operand.from_claim(denominator),
    )
    try:
        judgement = check_ratio(s.number, _q(a), _q(b))
    except UndefinedRatio:
        if a.number.value == 0 and s.number.value == 0:
            ctx.held(rule[2])  # 0 of nothing, printed 0%
        else:
            ctx.undefined(rule, s, [a, b], f"{stated.subject}：{noun}的分母为 0，比率无定义")
        return
    ctx.judged(
        rule,
        judgement,
        s,
        [a, b],
        f"{stated.subject}{noun} {s.number.text} ≠ {numerator.subject} {a.number.text} ÷ "
        f"{denominator.subject} {b.number.text} = {plain(judgement.computed.mid)}%",
    )


def _q(operand: Operand) -> Quantity | Number:
    """A claim's number with its money unit, for the interval module's unit conversion."""
    return Quantity(operand.number, operand.unit) if operand.unit else operand.number


def parts_add_up(ctx: Context) -> None:
    """Parts listed after a total add up to it, when their shares say the list is complete."""
    for group in _groups(ctx.claims).values():
        total = next((c for c in group if c.role == "total"), None)
        parts = [c for c in group if c.role == "part"]
        shares_sum = sum((c.quantity.value for c in group if c.type == "share"), Decimal(0))
        complete = abs(shares_sum - 100) <= Decimal("0.1") or (
            total is not None and total.quantity.unit in ("名", "人") and len(parts) >= 2
        )
        if total is None or len(parts) < 2 or not complete or not _comparable(total, *parts):
            continue
        t = Operand.from_claim(total)
        operands = [Operand.from_claim(p) for p in parts]
        counted = total.quantity.unit in _COUNTED
        judgement = check_sum(_q(t), [_q(o) for o in operands], counted=counted)
        listed = " + ".join(o.number.text for o in operands)
        ctx.judged(
            PARTS,
            judgement,
            t,
            operands,
            f"{total.subject} {t.number.text} ≠ 各组成部分之和 {listed} = "
            f"{plain(judgement.computed.mid)}",
            exact_only=counted and all(o.number.decimals <= 0 for o in (t, *operands)),
        )


def _signed(claim: Claim) -> Number:
    """A change signed by its direction word, unless it is printed signed already ("-26.65%")."""
    q = claim.quantity
    value = -q.value if claim.direction == "decrease" and q.value > 0 else q.value
    return Number(text=q.text, value=value, decimals=q.decimals, percent=q.percent)


def changes(ctx: Context) -> None:
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        for change in (c for c in group if c.type == "change" and c.ref in by_id):
            current = by_id[change.ref]
            prior = next((c for c in group if c.type == "prior" and c.ref == current.id), None)
            rate = next((c for c in group if c.type == "change_rate" and c.ref == current.id), None)
            if not _comparable(current, change, *(c for c in (prior,) if c)):
                continue
            _change(ctx, change, current, prior, rate)


def _change(ctx: Context, change: Claim, current: Claim, prior: Claim | None, rate: Claim | None):
    cur, chg = Operand.from_claim(current), Operand.from_claim(change)
    signed = Operand(_signed(change), chg.unit, chg.evidence)
    if prior is not None:
        pri = Operand.from_claim(prior)
        judgement = check_difference(_q(signed), _q(cur), _q(pri))
        word = "增加" if change.direction == "increase" else "减少"
        ctx.judged(
            CHANGE,
            judgement,
            chg,
            [cur, pri],
            f"{current.subject}{word} {chg.number.text} ≠ {cur.number.text} − "
            f"{pri.number.text} = {plain(judgement.computed.mid)}",
        )
        base = pri
    else:  # implicit prior: this year's amount less the change
        decimals = max(cur.number.decimals, chg.number.decimals)
        value = cur.number.value - signed.number.value
        base = Operand(
            Number(text=plain(value), value=value, decimals=decimals), cur.unit, cur.evidence
        )
    if rate is None or rate.direction is None:
        return
    stated = Operand.from_claim(rate)
    signed_rate = Operand(_signed(rate), None, stated.evidence)
    try:
        judgement = check_ratio(signed_rate.number, _q(signed), _q(base))
    except UndefinedRatio:
        ctx.undefined(CHANGE_RATE, stated, [chg], f"{current.subject}：上年数为 0，增减幅无定义")
        return
    ctx.judged(
        CHANGE_RATE,
        judgement,
        stated,
        [chg, base] if prior is not None else [chg, cur],
        f"{current.subject}变动幅度 {stated.number.text} ≠ 变动额 {chg.number.text} ÷ 上年数 "
        f"{base.number.text} = {plain(abs(judgement.computed.mid))}%",
    )


def explained_change(ctx: Context) -> None:
    """ "减少231元…一是增加30825元…二是减少30516元": the reasons must net to the change."""
    by_block: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        by_block[claim.span.block_id].append(claim)
    for claims in by_block.values():
        for change in (c for c in claims if c.type == "change" and c.ref):
            noun = _noun(change)
            reasons = [
                c
                for c in claims
                if c.span.start > change.span.end
                and c.type == "amount"
                and noun
                and noun in c.subject
                and c.subject.startswith(("增加", "减少"))
            ]
            if len(reasons) < 2 or not _comparable(change, *reasons):
                continue
            chg = Operand.from_claim(change)
            signed = Operand(_signed(change), chg.unit, chg.evidence)
            operands = [Operand.from_claim(c) for c in reasons]
            parts = [
                Operand(
                    Number(
                        text=o.number.text,
                        value=-o.number.value if c.subject.startswith("减少") else o.number.value,
                        decimals=o.number.decimals,
                    ),
                    o.unit,
                    o.evidence,
                )
                for o, c in zip(operands, reasons, strict=True)
            ]
            judgement = check_sum(_q(signed), [_q(p) for p in parts])
            unit = change.quantity.unit or ""
            net = sum((p.number.value for p in parts), Decimal(0))  # all in the change's unit
            listed = "，".join(
                f"{c.subject[:2]} {o.number.text}{c.quantity.unit or ''}"
                for o, c in zip(operands, reasons, strict=True)
            )
            word = "减少" if change.direction == "decrease" else "增加"
            ctx.judged(
                EXPLAINED,
                judgement,
                chg,
                operands,
                f"{change.subject}{word} {chg.number.text}{unit}，但所列原因（{listed}）"
                f"合计 {plain(net)}{unit}",
            )


def _noun(change: Claim) -> str | None:
    """The measured noun of a change's subject ("…办公室固定资产原值" → "固定资产原值")."""
    for noun in ("固定资产原值", "固定资产", "资产总额", "经费", "支出", "收入"):
        if noun in change.subject:
            return noun
    return None


_SHORTFALL = ("偏离度", "结余率", "结转结余率", "节资率")


def rates(ctx: Context) -> None:
    """A rate stated with one budget and one actual amount (P3): actual ÷ budget, or for a
    deviation (偏离度, 结余率) the gap ÷ budget. With several actual amounts the rate may be of
    their sum or of any one of them: not checked."""
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        budgets = [c for c in group if c.role == "budget"]
        actuals = [c for c in group if c.role == "actual"]
        for rate in (c for c in group if c.type == "rate" and c.ref in by_id):
            if len(budgets) != 1 or len(actuals) != 1 or by_id[rate.ref] is not actuals[0]:
                if budgets and actuals:
                    ctx.not_checked("rates")
                continue
            budget, actual = budgets[0], actuals[0]
            if not _comparable(actual, budget):
                continue
            if rate.subject.endswith(_SHORTFALL):
                _gap_ratio(ctx, rate, actual, budget)
            else:
                _ratio(ctx, RATE, rate, actual, budget, "")


def _gap_ratio(ctx: Context, rate: Claim, actual: Claim, budget: Claim) -> None:
    s, a, b = (Operand.from_claim(c) for c in (rate, actual, budget))
    gap = _difference(b, a)
    try:
        judgement = check_ratio(s.number, _q(gap), _q(b))
    except UndefinedRatio:
        ctx.undefined(SHORTFALL, s, [a, b], f"{rate.subject}：预算数为 0，比率无定义")
        return
    ctx.judged(
        SHORTFALL,
        judgement,
        s,
        [a, b],
        f"{rate.subject} {s.number.text} ≠ （{budget.subject} {b.number.text} − {actual.subject} "
        f"{a.number.text}）÷ {b.number.text} = {plain(judgement.computed.mid)}%",
    )


def _difference(minuend: Operand, subtrahend: Operand) -> Operand:
    """minuend − subtrahend as a printed-precision number in the minuend's unit."""
    value = _wan(minuend) - _wan(subtrahend)
    decimals = max(_wan_decimals(minuend), _wan_decimals(subtrahend))
    return Operand(
        Number(text=plain(value), value=abs(value), decimals=decimals), None, minuend.evidence
    )


def savings_rate(ctx: Context) -> None:
    """节资率 = 节约金额 ÷ (成交金额 + 节约金额), the budget the savings were made on."""
    by_block: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        by_block[claim.span.block_id].append(claim)
    for claims in by_block.values():
        for rate in (
            c for c in claims if c.type in ("rate", "achievement") and "节资率" in c.subject
        ):
            saved = next(
                (c for c in claims if "节约" in c.subject and c.quantity.unit in _MONEY), None
            )
            spent = next(
                (c for c in claims if "成交" in c.subject and c.quantity.unit in _MONEY), None
            )
            if not (saved and spent):
                continue
            s, a, b = (Operand.from_claim(c) for c in (rate, saved, spent))
            budget_value = _q(b)
            base = Operand(
                Number(
                    text=f"{spent.quantity.text}+{saved.quantity.text}",
                    value=_wan(b) + _wan(a),
                    decimals=max(_wan_decimals(a), _wan_decimals(b)),
                ),
                None,
                b.evidence,
            )
            # Some reports divide by the amount spent instead: accept either reading.
            judgement = check_ratio(s.number, _q(a), base.number)
            alternative = check_ratio(s.number, _q(a), budget_value)
            if alternative.tier.value in ("pass", "rounding"):
                judgement = alternative
            ctx.judged(
                SAVINGS,
                judgement,
                s,
                [a, b],
                f"节资率 {s.number.text} ≠ 节约金额 {a.number.text}{saved.quantity.unit} ÷ "
                f"（成交金额 {b.number.text}{spent.quantity.unit} + 节约金额）= "
                f"{plain(judgement.computed.mid)}%",
            )


def _wan(operand: Operand) -> Decimal:
    return to_wan(operand.number.value, operand.unit)


def _wan_decimals(operand: Operand) -> int:
    return Quantity(operand.number, operand.unit).decimals


FAMILIES = [shares, parts_add_up, changes, explained_change, rates, savings_rate]
