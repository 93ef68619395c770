"""A score's grade (等级) against the bands that define it (DOMAIN.md §4.5).

"该项目绩效评价得分89.36分，评价等级为“优”": the grade follows from the score. The bands are
the report's own where it prints them ("90分（含）以上为“优”，80分（含）至90分为“良”…"), else
the national ones of 财预〔2020〕10号: 优 from 90, 良 from 80, 中 from 60, 差 below.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.document import Heading, Paragraph
from budgetlens.textnorm import to_halfwidth

GRADE = Rule(
    "SCORE.grade_matches_score",
    version=1,
    severity="error",
    zh=Doc(
        "评价等级与得分所在的分数段一致",
        what="“得分89.36分，评价等级为“优””：等级按报告自己写明的分数段判断（“90分（含）以上为"
        "“优”，80分（含）至90分为“良”…”），未写明的按全国通行的分段（90 分及以上为优，80 分"
        "及以上为良，60 分及以上为中，60 分以下为差）。",
        why="等级与得分不符，结论就与所给的分数矛盾；评价结果常按等级使用。",
    ),
    en=Doc(
        "A grade is the band its score falls in",
        what='"得分89.36分，评价等级为“优”": the grade is judged by the bands the report '
        'prints ("90分（含）以上为“优”，80分（含）至90分为“良”…"), else by the national ones '
        "(优 from 90, 良 from 80, 中 from 60, 差 below 60).",
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


def grades_match_scores(ctx: Context) -> None:
    bands, stated_bands = _bands(ctx)
    for claim in ctx.claims:
        block = ctx.document.block(claim.span.block_id)
        if claim.type != "score_total" or not isinstance(block, Heading | Paragraph):
            continue
        rest = block.text[claim.span.end :]
        sentence = re.split(r"[。；;]", rest, maxsplit=1)[0]
        given = _GIVEN.search(to_halfwidth(sentence))
        if given is None:
            continue
        score = claim.quantity.value
        expected = _grade_of(score, bands)
        if expected == given["grade"]:
            ctx.held(GRADE)
            continue
        start = claim.span.end + given.start("grade")
        word = Evidence(
            role="label", text=given["grade"], location=span_location(block, start, start + 1)
        )
        source = "报告所列分段" if stated_bands else "通行分段"
        ctx.violated(
            GRADE,
            "error" if stated_bands else "warning",
            Operand.from_claim(claim),
            [word],
            f"得分 {claim.quantity.text} 分按{source}为“{expected}”"
            f"（{_band(expected, bands)}），正文评为“{given['grade']}”",
        )


def _band(grade: str, bands: dict[str, Decimal]) -> str:
    """A grade's band as one says it: "90 分及以上", "80 至 90 分", "60 分以下"."""
    i = GRADES.index(grade)
    low, high = bands[grade], bands[GRADES[i - 1]] if i else None
    if high is None:
        return f"{low} 分及以上"
    return f"{high} 分以下" if grade == "差" else f"{low} 至 {high} 分"


FAMILIES = [grades_match_scores]
