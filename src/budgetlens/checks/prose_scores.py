"""Score arithmetic in the prose (DOMAIN.md §3 P4, §4.5).

A 绩效分析 states each part's allotment in its heading ("（1）决策程序（6分）") or in the
run-in head of a numbered paragraph ("（二）项目过程（20分）：…得分20分"), and its award below
or after it ("该项指标得6分"); the claim extractor links an award or a deduction to the
allotment it is scored against. The numbering nests, so a section's allotment is its parts', its
award their awards, and the narrative total ("绩效自评得分为99分") the awards of the top-level
sections. The score sheet's 合计 against the prose total is ``RESTATE.score_total``; the score
tables' own sums are ``scores.py``. Scores are counted in whole points where printed whole, so
one point off is a mismatch, never rounding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.intervals import check_sum
from budgetlens.checks.linking import subject_key
from budgetlens.checks.scores import MISSES
from budgetlens.claims.model import Claim
from budgetlens.document import Block, Heading, Paragraph
from budgetlens.ingest.structure import numbering_level

AWARD = Rule(
    "SCORE.prose_award_within_allotment",
    version=1,
    severity="error",
    zh=Doc(
        "正文某项得分不超过其标题所列分值",
        what="绩效分析中标题写明分值的部分（“（3）资金投向（4分）”），其下所写得分（“该项指标"
        "得4分”）不大于该分值；考核项“总分15分，自评得分15分”同样判断。",
        why="得分超过分值，总分就被抬高：这是评分本身的错误。",
    ),
    en=Doc(
        "An award in the prose does not exceed the allotment its heading gives",
        what="In a scored analysis, the award stated under a heading that gives its allotment "
        '("（3）资金投向（4分）… 该项指标得4分") is at most that allotment; so is a 考核项\'s '
        '"总分15分，自评得分15分".',
        why="An award above its allotment inflates the total: an error of the scoring itself.",
    ),
)
DEDUCTED = Rule(
    "SCORE.prose_award_plus_deductions",
    version=1,
    severity="error",
    zh=Doc(
        "正文所列扣分与得分之和等于该项分值",
        what="正文对同一部分既写扣分又写得分时（分值 8 分，“扣1分，该项指标得7分”），扣分与"
        "得分之和等于分值，整数分须精确相等。",
        why="扣分与得分对不上分值，说明其中一个数改过，得分或扣分理由就不可信。",
    ),
    en=Doc(
        "What a part lost and what it scored add up to its allotment",
        what="Where the prose states both a part's deduction and its award (\"扣1分，该项指标"
        '得7分" under an allotment of 8), deduction + award = allotment, exactly in whole '
        "points.",
        why="A deduction and an award that miss the allotment mean one of them was changed: the "
        "score or the reason given for it cannot be trusted.",
    ),
)
ALLOTMENTS = Rule(
    "SCORE.prose_allotments_add_up",
    version=2,
    severity="error",
    zh=Doc(
        "标题所列分值等于其下各小标题分值之和",
        what="绩效分析中上级标题的分值（“（一）通用指标绩效分析（54分）”）等于其下各小标题"
        "分值之和（18 + 36）。所列各项的分值和得分都少于标题所写、且得分少得不比分值多时"
        "（像是正文略去了一项），不判断。",
        why="分值加不出来，说明指标体系调整后标题没改，或某项分值印错。",
    ),
    en=Doc(
        "A heading's allotment is the sum of the allotments below it",
        what='In a scored analysis, a heading\'s allotment ("（一）通用指标绩效分析（54分）") is '
        "the sum of the allotments of the headings below it (18 + 36). Where both the points "
        "and the award of the items listed fall short of the heading's, the award by no more "
        "than the points (as an item the prose leaves out would), it is not judged.",
        why="An allotment its parts do not make was not updated when the indicators changed, or "
        "a part's allotment is misprinted.",
    ),
)
HUNDRED = Rule(
    "SCORE.prose_sections_total_100",
    version=1,
    severity="warning",
    zh=Doc(
        "绩效分析各一级部分的分值合计为100分",
        what="绩效分析的各一级部分（通用指标、专用指标、个性指标等）分值之和为 100 分。",
        why="各部分分享 100 分；合计不是 100，某一部分的分值写错了，总分也无从核对。",
    ),
    en=Doc(
        "The top-level sections of a scored analysis share 100 points",
        what="The allotments of a scored analysis's top-level sections (通用, 专用, 个性指标 …) "
        "add up to 100.",
        why="The sections share the 100 points; another total means a section's allotment is "
        "mis-stated, and the total score cannot be checked.",
    ),
)
TARGET_SCORE = Rule(
    "SCORE.prose_award_against_target",
    version=1,
    severity="warning",
    zh=Doc(
        "正文逐项评分时，未达目标不得满分，达到目标而扣分须说明原因",
        what="正文一句写出某项的分值、目标值、实际完成值和得分（“送戏下乡演出场次（10分）：目标值"
        "≥120场，全年完成112场，该项得10分”）：实际值按目标的比较符未达到目标却得满分，或达到"
        "目标却扣分而句中未说明原因。",
        why="得分应当依据目标完成情况；正文自相矛盾，评分就不可信。",
    ),
    en=Doc(
        "A score in the prose follows its target: no full marks on a miss, no points off a hit",
        what="Where one sentence gives an item's points, its target, its actual value and its "
        'award ("送戏下乡演出场次（10分）：目标值≥120场，全年完成112场，该项得10分"): full marks '
        "on an actual that misses the target by its comparator, or points off an actual that "
        "meets it with no reason in the sentence.",
        why="A score rests on whether its target was met; prose that contradicts itself makes "
        "the score untrustworthy.",
    ),
)
AWARDS = Rule(
    "SCORE.prose_awards_add_up",
    version=2,
    severity="error",
    zh=Doc(
        "某部分所述得分等于其下各项得分之和",
        what="正文写出某一部分的得分时（“通用指标共得52分”），它等于其下各项所写得分之和；"
        "所列各项的分值和得分都少于该部分、像是略去了一项时，不判断。",
        why="部分得分与各项不符，说明一处得分改过而另一处没有。",
    ),
    en=Doc(
        "A section's stated award is the sum of its parts' awards",
        what='Where the prose states a section\'s award ("通用指标共得52分"), it is the sum of '
        "the awards stated for its parts; where the items listed fall short in points and "
        "award as an item left out would, it is not judged.",
        why="A section award its parts do not make means one figure was changed and the other not.",
    ),
)
TOTAL = Rule(
    "SCORE.prose_total_of_items",
    version=1,
    severity="error",
    zh=Doc(
        "评价结论的总分等于正文各部分得分之和",
        what="评价结论中的总分（“绩效自评得分为99分”）等于分享 100 分的各部分所写得分之和。",
        why="总分决定等级；它与正文各部分得分不符，结论就没有依据。",
    ),
    en=Doc(
        "The narrative total score is the sum of the sections' awards",
        what='The total score of the conclusion ("绩效自评得分为99分") is the sum of the awards '
        "stated for the sections that share the 100 points.",
        why="The total sets the grade; one the sections' awards do not make leaves the conclusion "
        "without a basis.",
    ),
)

# 扣分项 / 加分项 sections adjust the score outside the 100 points the others share
_ADJUSTMENT = re.compile(r"扣分|加分|附加")
# where a run-in head ends: the first punctuation that is not its allotment's bracket
_HEAD_END = re.compile(r"[。；;，,：:！？!?]")
# a deduction that states a scoring rule ("每缺一项扣0.5分", "最多扣2分"), not what was lost
_RULE_WORDS = re.compile(r"每|最多|最高|扣完|以内|不超过")


@dataclass(eq=False)
class _Node:
    """A heading, or a paragraph's numbered run-in head ("1.决策程序（6分）。…"), the
    allotment it states, and the numbered parts directly below it."""

    block: Heading | Paragraph
    level: int
    label: str  # the heading's text; a run-in head's words before its allotment
    allotment: Claim | None
    children: list[_Node] = field(default_factory=list)

    @property
    def adjustment(self) -> bool:
        return bool(_ADJUSTMENT.search(self.label))


def _quoted(text: str, offset: int) -> bool:
    """Inside “…”: a criterion quoted from the scoring rules, not this report's allotment."""
    before = text[:offset]
    return before.count("“") > before.count("”")


def _texts(ctx: Context) -> dict[str, str]:
    return {b.id: b.text for b in ctx.document.blocks}


def _own_allotments(ctx: Context) -> list[Claim]:
    texts = _texts(ctx)
    return [
        c
        for c in ctx.claims
        if c.type == "score_allotment"
        and c.span.cell is None
        and not _quoted(texts.get(c.span.block_id, ""), c.span.start)
    ]


def _tree(ctx: Context, allotments: list[Claim]) -> list[_Node]:
    """Every heading and numbered paragraph as a node under the nearest one above it of a
    higher level. A heading carries an allotment when it prints exactly one; a numbered
    paragraph when one follows its label before any punctuation ("（二）项目过程（20分）：…")."""
    by_block: dict[str, list[Claim]] = {}
    for claim in allotments:
        by_block.setdefault(claim.span.block_id, []).append(claim)
    nodes, stack = [], []
    for block in ctx.document.blocks:
        node = _node(block, by_block.get(block.id, []))
        if node is None:
            continue
        while stack and stack[-1].level >= node.level:
            stack.pop()
        if stack:
            stack[-1].children.append(node)
        stack.append(node)
        nodes.append(node)
    return nodes


def _node(block: Block, own: list[Claim]) -> _Node | None:
    if isinstance(block, Heading):
        return _Node(block, block.level, block.text, own[0] if len(own) == 1 else None)
    if not isinstance(block, Paragraph):
        return None
    level = numbering_level(block.text)
    if level is None:
        return None
    head = _HEAD_END.search(block.text)
    end = head.start() if head else len(block.text)
    first = own[0] if own and own[0].span.start < end else None
    label = block.text[: first.span.start] if first else block.text[:end]
    return _Node(block, level, label, first)


def _parts(node: _Node) -> list[_Node] | None:
    """The scored parts of a heading: all its sub-headings when each states an allotment, none
    when none does, and None (unknown) when only some do, or a part adjusts the score."""
    scored = [c for c in node.children if c.allotment is not None]
    if not scored:
        return []
    if len(scored) < len(node.children) or any(c.adjustment for c in scored):
        return None
    return scored


def _operand(claim: Claim) -> Operand:
    return Operand.from_claim(claim)


class _Awards:
    """What each allotment was awarded: the award stated against it, else its parts' awards."""

    def __init__(self, ctx: Context) -> None:
        self.stated: dict[str, list[Claim]] = {}
        self._texts = _texts(ctx)
        for claim in ctx.claims:
            if claim.type == "score_award" and claim.ref:
                self.stated.setdefault(claim.ref, []).append(claim)
        self._restated = _restated_allotments(ctx)

    def of(self, allotment: Claim | None) -> Claim | None:
        """The one award stated against an allotment; None when none or they disagree."""
        if allotment is None:
            return None
        restated = self.stated.get(self._restated.get(allotment.id, ""), [])
        if len({a.quantity.value for a in restated}) == 1:
            return restated[0]  # "产出指标分值50分，该部分得分46分" under "（二）产出指标（50分）"
        awards = self.stated.get(allotment.id, [])
        values = {a.quantity.value for a in awards}
        if len(values) == 1:
            return awards[0]
        # its items' awards and the section's own: "（一）投入指标（20分），得分19.19分。…得5分"
        # or "…得9分。…得10分。小计，产出指标得54分"
        own = subject_key(allotment.subject)
        named = [a for a in awards if subject_key(a.subject) == own or self._next(allotment, a)]
        return named[-1] if len({a.quantity.value for a in named}) == 1 else None

    def _next(self, allotment: Claim, award: Claim) -> bool:
        """Whether an award follows its allotment at once: "投入指标（20分），得分19.19分"."""
        if award.span.block_id != allotment.span.block_id:
            return False
        between = self._texts.get(award.span.block_id, "")[allotment.span.end : award.span.start]
        return bool(_AWARD_NEXT.match(between))

    def resolved(self, node: _Node) -> list[Operand] | None:
        """The printed awards that make up the node's award, or None where one is unknown."""
        stated = self.of(node.allotment)
        if stated is not None and node.allotment is not None:
            if stated.quantity.value > node.allotment.quantity.value:
                return None  # over its allotment: that is its finding, not the total's
            return [_operand(stated)]
        parts = _parts(node)
        if not parts:
            return None
        found = [self.resolved(p) for p in parts]
        if any(f is None for f in found):
            return None
        return [o for f in found for o in f or []]


def _restated_allotments(ctx: Context) -> dict[str, str]:
    """A heading's allotment → the one its first paragraphs restate with the section's award
    ("（二）产出指标（50分）" then "产出指标分值50分，该部分得分46分")."""
    order = {b.id: i for i, b in enumerate(ctx.document.blocks)}
    allotments = [c for c in ctx.claims if c.type == "score_allotment"]
    found = {}
    for heading in allotments:
        if not isinstance(ctx.block_of(heading.span.block_id), Heading):
            continue
        at, name = order[heading.span.block_id], subject_key(heading.subject)
        for claim in allotments:
            below = order[claim.span.block_id] - at
            if (
                0 < below <= 2
                and claim.quantity.value == heading.quantity.value
                and subject_key(claim.subject).startswith(name)
            ):
                found[heading.id] = claim.id
                break
    return found


_AWARD_NEXT = re.compile(r"^\s*分?\s*[）)]?\s*[，,：:]?\s*(?:自评)?得分?(?:为)?\s*$")


def _listed(operands: list[Operand]) -> str:
    return " + ".join(o.number.text for o in operands)


def awards_within_allotments(ctx: Context) -> None:
    """An award above the allotment it is scored against: "（4分）…得6分"."""
    allotments = {c.id: c for c in _own_allotments(ctx)}
    for award in ctx.claims:
        if award.type != "score_award" or award.ref not in allotments:
            continue
        allotment = allotments[award.ref]
        stated, bound = _operand(award), _operand(allotment)
        if award.quantity.value <= allotment.quantity.value:
            ctx.held(AWARD)
            continue
        ctx.violated(
            AWARD,
            "error",
            stated,
            [bound],
            f"{allotment.subject}：正文得分 {stated.number.text} 分超过分值 {bound.number.text} 分",
            computed=bound.number.text,
        )


def awards_plus_deductions(ctx: Context) -> None:
    """What was lost and what was kept make the allotment: "总分75分，自评得分72分，扣3分"."""
    texts = _texts(ctx)
    awards = _Awards(ctx)
    deductions: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.type == "score_deduction" and claim.ref:
            deductions.setdefault(claim.ref, []).append(claim)
    for allotment in _own_allotments(ctx):
        lost = deductions.get(allotment.id)
        award = awards.of(allotment)
        if not lost or award is None:
            continue
        if any(_RULE_WORDS.search(_clause(texts[d.span.block_id], d.span.start)) for d in lost):
            ctx.not_checked(DEDUCTED)
            continue
        total = _operand(allotment)
        parts = [_operand(award), *(_operand(d) for d in lost)]
        judgement = check_sum(total.number, [p.number for p in parts], counted=True)
        ctx.judged(
            DEDUCTED,
            judgement,
            parts[0],
            [total, *parts[1:]],
            f"{allotment.subject}：分值 {total.number.text} 分 ≠ 得分 {parts[0].number.text} 分 + "
            f"扣分 {_listed(parts[1:])} 分 = {plain(judgement.computed.mid)}",
            exact_only=True,
        )


def _clause(text: str, offset: int) -> str:
    """The clause a number sits in: from the last ，；。 before it."""
    start = max(text.rfind(mark, 0, offset) for mark in "，,；;。") + 1
    return text[start:offset]


_POINTS_PRINTED = re.compile(r"[（(]\s*\d[\d\s.]*分\s*[）)]")


def allotments_add_up(ctx: Context) -> None:
    """A heading's allotment against its sub-headings'; top-level sections against 100."""
    nodes = _tree(ctx, _own_allotments(ctx))
    awards = _Awards(ctx)
    for node in nodes:
        parts = _parts(node)
        if node.allotment is not None and parts is None:
            ctx.not_checked(ALLOTMENTS)
        if not parts:
            continue
        operands = [_operand(p.allotment) for p in parts if p.allotment]
        if node.allotment is not None and _one_left_out(awards, node, parts):
            ctx.not_checked(ALLOTMENTS)
        elif node.allotment is not None:
            stated = _operand(node.allotment)
            judgement = check_sum(stated.number, [o.number for o in operands], counted=True)
            ctx.judged(
                ALLOTMENTS,
                judgement,
                stated,
                operands,
                f"{node.allotment.subject}（{stated.number.text}分）≠ 其下各项分值之和 "
                f"{_listed(operands)} = {plain(judgement.computed.mid)}",
                exact_only=True,
            )
        elif _POINTS_PRINTED.search(node.label):
            ctx.not_checked(HUNDRED)  # "（2 0 分）": the heading's own points, unread (OCR)
        elif len(operands) >= 2:
            _hundred(ctx, operands)


def _one_left_out(awards: _Awards, node: _Node, parts: list[_Node]) -> bool:
    """Whether the items the prose lists fall short of their heading as an item it leaves out
    would: "（二）产出指标（50分）。该部分得分49.38分" over items of 30 + 10 + 5 points scored
    30 + 9.88 + 5, a 5-point item scored 4.5 unlisted. Both the points and the award fall
    short, the award by no more than the points."""
    stated = awards.of(node.allotment)
    found = [awards.of(p.allotment) for p in parts]
    if node.allotment is None or stated is None or None in found:
        return False
    points = node.allotment.quantity.value - sum(
        (p.allotment.quantity.value for p in parts if p.allotment), Decimal(0)
    )
    scored = stated.quantity.value - sum((a.quantity.value for a in found if a), Decimal(0))
    return points > 0 and 0 <= scored <= points


def _hundred(ctx: Context, operands: list[Operand]) -> None:
    total = sum((o.number.value for o in operands), Decimal(0))
    if total == 100:
        ctx.held(HUNDRED)
        return
    ctx.violated(
        HUNDRED,
        "warning",
        operands[0],
        operands[1:],
        f"各部分分值合计 {plain(total)} 分（{_listed(operands)}），通常为 100 分",
        computed=plain(total),
    )


def awards_add_up(ctx: Context) -> None:
    """A section's stated award against its parts'; the narrative total against the
    sections that share the 100 points."""
    nodes = _tree(ctx, _own_allotments(ctx))
    awards = _Awards(ctx)
    tops: dict[int | None, list[list[_Node]]] = {}
    for node in nodes:
        parts = _parts(node)
        if not parts:
            continue
        if node.allotment is None:
            if len(parts) >= 2:
                tops.setdefault(ctx.report_of.get(node.block.id), []).append(parts)
            continue
        stated = awards.of(node.allotment)
        found = [awards.resolved(p) for p in parts]
        if stated is None or any(f is None for f in found):
            continue
        if _one_left_out(awards, node, parts):
            ctx.not_checked(AWARDS)
            continue
        operands = [o for f in found for o in f or []]
        s = _operand(stated)
        judgement = check_sum(s.number, [o.number for o in operands], counted=True)
        ctx.judged(
            AWARDS,
            judgement,
            s,
            operands,
            f"{node.allotment.subject}得分 {s.number.text} 分 ≠ 其下各项得分之和 "
            f"{_listed(operands)} = {plain(judgement.computed.mid)}",
            exact_only=True,
        )
    for report, sets in tops.items():
        _total(ctx, awards, report, sets)


def _total(ctx: Context, awards: _Awards, report: int | None, sets: list[list[_Node]]) -> None:
    """The report's narrative totals against its one set of sections sharing 100 points: those
    printed after its first section (a summary above it may give other reports' totals:
    "…项目自评得分100分，…项目自评得分98分")."""
    whole = [s for s in sets if sum(p.allotment.quantity.value for p in s if p.allotment) == 100]
    if len(whole) != 1:
        return
    at = {block.id: i for i, block in enumerate(ctx.document.blocks)}
    first = min(at[p.block.id] for p in whole[0])
    totals = [
        c
        for c in ctx.claims
        if c.type == "score_total"
        and c.span.cell is None
        and ctx.report_of.get(c.span.block_id) == report
        and at.get(c.span.block_id, -1) > first
    ]
    if not totals:
        return
    found = [awards.resolved(p) for p in whole[0]]
    if any(f is None for f in found):
        for _ in totals:
            ctx.not_checked(TOTAL)
        return
    operands = [o for f in found for o in f or []]
    for claim in totals:
        stated = _operand(claim)
        judgement = check_sum(stated.number, [o.number for o in operands], counted=True)
        ctx.judged(
            TOTAL,
            judgement,
            stated,
            operands,
            f"{claim.subject} {stated.number.text} 分 ≠ 正文各部分得分之和 {_listed(operands)} "
            f"= {plain(judgement.computed.mid)}",
            exact_only=True,
        )


# words that give a reason for points taken off ("因…", "受…影响", "扣1分")
_REASON = re.compile(r"因|由于|受|扣|未|不足|偏低|延迟|滞后|问题")


def awards_against_targets(ctx: Context) -> None:
    """One sentence, one item: its allotment, its target (with a comparator), its actual in
    the target's unit and its award, in that order."""
    by_block: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.span.cell is None:
            by_block.setdefault(claim.span.block_id, []).append(claim)
    for claims in by_block.values():
        text = ctx.paragraph_before(claims[-1]) + "。"
        for start, end in _sentences(text):
            here = [c for c in claims if start <= c.span.start < end]
            _judge_item(ctx, here, text[start:end])


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds = [0, *(m.end() for m in re.finditer(r"[。；;]", text)), len(text)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _judge_item(ctx: Context, claims: list[Claim], sentence: str) -> None:
    allotted = [c for c in claims if c.type == "score_allotment"]
    targets = [c for c in claims if c.comparator in MISSES and c.quantity.unit not in ("分",)]
    awards = [c for c in claims if c.type == "score_award"]
    if len(allotted) != 1 or len(targets) != 1 or len(awards) != 1:
        return
    target, award, points = targets[0], awards[0], allotted[0]
    actuals = [
        c
        for c in claims
        if c.type in ("achievement", "count")
        and c is not target
        and c.comparator is None
        and c.quantity.unit == target.quantity.unit
        and target.span.start < c.span.start < award.span.start
    ]
    if len(actuals) != 1 or actuals[0].qualifier is not None:
        return
    actual = actuals[0]
    full = award.quantity.value == points.quantity.value
    if not (full or award.quantity.value < points.quantity.value):
        return  # over its points: SCORE.prose_award_within_allotment's finding
    missed = MISSES[target.comparator](actual.quantity.value, target.quantity.value)
    sign = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}[target.comparator or "="]
    said = (
        f"{points.subject}：目标 {sign}{target.quantity.text}{target.quantity.unit or ''}，实际 "
        f"{actual.quantity.text}{actual.quantity.unit or ''}"
    )
    if full and missed:
        message = f"{said}，未达目标却得满分 {award.quantity.text} 分"
    elif not full and not missed and not _REASON.search(sentence):
        message = (
            f"{said}，已达目标却得 {award.quantity.text} 分（分值 {points.quantity.text}），"
            "未说明原因"
        )
    else:
        ctx.held(TARGET_SCORE)
        return
    ctx.violated(
        TARGET_SCORE,
        "warning",
        _operand(award),
        [_operand(points), _operand(target), _operand(actual)],
        message,
        computed=points.quantity.text if not full else None,
    )


FAMILIES = [
    awards_within_allotments,
    awards_plus_deductions,
    allotments_add_up,
    awards_add_up,
    awards_against_targets,
]
