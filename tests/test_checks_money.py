"""Money in the self-evaluation tables: what was spent stays within the year's budget."""

from __future__ import annotations

from budgetlens.checks import run_checks
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document

from .conftest import SEEDS, seed_findings

RULE = "MONEY.executed_within_budget"


def _overspent(keep_reason: bool):
    """001 with the 执行数 of a 自评表's 总额 line that gives a reason (原因) raised above its
    调整后预算数, the reason kept or blanked."""
    document = read_document(SEEDS["001"])
    total = next(
        line
        for t in extract_document(document).tables
        for line in getattr(t, "budget", [])
        if line.label == "总额"
        and line.values.get("note")
        and line.values.get("executed") not in (None, "0.00")
    )
    cells = {t.id: t for t in document.tables}

    def cell(name: str):
        ref = total.cells[name]
        return cells[ref.table_id].cell_at(ref.row, ref.col)

    cell("executed").text = "1" + cell("executed").text  # 193.51 → 1193.51
    if not keep_reason:
        cell("note").text = ""
    findings, _ = run_checks(document, extract_document(document), [])
    return [f for f in findings if f.rule_id == RULE], total


def test_spending_above_the_year_budget_with_no_reason_is_an_error():
    (finding,), total = _overspent(keep_reason=False)
    assert finding.severity == "error"
    assert finding.stated == "1" + total.values["executed"]
    assert finding.computed == total.values["adjusted"]
    assert [e.role for e in finding.evidence] == ["stated", "operand"]
    assert all(e.location.table_id for e in finding.evidence)
    assert "调整后预算数" in finding.message and "未说明原因" in finding.message


def test_spending_above_the_budget_explained_in_its_reason_cell_is_not_a_finding():
    found, _ = _overspent(keep_reason=True)
    assert found == []


def test_the_seeds_spend_within_their_budgets():
    for seed in ("000", "001", "002", "004"):
        assert not [f for f in seed_findings(seed) if f.rule_id == RULE], seed
