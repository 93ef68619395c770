"""Identity and completeness: template placeholders left in, one period-end year throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.checks.findings import Count
from budgetlens.pipeline import check_document

from .conftest import seed_findings

# 000 l.10, l.183, l.382: the report's period-end dates, as printed
DATES = (
    "2024年部门预算绩效评价报告\n"
    "（3） 人员概况\n"
    "截至2024年末，办公室共有编制113名，其中行政编制44名、事业编制63名、行政工勤编制6名。\n"
    "3.项目实施。本项目资金预算申报739.76万元，实际到位665.97万元，资金到位率90.02%；"
    "截至2024年12月31日，本项目实际支出资金665.97万元，预算执行率90.02%。\n"
    "截至2024年12月31日，派驻纪检组工作经费项目实际支出资金18.05万元。\n"
    "截止2024年底，电梯安装项目已完成验收。\n"
)


def _identity(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    ledger = result.ledger.families.get("identity", Count())
    return [f for f in result.findings if f.family == "identity"], ledger


def test_a_blank_year_left_in_a_document_number_is_warned():
    """001 l.1274, a 原因 cell of a 自评表: "渠县财政局渠财建【】218号追加资金5.10万元"."""
    (finding,) = [f for f in seed_findings("001") if f.rule_id == "PLACEHOLDER.left_in"]
    assert (finding.severity, finding.stated, finding.line) == ("warning", "【】", 1274)
    assert finding.evidence[0].location.table_id is not None


def test_the_word_seeds_have_no_placeholder_and_one_period():
    """(002's two reports titled with another year than the 附件 list names them are
    YEAR.report_named_twice's, also of this family.)"""
    rules = ("PLACEHOLDER.left_in", "YEAR.period_end")
    for seed in ("000", "002", "004"):
        assert not [f for f in seed_findings(seed) if f.rule_id in rules]


@pytest.mark.parametrize(
    ("placeholder", "stated"),
    [
        ("XX局", "XX"),
        ("20XX年", "20XX"),
        ("××县", "××"),
        ("xx万元", "xx"),
        ("【 】", "【】"),  # the reader drops the space between brackets
        ("此处填写", "此处填写"),
        ("（单位名称）", "（单位名称）"),
        ("请填写", "请填写"),
    ],
)
def test_placeholders_of_the_template_are_warned(tmp_path: Path, placeholder: str, stated: str):
    text = DATES.replace("办公室共有编制", f"{placeholder}共有编制")
    found, _ = _identity(tmp_path, text)
    (finding,) = found
    assert finding.rule_id == "PLACEHOLDER.left_in"
    assert finding.stated == stated and finding.line == 3


@pytest.mark.parametrize(
    "text",
    [
        "单位名称：渠县商务局",  # a label with its value
        "该项指标得分=[1-(实际完成时间-计划完成时间)÷计划完成时间]×100%×3",  # one ×
        "项目代码51172523T000008464400",  # Latin letters in a code
        "采购XXL型号设备",  # a Latin word
    ],
)
def test_what_only_looks_like_a_placeholder_holds(tmp_path: Path, text: str):
    found, ledger = _identity(tmp_path, DATES + text + "\n")
    assert found == [] and ledger.failed == 0


def test_one_period_end_of_another_year_is_warned(tmp_path: Path):
    text = DATES.replace("截止2024年底", "截止2023年底")
    found, ledger = _identity(tmp_path, text)
    (finding,) = found
    assert finding.rule_id == "YEAR.period_end"
    assert (finding.stated, finding.computed, finding.line) == ("2023", "2024", 6)
    assert [e.location.line for e in finding.evidence] == [6, 3]
    assert ledger.passed >= 3


def test_a_period_the_dates_do_not_agree_on_is_not_checked(tmp_path: Path):
    text = DATES.replace("截止2024年底", "截止2023年底").replace("截至2024年末", "截至2023年末")
    found, ledger = _identity(tmp_path, text)
    assert found == [] and ledger.not_checked == 4


def test_placeholders_of_one_passage_are_one_finding(tmp_path: Path):
    """A template passage left unfilled is one omission: 采购金额XX万元，其中货物XX万元."""
    text = DATES.replace("办公室共有编制", "采购金额XX万元，其中货物XX万元，办公室共有编制")
    (finding,), _ = _identity(tmp_path, text)
    assert [e.text for e in finding.evidence] == ["XX", "XX"]
    assert finding.evidence[0].location.start < finding.evidence[1].location.start
