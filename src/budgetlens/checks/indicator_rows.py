"""An indicator row agrees with itself (DOMAIN.md §2): a row whose 指标性质 is 定性 states its
target in words (提高, 良好, 持续有效); a number there, with its unit, says the row is
quantitative and its 指标性质 wrong, or that a figure was filled into a qualitative row.

Rules (for the catalog):

- SCORE.qualitative_with_number — 指标性质为“定性”的指标，其指标值却是数字（“定性 100 %”）。
  A warning: which of the two cells is wrong is the reviewer's to say.
"""

from __future__ import annotations

from budgetlens.checks import holds
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.findings import Evidence, EvidenceLocation

QUALITATIVE_NUMBER = ("SCORE.qualitative_with_number", 1, "scores")  # 指标性质 vs 指标值


def qualitative_with_number(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not holds.target_indicators(table):
            continue
        for row in table.indicators:
            if row.comparator != "qualitative":
                continue
            ref = row.cells.get("target")
            if row.target_value is None or ref is None:
                ctx.held("scores")
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
                f"指标值却为数字 {row.target}{row.unit or ''}",
            )


FAMILIES = [qualitative_with_number]
