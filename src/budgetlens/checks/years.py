"""A report is named with one year wherever it is named (DOMAIN.md §4.8).

The list of 附件 names each report ("2022年专项资金预算项目绩效自评报告（大型会议经费）"); the
report's own title, with its project on the line below, must carry the same year. A title year
that differs from the list's is a copy left from another year's report.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.document import Heading, Paragraph
from budgetlens.numbers import Number

TITLE_YEAR = Rule(
    "YEAR.report_named_twice",
    version=1,
    severity="warning",
    zh=Doc(
        "报告标题的年度与附件目录所列一致",
        what="附件目录列出的「2022年…绩效自评报告（项目名）」与该报告正文标题（下一行为项目名）"
        "所写的年度相同。",
        why="年度不同，多半是从另一年的报告复制而来未改，报告的数字可能也属于另一年。",
    ),
    en=Doc(
        "A report's title year is the year the list of attachments gives it",
        what='A report named in the 附件 list ("2022年…绩效自评报告（project）") carries the '
        "same year in its own title, the line above its project's name.",
        why="A different year is usually a copy left from another year's report, whose figures "
        "may be that year's too.",
    ),
)

_TITLE = re.compile(r"^(?P<year>\d{4})年度?(?P<name>[^，。；]{2,}?报告)$")
_PROJECT = re.compile(r"^[（(](?P<project>[^）)]+)[）)]$")
_MENTION = re.compile(
    r"(?P<year>\d{4})年度?(?P<name>[^，。；、\d]{2,}?报告)[（(](?P<project>[^）)]+)[）)]"
)


def _project(text: str) -> str:
    return re.sub(r"\s|度", "", text)


def _year(block: Heading | Paragraph, start: int, text: str) -> Operand:
    location = span_location(block, start, start + len(text))
    number = Number(text=text, value=Decimal(text), decimals=0, start=start, end=start + 4)
    return Operand(number, None, Evidence(role="operand", text=text, location=location))


def report_title_years(ctx: Context) -> None:
    blocks = ctx.document.blocks
    titles: dict[tuple[str, str], Operand] = {}
    for i, block in enumerate(blocks):
        title = _TITLE.match(block.text) if isinstance(block, Heading) else None
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        project = _PROJECT.match(below.text) if isinstance(below, Paragraph) else None
        if title and project:
            key = (title["name"], _project(project["project"]))
            titles.setdefault(key, _year(block, 0, title["year"]))
    for block in blocks:
        if not isinstance(block, Heading | Paragraph) or _TITLE.match(block.text):
            continue
        for mention in _MENTION.finditer(block.text):
            title = titles.get((mention["name"], _project(mention["project"])))
            if title is None:
                continue
            if title.number.value == Decimal(mention["year"]):
                ctx.held(TITLE_YEAR)
                continue
            listed = _year(block, mention.start("year"), mention["year"])
            ctx.violated(
                TITLE_YEAR,
                "warning",
                title,
                [listed],
                f"报告标题为 {title.number.text} 年「{mention['name']}（{mention['project']}）」，"
                f"{listed.evidence.location.where()}列为 {listed.number.text} 年",
                computed=listed.number.text,
            )


FAMILIES = [report_title_years]
