"""Shares in the prose: of a whole named after 占 ("占本年支出合计的99.13%"), and of every part
of a whole by its definition, which add up to 100%."""

from __future__ import annotations

from pathlib import Path

from budgetlens.pipeline import CheckResult, check_document

from .conftest import CORPUS

PARTS = "SHARE.complete_parts_100"
SHARE = "SHARE.part_of_total"


def _check(tmp_path: Path, body: str) -> CheckResult:
    path = tmp_path / "report.txt"
    path.write_text("某县水利局\n2023年度部门决算公开\n\n" + body + "\n", encoding="utf-8")
    return check_document(path)


def _found(result: CheckResult, rule: str) -> list:
    return [f for f in result.findings if f.rule_id == rule]


def test_shares_of_the_three_public_expenses_in_a_real_budget_do_not_make_100():
    """J01 (江苏省人大常委会办公厅 2017 预算, p.28): 222.5, 183.6 and 427.5万元 are "占“三公”经费的"
    8.75%, 7.22% and 16.81%: 32.78% in all, the shares of a larger whole than the three."""
    result = check_document(
        CORPUS / "realworld" / "J01_江苏省人大办公厅__江苏省人大办公厅2017年度预算公开.pdf"
    )
    (finding,) = _found(result, PARTS)
    assert (finding.severity, finding.page, finding.stated) == ("error", 28, "16.81%")
    assert [e.text for e in finding.evidence] == ["16.81%", "8.75%", "7.22%"]
    assert "= 84.03%" in finding.message


def test_a_bare_share_counts_for_the_whole_its_paragraph_opens_with(tmp_path: Path):
    body = (
        "基本支出决算情况说明：2023年度财政拨款基本支出决算为500.00万元，其中：人员经费440.00万元，"
        "占{a}；公用经费60.00万元，占12.00%。"
    )
    held = _check(tmp_path, body.format(a="88.00%"))
    assert not _found(held, PARTS) and held.ledger.rules[PARTS].passed == 1
    (finding,) = _found(_check(tmp_path, body.format(a="86.00%")), PARTS)
    assert finding.stated == "12.00%" and finding.message.endswith("= 14%")


def test_shares_of_some_parts_only_are_not_judged(tmp_path: Path):
    result = _check(
        tmp_path,
        "“三公”经费财政拨款支出决算为12.40万元。其中：公务用车购置及运行费9.30万元，占“三公”经费的"
        "75.00%；公务接待费3.10万元，占“三公”经费的5.00%。",
    )
    assert not _found(result, PARTS) and PARTS not in result.ledger.rules


def test_rounding_of_each_share_is_only_a_note(tmp_path: Path):
    # 1/3 each, printed to two places: 33.33 × 3 = 99.99
    result = _check(
        tmp_path,
        "“三公”经费财政拨款支出决算为3.00万元。其中：因公出国（境）费1.00万元，占“三公”经费的33.33%；"
        "公务用车购置及运行费1.00万元，占“三公”经费的33.33%；公务接待费1.00万元，占“三公”经费的33.33%。",
    )
    (note,) = _found(result, PARTS)
    assert (note.severity, note.tier) == ("info", "rounding")


def test_a_share_of_a_named_whole_is_judged_against_it_as_a_warning(tmp_path: Path):
    body = (
        "2023年度本年支出合计800.00万元。财政拨款支出中，基本支出600.00万元，占本年支出合计的{s}。"
    )
    held = _check(tmp_path, body.format(s="75.00%"))
    assert not _found(held, SHARE) and held.ledger.rules[SHARE].passed >= 1
    (finding,) = _found(_check(tmp_path, body.format(s="70.00%")), SHARE)
    assert finding.severity == "warning" and finding.stated == "70.00%"
    assert [e.text for e in finding.evidence] == ["70.00%", "600.00", "800.00"]
