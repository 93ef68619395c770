"""Money in the self-evaluation tables: what was spent stays within the year's budget."""

from __future__ import annotations

from pathlib import Path

from budgetlens.checks import run_checks
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document

from .conftest import SEEDS, seed_findings

RULE = "RATE.executed_within_budget"


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


LAYOUT = Path(__file__).parent / "layouts" / "selfeval_run_into_score_sheet.txt"
RATE_SCORE = "SCORE.execution_rate_score"


def _rate_scores(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    return [f for f in result.findings if f.rule_id == RATE_SCORE], result.ledger


def test_a_budget_score_off_the_formula_the_report_prints_is_an_error(tmp_path: Path):
    """The national template's 年度资金总额 line: 分值 10, 执行率 95.00%, 得分 9.5; the report
    prints 得分=执行率×分值 in its prose, or in its score sheet's 评分方法."""
    text = LAYOUT.read_text(encoding="utf-8")
    note = text.replace(
        "附件：项目支出绩效自评表", "说明：预算执行得分=执行率×分值。\n\n附件：项目支出绩效自评表"
    )
    found, ledger = _rate_scores(tmp_path, note)
    assert found == [] and ledger.families["scores"].passed >= 1
    (finding,) = _rate_scores(tmp_path, note.replace("95.00%\n\t9.5\n", "95.00%\n\t10\n"))[0]
    assert (finding.severity, finding.stated, finding.computed) == ("error", "10", "9.5")
    assert [e.text for e in finding.evidence] == ["10", "10", "95.00%", "执行率×分值"]
    in_sheet = text.replace("按比例得分", "得分=预算执行率×分值").replace(
        "95.00%\n\t9.5\n", "95.00%\n\t10\n"
    )
    (finding,) = _rate_scores(tmp_path, in_sheet)[0]
    assert finding.evidence[-1].location.table_id is not None


def test_a_budget_score_is_not_judged_where_no_formula_is_printed(tmp_path: Path):
    """Counties that score the rate by bands (≥ 90% full marks) print no formula."""
    text = LAYOUT.read_text(encoding="utf-8").replace("95.00%\n\t9.5\n", "95.00%\n\t10\n")
    assert _rate_scores(tmp_path, text)[0] == []
