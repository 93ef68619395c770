"""Rounds 15 and 16 of the examiner documents: what the first looks missed or flagged wrongly,
made general. Round 15 (a 市场监督管理局 as OCR, a 退役军人事务局, the real J17's statements):
budgets adjusted during the year, monthly rates, a part's own rate, the money left over as a
rate's amount, one part over its whole, outlines and 小计 groups, each column of a 收支总表,
statement numbers. Round 16 (a 自然资源和规划局, a 镇人民政府, the real J03's statements): totals
"由…构成", the side a comparison names in full, two breakdowns of one fund total, the fleet
counted twice, a prose balance, a title naming the wrong classification, a comparison about the
figure its rate implies, classified lines footing the 决算 they print."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.pipeline import check_document

from .conftest import CORPUS, findings_of

EXAMINER = CORPUS.parent / "corpus" / "examiner"
HEAD = "某县某局\n2024年度某项目支出绩效自评报告\n\n一、项目概况\n"


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("项目年初预算120.00万元，年中追加25.00万元，全年预算150.00万元。", True),
        ("项目年初预算120.00万元，年中追加30.00万元，全年预算150.00万元。", False),
        # a carry-over used is money added too (county_i l.360)
        ("项目年初预算150.00万元，使用2022年结转资金18.64万元，年中追加15.00万元，"
         "调整后预算183.64万元。", False),
        # the 年初 budget's own parts after 其中 are not added (county_t l.478)
        ("项目年初预算180.00万元，其中财政资金150.00万元、其他资金30.00万元；年中追加16.50万元，"
         "调整后预算196.50万元。", False),
        ("项目年初预算200.00万元，年中调减20.00万元，调整后预算170.00万元。", True),
    ],
)  # fmt: skip
def test_a_budget_adjusted_during_the_year_adds_up(tmp_path, sentence, fires):
    found, ran = findings_of(tmp_path, HEAD + sentence + "\n", "CHANGE.budget_adjustment")
    assert bool(found) is fires and ran is not None and ran.run == 1


def test_an_amount_of_no_known_kind_between_leaves_the_adjustment_not_checked(tmp_path):
    text = (
        HEAD
        + "项目年初预算100.00万元，下达中央补助20.00万元，年中追加5.00万元，全年预算130.00万元。\n"
    )
    found, ran = findings_of(tmp_path, text, "CHANGE.budget_adjustment")
    assert not found and ran.not_checked == 1


@pytest.mark.parametrize(
    ("paid", "fires"),
    [("全年发放46.92万元", False), ("全年发放48.92万元", True), ("共发放3.91万元", None)],
)
def test_a_monthly_rate_pays_twelve_months_of_a_year(tmp_path, paid, fires):
    """county_g l.291: 850元 × 46人 × 12 = 46.92万元; a total not said to be the year's leaves
    the months unsaid: not checked."""
    text = HEAD + f"按每人每月850元标准，为46人发放，{paid}。\n"
    found, ran = findings_of(tmp_path, text, "RATE.unit_price_product")
    if fires is None:
        assert not found and ran.not_checked == 1
    else:
        assert bool(found) is fires
    if fires:
        assert "× 12个月 = 46.92万元" in found[0].message


def test_a_rate_with_a_thousands_separator_is_read(tmp_path):
    text = HEAD + "按每人每月1,050元标准，为128人发放，全年发放161.28万元。\n"
    found, ran = findings_of(tmp_path, text, "RATE.unit_price_product")
    assert not found and ran.passed == 1


def test_an_execution_rate_is_of_the_years_budget_when_both_are_printed(tmp_path):
    """county_g l.289."""
    text = HEAD + (
        "本项目年初预算580.00万元，追加40.00万元，全年预算620.00万元；"
        "全年实际支出598.40万元，预算执行率100%。\n"
    )
    found, _ = findings_of(tmp_path, text, "RATE.actual_over_budget")
    assert [f.computed for f in found] and "÷ 全年预算 620.00" in found[0].message


def test_a_parts_rate_is_not_taken_of_the_wholes_budget(tmp_path):
    """county_h l.463: "其中财政拨款执行104.85万元，执行率95.32%" is of the 财政拨款 budget."""
    text = HEAD + (
        "项目全年预算150.00万元，全年执行140.85万元，预算执行率93.90%。"
        "其中财政拨款执行104.85万元，执行率95.32%。\n"
    )
    found, _ = findings_of(tmp_path, text, "RATE.actual_over_budget")
    assert not found


def test_a_carry_over_rate_is_the_amount_left_over_over_the_budget(tmp_path):
    """county_g l.96: 15.60 ÷ 2386.54 = 0.65%."""
    text = (
        HEAD
        + "全年预算2386.54万元，支出决算2370.94万元。年末结转和结余15.60万元，结转结余率{r}。\n"
    )
    assert not findings_of(tmp_path, text.format(r="0.65%"), "RATE.shortfall_over_budget")[0]
    assert findings_of(tmp_path, text.format(r="0.56%"), "RATE.shortfall_over_budget")[0]


SMALL_FIRMS = (
    "某县某局\n2024年度部门决算\n\n一、政府采购\n授予中小企业合同金额281.20万元，占86.10%，"
    "其中：授予小微企业合同金额{small}万元。{more}\n"
)


def test_one_amount_listed_after_its_whole_is_not_more_than_it(tmp_path):
    """county_h l.198, county_i l.86."""
    rule = "FOOT.parts_add_up_to_total"
    (found,), _ = findings_of(tmp_path, SMALL_FIRMS.format(small="294.65", more=""), rule)
    assert "其中所列 294.65" in found.message
    assert not findings_of(tmp_path, SMALL_FIRMS.format(small="249.65", more=""), rule)[0]


def test_an_amount_after_the_list_ends_is_no_part(tmp_path):
    text = HEAD + "项目年初预算180.00万元，其中财政资金150.00万元；调整后预算196.50万元。\n"
    assert not findings_of(tmp_path, text, "FOOT.parts_add_up_to_total")[0]


def test_a_projects_own_execution_rate_in_prose_is_its_tables():
    """county_h l.451: "预算执行率100%" where the 检验检测 project's 自评表 prints 93.90%."""
    found = check_document(EXAMINER / "county_h" / "report.txt").findings
    rule = "RESTATE.project_budget_figure"
    (finding,) = [f for f in found if f.rule_id == rule and f.line == 451]
    assert "自评表执行率 93.90%" in finding.message


def test_statement_numbers_restarting_in_each_report_are_not_judged(tmp_path):
    """Seed 002 numbers each project report's 附表1, 附表2 afresh."""
    found = check_document(CORPUS / "samples" / "002_f0f952b4c08270c6.docx").findings
    assert not [f for f in found if f.rule_id == "COMPLETE.statement_numbering"]


def test_a_statements_number_and_unit_lines_are_no_cell_of_the_table_above(tmp_path):
    """Text exports: "公开02表", "单位：万元" between two tables are their captions."""
    from budgetlens.ingest import read_document

    example = Path(__file__).resolve().parents[1] / "src" / "budgetlens" / "checks" / "examples"
    document = read_document(example / "COMPLETE.statement_numbering" / "holds.txt")
    assert sum(b.kind == "table" for b in document.blocks) == 4


@pytest.mark.parametrize(
    ("folder", "words"),
    [
        ("jiangsu_cppcc_2018_planted", "办公设备购置费「总计」 300.00 ≠ 各项之和 283.8"),
        ("jiangsu_cppcc_2019_planted", "其他资金小计「金额」 80.00 ≠ 各项之和 8"),
    ],
)
def test_outlines_and_subtotal_groups_foot_and_hold_on_the_originals(folder, words):
    rule = "STMT.outline_total"
    planted = check_document(EXAMINER / folder / "planted.docx")
    assert [f.message for f in planted.findings if f.rule_id == rule and words in f.message]
    original = check_document(EXAMINER / folder / "original.docx")
    assert not [f for f in original.findings if f.rule_id == rule]
    assert original.ledger.rules[rule].passed >= 8


def test_a_total_said_to_be_made_of_its_parts_adds_up(tmp_path):
    """county_i l.676: "183.64万元由…150.00万元、…16.84万元和…15.00万元构成" makes 181.84."""
    text = HEAD + (
        "注：调整后预算数183.64万元由年初预算150.00万元、2022年结转资金{c}万元"
        "和年中追加资金15.00万元构成。\n"
    )
    rule = "FOOT.parts_add_up_to_total"
    assert findings_of(tmp_path, text.format(c="16.84"), rule)[0]
    assert not findings_of(tmp_path, text.format(c="18.64"), rule)[0]


def test_a_comparison_names_the_side_it_prints_in_full(tmp_path):
    """county_e l.105: "决算数大于调整后预算数" among 年初预算 120.00 and 调整后预算 168.36."""
    text = HEAD + (
        "一般行政管理事务（项）：年初预算120.00万元，调整后预算168.36万元，支出决算160.12万元。"
        "决算数大于调整后预算数的主要原因是年中追加工作经费。\n"
    )
    (found,), _ = findings_of(tmp_path, text, "WORD.named_comparison")
    assert "调整后预算 168.36万元" in found.message


def test_two_breakdowns_of_one_fund_total_each_add_up():
    """county_e's 部门整体 自评表: 财政拨款 + 其他资金 and, again, 基本支出 + 项目支出."""
    found = check_document(EXAMINER / "county_e" / "report.txt").findings
    lines = [f for f in found if f.rule_id == "FOOT.fund_lines_add_up"]
    assert [f.line for f in lines] == [204]  # the planted 1762.73 (l.240), in the second
    assert "1864.35 + 1762.73 = 3627.08" in lines[0].message


def test_the_fleet_is_one_count_in_every_paragraph(tmp_path):
    text = (
        "某县某镇人民政府\n2024年度部门决算\n\n一、三公经费\n截至2024年12月31日，公务用车保有量6辆。\n"
        "二、资产\n截至2024年12月31日，本部门共有车辆{n}辆，其中：执法执勤用车2辆。\n"
    )
    assert findings_of(tmp_path, text.format(n="5"), "RESTATE.same_achievement")[0]
    assert not findings_of(tmp_path, text.format(n="6"), "RESTATE.same_achievement")[0]


def test_a_sentence_printing_both_totals_balances(tmp_path):
    text = (
        "某县某局\n2024年度部门决算\n\n一、说明\n2024年度收入总计{a}万元，支出总计3684.72万元。\n"
    )
    rule = "STMT.income_equals_expenditure"
    assert findings_of(tmp_path, text.format(a="3648.72"), rule)[0]
    assert not findings_of(tmp_path, text.format(a="3684.72"), rule)[0]


def test_a_comparison_opening_its_sentence_is_about_the_figure_its_rate_implies(tmp_path):
    """county_f l.82: the change is the fund's 1,021.37, not the last part listed."""
    text = "某县某局\n2024年度部门决算\n\n八、政府性基金\n2024年度政府性基金预算财政拨款支出1,021.37万元，主要用于耕地保护补偿835.80万元、土地储备前期工作185.57万元。与2023年度相比增加127.75万元，增长{r}%。\n"  # noqa: E501
    rule = "CHANGE.rate_of_prior"
    assert not findings_of(tmp_path, text.format(r="14.30"), rule)[0]


def test_classified_lines_foot_the_figure_of_their_kind(tmp_path):
    """county_f l.51: "年初预算为3,010.00万元，支出决算为3,191.61万元…其中：" over lines that
    print 支出决算: the 决算 is their total."""
    text = "某县某局\n2024年度部门决算\n\n（三）具体情况\n一般公共预算财政拨款支出年初预算为300.00万元，支出决算为{t}万元。其中：\n1.一般公共服务支出（类）行政运行（项）：支出决算为200.00万元。\n2.一般公共服务支出（类）一般行政管理事务（项）：支出决算为110.00万元。\n"  # noqa: E501
    rule = "FOOT.parts_add_up_to_total"
    assert not findings_of(tmp_path, text.format(t="310.00"), rule)[0]
    (found,), _ = findings_of(tmp_path, text.format(t="320.00"), rule)
    assert "320.00" in found.message


def test_a_planned_figure_is_no_outcome_to_hold_to_the_table(tmp_path):
    """county_d l.370 (round 17): "计划…新建改造供水管网120公里" is the plan; "按计划实施，完成…"
    reports what was done."""
    found = check_document(EXAMINER / "county_l" / "report.txt").findings
    assert not [f for f in found if f.rule_id == "RESTATE.indicator_actual" and f.line == 519]
    seed = check_document(CORPUS.parent / "corpus" / "samples" / "000_8bbc2e346d9430aa.docx")
    assert [f for f in seed.findings if f.rule_id == "RESTATE.indicator_actual"]


def test_a_fund_total_broken_down_by_use_as_well_foots_each_way():
    """county_d l.340 (round 17): "按收入性质分：财政拨款…其他资金" then "按支出性质分：基本支出…
    项目支出" under one 年度资金总额; both ways add up."""
    result = check_document(EXAMINER / "county_d" / "report.txt")
    assert not [f for f in result.findings if f.rule_id == "FOOT.fund_lines_add_up"]
    assert result.ledger.rules["FOOT.fund_lines_add_up"].passed >= 6
