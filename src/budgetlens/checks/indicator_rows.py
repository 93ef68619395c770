"""An indicator row agrees with itself (DOMAIN.md §2): a row whose 指标性质 is 定性 states its
target in words (提高, 良好, 持续有效); a number there, with its unit, says the row is
quantitative and its 指标性质 wrong, or that a figure was filled into a qualitative row. A
warning: which of the two cells is wrong is the reviewer's to say.
"""

from __future__ import annotations

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.findings import Evidence, EvidenceLocation

QUALITATIVE_NUMBER = Rule(
    "SCORE.qualitative_with_number",
    version=1,
    severity="warning",
    zh=Doc(
        "定性指标的指标值不应是数字",
        what="指标表中指标性质为“定性”的一行，其指标值应为文字（提高、良好、持续有效）；"
        "若为数字（“定性 100 %”“定性 4 座”），则指标性质或指标值有一处填错。",
        why="定性指标无法按数字判断是否完成，按数字填写的定性指标也无从核对其得分。",
    ),
    en=Doc(
        "A qualitative indicator's target is not a number",
        what="An indicator row whose 指标性质 is 定性 states its target in words (提高, 良好); a "
        'number there ("定性 100 %") means its 指标性质 or its target was filled in wrongly.',
        why="Whether a qualitative target was met cannot be judged by a number, nor the row's "
        "score checked against one.",
    ),
)


def qualitative_with_number(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not holds.target_indicators(table):
            continue
        for row in table.indicators:
            if row.comparator != "qualitative":
                continue
            ref = row.cells.get("target")
            if row.target_value is None or ref is None:
                ctx.held(QUALITATIVE_NUMBER)
                continue
            stated = Operand.from_cell(row.target or "", row.target_value, ref)
            cell = row.cells.get("comparator")
            label = [
                Evidence(
                    role="label",
                    text="定性",
                    location=EvidenceLocation(
                        table_id=c.table_id, row=c.row, col=c.col, line=c.line, page=c.page
                    ),
                )
                for c in ([cell] if cell else [])
            ]
            ctx.violated(
                QUALITATIVE_NUMBER,
                "warning",
                stated,
                label,
                f"{table.project or table.title}「{row.level3 or '该指标'}」：指标性质为定性，"
                f"指标值却为数字 {row.stated_target()}",
            )


FAMILIES = [qualitative_with_number]
