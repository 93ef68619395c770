"""Rounds 12 and 13 of the examiner documents: what a first look missed or flagged wrongly,
made general (carry-overs said to be none, numbered lists of parts, transposed digits, a
comparison that names nothing, scoring criteria, targets said to be exceeded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.checks.transpositions import swapped
from budgetlens.pipeline import check_document

from .conftest import CORPUS, seed_findings

EXAMINER = CORPUS.parent / "corpus" / "examiner"


def _found(tmp_path: Path, text: str, rule: str) -> list:
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    return [f for f in check_document(report).findings if f.rule_id == rule]


DEPARTMENT = """某县人力资源和社会保障局
2024年度部门决算

一、收入支出决算总体情况说明
2024年度收入总计、支出总计均为500.00万元。其中本年收入合计480.00万元，年初结转和结余20.00万元；本年支出合计470.00万元，年末结转和结余30.00万元。

附件1
某县人力资源和社会保障局2024年度部门整体支出绩效自评报告

（三）结转结余情况。本部门2024年度资金已全部支出完毕，{said}。
"""


@pytest.mark.parametrize("said", ["年末无结转和结余资金", "年末结转结余0万元"])
def test_a_department_saying_it_carried_nothing_is_held_to_its_decision(tmp_path, said):
    """The 部门整体 report answers for the department's 决算: 30.00 carried at the year end."""
    (finding,) = _found(tmp_path, DEPARTMENT.format(said=said), "RESTATE.none_stated_but_amount")
    assert finding.severity == "error" and finding.line == 10
    assert [e.text for e in finding.evidence][1:] == ["30.00"]


def test_nothing_carried_into_the_year_is_not_the_year_end_carry_over(tmp_path):
    """ "年初无结转" is about the start of the year; the 决算's 30.00 is at its end."""
    text = DEPARTMENT.replace("年初结转和结余20.00万元", "年初无结转和结余").format(said="运转正常")
    assert not _found(tmp_path, text, "RESTATE.none_stated_but_amount")


def test_a_self_evaluation_note_saying_nothing_is_left_is_held_to_its_own_rows():
    """county_n l.399: the 执行偏差说明 cell says "无结转资金" under 2045.60 budgeted and 2027.43
    spent; a warning, the table's own arithmetic."""
    found = check_document(EXAMINER / "county_n" / "report.txt").findings
    rule = "RESTATE.none_stated_but_amount"
    (finding,) = [f for f in found if f.rule_id == rule and f.line == 399]
    assert finding.severity == "warning" and "尚余 18.17" in finding.message


NUMBERED = """某省某办公厅
2017年度部门预算

十、一般公共预算机关运行经费支出预算表说明
2017年一般公共预算机关运行经费支出预算300.00万元。其中：
（1）办公费（款）支出100.00万元。用于购买办公用品。
（2）差旅费（款）支出{travel}万元。用于出差。
（3）会议费（款）支出50.00万元。用于召开会议。
十一、其他说明
"""


def test_numbered_classified_lines_below_a_total_add_up_to_it(tmp_path):
    """Lines by classification ((款)) in paragraphs of their own are the whole list."""
    text = NUMBERED.format(travel="105.00")
    (finding,) = _found(tmp_path, text, "FOOT.parts_add_up_to_total")
    assert "300.00 ≠ 各组成部分之和 100.00 + 105.00 + 50.00" in finding.message
    assert not _found(tmp_path, NUMBERED.format(travel="150.00"), "FOOT.parts_add_up_to_total")


def test_parts_after_several_counts_are_not_given_to_the_first(tmp_path):
    """ "全体会议1次，常委会议4次，主席会议12次。其中专题议政性常委会议2次…": the parts belong to
    the later counts, which the words do not say of each; nothing is judged."""
    text = (
        "某省某办公厅\n2017年度部门预算\n\n一、工作任务\n全年计划召开全体会议1次，常委会议4次，"
        "主席会议12次。其中专题议政性常委会议2次，主席专题协商会议2次。\n"
    )
    assert not _found(tmp_path, text, "FOOT.parts_add_up_to_total")


def test_digits_swapped_are_told_from_other_differences():
    assert swapped("284637", "286437")
    assert not swapped("284637", "284673" + "0")  # another length
    assert not swapped("284637", "284638")  # one digit changed
    assert not swapped("2846", "6842")  # not neighbours
    assert not swapped("212", "221")  # too short to tell from two figures


def test_a_transposed_figure_with_another_name_is_not_linked(tmp_path):
    text = (
        "某县教育局\n2024年度部门决算\n\n一、说明\n本年政府采购支出总额2846.37万元。\n\n"
        "二、资产\n年末固定资产原值2864.37万元。\n"
    )
    assert not _found(tmp_path, text, "RESTATE.transposed_digits")


def test_a_comparison_that_names_nothing_is_about_the_figure_its_change_implies(tmp_path):
    """county_n l.20: "…年末财政拨款结转和结余69.82万元。比2023年度的4498.20万元增加293.39万元":
    the change is the 收、支总计's (4791.59 − 4498.20), not the carry-over's."""
    found = check_document(EXAMINER / "county_n" / "report.txt").findings
    assert not [f for f in found if f.line == 20 and f.rule_id.startswith("CHANGE.")]


def test_a_text_exports_rows_one_column_right_of_their_header_are_read():
    """county_t's 自评表: "预算执行情况 | 年度预算数(万元) | 年初预算…" over
    " | | 总额 | 180.00…"."""
    result = check_document(EXAMINER / "county_t" / "report.txt")
    (table,) = [t for t in result.extraction.tables if t.project and "人居环境" in t.project]
    total = table.budget[0]
    assert (total.label, total.values["adjusted"], total.values["executed"]) == (
        "总额",
        "196.50",
        "192.28",
    )


def _examiner(county: str, rule: str) -> list:
    found = check_document(EXAMINER / county / "report.txt").findings
    return [f for f in found if f.rule_id == rule]


def test_an_award_above_what_its_criterion_gives_for_the_rate_in_its_row_is_an_error():
    """county_q's 计分表: "为100%的计2分，每低于1个百分点扣0.1分" and, in the 依据 cell,
    "执行率91.82%": at most 1.2, awarded 2."""
    (finding,) = _examiner("county_q", "SCORE.criterion_applied")
    assert finding.severity == "error" and "至多 1.2 分，实得 2 分" in finding.message
    assert [e.text for e in finding.evidence] == [
        "2",
        "为100%的计2分，每低于1个百分点扣0.1分",
        "执行率91.82%",
    ]


def test_a_rate_taken_from_the_prose_for_a_criterion_gives_a_warning():
    """county_p: the row prints no rate; the report's "部门预算执行率为93.19%" is linked by name."""
    (finding,) = _examiner("county_p", "SCORE.criterion_applied")
    assert finding.severity == "warning" and "93.19%" in finding.message


def test_a_criterion_that_scores_part_of_an_item_is_not_judged():
    """002 l.1039: "为100%的计2分…" under an item allotted 4: the rule is one of its parts."""
    assert not [f for f in seed_findings("002") if f.rule_id == "SCORE.criterion_applied"]


def test_a_share_of_a_target_is_not_a_claim_to_have_met_it():
    """county_s l.684: "排查整治事故隐患54处，完成年度目标60处的90.00%" says how much, not that."""
    assert not _examiner("county_s", "WORD.target_comparison")
    (finding,) = _examiner("county_o", "WORD.target_comparison")
    assert finding.line == 579 and "1628名“超过”目标 1650人" in finding.message


def test_a_scores_noted_maximum_is_not_the_allotment_of_the_scores_after_it():
    """county_k l.131: "…得分为85.17分（满分90分），…项目绩效自评得分99.85分…95.04分": the
    projects' totals are held to their own 自评表s, not to the department's 90."""
    assert not _examiner("county_k", "SCORE.prose_award_within_allotment")
    (finding,) = [f for f in _examiner("county_k", "RESTATE.score_total") if f.line == 131]
    assert "95.04 分 ≠" in finding.message and "98.04 分" in finding.message


def test_a_list_whose_last_names_follow_yiji_counts_them_all(tmp_path):
    text = (
        "某县住房和城乡建设局\n2024年度部门决算\n\n一、部门基本情况\n纳入决算编制范围的单位共3个，"
        "即某县住房和城乡建设局机关本级以及所属事业单位某县城乡建设服务中心、某县房地产事务中心。\n"
    )
    assert not _found(tmp_path, text, "COUNT.listed_items")


def test_a_section_total_is_held_to_the_allotment_it_names_or_else_the_sections():
    """county_i l.127: "…编制准确（10分）…得9分。该项合计29分" is 预算编制's (30), not 编制准确's;
    county_k l.821: "数量指标合计得29分" is 数量指标's (30), not 产出指标's (50)."""
    assert not _examiner("county_i", "SCORE.prose_award_within_allotment")
    assert not _examiner("county_k", "SCORE.prose_total_of_items")


def test_money_left_over_returned_is_no_budget_cut():
    """county_i l.738: "结余1.08万元已由财政收回" under 60.00 budgeted and 60.00 adjusted."""
    assert not _examiner("county_i", "WORD.budget_adjustment_note")


def test_a_per_head_figure_is_the_total_over_the_count_its_sentence_prints():
    """county_i l.131: 64.55万元 over 25 在职人员 is 2.58, printed 2.85."""
    (finding,) = _examiner("county_i", "RATE.per_unit")
    assert finding.line == 131 and "= 2.582万元" in finding.message


def test_a_count_of_indicators_may_be_the_score_sheets():
    """county_j l.244: "设置13个三级指标，逐项对照评分" counts the 自评得分表's 13 items, not the
    target table's 12."""
    assert not _examiner("county_j", "COUNT.indicators")


def test_a_table_cell_broken_onto_a_line_of_its_own_stays_in_its_table():
    """county_j l.431: a 偏差原因 cell goes on at "下一步将实行按月审核、按月拨付。", a line with no
    TAB; the rows below it are the same 自评表's."""
    result = check_document(EXAMINER / "county_j" / "report.txt")
    (table,) = [t for t in result.extraction.tables if t.project and "城乡医疗救助" in t.project]
    assert len(table.indicators) == 10
    assert table.indicators[4].note.endswith("按月拨付。")


def test_sections_whose_own_points_ocr_split_are_not_held_to_100():
    """county_j: "### （一）投入管理（2 0 分）" over items of 5 + 10 + 5: the section's points are
    printed, unreadably, so its items are no report's top level."""
    assert not _examiner("county_j", "SCORE.prose_sections_total_100")


def test_counted_parts_that_end_in_a_catch_all_are_the_whole_list(tmp_path):
    """county_j l.168: "共有车辆3辆，其中：…执法执勤用车1辆…其他用车1辆": with "其他", every vehicle
    is in some part; 0 + 0 + 0 + 1 + 0 + 1 is not 3. Without it the list may be partial."""
    text = (
        "某县医疗保障局\n2024年度部门决算\n\n（三）国有资产占有使用情况\n截至2024年12月31日，本局共有车辆"
        "3辆，其中：机要通信用车0辆、执法执勤用车1辆、{last}1辆。\n"
    )
    (finding,) = _found(tmp_path, text.format(last="其他用车"), "FOOT.parts_add_up_to_total")
    assert "3 ≠ 各组成部分之和 0 + 1 + 1" in finding.message
    assert not _found(tmp_path, text.format(last="应急保障用车"), "FOOT.parts_add_up_to_total")


def test_a_total_at_a_standard_rate_is_the_rate_times_the_quantity(tmp_path):
    """county_j l.447: "资助参保11856人，统一按每人每年200元标准定额资助，资助参保资金合计
    213.41万元" (237.12万元); with two quantities in that unit, which one the rate multiplies is
    unsaid."""
    (finding,) = [f for f in _examiner("county_j", "RATE.unit_price_product") if f.line == 447]
    assert "= 237.12万元" in finding.message
    text = (
        "某县医疗保障局\n2024年度医疗救助资金项目支出绩效自评报告\n\n三、绩效目标完成情况\n"
        "资助参保11856人、直接救助9432人，统一按每人每年200元标准定额资助，资助参保资金合计213.41万元。\n"
    )
    assert not _found(tmp_path, text, "RATE.unit_price_product")
