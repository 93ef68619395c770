"""Every statement the report's 目录 promises is in it (DOMAIN.md §4.10).

The 目录 is the run of entries after a "目录" line (paragraphs, or the first column of a table
of "…… 第 3 页" lines), up to the first block that repeats one of them (the body starts again
with 第一部分). An entry that names a statement ("三、支出决算表") is promised; it is present
where a later title (a heading, paragraph, table title or cell that ends in 表) holds nearly all
of its characters in order: titles vary between the 目录 and the page ("政府采购支出预算表" over
"2017年政府采购预算表"), and a statement printed in another file but named in the body (001:
"以上附表见…附件") counts. A warning: a statement may be printed under a title the reader
did not recognise.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.document import Cell, Heading, Paragraph, Table
from budgetlens.tables.kinds import statement_form
from budgetlens.textnorm import to_halfwidth

PROMISED = Rule(
    "COMPLETE.promised_statement",
    version=1,
    severity="warning",
    zh=Doc(
        "目录列出的报表应出现在报告中",
        what="目录中列出的每一张报表（“三、支出决算表”），正文中应有标题相同或几乎相同的报表"
        "（标题多一个年份、少一两个字仍算同一张）；缺少的报表在一条提示中列出。",
        why="目录承诺而正文缺少的报表，读者无从核对，公开也就不完整。",
    ),
    en=Doc(
        "Every statement the table of contents lists is in the report",
        what='Each statement the 目录 lists ("三、支出决算表") has a title in the body that names '
        "it, the same or nearly (a year more, a word or two less); the missing ones are listed "
        "in one finding.",
        why="A statement promised and not printed cannot be checked, and the disclosure is "
        "incomplete.",
    ),
)

_LEADER = re.compile(r"[.…·．\s]*(?:第\s*\d+\s*页|\d+)?\s*$")  # "....\t第 3 页", "…… 12"
_INNER_LEADER = re.compile(r"\.{3,}|…|·{3,}")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（]\S{1,3}[)）])")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
MAX_ENTRIES = 80  # a 目录 longer than this is not one: the body was taken for it
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
    for index in range(start + 1, min(start + 1 + MAX_ENTRIES, len(blocks))):
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


def _names(entry: str, title: str) -> bool:
    matcher = SequenceMatcher(None, entry, _YEAR.sub("", title), autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) >= NEARLY * len(entry)


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
    titles = {k for k in map(_key, texts) if k.endswith("表") and len(k) <= MAX_TITLE}
    missing = []
    for entry in promised:
        key = _YEAR.sub("", _key(entry.text))
        if any(_names(key, title) for title in titles):
            ctx.held(PROMISED)
        else:
            missing.append(entry)
    if missing:
        ctx.violated(
            PROMISED,
            "warning",
            None,
            missing,
            f"目录列出的 {len(missing)} 张报表在正文中未找到："
            + "、".join(_key(e.text) for e in missing),
        )


FAMILIES = [promised_statements]
