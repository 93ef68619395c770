"""A rate of change printed with the two amounts and no change amount ("2025年当年预算执行数为
77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%"): judged against them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from budgetlens.pipeline import CheckResult, check_document

from .conftest import CORPUS

RULE = "CHANGE.rate_of_prior"


@cache
def _h7() -> CheckResult:
    return check_document(CORPUS / "realworld" / "H7_dept_budget.pdf")


def _named_prior(result: CheckResult) -> list:
    return [
        f
        for f in result.findings
        if f.rule_id == RULE and "当年预算执行数" in f.message and f.severity != "info"
    ]


def test_rates_off_their_two_amounts_in_a_real_budget_are_warned():
    """H7 (普陀区司法局 2026 预算, p.9) prints three: 3845.49 over 43269.3 "增加17.62%" (the
    执行数 has a digit too many: 3269.3 gives 17.62%), 91.97 over 77.99 "增加17.66%" (17.93%),
    201.50 over 198.34 "增加5.27%" (the item's own 208.8 gives 5.27%); a truncated 2.21% for
    2.2162% is a note."""
    found = _named_prior(_h7())
    assert [(f.severity, f.stated) for f in found] == [
        ("warning", "17.62%"),
        ("warning", "17.66%"),
        ("warning", "5.27%"),
    ]
    assert all(f.page == 9 and len(f.evidence) == 3 for f in found)
    assert (
        "增加 17.66% ≠ （91.97 − 当年预算执行数 77.99）÷ 77.99，即增加 17.9254%" in found[1].message
    )


def test_a_rate_that_follows_from_its_two_amounts_passes(tmp_path: Path):
    text = (
        "某区民政局\n2026年度部门预算\n\n"
        "1、社会保障和就业支出（类）民政管理事务（款）行政运行（项）57.8万元。2025年当年预算执行数为"
        "59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.22%。\n"
        "2、住房保障支出（类）住房改革支出（款）住房公积金（项）91.97万元。2025年当年预算执行数为"
        "77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%。\n"
    )
    path = tmp_path / "budget.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    (finding,) = _named_prior(result)
    assert finding.stated == "17.66%"
    assert result.ledger.rules[RULE].passed == 1
