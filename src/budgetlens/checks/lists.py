"""A count and the list that follows it (DOMAIN.md §4.10): "下设事业单位4个：A、B、C。" names
three units where it counts four.

Only a list that the count introduces with a colon or "，分别为", whose items are separated by
、 and which ends its clause (；or 。) is counted: a list that runs on after a comma or a line,
or that ends in 等, may hold more than it shows.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.document import Heading, Paragraph
from budgetlens.numbers import Number

LISTED = Rule(
    "COUNT.listed_items",
    version=1,
    severity="error",
    zh=Doc(
        "“N个：”后所列名称恰为 N 项",
        what="“下设事业单位4个：A、B、C、D。”“内设股室9个，分别为…”：数目后紧跟冒号或“分别为”、"
        "以顿号分隔、到分号或句号结束的名称列表，项数等于所说的数目；以“等”结尾或在逗号处接着"
        "写的列表不判断。",
        why="数目与所列名称不符，机构、人员或项目的情况就有一处写错或漏写。",
    ),
    en=Doc(
        "The names listed after “N个：” are N",
        what='"下设事业单位4个：A、B、C、D。", "内设股室9个，分别为…": a list a count opens with a '
        "colon or 分别为, its names separated by 、 and ended by ；or 。, has as many names as the "
        "count; a list "
        "ending in 等 or running on after a comma is not judged.",
        why="A count its list does not make means a unit, a person or a project is misstated "
        "or left out.",
    ),
)

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2}
# "下设事业单位4个：", "内设“六办”：", "3个股室：": a count, its measure word and noun, a colon
_COUNTED_LIST = re.compile(
    r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[”\"]?\s*(?P<measure>个|家|所|办|支|类)"
    r"(?P<noun>[^，,。；;：:\d]{0,12}?)[”\"]?(?:[：:]|[，,]\s*(?:分别为|分别是|即)[：:]?)"
    r"(?P<list>[^，,；;。\n]+)(?P<end>[；;。]|$)"
)
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")  # "办公室（加挂政策法规股牌子）": one name


def _value(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    if numeral == "十":
        return 10
    tens, _, units = numeral.partition("十")
    if "十" not in numeral:
        return _DIGITS.get(numeral) if len(numeral) == 1 else None
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)


def listed_items(ctx: Context) -> None:
    for block in ctx.document.blocks:
        if not isinstance(block, Heading | Paragraph):
            continue
        for found in _COUNTED_LIST.finditer(block.text):
            # "A以及所属事业单位B、C": 以及 separates the list's last names from its first
            names = re.split(r"、|以及", _BRACKETED.sub("", found["list"]))
            count = _value(found["n"])
            if count is None or len(names) < 2 or any(not n.strip() for n in names):
                continue
            if found["list"].rstrip().endswith("等") or not found["end"]:
                continue  # "A、B等", or a list a line break may cut
            if len(names) == count:
                ctx.held(LISTED)
                continue
            start, end = found.span("n")
            number = Number(text=found["n"], value=Decimal(count), decimals=0)
            where = span_location(block, start, end)
            printed = Evidence(role="operand", text=found["n"], location=where)
            stated = Operand(number, None, printed)
            said = re.split(r"[，,。；;：:、]", block.text[:start])[-1][-10:]
            listed = Evidence(
                role="label",
                text=found["list"],
                location=span_location(block, *found.span("list")),
            )
            ctx.violated(
                LISTED,
                "error",
                stated,
                [listed],
                f"“{said}{block.text[start : found.end('noun')].rstrip('：:，,')}”，其后列出 "
                f"{len(names)} 个："
                f"{'、'.join(n.strip() for n in names)}",
                computed=str(len(names)),
            )


FAMILIES = [listed_items]
