"""Ways other counties print what the samples print otherwise, each read and checked as the
samples' way is: a target with its comparator and unit in one cell, a 决算 item paragraph
with both its budget and its outturn, a 决算 whose only period-end date is another year."""

from __future__ import annotations

from pathlib import Path

from budgetlens.pipeline import CheckResult, check_document
from budgetlens.tables import schemas as s

DATA = Path(__file__).parent / "data"
# a 自评表 that prints "≥52户" in its 指标值 column: no 指标性质 or 度量单位 column
SELF_EVALUATION = (DATA / "selfeval_inline_targets.txt").read_text(encoding="utf-8")


def _check(tmp_path: Path, text: str) -> CheckResult:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return check_document(path)


def _found(result: CheckResult, rule: str) -> list:
    return [f for f in result.findings if f.rule_id == rule]


def test_a_target_cell_with_its_comparator_and_unit_is_read_as_the_three(tmp_path: Path):
    result = _check(tmp_path, SELF_EVALUATION.format(actual="85户"))
    (table,) = [t for t in result.extraction.tables if isinstance(t, s.T3ProjectSelfEvaluation)]
    first = table.indicators[0]
    assert (first.comparator, first.target, first.unit) == (">=", "≥52户", "户")
    assert first.target_value.value == 52 and first.actual_value.value == 85
    assert table.indicators[1].comparator == ">=" and table.indicators[1].unit == "%"
    assert not _found(result, "SCORE.full_marks_on_missed_target")
    assert result.ledger.rules["SCORE.full_marks_on_missed_target"].passed == 3


def test_full_marks_on_a_target_missed_in_that_form_are_warned(tmp_path: Path):
    result = _check(tmp_path, SELF_EVALUATION.format(actual="45户"))
    (finding,) = _found(result, "SCORE.full_marks_on_missed_target")
    assert finding.message == "支持服务业企业户数：目标 ≥52户，实际完成 45户，却得满分 30"


def test_the_total_rows_weight_is_its_rows_and_the_budget_line(tmp_path: Path):
    """The 合计 row's 100 is the rows' weights and the budget line's 10; the heading
    "绩效指标（90 分）" is the rows' weights alone."""
    held = _check(tmp_path, SELF_EVALUATION.format(actual="85户"))
    assert held.ledger.rules["FOOT.weight_total_row"].passed == 2
    broken = SELF_EVALUATION.format(actual="85户").replace(
        "≥90%	95%	30	30", "≥90%	95%	20	20"
    )
    heading, total = _found(_check(tmp_path, broken), "FOOT.weight_total_row")
    assert heading.message.endswith("「90分」的绩效指标，各指标分值之和为 30 + 30 + 20 = 80")
    assert total.message.endswith("30 + 30 + 20 + 10 = 90")
    assert heading.evidence[0].text == "90" and heading.severity == "error"


# a 决算 whose item paragraphs print a budget and an outturn, or the outturn alone
FINAL_ACCOUNTS = (DATA / "final_accounts_item_paragraphs.txt").read_text(encoding="utf-8")


def test_an_item_paragraphs_outturn_is_its_part_and_its_rate_is_judged(tmp_path: Path):
    held = _check(tmp_path, FINAL_ACCOUNTS.format(rate="90.00%"))
    assert held.ledger.rules["RATE.actual_over_budget"].passed == 2
    assert "FOOT.parts_add_up_to_total" not in held.ledger.rules  # no shares: not complete
    (finding,) = _found(
        _check(tmp_path, FINAL_ACCOUNTS.format(rate="92.00%")), "RATE.actual_over_budget"
    )
    assert finding.stated == "92.00%" and "180.00 ÷ 全年预算数 200.00" in finding.message


def test_an_items_parity_word_is_not_judged_against_the_item_above(tmp_path: Path):
    """水土保持 prints no budget: its "持平" says nothing about 防汛's 180 against 200."""
    result = _check(tmp_path, FINAL_ACCOUNTS.format(rate="90.00%"))
    assert not _found(result, "WORD.named_comparison")


def test_a_period_end_in_another_year_than_the_final_accounts_title_is_warned(tmp_path: Path):
    text = "某县水利局\n2024年度部门决算\n\n国有资产占用情况\n截至{year}年12月31日，共有车辆2辆。\n"
    (finding,) = _found(_check(tmp_path, text.format(year=2023)), "YEAR.period_end")
    assert finding.severity == "warning" and "标题为 2024 年度决算" in finding.message
    assert not _found(_check(tmp_path, text.format(year=2024)), "YEAR.period_end")
    budget = text.replace("部门决算", "部门预算")  # a 预算's assets are the year before's
    assert not _found(_check(tmp_path, budget.format(year=2023)), "YEAR.period_end")
