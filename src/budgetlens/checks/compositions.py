"""A total said to be made of its parts (DOMAIN.md §4.2): "调整后预算数183.64万元由年初预算150.00
万元、2022年结转资金16.84万元和年中追加资金15.00万元构成" names every part, so they add up to
it. The words "由…构成/组成" say the list is whole, as "包括" alone does not.
"""

from __future__ import annotations

import re

from budgetlens.checks.engine import MONEY, Context, Operand, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.checks.prose import PARTS, as_quantity
from budgetlens.claims.model import Claim

# the total's figure, then "由" … "构成" within one sentence
_MADE_OF = re.compile(r"[万亿]?元[，,]?\s*(?:是|系)?由([^。；;]{4,160}?)(?:共同)?(?:构成|组成)")


def compositions(ctx: Context) -> None:
    by_block: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.quantity.unit in MONEY:
            by_block.setdefault(claim.span.block_id, []).append(claim)
    for block_id, claims in by_block.items():
        for made in _MADE_OF.finditer(ctx.text_of(block_id)):
            # the figure printed right before the unit the pattern starts at
            total = next((c for c in claims if 0 <= made.start() - c.span.end <= 1), None)
            parts = [c for c in claims if made.start(1) <= c.span.start < made.end(1)]
            if total is None or len(parts) < 2:
                continue
            t, operands = Operand.from_claim(total), [Operand.from_claim(p) for p in parts]
            judgement = check_sum(as_quantity(t), [as_quantity(o) for o in operands])
            listed = " + ".join(o.number.text for o in operands)
            ctx.judged(
                PARTS,
                judgement,
                t,
                operands,
                f"{total.subject} {t.number.text} ≠ 所称构成它的 {listed} = "
                f"{plain(judgement.computed.mid)}",
            )


FAMILIES = [compositions]
