"""The numbers of a disclosure's statements (DOMAIN.md §4.10): "公开01表" … "公开12表", "附表1" …
run in order. Where one number is printed twice (or out of place) and the number its place
calls for appears nowhere, that caption is misprinted: "公开05表, 公开06表, 公开06表, 公开08表"
has lost 公开07表 to a slip.
"""

from __future__ import annotations

import re
from typing import Literal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.document import Heading, Paragraph

NUMBERING = Rule(
    "COMPLETE.statement_numbering",
    version=1,
    severity="warning",
    zh=Doc(
        "报表编号依次排列，没有重号和缺号",
        what="报表表号（“公开01表”“附表3”“表5”，印在段首）按出现顺序排列；某个表号所在位置前后分别是"
        " N−1 和 N+1，而它不是 N、全文又没有 N 时（“公开06表、公开06表、公开08表”），这一表号印错。"
        "各报告自成一套编号（每个项目的附表1、附表2）的，不判断。",
        why="表号错了，目录和正文引用的“公开07表”就找不到，读者也无法确认报表是否齐全。",
    ),
    en=Doc(
        "Statement numbers run in order, none twice and none missing",
        what='Statement numbers printed at the start of a caption ("公开01表", "附表3", "表5") run '
        "in the order they appear; where the numbers before and after one are N−1 and N+1, it is "
        'not N, and N is printed nowhere ("公开06表, 公开06表, 公开08表"), that caption is '
        "misprinted. Several reports each numbering their own 附表1, 附表2 are not judged.",
        why="A misnumbered statement cannot be found where the 目录 or the prose cites it, and "
        "readers cannot tell whether the set is complete.",
    ),
)

# "公开07表", "附表3", "表5" at the start of a caption; "表5-1" and "表5.2" are parts, not numbers
_CAPTION = re.compile(r"^\s*(?:(公开)\s*(\d{1,2})\s*表|(附表|表)\s*(\d{1,2})(?![\d.．\-－—]))")


def _captions(ctx: Context) -> dict[str, list[tuple[int, Heading | Paragraph, re.Match[str]]]]:
    """(number, block, match) of every numbered caption, by its form (公开NN表, 附表N, 表N)."""
    found: dict[str, list[tuple[int, Heading | Paragraph, re.Match[str]]]] = {}
    for block in ctx.document.blocks:
        if not isinstance(block, Heading | Paragraph):
            continue
        caption = _CAPTION.match(block.text)
        if caption:
            form = caption[1] or caption[3]
            found.setdefault(form, []).append((int(caption[2] or caption[4]), block, caption))
    return found


def statement_numbering(ctx: Context) -> None:
    for captions in _captions(ctx).values():
        numbers = [n for n, _, _ in captions]
        if len(set(numbers)) < 3 or numbers != sorted(numbers):
            continue  # too few to be a sequence, or several reports' own 附表1, 附表2
        for i in range(1, len(captions) - 1):
            expected = numbers[i - 1] + 1
            if numbers[i] == expected or numbers[i + 1] != expected + 1 or expected in numbers:
                ctx.held(NUMBERING)
                continue
            printed, before, after = (
                _caption_evidence(*captions[k][1:], role)
                for k, role in ((i, "stated"), (i - 1, "operand"), (i + 1, "operand"))
            )
            ctx.violated(
                NUMBERING,
                "warning",
                None,
                [printed, before, after],
                f"表号“{printed.text}”位于“{before.text}”与“{after.text}”之间，"
                f"应为第 {expected} 号（全文没有第 {expected} 号表）",
                computed=str(expected),
            )


def _caption_evidence(
    block: Heading | Paragraph, caption: re.Match[str], role: Literal["stated", "operand"]
) -> Evidence:
    text = caption.group().strip()
    return Evidence(role=role, text=text, location=span_location(block, *caption.span()))


FAMILIES = [statement_numbering]
