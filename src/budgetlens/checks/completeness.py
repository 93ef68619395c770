"""Every statement the report's 目录 promises, and every one its template requires, is in it
(DOMAIN.md §4.10).

The 目录 is the run of entries after a "目录" line (paragraphs, or the first column of a table
of "…… 第 3 页" lines), up to the first block that repeats one of them (the body starts again
with 第一部分). An entry that names a statement ("三、支出决算表") is promised; it is present
where a later title (a heading, paragraph, table title or cell that ends in 表) holds nearly all
of its characters in order: titles vary between the 目录 and the page ("政府采购支出预算表" over
"2017年政府采购预算表"), and a statement printed in another file but named in the body (001:
"以上附表见…附件") counts. A warning: a statement may be printed under a title the reader
did not recognise.

A 部门决算 disclosure follows a national template (external/final-accounts-template.pdf) that
requires nine statements; one with no data is still printed (empty, "故本表无数据"), or the prose
says the department has none ("本单位无国有资本经营预算财政拨款收入和支出"). Where a document's
title says it is a 决算 and several of the template's statements were read as statements, a
template statement neither printed (a table, or a title in the body that names it) nor declared
absent is missing. The 预算 disclosures follow provincial templates whose lists differ (Shanghai
and Jiangsu print different sets), so they are recorded as not checked.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, span_location
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.document import Cell, Heading, Paragraph, Table
from budgetlens.ingest.structure import MAX_TOC
from budgetlens.tables.kinds import statement_form
from budgetlens.tables.schemas import Statement
from budgetlens.textnorm import to_halfwidth

PROMISED = Rule(
    "COMPLETE.promised_statement",
    version=2,
    severity="warning",
    zh=Doc(
        "目录列出的报表应出现在报告中",
        what="目录中列出的每一张报表（“三、支出决算表”），正文中应有标题相同或几乎相同的报表"
        "（标题多一个年份、少一两个字仍算同一张），或由正文写明另行公开（“决算附表（…）另行"
        "公开”）；缺少的报表在一条提示中列出。",
        why="目录承诺而正文缺少的报表，读者无从核对，公开也就不完整。",
    ),
    en=Doc(
        "Every statement the table of contents lists is in the report",
        what='Each statement the 目录 lists ("三、支出决算表") has a title in the body that names '
        "it, the same or nearly (a year more, a word or two less), or the body says it is "
        'published separately ("决算附表（…）另行公开"); the missing ones are listed in one '
        "finding.",
        why="A statement promised and not printed cannot be checked, and the disclosure is "
        "incomplete.",
    ),
)

_LEADER = re.compile(r"[.…·．\s]*(?:第\s*\d+\s*页|\d+)?\s*$")  # "....\t第 3 页", "…… 12"
_INNER_LEADER = re.compile(r"\.{3,}|…|·{3,}")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（]\S{1,3}[)）])")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
MAX_TITLE = 40  # a longer text ending in 表 is a sentence, not a title


def _key(text: str) -> str:
    """An entry or title for comparing: no leader, numbering, spaces or quote forms."""
    compact = re.sub(r"\s+", "", to_halfwidth(_LEADER.sub("", text)))
    return re.sub(r"[“”\"'‘’]", "", _NUMBERING.sub("", compact))


def _toc(ctx: Context) -> tuple[list[Evidence], int] | None:
    """The 目录's entries, as evidence, and the index of the first block of the body; None
    where there is no 目录 or it does not end."""
    blocks = ctx.document.blocks
    start = next((i for i, b in enumerate(blocks) if _key(b.text) == "目录"), None)
    if start is None:
        return None
    entries: list[Evidence] = []
    for index in range(start + 1, min(start + 1 + MAX_TOC, len(blocks))):
        block = blocks[index]
        if entries and _key(block.text) in {_key(e.text) for e in entries}:
            return entries, index
        if isinstance(block, Table):
            entries += [_entry(block, c) for c in block.cells if c.col == 0 and _key(c.text)]
        elif _key(block.text):
            entries.append(_entry(block))
    return None


def _entry(block: Heading | Paragraph | Table, cell: Cell | None = None) -> Evidence:
    where = (
        EvidenceLocation(
            table_id=block.id,
            row=cell.row,
            col=cell.col,
            line=cell.location.line_start,
            page=cell.location.page,
        )
        if cell
        else EvidenceLocation(
            block_id=block.id, line=block.location.line_start, page=block.location.page
        )
    )
    text = (cell or block).text
    return Evidence(role="label", text=_LEADER.sub("", text).strip(), location=where)


_YEAR = re.compile(r"\d{4}年度?")
NEARLY = 0.7  # of an entry's characters a title holds in order to name the same statement


def _likeness(entry: str, title: str) -> tuple[float, float]:
    """The share of an entry's characters a title holds in order, then how alike the two are
    as a whole: "支出决算表" is likest its own title, though "收入支出决算总表" holds it too."""
    matcher = SequenceMatcher(None, entry, title, autojunk=False)
    held = sum(m.size for m in matcher.get_matching_blocks())
    return held / len(entry), matcher.ratio()


def _unmatched(entries: list[str], titles: set[str]) -> set[int]:
    """The entries no title names, each title naming one entry at most, the likest pairs
    first: "支出预算总表" is not found in "收支预算总表" when "收支预算总表" is an entry too."""
    pairs = sorted(
        (
            (_likeness(entry, title), i, title)
            for i, entry in enumerate(entries)
            for title in titles
        ),
        reverse=True,
    )
    named: set[int] = set()
    taken: set[str] = set()
    for (held, _), i, title in pairs:
        if held < NEARLY:
            break
        if i not in named and title not in taken:
            named.add(i)
            taken.add(title)
    return set(range(len(entries))) - named


# a paragraph saying the statements it names are published elsewhere
_SEPARATELY = re.compile(r"(?:另行|单独|另册)(?:公开|发布|公布)")
_LIST_SEPARATORS = re.compile(r"[、，,（）()：:；;]")


def promised_statements(ctx: Context) -> None:
    found = _toc(ctx)
    if found is None:
        return
    entries, body = found
    promised = [
        e
        for e in entries
        if _key(e.text).endswith("表")
        and not _PART.match(e.text)
        and not _INNER_LEADER.search(e.text)  # two entries read as one: neither is clear
        and statement_form(e.text)
    ]
    if not promised:
        return
    after = ctx.document.blocks[body:]
    texts = [b.text for b in after if not isinstance(b, Table)]
    texts += [c.text for b in after if isinstance(b, Table) for c in b.cells]
    texts += [t.title for t in ctx.extraction.tables if t.title]
    texts += [  # "本部门决算附表（收入支出决算总表、…）另行公开": accounted for, not lost
        name
        for b in after
        if isinstance(b, Paragraph) and _SEPARATELY.search(b.text)
        for name in _LIST_SEPARATORS.split(b.text)
    ]
    texts = [t for t in texts if "表" in t and len(t) <= 2 * MAX_TITLE]  # cheap before _key
    titles = {
        _YEAR.sub("", k) for k in map(_key, texts) if k.endswith("表") and len(k) <= MAX_TITLE
    }
    unmatched = _unmatched([_YEAR.sub("", _key(e.text)) for e in promised], titles)
    missing = [e for i, e in enumerate(promised) if i in unmatched]
    for _ in range(len(promised) - len(missing)):
        ctx.held(PROMISED)
    if missing:
        ctx.violated(
            PROMISED,
            "warning",
            None,
            missing,
            f"目录列出的 {len(missing)} 张报表在正文中未找到："
            + "、".join(_key(e.text) for e in missing),
        )


TEMPLATE = Rule(
    "COMPLETE.template_statement",
    version=1,
    severity="warning",
    zh=Doc(
        "部门决算公开应有模板要求的九张报表",
        what="标题为部门决算、正文中有至少三张决算报表的公开，应有全国模板的九张报表："
        "收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、"
        "一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、"
        "财政拨款“三公”经费支出决算表、政府性基金预算财政拨款收入支出决算表、"
        "国有资本经营预算财政拨款收入支出决算表。没有数据的报表也应印出（空表或“本表无数据”），"
        "或在说明中写明没有该项收支（“本单位无政府性基金预算财政拨款收入和支出”）。"
        "既未印出也未说明的报表在一条提示中列出；标题多年份、单位名称或用其他省份的同义名称"
        "（“部门收支决算总表”“国有资本经营预算财政拨款支出决算表”）仍算印出。"
        "部门预算公开各省模板不同，此项记为未检查。",
        why="模板要求的报表既不印出又不说明，读者无从知道是没有该项收支还是漏报，公开不完整。",
    ),
    en=Doc(
        "A final-accounts disclosure prints the nine statements of its template",
        what="A disclosure titled 部门决算 that prints at least three 决算 statements has the "
        "national template's nine (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表). A "
        'statement without data is still printed (empty, or "本表无数据"), or the prose says '
        'there is none ("本单位无政府性基金预算财政拨款收入和支出"). Those neither printed nor '
        "declared absent are listed in one finding; a title with a year, the department's name "
        "or another province's name for the statement counts as printed. 预算 disclosures follow "
        "provincial templates that differ, and are recorded as not checked.",
        why="A required statement neither printed nor explained leaves the reader unable to tell "
        "a department with no such money from one that left it out.",
    ),
)

# The national 部门决算 template's nine statements (external/final-accounts-template.pdf,
# 第二部分), by the STATEMENT_FORMS code their titles read as: other provinces' names for the
# same statement ("部门收支决算总表", "一般公共预算财政拨款“三公”经费支出决算表",
# "国有资本经营预算财政拨款支出决算表") read as the same form.
FINAL_ACCOUNTS: dict[str, str] = {
    "summary": "收入支出决算总表",
    "income": "收入决算表",
    "expenditure": "支出决算表",
    "fiscal_summary": "财政拨款收入支出决算总表",
    "fiscal_expenditure": "一般公共预算财政拨款支出决算表",
    "basic_expenditure": "一般公共预算财政拨款基本支出决算表",
    "three_public": "财政拨款“三公”经费支出决算表",
    "government_fund": "政府性基金预算财政拨款收入支出决算表",
    "state_capital": "国有资本经营预算财政拨款收入支出决算表",
}
# The statements a department may have no money in, by the words its prose says so with
# (the template: "上海市XX局2024年度无政府性基金预算财政拨款收入和支出").
MAY_BE_NONE = {
    "three_public": "三公",
    "government_fund": "政府性基金",
    "state_capital": "国有资本经营",
}
MIN_STATEMENTS = 3  # template statements read as 决算 statements before the rule applies
CLOSE = 0.85  # difflib ratio at which a damaged title names a template statement
FRONT = 8  # blocks before the 目录 in which the report's title is printed
MAX_REPORT_TITLE = 60

_FINAL = re.compile(r"(?<!预)决算")  # "预决算" names both
_BUDGET_TITLE = re.compile(r"预算(?:总|明细)?表$")  # a 预算 statement, not a 决算's
_PERFORMANCE = re.compile(r"绩效|自评|评价|考核")  # "部门整体支出绩效自评表" is no statement
_NONE = re.compile(r"(?:无|没有|未(?:发生|安排|使用))(?![形偿论需法关])[^，。；,;]{0,40}")
_ANNEX = re.compile(r"^(?:附表|表)[\d一二三四五六七八九十]*[-—:：.、]?")  # "附表8：…", "表一 …"
_CONDITION = re.compile(r"的$|的(?:部门|单位)")
_EMPTY = re.compile(r"([^。；;，,]{2,40}?表)[^。；;表]{0,30}?(?:为空|无数据|空表)")
_TEMPLATE_KEYS = {code: _key(name) for code, name in FINAL_ACCOUNTS.items()}


def _is_title(key: str) -> bool:
    return (
        key.endswith("表")
        and len(key) <= MAX_TITLE
        and not _PERFORMANCE.search(key)
        and not _BUDGET_TITLE.search(key)
    )


def _template_named(text: str) -> set[str]:
    """The template statements a title names: by its form (kinds.py's names, with the
    synonyms), and by the closest template name where the reader damaged it
    ("政府性基全预算…")."""
    key = _ANNEX.sub("", _YEAR.sub("", _key(text)))
    named = {statement_form(key)} & FINAL_ACCOUNTS.keys()

    def closeness(code: str) -> tuple[float, int]:
        name = _TEMPLATE_KEYS[code]
        return SequenceMatcher(None, key, name, autojunk=False).ratio(), len(name)

    best = max(FINAL_ACCOUNTS, key=closeness)
    if closeness(best)[0] >= CLOSE:
        named.add(best)  # the closest only: "收入决算表" lies inside "收入支出决算总表"
    return named


def _report_title(ctx: Context) -> Heading | Paragraph | None:
    """The block before the 目录 that names the report, where it says 决算."""
    for block in ctx.document.blocks[:FRONT]:
        key = _key(block.text)
        if isinstance(block, Table) or key == "目录" or _PART.match(key):
            break
        if len(key) <= MAX_REPORT_TITLE and ("决算" in key or "预算" in key):
            return block if _FINAL.search(key) else None
    return None


def _where(block: Heading | Paragraph | Table, cell: Cell | None = None) -> EvidenceLocation:
    if cell is not None:
        return EvidenceLocation(
            table_id=block.id,
            row=cell.row,
            col=cell.col,
            line=cell.location.line_start,
            page=cell.location.page,
        )
    return EvidenceLocation(
        block_id=block.id, line=block.location.line_start, page=block.location.page
    )


def _printed(ctx: Context, body: int) -> dict[str, Evidence]:
    """Template statement → where the body prints it: a table read as it, else a title (a
    heading, paragraph or cell) that names it."""
    after = ctx.document.blocks[body:]
    in_body = {b.id for b in after}
    found: dict[str, Evidence] = {}
    for table in ctx.extraction.tables:
        if not isinstance(table, Statement) or table.id not in in_body:
            continue
        where = EvidenceLocation(
            table_id=table.id, line=table.location.line_start, page=table.location.page
        )
        for code in _template_named(table.title) | ({table.form} & FINAL_ACCOUNTS.keys()):
            found.setdefault(code, Evidence(role="label", text=table.title, location=where))
    for block in after:
        cells = block.cells if isinstance(block, Table) else [None]
        for cell in cells:
            text = (cell or block).text
            if not _is_title(_key(text)):
                continue
            for code in _template_named(text):
                found.setdefault(
                    code, Evidence(role="label", text=text.strip(), location=_where(block, cell))
                )
    return found


def _declared(ctx: Context) -> dict[str, Evidence]:
    """Template statement → where the prose says there is nothing to print in it: no such
    money ("无国有资本经营预算财政拨款收入和支出"), or the statement named empty
    ("政府性基金预算财政拨款收入支出决算表为空")."""
    found: dict[str, Evidence] = {}
    for block in ctx.document.blocks:
        if isinstance(block, Table):
            continue
        text = block.text
        for match in _NONE.finditer(text):
            said = re.sub(r"[\s“”\"]", "", match.group())
            if _CONDITION.search(said):
                continue  # the template's instruction, "无…收入支出的部门，作下述说明"
            for code, words in MAY_BE_NONE.items():
                if words in said:
                    where = span_location(block, match.start(), match.end())
                    found.setdefault(
                        code, Evidence(role="label", text=match.group(), location=where)
                    )
        for match in _EMPTY.finditer(text):
            if not _is_title(_key(match.group(1))):
                continue  # "故本表无数据": the statement above it, printed
            for code in _template_named(match.group(1)):
                where = span_location(block, match.start(), match.end())
                found.setdefault(code, Evidence(role="label", text=match.group(), location=where))
    return found


def template_statements(ctx: Context) -> None:
    statements = [t for t in ctx.extraction.tables if isinstance(t, Statement)]
    final = {t.form for t in statements if t.form in FINAL_ACCOUNTS and _FINAL.search(t.title)}
    if len(final) < MIN_STATEMENTS:
        if len(statements) >= MIN_STATEMENTS:
            ctx.not_checked(TEMPLATE)  # a 预算's statements: its province's list is not known
        return
    title = _report_title(ctx)
    if title is None:
        ctx.not_checked(TEMPLATE)  # 决算 statements under no title that says 决算
        return
    toc = _toc(ctx)
    printed = _printed(ctx, toc[1] if toc else 0)  # the 目录's entries print nothing
    declared = _declared(ctx)
    present = [printed.get(code) or declared.get(code) for code in FINAL_ACCOUNTS]
    missing = [code for code, seen in zip(FINAL_ACCOUNTS, present, strict=True) if seen is None]
    for seen in present:
        if seen is not None:
            ctx.held(TEMPLATE)
    if not missing:
        return
    reported = Evidence(role="label", text=title.text.strip(), location=_where(title))
    ctx.violated(
        TEMPLATE,
        "warning",
        None,
        [reported, *(seen for seen in present if seen is not None)],
        f"部门决算模板要求的 {len(missing)} 张报表既未印出也未说明无数据："
        + "、".join(FINAL_ACCOUNTS[code] for code in missing)
        + "（也可能以未识别的标题印出）",
    )


FAMILIES = [promised_statements, template_statements]
