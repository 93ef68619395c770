"""Identity and completeness (DOMAIN.md §4.10): one period everywhere, no template text left in.

A report is filled in from a template: what the template left blank for the author ("XX局",
"20XX年", "【 】" in a document number, "此处填写") and a period-end date copied from another
year's report ("截至2023年12月31日" among a report's 2024 dates) are what a reviewer finds
first and a reader trusts least.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import (
    Context,
    Operand,
    cell_location,
    span_location,
    word_operand,
)
from budgetlens.checks.findings import EvidenceLocation
from budgetlens.document import Block, Cell, Heading, Paragraph, Table

PLACEHOLDER = Rule(
    "PLACEHOLDER.left_in",
    version=1,
    severity="warning",
    zh=Doc(
        "报告中没有残留模板占位符",
        what="正文和表格中没有模板留给作者填写的内容：XX局、20XX年、××、文号中的【 】、"
        "此处填写、（单位名称）等；同一段中的多个占位符为一条。",
        why="占位符仍在，说明它代表的事实（单位、年度、金额、文号）没有填写，读者无从核对。",
    ),
    en=Doc(
        "No template placeholder is left in the report",
        what="No text the template left for the author to fill in is still printed: XX局, "
        "20XX年, ××, 【 】 in a document number, 此处填写, （单位名称）; the placeholders of one "
        "passage are one finding.",
        why="A placeholder left in means the fact it stands for (an office, a year, an amount, a "
        "document number) is missing and cannot be checked.",
    ),
)
PERIOD_END = Rule(
    "YEAR.period_end",
    version=2,
    severity="warning",
    zh=Doc(
        "期末日期与报告其余期末日期同一年度",
        what="“截至YYYY年12月31日/年末/年底”和表题“（YYYY年度）”中的年度：部门决算以标题所写的"
        "决算年度为准（除非多数期末日期一致为另一年度）；其余报告与其余至少三处且占多数的一致"
        "年度相同；没有这样的年度时不检查。",
        why="期末日期写成别的年度，多半是从上一年的报告复制而来，所述数字可能也是上一年的。",
    ),
    en=Doc(
        "A period-end date is in the year the report's others agree on",
        what='The year of "截至YYYY年12月31日/年末/年底" or of a table title\'s "（YYYY年度）" '
        "is, in a 决算, the year its title names (unless most period ends agree on another); "
        "elsewhere the year at least three others, and most of them, agree on; with no such "
        "year nothing is checked.",
        why="A period end in another year is usually copied from the previous year's report, "
        "whose figures may have come with it.",
    ),
)

DEPARTMENT = Rule(
    "PLACEHOLDER.department_named",
    version=1,
    severity="warning",
    zh=Doc(
        "各张报表表头所写的部门名称相同",
        what="报表表头“部门：某某局 单位：万元”一类的行至少三处、其中多数写同一部门时，写作另一个"
        "部门的那一处报告；只是截短（换行断开）的名称不算另一个部门。",
        why="一个部门的公开材料中出现另一个部门的名称，多半是套用他人模板或拼错了报表，"
        "这张报表是否属于本部门就成了问题。",
    ),
    en=Doc(
        "Every statement's header names the same department",
        what='Where at least three statement header lines ("部门：某某局  单位：万元") are printed '
        "and most of them name one department, the one that names another is reported; a name "
        "cut short (broken at a line end) is not another department.",
        why="Another department's name in one department's disclosure most often means a "
        "statement copied from someone else's template or filed in the wrong report; whether "
        "it belongs to this department is then in doubt.",
    ),
)

_CJK = r"\u4e00-\u9fff"
_PLACEHOLDER = re.compile(
    # X's standing for a name, a year or an amount: "XX局", "20XX年", "××县", "XX万元"; not a
    # Latin word or code, and next to Chinese text or a year's digits
    rf"(?<![A-Za-z])(?:20)?[XＸ×xｘ]{{2,}}(?![A-Za-z])(?=[{_CJK}]|$)"
    rf"|(?<=[{_CJK}])[XＸ×xｘ]{{2,}}(?![A-Za-z])"
    r"|【\s*】"  # a document number's year left blank: "渠财建【】218号"
    r"|此处填写|在此填写|请填写|待填写|待补充"
    r"|[【（(\[]\s*(?:单位|部门|项目)名称\s*[】）)\]]"
)
# what every placeholder holds: a cheap test before the full pattern
_HINT = re.compile(r"[XＸ×xｘ]{2}|【|填写|待补充|名称")
_PERIOD_END = re.compile(r"截[至止]\s*(?P<year>\d{4})\s*年\s*(?:12\s*月\s*31\s*日|末|底)")
_TITLE_YEAR = re.compile(r"[（(]\s*(?P<year>\d{4})\s*年度\s*[）)]")
MIN_AGREEING = 3  # period-end dates that must agree before one that differs is suspect
# A 决算's title names the year it closes: "2024年度部门决算", "2024年单位决算公开"
_FINAL_TITLE = re.compile(r"(?P<year>\d{4})\s*年度?\s*(?:部门|单位)?\s*决算")


def _locate(block: Block, cell: Cell | None, start: int, end: int) -> EvidenceLocation:
    """Where offsets of a paragraph's, a heading's or a table cell's text are printed."""
    if cell is not None and isinstance(block, Table):
        return cell_location(block, cell, start, end)
    if isinstance(block, Heading | Paragraph):
        return span_location(block, start, end)
    return EvidenceLocation(
        line=block.location.line_start,
        page=block.location.page,
        block_id=block.id,
        start=start,
        end=end,
    )


def _texts(ctx: Context) -> Iterator[tuple[str, Block, Cell | None]]:
    """Every text of the document: paragraphs, headings and each table cell."""
    for block in ctx.document.blocks:
        if isinstance(block, Table):
            for cell in block.cells:
                yield cell.text, block, cell
        else:
            yield block.text, block, None


# a statement's header line: "部门：中国共产党江苏省委员会办公厅  单位：万元"
_DEPARTMENT_LINE = re.compile(
    rf"(?:^|\s)(?:部门|部门名称|编制部门)[：:]\s*(?P<name>[{_CJK}（）()]{{4,40}}?)"
    r"(?=\s|单位[：:]|[，,。；;]|$)"
)


def departments_named(ctx: Context) -> None:
    named = [
        (found["name"], _locate(block, None, found.start("name"), found.end("name")))
        for block in ctx.document.blocks
        if isinstance(block, Heading | Paragraph)
        for found in _DEPARTMENT_LINE.finditer(block.text)
    ]
    counts = Counter(name for name, _ in named)
    if len(named) < MIN_AGREEING or len(counts) < 2:
        for _ in named:
            ctx.held(DEPARTMENT)
        return
    (usual, most), (_, second) = counts.most_common(2)
    if most == second:
        return  # no majority: which one is the department's the headers do not say
    first = next(where for name, where in named if name == usual)
    for name, where in named:
        if usual.startswith(name) or name.startswith(usual):
            ctx.held(DEPARTMENT)  # the same name, or one a line end cut short
            continue
        ctx.violated(
            DEPARTMENT,
            "warning",
            word_operand(name, where),
            [word_operand(usual, first)],
            f"报表表头写部门“{name}”，其余 {most} 处写“{usual}”（如{first.where()}）",
            computed=usual,
        )


def placeholders(ctx: Context) -> None:
    """One finding per paragraph or cell that holds placeholders, naming them all: a template
    left unfilled is one omission per passage, not one per "XX". A clean scan enters no pass in
    the ledger: it judges no figure, and a file of prose alone must still show that nothing in
    it was checked."""
    for text, block, cell in _texts(ctx):
        found = list(_PLACEHOLDER.finditer(text)) if _HINT.search(text) else []
        if not found:
            continue
        first, *others = (
            word_operand(f.group(), _locate(block, cell, f.start(), f.end())) for f in found
        )
        context = text[max(found[0].start() - 8, 0) : found[0].end() + 8].strip()
        listed = "、".join(f"“{f.group()}”" for f in found)
        ctx.violated(
            PLACEHOLDER,
            "warning",
            first,
            others,
            f"模板占位符未替换：{listed}（“{context}”）",
        )


def _final_accounts_year(ctx: Context) -> Operand | None:
    """The year a 决算's title closes, where one of the first blocks is its title."""
    title = ctx.title_match(_FINAL_TITLE)
    if title is None:
        return None
    block, found = title
    at = _locate(block, None, found.start("year"), found.end("year"))
    return word_operand(found["year"], at, Decimal(found["year"]))


def period_ends(ctx: Context) -> None:
    mentions: list[Operand] = []
    for text, block, cell in _texts(ctx):
        if "截" not in text and "年度" not in text:
            continue
        for pattern in (_PERIOD_END, _TITLE_YEAR):
            for found in pattern.finditer(text):
                at = _locate(block, cell, found.start("year"), found.end("year"))
                mentions.append(word_operand(found["year"], at, Decimal(found["year"])))
    years = Counter(m.number.value for m in mentions)
    if not years:
        return
    (year, agreeing), *_ = years.most_common(1)
    title = _final_accounts_year(ctx)
    if title is not None and (agreeing < MIN_AGREEING or year == title.number.value):
        # a 决算 closes the year its title names, unless most of its dates say otherwise
        first, year, agreeing = title, title.number.value, years[title.number.value]
        said = f"标题为 {title.number.text} 年度决算"
    elif agreeing < MIN_AGREEING or agreeing * 2 <= len(mentions):
        for _ in mentions:
            ctx.not_checked(PERIOD_END)  # no year most of them agree on
        return
    else:
        first = next(m for m in mentions if m.number.value == year)
        said = f"本文其余 {agreeing} 处期末日期及表题为 {first.number.text} 年"
    for mention in mentions:
        if mention.number.value == year:
            ctx.held(PERIOD_END)
            continue
        ctx.violated(
            PERIOD_END,
            "warning",
            mention,
            [first],
            f"期末日期为 {mention.number.text} 年，而{said}（如{first.evidence.location.where()}）",
            computed=first.number.text,
        )


FAMILIES = [placeholders, period_ends, departments_named]
