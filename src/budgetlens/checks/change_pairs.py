"""Changes stated twice for one sum (DOMAIN.md §4.3): a whole's change against the changes of
its parts, and, in a budget, the change of a fund's 收入 against that of its 支出.

"财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。…一般公共预算拨款支出预算
9,101.68万元，比2024年预算增加2,389.52万元；政府性基金…0万元，比2024年预算持平": each figure
is consistent alone; only the two changes together show that one word is wrong.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, comparable, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.checks.prose import as_quantity, signed_change
from budgetlens.claims.model import Claim
from budgetlens.document import Heading, Paragraph
from budgetlens.numbers import Number

PARTS = Rule(
    "CHANGE.parts_net_to_whole",
    version=1,
    severity="error",
    zh=Doc(
        "各组成部分的增减额合计等于总数的增减额",
        what="“财政拨款支出…减少2,389.52万元。其中一般公共预算…增加2,389.52万元；政府性基金0万元，"
        "持平；国有资本经营0万元，持平”：所列组成部分加起来等于总数、且每一部分都写明了增减"
        "（持平即 0）时，各部分的增减额按增为正、减为负相加，等于总数的增减额。",
        why="各部分的变动加不出总数的变动，说明某个方向词或某个增减额写错了；单看每一句都看不出来。",
    ),
    en=Doc(
        "The changes of a whole's parts net to the whole's change",
        what="Where the parts listed for a whole add up to it and each part states its change "
        "(持平: none), their changes, increases positive and decreases negative, net to the "
        "whole's change.",
        why="Parts whose changes do not make the whole's mean a direction word or an amount is "
        "wrong, which no sentence shows alone.",
    ),
)
BALANCED = Rule(
    "CHANGE.budget_sides_agree",
    version=1,
    severity="warning",
    zh=Doc(
        "预算中同一资金的收入与支出增减额相同",
        what="部门预算收支平衡：财政拨款（一般公共预算、政府性基金、国有资本经营）收入与支出"
        "本年相等时，二者比上年的增减额也相同（方向与金额）。",
        why="收入减少990万元而支出减少909万元，两处说的是同一笔预算，至少一处抄错；"
        "若上年确有结转使两者不等，应在说明中写明。",
    ),
    en=Doc(
        "A budget's income and spending of one fund change alike",
        what="A department budget balances: where a fund's income and spending (财政拨款, "
        "一般公共预算, 政府性基金, 国有资本经营) are equal this year, their changes on last year "
        "are equal too, in direction and amount.",
        why="Income down 990 and spending down 909 restate one budget differently: one of them "
        "is miscopied, or a carry-over last year that the text should name.",
    ),
)

_SIDES = re.compile(r"收入|支出")
# a subject less 收入/支出, 预算 and 拨款 → the fund whose budget balances
_BALANCED_FUNDS = {
    "财政": "财政拨款",
    "一般公共": "一般公共预算",
    "政府性基金": "政府性基金",
    "国有资本经营": "国有资本经营",
    "": "",
}
_BUDGET_TITLE = re.compile(r"\d{4}\s*年度?[^，。；\d]{0,20}?(?:部门|单位)?预算")


# where the words about an amount end: "；", or "。" unless the next sentence goes on about it
# ("公务接待费1.00万元。与2024年预算持平")
_CLAUSE_END = re.compile(r"[；;]|。(?![与比较同])")
_STATED_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|元|%)")


def _change_of(ctx: Context, amount: Claim, changes: dict[str, Claim], until: int) -> Number | None:
    """The amount's change, signed; 0 where the words after it (up to ``until``, where the next
    claim of its block starts) say 持平; None where no change is stated."""
    change = changes.get(amount.id)
    if change is not None:
        return signed_change(change)
    block = ctx.document.block(amount.span.block_id)
    if not isinstance(block, Heading | Paragraph):
        return None
    clause = _CLAUSE_END.split(block.text[amount.span.end : until], maxsplit=1)[0]
    if "持平" in clause and not _STATED_FIGURE.search(clause):
        return Number(text="持平", value=Decimal(0), decimals=amount.quantity.decimals)
    return None


def _said(number: Number) -> str:
    """A signed change as the prose says it: "增加 0.50", "减少 909", "持平"."""
    if number.value == 0:
        return "持平"
    return f"{'增加' if number.value > 0 else '减少'} {number.text.lstrip('-')}"


# what a change is measured from: "，比2024年预算执行数增加" → "2024年预算执行数"
_BASIS = re.compile(
    r"(?:比|较|与)(?P<basis>[^，,；;。]*?)(?:相比)?[，,]?(?:增加|减少|增长|下降|上升)$"
)


def _basis(ctx: Context, amount: Claim, change: Claim) -> str | None:
    block = ctx.document.block(change.span.block_id)
    if change.span.block_id != amount.span.block_id or not isinstance(block, Heading | Paragraph):
        return None
    found = _BASIS.search(block.text[amount.span.end : change.span.start])
    return found["basis"] if found else None


def _operand(claim: Claim, number: Number) -> Operand:
    base = Operand.from_claim(claim)
    return Operand(number, base.unit, base.evidence)


def _next_starts(claims: list[Claim]) -> dict[str, int]:
    """Claim id → where the next claim of its block starts (a large number for the last)."""
    starts: dict[str, int] = {}
    by_block: dict[str, list[Claim]] = {}
    for claim in claims:
        by_block.setdefault(claim.span.block_id, []).append(claim)
    for members in by_block.values():
        members.sort(key=lambda c: c.span.start)
        for claim, after in zip(members, [*members[1:], None], strict=True):
            starts[claim.id] = after.span.start if after else 1 << 30
    return starts


def _parts(claims: list[Claim], whole: Claim) -> list[Claim]:
    """The amounts listed as the whole's parts: named after it (ref), or, for a sentence's
    total, the parts of its group printed in paragraphs of their own."""
    return [
        c
        for c in claims
        if c.type == "amount"
        and (
            c.ref == whole.id
            or (whole.role == "total" and c.group == whole.group and c.role == "part" and not c.ref)
        )
    ]


def parts_net_to_whole(ctx: Context) -> None:
    changes = {c.ref: c for c in ctx.claims if c.type == "change" and c.ref}
    until = _next_starts(ctx.claims)
    for whole in (c for c in ctx.claims if c.type == "amount"):
        parts = _parts(ctx.claims, whole)
        stated = [changes[c.id] for c in (whole, *parts) if c.id in changes]
        if not stated or len(parts) < 2 or not comparable(whole, *stated, *parts):
            continue
        amounts = [as_quantity(Operand.from_claim(p)) for p in parts]
        listed = check_sum(as_quantity(Operand.from_claim(whole)), amounts)
        if listed.tier.value != "pass":  # the list is not the whole: other parts may change
            continue
        moves = [_change_of(ctx, c, changes, until[c.id]) for c in (whole, *parts)]
        if None in moves or len({c.year for c in stated}) > 1:
            ctx.not_checked(PARTS)
            continue
        total, *rest = [
            _operand(changes.get(c.id) or c, m)
            for c, m in zip((whole, *parts), moves, strict=True)
            if m is not None
        ]
        judgement = check_sum(as_quantity(total), [as_quantity(o) for o in rest])
        net = judgement.computed.mid
        shown = "，".join(f"{p.subject}{_said(o.number)}" for p, o in zip(parts, rest, strict=True))
        ctx.judged(
            PARTS,
            judgement,
            total,
            rest,
            f"{whole.subject}{_said(total.number)}，而各组成部分合计"
            f"{_said(Number(text=plain(net), value=net, decimals=0))}（{shown}）",
        )


def _fund(subject: str) -> str | None:
    """The fund a 收入 or 支出 subject is of ("财政拨款支出预算" → "财政拨款"), or None."""
    if len(_SIDES.findall(subject)) != 1:
        return None
    fund = _SIDES.sub("", subject).replace("预算", "").replace("拨款", "")
    return _BALANCED_FUNDS.get(fund)


def budget_sides_agree(ctx: Context) -> None:
    title = ctx.title_match(_BUDGET_TITLE)
    if title is None or "决算" in title[0].text:
        return
    amounts = {c.id: c for c in ctx.claims if c.type == "amount"}
    # (fund, side, what it is compared with, this year's figure as printed) → (amount, change)
    sides: dict[tuple[str, str, str, str], list[tuple[Claim, Claim]]] = {}
    for change in ctx.claims:
        amount = amounts.get(change.ref or "")
        fund = _fund(amount.subject) if change.type == "change" and amount else None
        if amount is None or fund is None:
            continue
        basis = _basis(ctx, amount, change)  # "比2024年预算执行数" is not "比2024年预算"
        if basis is None:
            continue
        side = "收入" if "收入" in amount.subject else "支出"
        printed = f"{amount.quantity.value}{amount.quantity.unit or ''}"
        sides.setdefault((fund, side, basis, printed), []).append((amount, change))
    for (fund, side, basis, printed), pairs in sides.items():
        if side != "收入":
            continue
        for income, income_change in pairs:
            for spending, spending_change in sides.get((fund, "支出", basis, printed), []):
                if not comparable(income, spending, income_change, spending_change):
                    continue
                stated = _operand(spending_change, signed_change(spending_change))
                other = _operand(income_change, signed_change(income_change))
                ctx.judged(
                    BALANCED,
                    check_sum(as_quantity(stated), [as_quantity(other)]),
                    stated,
                    [other],
                    f"{spending.subject}比{basis}{_said(stated.number)}，而本年同为 "
                    f"{income.quantity.text} 的{income.subject}{_said(other.number)}",
                )


FAMILIES = [parts_net_to_whole, budget_sides_agree]
