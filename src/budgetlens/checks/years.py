"""A report is named with one year wherever it is named (DOMAIN.md §4.8).

The list of 附件 names each report ("2022年专项资金预算项目绩效自评报告（大型会议经费）"); the
report's own title, with its project on the line below, must carry the same year. A title year
that differs from the list's is a copy left from another year's report.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import TITLE_BLOCKS, Context, Operand, span_location
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

HEADING_YEAR = Rule(
    "YEAR.heading_year",
    version=3,
    severity="warning",
    zh=Doc(
        "各部分标题所写的预算/决算年度与报告标题相同",
        what="报告标题（前几行，封面分两行印出的“江苏省2018年度”“省级部门预算公开报表”合读）写明"
        "“YYYY年（度）…部门预算/决算”时，正文各部分标题中同样写法的"
        "年度（“第三部分 省检察院2016年度部门预算情况说明”）和报表标题开头的年度（“2025年部门支出"
        "预算总表”）与之相同，空表下的注（“注：本部门2024年无…，故本表为空表”）所写年度也与之"
        "相同；写“执行”“上年”的标题不算。",
        why="部分标题的年度不同，多半是从上一年的报告复制而来未改，其下的说明可能也是上一年的。",
    ),
    en=Doc(
        "Every part's heading names the report's budget or accounts year",
        what="Where the report's title (in its first lines, a cover's two lines \"江苏省2018年度\" "
        '/ "省级部门预算公开报表" read as one) says "YYYY年（度）…部门预算/决算", '
        'a heading that names the report the same way ("第三部分 省检察院2016年度部门预算情况'
        '说明"), a statement caption that opens with a year ("2025年部门支出预算总表") and an '
        'empty statement\'s note ("注：本部门2024年无…，故本表为空表") give the same year; '
        "headings on execution (执行) or the year before (上年) are left out.",
        why="A part headed with another year is usually copied from the previous year's report, "
        "and what is under it may be that year's too.",
    ),
)

COMPARED_YEAR = Rule(
    "YEAR.compared_year",
    version=1,
    severity="warning",
    zh=Doc(
        "预算与上年比较时所写的年度是上一年",
        what="标题为“YYYY年…部门预算”的报告中，说明与上年比较的句子（“比2026年预算增加793.14万元”"
        "“与2026年预算持平”）所写的年度应为 YYYY − 1；写成本年度的，列出。",
        why="预算与本年度自身比较没有意义，多半是上一年的说明改了数字没改年份，或年份写错；读者"
        "无法确定比较的基数。",
    ),
    en=Doc(
        "A budget compared with last year names last year",
        what='In a report titled "YYYY年…部门预算", a sentence comparing with last year '
        '("比2026年预算增加793.14万元", "与2026年预算持平") names YYYY − 1; one that names the '
        "budget's own year is listed.",
        why="A budget compared with its own year compares with nothing: the year was miscopied, "
        "and the reader cannot tell the base.",
    ),
)

# "比2026年预算增加…", "与2026年预算持平", "较2025年预算执行数减少…": the year compared with
_COMPARED = re.compile(
    r"(?:比|较|与)(?P<year>\d{4})\s*年度?(?:预算|部门预算)(?:执行数)?(?:相比)?[，,]?"
    r"(?:增加|减少|增长|下降|持平)"
)
_TITLE = re.compile(r"^(?P<year>\d{4})年度?(?P<name>[^，。；]{2,}?报告)$")
# "2017年省检察院部门预算", "上海市普陀区财政局2024年度部门决算": a year naming a report
_NAMED_YEAR = re.compile(
    r"(?P<year>\d{4})\s*年度?[^，。；\d]{0,20}?(?:部门|单位)(?P<kind>预算|决算)"
)
_NOT_THE_REPORT = re.compile(r"执行|上年|上一年|以前年度")
# a statement's caption opens with the year it is of: "2025年部门支出预算总表"
_CAPTION_YEAR = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]\s*)?(?P<year>\d{4})\s*年度?[^，。；\d]{2,30}表$"
)
# a statement's note: "注：本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。"
_EMPTY_NOTE_YEAR = re.compile(
    r"^注[:：]\s*本(?:部门|单位)(?P<year>\d{4})\s*年度?[^。]{0,40}?(?:本表为空表|本表无数据)"
)
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


def _named_title(ctx: Context) -> tuple[Heading | Paragraph, re.Match[str], Operand] | None:
    """The report's title naming its year and kind ("2017年省检察院部门预算"), the match, and
    the year as an operand."""
    title = ctx.title_match(_NAMED_YEAR)
    if title is None:
        return None
    block, named = title
    return block, named, _year(block, named.start("year"), named["year"])


def heading_years(ctx: Context) -> None:
    title = _named_title(ctx)
    if title is None:
        return
    _, named, said = title
    for heading in ctx.document.blocks[TITLE_BLOCKS:]:
        if not isinstance(heading, Heading | Paragraph) or _NOT_THE_REPORT.search(heading.text):
            continue
        found = _CAPTION_YEAR.match(heading.text) or _EMPTY_NOTE_YEAR.match(heading.text)
        if found is None and isinstance(heading, Heading):
            found = _NAMED_YEAR.search(heading.text)
            found = found if found and found["kind"] == named["kind"] else None
        if found is None:
            continue
        if found["year"] == named["year"]:
            ctx.held(HEADING_YEAR)
            continue
        printed = _year(heading, found.start("year"), found["year"])
        ctx.violated(
            HEADING_YEAR,
            "warning",
            printed,
            [said],
            f"{'表注' if heading.text.startswith('注') else '标题'}「{heading.text}」写 "
            f"{found['year']} 年度，报告标题为 {named['year']} 年"
            f"部门{named['kind']}",
            computed=named["year"],
        )


def compared_years(ctx: Context) -> None:
    title = _named_title(ctx)
    if title is None or title[1]["kind"] != "预算":
        return
    block, named, said = title
    for paragraph in ctx.document.blocks:
        if paragraph is block or not isinstance(paragraph, Heading | Paragraph):
            continue
        for found in _COMPARED.finditer(paragraph.text):
            if found["year"] != named["year"]:
                ctx.held(COMPARED_YEAR)
                continue
            printed = _year(paragraph, found.start("year"), found["year"])
            ctx.violated(
                COMPARED_YEAR,
                "warning",
                printed,
                [said],
                f"“{found.group()}”与本年度 {named['year']} 年比较，{named['year']} 年部门预算"
                f"应与 {int(named['year']) - 1} 年比较",
                computed=str(int(named["year"]) - 1),
            )


FAMILIES = [report_title_years, heading_years, compared_years]
