"""A labelled fact restated in one report says the same each time.

A report copied from a sibling project keeps that project's facts where the author forgot to
change them: "招商会议布置。会议地点：成都" in the 西洽会's 项目概况 and "…会议地点：重庆" in its
绩效目标, the passage otherwise the same. The sign of a copy is the passage: the same label
after the same words. Different facts under one label in different passages (two meetings, two
places) are not compared.
"""

from __future__ import annotations

import re
from collections import defaultdict

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.document import Heading, Paragraph

SAME_FACT = Rule(
    "RESTATE.same_fact",
    version=1,
    severity="warning",
    zh=Doc(
        "同一报告中重复出现的同一段文字，所记事实一致",
        what="同一份报告中，同一标签（会议地点、实施地点、实施时间、负责人等）前面的文字相同"
        "（同一段文字的两次出现），标签后的内容却不同。",
        why="同一段文字两处事实不同，多半是从另一个项目的报告复制后只改了一处，"
        "读者无法判断哪一处属实。",
    ),
    en=Doc(
        "A passage restated in one report states the same fact",
        what="In one report, the same label (会议地点, 实施地点, 实施时间, 负责人…) after the "
        "same words, the same passage printed twice, is followed by different content.",
        why="A passage restated with a different fact was most likely copied from another "
        "project's report and changed in one place only; a reader cannot tell which is true.",
    ),
)

# a label that names a where, when or who of the project, its value up to the end of the
# clause ("单位：万元" is a unit line, not a fact, so 单位 is not one of them)
_FACT = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{0,6}(?:地点|地址|时间|日期|期限|负责人|联系人))"
    r"\s*[：:]\s*(?P<value>[^。；;，,、\s]{1,30})"
)
CONTEXT = 6  # characters before the label that must agree: the passage, not just the label


def same_facts(ctx: Context) -> None:
    seen: dict[tuple[int | None, str, str], dict[str, Evidence]] = defaultdict(dict)
    for block in ctx.document.blocks:
        if not isinstance(block, Heading | Paragraph):
            continue
        text = re.sub(r"\s", " ", block.text)
        for m in _FACT.finditer(text):
            before = text[max(0, m.start() - CONTEXT) : m.start()].replace(" ", "")
            if len(before) < CONTEXT - 1:
                continue  # a label that opens its paragraph: no passage to compare
            key = (ctx.report_of.get(block.id), before, m["label"])
            value = m["value"]
            where = span_location(block, m.start("value"), m.end("value"))
            seen[key].setdefault(value, Evidence(role="operand", text=value, location=where))
    for (_, _, label), values in seen.items():
        if len(values) < 2:
            if values:
                ctx.held(SAME_FACT)
            continue
        printed = list(values.values())
        ctx.violated(
            SAME_FACT,
            "warning",
            None,
            printed,
            f"同一段文字中“{label}”前后不一：{' / '.join(e.text for e in printed)}",
        )


FAMILIES = [same_facts]
