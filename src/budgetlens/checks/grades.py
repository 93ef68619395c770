"""A score's grade (等级) against the bands that define it (DOMAIN.md §4.5).

"该项目绩效评价得分89.36分，评价等级为“优”": the grade follows from the score. The bands are
the report's own where it prints them ("90分（含）以上为“优”，80分（含）至90分为“良”…"), else
the national ones of 财预〔2020〕10号: 优 from 90, 良 from 80, 中 from 60, 差 below.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.claims.model import Claim
from budgetlens.document import Heading, Paragraph
from budgetlens.textnorm import to_halfwidth

GRADE = Rule(
    "SCORE.grade_matches_score",
    version=2,
    severity="error",
    zh=Doc(
        "评价等级与得分所在的分数段一致",
        what="“得分89.36分，评价等级为“优””：等级按报告自己写明的分数段判断（“90分（含）以上为"
        "“优”，80分（含）至90分为“良”…”），未写明的按全国通行的分段（90 分及以上为优，80 分"
        "及以上为良，60 分及以上为中，60 分以下为差）。等级单独成句、句中没有得分时，按同段或"
        "其上几段中最近的总得分判断，此时至多为警告。",
        why="等级与得分不符，结论就与所给的分数矛盾；评价结果常按等级使用。",
    ),
    en=Doc(
        "A grade is the band its score falls in",
        what='"得分89.36分，评价等级为“优”": the grade is judged by the bands the report '
        'prints ("90分（含）以上为“优”，80分（含）至90分为“良”…"), else by the national ones '
        "(优 from 90, 良 from 80, 中 from 60, 差 below 60). A grade in a sentence with no score "
        "is of the nearest total score above it in its paragraph or a few blocks up; then at "
        "most a warning.",
        why="A grade its score does not reach contradicts the score, and results are used by "
        "grade.",
    ),
)

GRADES = ("优", "良", "中", "差")
NATIONAL = {"优": Decimal(90), "良": Decimal(80), "中": Decimal(60), "差": Decimal(0)}
# "等级为“优”", "等次为优秀", "评定为“良”": the grade a sentence gives
_GIVEN = re.compile(r"(?:等级|等次|评级|评定)(?:为|是|:)?[“\"]?(?P<grade>[优良中差])(?:秀|好)?")
# "90分(含)以上为“优”", "80分(含)至90分为“良”", "60分以下为“差”": a band's lower bound
_BAND = re.compile(
    r"(?P<low>\d+(?:\.\d+)?)分?(?:\(含\))?(?:以上|及以上|[至\-—~～]\d+(?:\.\d+)?分?(?:以下)?)"
    r"(?:\(不含\))?(?:的)?(?:为|评为|定为)[“\"]?(?P<grade>[优良中])"
)


def _bands(ctx: Context) -> tuple[dict[str, Decimal], bool]:
    """Each grade's lower bound: the report's where it prints all of 优, 良 and 中, else the
    national ones; and whether they are the report's."""
    found: dict[str, Decimal] = {}
    for block in ctx.document.blocks:
        if isinstance(block, Heading | Paragraph):
            for band in _BAND.finditer(to_halfwidth(block.text).replace(" ", "")):
                found.setdefault(band["grade"], Decimal(band["low"]))
    if {"优", "良", "中"} <= found.keys() and found["优"] > found["良"] > found["中"]:
        return {**found, "差": Decimal(0)}, True
    return NATIONAL, False


def _grade_of(score: Decimal, bands: dict[str, Decimal]) -> str:
    return next(g for g in GRADES if score >= bands[g])


# a grade given in a paragraph of its own is of the report's score printed at most this many
# blocks above ("本项目自评得分89.29分。" then "按照…的标准，评价等级为“优”。")
_NEARBY = 3


def grades_match_scores(ctx: Context) -> None:
    bands, stated_bands = _bands(ctx)
    totals: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        if claim.type == "score_total":
            totals[claim.span.block_id].append(claim)
    recent: list[tuple[int, Claim]] = []  # the score totals above, with their block's index
    for index, block in enumerate(ctx.document.blocks):
        if not isinstance(block, Heading | Paragraph):
            continue
        text = to_halfwidth(block.text)
        for given in _GIVEN.finditer(text):
            score, near = _score_of(ctx, block.id, given.start(), totals, recent, index)
            if score is not None:
                _judge(ctx, block, given, score, near, bands, stated_bands)
        recent += [(index, c) for c in totals.get(block.id, [])]


def _score_of(
    ctx: Context,
    block_id: str,
    at: int,
    totals: dict[str, list[Claim]],
    recent: list[tuple[int, Claim]],
    index: int,
) -> tuple[Claim | None, bool]:
    """The score a grade at ``at`` is of, and whether it is linked only by place: the score
    total earlier in its sentence, else the last one above it in its paragraph or within a few
    blocks of its report."""
    text = ctx.text_of(block_id)
    before = [c for c in totals.get(block_id, []) if c.span.end <= at]
    if before:
        return before[-1], bool(_SENTENCE_END.search(text[before[-1].span.end : at]))
    report = ctx.report_of.get(block_id)
    above = [
        c
        for i, c in recent
        if index - i <= _NEARBY and ctx.report_of.get(c.span.block_id) == report
    ]
    return (above[-1], True) if above else (None, False)


_SENTENCE_END = re.compile(r"[。；;]")


def _judge(
    ctx: Context,
    block: Heading | Paragraph,
    given: re.Match[str],
    claim: Claim,
    near: bool,
    bands: dict[str, Decimal],
    stated_bands: bool,
) -> None:
    expected = _grade_of(claim.quantity.value, bands)
    if expected == given["grade"]:
        ctx.held(GRADE)
        return
    start = given.start("grade")
    # the grade is what the score contradicts: it is the stated value, first in the evidence
    word = Evidence(
        role="stated", text=given["grade"], location=span_location(block, start, start + 1)
    )
    source = "报告所列分段" if stated_bands else "通行分段"
    where = "上文得分" if near else "得分"
    ctx.violated(
        GRADE,
        # a score found only above the grade is linked by place: at most a warning
        "error" if stated_bands and not near else "warning",
        None,
        [word, Operand.from_claim(claim)],
        f"{where} {claim.quantity.text} 分按{source}为“{expected}”"
        f"（{_band(expected, bands)}），正文评为“{given['grade']}”",
        computed=expected,
    )


def _band(grade: str, bands: dict[str, Decimal]) -> str:
    """A grade's band as one says it: "90 分及以上", "80 至 90 分", "60 分以下"."""
    i = GRADES.index(grade)
    low, high = bands[grade], bands[GRADES[i - 1]] if i else None
    if high is None:
        return f"{low} 分及以上"
    return f"{high} 分以下" if grade == "差" else f"{low} 至 {high} 分"


FAMILIES = [grades_match_scores]
