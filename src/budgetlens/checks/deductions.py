"""A deduction the prose gives for a numbered criterion is what the score sheet took off it.

"“32．将事前绩效评估…的得3分，否则不得分”，扣1分" quotes criterion 32 of the 考核评分表 and
states what it lost. The sheet prints that criterion's 分值 and 自评分数: the deduction is their
difference. The quote's number names the row, so the link is structural.
"""

from __future__ import annotations

import re

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import check_difference
from budgetlens.tables import schemas as s

DEDUCTION = Rule(
    "RESTATE.criterion_deduction",
    version=1,
    severity="error",
    zh=Doc(
        "正文引用某条评分标准所说的扣分，等于评分表该条的分值减自评分数",
        what="正文引用编号评分标准（“32．…的得3分，否则不得分”，扣1分）时，所说的扣分与考核"
        "评分表中该编号一行的分值 − 自评分数相同。",
        why="正文对扣分的解释与评分表不符，说明其中一处被改过而另一处没有，得分或解释不可信。",
    ),
    en=Doc(
        "A deduction the prose gives a quoted criterion is its allotment less its score",
        what="Where the prose quotes a numbered criterion of the score sheet and says how many "
        "points it lost, that deduction equals the criterion row's 分值 − 自评分数.",
        why="A deduction explained in prose that the sheet does not show means one of them was "
        "changed and the other not: the score or its explanation cannot be trusted.",
    ),
)

_QUOTED = re.compile(r"“(?P<n>\d{1,3})[．.、]")


def _numbered(items: list[s.ScoreItem]) -> dict[str, s.ScoreItem]:
    rows = {}
    for item in items:
        found = re.match(r"(\d{1,3})[．.、]", item.basis or "")
        if found:
            rows.setdefault(found[1], item)
    return rows


def criterion_deductions(ctx: Context) -> None:
    sheets = [t for t in ctx.extraction.tables if holds.assessment(t)]
    if len(sheets) != 1:
        return  # a quoted number names a row only where one sheet is numbered so
    rows = _numbered(sheets[0].items)
    deductions = [c for c in ctx.claims if c.type == "score_deduction"]
    for block in ctx.document.blocks:
        if block.kind != "paragraph":
            continue
        for quote in _QUOTED.finditer(block.text):
            item = rows.get(quote["n"])
            end = block.text.find("”", quote.end())
            following = block.text.find("“", end + 1)
            following = len(block.text) if following < 0 else following
            claim = next(
                (
                    c
                    for c in deductions
                    if c.span.block_id == block.id and end < c.span.start < following
                ),
                None,
            )
            if item is None or end < 0 or claim is None:
                continue
            allotted, score = (
                Operand.from_cell(
                    getattr(item, f) or "", getattr(item, f"{f}_value"), item.cells[f]
                )
                if getattr(item, f"{f}_value") is not None and f in item.cells
                else None
                for f in ("allotted", "score")
            )
            if allotted is None or score is None:
                continue
            stated = Operand.from_claim(claim)
            if not (allotted.reliable and score.reliable):
                ctx.not_checked(DEDUCTION)
                continue
            judgement = check_difference(stated.number, allotted.number, score.number, counted=True)
            ctx.judged(
                DEDUCTION,
                judgement,
                stated,
                [allotted, score],
                f"第 {quote['n']} 项：正文扣 {stated.number.text} 分 ≠ 评分表分值 "
                f"{allotted.number.text} − 自评分数 {score.number.text} = "
                f"{plain(judgement.computed.mid)}",
                exact_only=True,
            )


FAMILIES = [criterion_deductions]
