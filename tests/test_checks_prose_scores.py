"""Score arithmetic in the prose: allotments in headings, awards below them, the total."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.pipeline import check_document

# The 绩效分析 of a project report (DOMAIN.md §3 P4): allotments in the headings, awards in
# the sentences below; 54 = 18 + 36, 18 = 6 + 8 + 4, 100 = 54 + 30 + 16, 99 = 6+7+4+36+30+16.
ANALYSIS = """2023年西博会经费项目支出绩效自评报告
三、绩效分析
（一）通用指标绩效分析(54分）
1. 项目决策（18分）
（1）决策程序（6分）
项目立项程序规范，按规定履行了审批程序，该项指标得6分。
（2）资金管理（8分）
资金使用基本规范，扣1分，该项指标得7分。
（3）资金投向（4分）
资金投向合理，该项指标得4分。
2. 项目管理（36分）
项目管理规范，该项指标得36分。
（二）专用指标绩效分析（30分）
各项指标均完成，得30分。
（三）个性指标绩效分析（16分）
各项指标均完成，得16分。
四、评价结论
经评价，该项目绩效自评得分为99分。
"""

# 002 l.256-260: each 考核项's allotment, award and deduction in one sentence.
ASSESSMENT = """2022年度预算绩效管理工作自评报告
（一）指标分析
1．“基础管理”考核项，总分15分，自评得分15分，无扣分项。预算绩效管理基础工作较为扎实。
2．“过程管理”考核项，总分75分，自评得分72分，扣3分。主要是：
3．“培训宣传”考核项，总分10分，自评得分3分，扣7分，主要是：
"""


def _findings(tmp_path: Path, text: str, prefix: str = "SCORE.prose"):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    return [f for f in result.findings if f.rule_id.startswith(prefix)], result.ledger


def test_a_consistent_analysis_holds_every_relation(tmp_path: Path):
    found, ledger = _findings(tmp_path, ANALYSIS)
    assert found == []
    assert ledger.families["scores"].passed >= 10


def test_an_award_above_its_headings_allotment_is_an_error(tmp_path: Path):
    text = ANALYSIS.replace("资金投向合理，该项指标得4分", "资金投向合理，该项指标得6分")
    found, _ = _findings(tmp_path, text, "SCORE.prose_award_within")
    (finding,) = found
    assert finding.severity == "error"
    assert (finding.stated, finding.computed, finding.line) == ("6", "4", 10)
    assert [e.location.line for e in finding.evidence] == [10, 9]


def test_a_deduction_and_an_award_that_miss_the_allotment_are_an_error(tmp_path: Path):
    text = ANALYSIS.replace("扣1分，该项指标得7分", "扣2分，该项指标得7分")
    found, _ = _findings(tmp_path, text, "SCORE.prose_award_plus")
    (finding,) = found
    assert finding.severity == "error" and finding.computed == "9"
    assert {e.text for e in finding.evidence} == {"7", "8", "2"}


def test_a_section_allotment_its_items_do_not_add_up_to_is_an_error(tmp_path: Path):
    # "通用指标（52分）" over items adding to 54; the sections then share 98, not 100
    text = ANALYSIS.replace("通用指标绩效分析(54分）", "通用指标绩效分析(52分）")
    found, _ = _findings(tmp_path, text)
    by_rule = {f.rule_id: f for f in found}
    section = by_rule["SCORE.prose_allotments_add_up"]
    assert (section.severity, section.stated, section.computed) == ("error", "52", "54")
    hundred = by_rule["SCORE.prose_sections_total_100"]
    assert (hundred.severity, hundred.computed) == ("warning", "98")
    # the total is not judged against sections that do not share the 100 points
    assert "SCORE.prose_total_of_items" not in by_rule


def test_a_narrative_total_other_than_the_items_is_an_error(tmp_path: Path):
    text = ANALYSIS.replace("得分为99分", "得分为98分")
    (finding,), _ = _findings(tmp_path, text)
    assert finding.rule_id == "SCORE.prose_total_of_items"
    assert (finding.stated, finding.computed) == ("98", "99")
    assert len(finding.evidence) == 7  # the total and the six awards it was added from


def test_a_one_point_difference_is_not_rounding(tmp_path: Path):
    """Whole points are exact: 100 against items adding to 99 is a mismatch, not a note."""
    text = ANALYSIS.replace("得分为99分", "得分为100分")
    (finding,), _ = _findings(tmp_path, text)
    assert (finding.severity, finding.tier) == ("error", "mismatch")


def test_a_section_award_against_its_parts_is_judged_once(tmp_path: Path):
    """A section that states its own award is judged against its parts; the total then adds
    the section's stated award, so one wrong figure makes one finding."""
    text = ANALYSIS.replace("1. 项目决策（18分）", "通用指标共得52分。\n1. 项目决策（18分）")
    text = text.replace("得分为99分", "得分为98分")
    (finding,), _ = _findings(tmp_path, text)
    assert finding.rule_id == "SCORE.prose_awards_add_up"
    assert (finding.stated, finding.computed) == ("52", "53")


def test_a_heading_without_its_allotment_leaves_its_section_not_checked(tmp_path: Path):
    text = ANALYSIS.replace("（3）资金投向（4分）", "（3）资金投向")
    found, ledger = _findings(tmp_path, text)
    assert found == []
    assert ledger.families["scores"].not_checked >= 1


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ("自评得分72分，扣3分", "自评得分72分，扣4分", "SCORE.prose_award_plus_deductions"),
        ("总分15分，自评得分15分", "总分15分，自评得分16分", "SCORE.prose_award_within_allotment"),
    ],
)
def test_assessment_sentences_hold_and_their_variants_fire(tmp_path: Path, old, new, rule):
    assert _findings(tmp_path, ASSESSMENT)[0] == []
    found, _ = _findings(tmp_path, ASSESSMENT.replace(old, new))
    assert [f.rule_id for f in found] == [rule]


def test_a_deduction_that_states_a_scoring_rule_is_not_what_was_lost(tmp_path: Path):
    text = ASSESSMENT.replace("自评得分72分，扣3分", "自评得分72分，最多扣5分")
    found, ledger = _findings(tmp_path, text)
    assert found == []
    assert ledger.families["scores"].not_checked >= 1


@pytest.mark.parametrize(
    "total",
    [
        "评分结果为98分",
        "评价结果为98分",
        "自评分数为98分",
        "综合评分98分",
        "最终得分98分",
        "自评总分98分",
    ],
)
def test_other_counties_words_for_the_total_are_judged(tmp_path: Path, total: str):
    text = ANALYSIS.replace("该项目绩效自评得分为99分", f"该项目{total}")
    (finding,), _ = _findings(tmp_path, text)
    assert finding.rule_id == "SCORE.prose_total_of_items"
    assert (finding.stated, finding.computed) == ("98", "99")


# Parts scored in numbered paragraphs rather than headings, as other counties write them:
# 20 = 6 + 6 + 8; 100 = 20 + 20 + 40 + 20; 97 = 6 + 5 + 8 + 20 + 40 + 18.
RUN_IN = """2023年西博会经费项目支出绩效自评报告
三、绩效分析
（一）项目决策（20分）
1.决策程序（6分）。项目立项程序规范，按规定履行了审批程序，该项指标得6分。
2.目标设置（6分）。绩效目标明确，扣1分，得5分。
3.资金投向（8分）。资金投向合理，得8分。
（二）项目过程（20分）：项目管理规范，资金使用合规，得分20分。
（三）项目产出（40分）：各项产出指标均已完成，得分40分。
（四）项目效益（20分）：群众满意度达95%，得分18分。
四、评价结论
综上，该项目绩效自评得分为97分。
"""


def test_parts_scored_in_numbered_paragraphs_hold(tmp_path: Path):
    found, ledger = _findings(tmp_path, RUN_IN)
    assert found == [] and ledger.families["scores"].passed >= 9


@pytest.mark.parametrize(
    ("old", "new", "rules"),
    [
        ("得分为97分", "得分为96分", ["SCORE.prose_total_of_items"]),
        ("3.资金投向（8分）", "3.资金投向（9分）", ["SCORE.prose_allotments_add_up"]),
        # one award over its allotment is one finding: the total is then not judged
        ("得分18分", "得分22分", ["SCORE.prose_award_within_allotment"]),
    ],
)
def test_numbered_paragraphs_variants_fire(tmp_path: Path, old: str, new: str, rules):
    found, _ = _findings(tmp_path, RUN_IN.replace(old, new))
    assert [f.rule_id for f in found] == rules
