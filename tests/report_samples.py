"""Hand-built check results for the reviewer's report: hostile text, overlapping evidence, a
model that failed."""

from __future__ import annotations

from budgetlens.checks.findings import Evidence, EvidenceLocation, Finding, Ledger
from budgetlens.claims.model import ParagraphUse
from budgetlens.document import Cell, Document, Heading, Location, Paragraph, Table
from budgetlens.pipeline import CheckResult
from budgetlens.tables.schemas import Extraction, ModelTotals

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _result(blocks: list, findings: list[Finding], source: str = "report.txt") -> CheckResult:
    document = Document(source=source, format="text-word", sha256="0" * 64, blocks=blocks)
    ledger = Ledger()
    for finding in findings:
        ledger.record(finding.rule_id, finding.tier)
    ledger.record("SHARE.part_of_total", "pass")
    extraction = Extraction(source=source, sha256="0" * 64, backend="rules", tables=[])
    return CheckResult(document, extraction, [], findings, ledger)


def _at(block_id: str, start: int, end: int, line: int) -> EvidenceLocation:
    return EvidenceLocation(block_id=block_id, start=start, end=end, line=line)


def hostile() -> CheckResult:
    """A report whose every text field carries markup that must show as text."""
    paragraph = f"收入合计 100 万元，{SCRIPT} 其中 {IMG} 占 60%。"
    share = paragraph.index("60%")
    cell = f"{IMG}{SCRIPT}"
    table = Table(
        id="t1",
        text=f"自评表 {SCRIPT}",
        location=Location(line_start=3, line_end=4),
        n_rows=2,
        n_cols=2,
        cells=[
            Cell(row=0, col=0, text="指标"),
            Cell(row=0, col=1, text=cell),
            Cell(row=1, col=0, text='"><b onmouseover=alert(1)>'),
            Cell(row=1, col=1, text="60"),
        ],
    )
    finding = Finding(
        rule_id="SHARE.part_of_total",
        rule_version=1,
        severity="error",
        tier="mismatch",
        message=f"{IMG} 占比 60% ≠ {SCRIPT}",
        stated="60%",
        computed="50",
        evidence=[
            Evidence(role="stated", text="60%", location=_at("p1", share, share + 3, 2)),
            Evidence(
                role="operand", text=cell, location=EvidenceLocation(table_id="t1", row=0, col=1)
            ),
        ],
        line=2,
    )
    blocks = [
        Heading(id="h1", text=f"报告 {SCRIPT}", level=0, location=Location(line_start=1)),
        Paragraph(id="p1", text=paragraph, location=Location(line_start=2)),
        table,
    ]
    result = _result(blocks, [finding], source=f"{IMG}.txt")
    result.document.warnings.append(SCRIPT)
    return result


def overlapping() -> CheckResult:
    """Three findings whose evidence overlaps and nests in one paragraph, and shares a cell."""
    text = "支出合计 3081.49 万元，其中基本支出 2871.49 万元，占 93.19%。"
    total, part, share = (text.index(s) for s in ("3081.49", "2871.49", "93.19%"))

    def finding(rule: str, severity: str, tier: str, evidence: list[Evidence]) -> Finding:
        return Finding(
            rule_id=rule, rule_version=1, severity=severity, tier=tier,
            message=f"{rule} 检查", evidence=evidence,
        )  # fmt: skip

    findings = [
        finding(
            "SHARE.part_of_total",
            "error",
            "mismatch",
            [
                Evidence(role="stated", text="93.19%", location=_at("p1", share, share + 6, 1)),
                Evidence(role="operand", text="2871.49", location=_at("p1", part, part + 7, 1)),
                Evidence(role="operand", text="3081.49", location=_at("p1", total, total + 7, 1)),
            ],
        ),
        # overlaps the first's "2871.49" and reaches into the text after it
        finding(
            "RESTATE.same_amount",
            "warning",
            "suspect_rounding",
            [
                Evidence(
                    role="stated", text="2871.49 万元", location=_at("p1", part, part + 10, 1)
                ),
                Evidence(
                    role="operand",
                    text="2871.49",
                    location=EvidenceLocation(table_id="t1", row=1, col=1),
                ),
            ],
        ),
        # nested inside the first's "3081.49", plus a cell the second also uses
        finding(
            "FOOT.parts",
            "info",
            "rounding",
            [
                Evidence(role="stated", text="81", location=_at("p1", total + 2, total + 4, 1)),
                Evidence(
                    role="operand",
                    text="2871.49",
                    location=EvidenceLocation(table_id="t1", row=1, col=1),
                ),
            ],
        ),
    ]
    table = Table(
        id="t1",
        text="支出决算表",
        location=Location(line_start=2),
        n_rows=2,
        n_cols=2,
        cells=[
            Cell(row=0, col=0, text="项目", col_span=2),
            Cell(row=1, col=0, text="基本支出"),
            Cell(row=1, col=1, text="2871.49"),
        ],
    )
    blocks = [Paragraph(id="p1", text=text, location=Location(line_start=1)), table]
    return _result(blocks, findings)


def read_with_a_failing_model() -> CheckResult:
    """``overlapping`` read with a model that answered one table and failed one paragraph."""
    result = overlapping()
    result.extraction.backend = "hybrid"
    result.extraction.llm = ModelTotals(
        model="qwen2.5-7b", tables_sent=2, tables_kept_rules=1, paragraphs_sent=3
    )
    failed = ParagraphUse(
        model="qwen2.5-7b",
        prompt="claims@1",
        status="not_reached",
        reason="backend hybrid",
        error="connection refused",
        block_id="p1",
    )
    result.llm_paragraphs.append(failed)
    return result
