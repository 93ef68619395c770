"""Reports an independent examiner wrote with planted contradictions (eval/corpus/examiner):
what check reports on them, and that it reports nothing of the kind on the untouched text."""

from __future__ import annotations

import json
from functools import cache

import pytest

from budgetlens.evaluation.detection import evaluate_known
from budgetlens.pipeline import CheckResult, check_document

from .conftest import CORPUS

EXAMINER = CORPUS.parent / "corpus" / "examiner"
COUNTY = EXAMINER / "county_x"
PLANTED = EXAMINER / "shanghai_planted"
JIANGSU = EXAMINER / "jiangsu_planted"


@cache
def _check(path: str) -> CheckResult:
    return check_document(EXAMINER / path)


def _flagged(result: CheckResult) -> list:
    return [f for f in result.findings if f.severity != "info"]


def _stray(result: CheckResult, near: set[int]) -> list[int]:
    """The lines of flagged findings none of whose evidence is near a labelled line."""
    return [
        f.line
        for f in _flagged(result)
        if not ({f.line} | {e.location.line for e in f.evidence}) & near
    ]


def _near(labels_path) -> set[int]:
    """The lines within two of a labelled line or of a line related to it."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    return {n for entry in labels for line in (entry["line"], *entry["related_lines"])
            for n in range(line - 2, line + 3)}  # fmt: skip


def test_the_examiners_county_report_is_read_for_all_but_one_low_contradiction():
    findings = _check("county_x/report.txt").findings
    report = evaluate_known({"county_x": findings}, COUNTY / "labels.json")
    found = {c: (s.detected, s.total) for c, s in report.per_confidence.items()}
    assert found["high"] == (2, 2) and found["medium"] == (11, 11)
    assert [m["line"] for m in report.missed] == [392]  # "2022年汛期" in a 2023 report


def test_every_finding_on_the_county_report_is_on_a_labelled_contradiction():
    near = _near(COUNTY / "labels.json")
    stray = [f for f in _flagged(_check("county_x/report.txt")) if f.line not in near]
    # a 自评表 weight that differs from the 目标设置表's: true, though not planted (the other
    # one, 维修养护集中供水工程's, is printed beside the planted missed target)
    assert [(f.rule_id, f.line) for f in stray] == [("RESTATE.weight_across_tables", 320)]


def _rules(path: str) -> set[str]:
    return {f.rule_id for f in _flagged(_check(path))}


def test_the_word_rebuild_of_the_county_report_finds_what_its_text_export_does():
    assert _rules("county_x/report.txt") <= _rules("county_x/report.docx")


# plant → (rule, words of its message): each found on planted.docx, none on original.docx
PLANTS = {
    1: ("STMT.column_total", "行政运行「本年支出合计」 1,511.89"),
    2: ("STMT.income_equals_expenditure", "收入总计 2,959.39 ≠ 支出总计 2,995.39"),
    3: ("STMT.code_hierarchy", "22102 住房改革支出「财政拨款收入」 455.69"),
    4: ("RESTATE.statement_amount", "支出决算 178.19万元 ≠ 报表「住房公积金」187.19万元"),
    5: ("SHARE.part_of_total", "项目支出占比 21.51%"),
    6: ("CHANGE.rate_of_prior", "变动幅度 1.04%"),
    7: ("WORD.named_comparison", "决算数大于预算数"),
    8: ("YEAR.period_end", "期末日期为 2023 年，而标题为 2024 年度决算"),
    9: ("COMPLETE.stated_cell_blank", "年初预算 0.95万元，但报表「三公经费」一栏空白"),
}


def _hits(path: str, rule: str, words: str) -> list:
    return [f for f in _flagged(_check(path)) if f.rule_id == rule and words in f.message]


def test_the_key_lists_the_nine_plants():
    key = json.loads((PLANTED / "planted.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in key] == sorted(PLANTS)


def test_the_blank_three_public_total_is_also_a_total_that_does_not_foot():
    (found,) = [
        f
        for f in _check("shanghai_planted/planted.docx").findings
        if f.rule_id == "STMT.column_total" and "空白" in f.message
    ]
    assert found.severity == "warning" and "其下各项之和为 0.95" in found.message
    assert [e.text for e in found.evidence] == ["0.95"]


def test_eval_known_scores_a_report_against_its_labels():
    from click.testing import CliRunner

    from budgetlens.cli import cli

    args = ["eval", "known", str(COUNTY / "report.txt"), str(COUNTY / "labels.json")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "high    2/2 (100.0%)" in result.output


@pytest.mark.parametrize(
    "county",
    [
        "county_y",
        "county_q",
        "county_n",
        "county_l",
        "county_i",
        "county_g",
        "county_f",
        "county_e",
        "county_b",
    ],
)
def test_a_county_reports_word_rebuild_finds_what_its_text_export_does(county: str):
    assert _rules(f"{county}/report.txt") == _rules(f"{county}/report.docx")


# the planted Jiangsu 预算 (J05 rebuilt): plant → (rule, words of its message)
JIANGSU_PLANTS = {
    "P1": ("STMT.income_equals_expenditure", "收入总计 17,996.68 ≠ 支出总计 17,981.68"),
    "P2": ("STMT.column_total", "本行「合计」 1,425.35"),
    "P3": ("STMT.code_hierarchy", "302 商品和服务支出"),
    "P4": ("RESTATE.statement_amount", "会议费预算支出 158万元 ≠ 报表「会议费」168.00万元"),
    "P5": ("SHARE.part_of_total", "项目支出占比 30.77 %"),
    "P6": ("CHANGE.rate_of_prior", "一般公共预算收入预算变动幅度 8.8 %"),
    "P7": ("YEAR.heading_year", "写 2016 年度，报告标题为 2017 年部门预算"),
    "P8": ("STMT.code_hierarchy", "20404 检察「金额」 13,641.34"),
    "P9": ("COMPLETE.promised_statement", "未找到：支出预算总表"),
}


def test_the_jiangsu_key_lists_the_nine_plants():
    key = json.loads((JIANGSU / "planted.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in key] == sorted(JIANGSU_PLANTS)


def test_a_prose_line_is_restated_by_the_statements_of_its_scope():
    """J05 states 基本支出12323.48 under 本年支出预算合计 (all funds); the 财政拨款收支预算总表's
    12,308.48 is the 财政拨款 part, another figure, not a contradiction."""
    found = _flagged(_check("jiangsu_planted/original.docx"))
    assert not [f for f in found if f.rule_id == "RESTATE.statement_amount"]


# the planted Shanghai 预算 (H3 rebuilt): plant → (rule, words of its message)
BUDGET_PLANTS = {
    1: ("STMT.column_total", "合计「收入预算/合计」 90,016,775.35"),
    2: ("STMT.income_equals_expenditure", "收入总计 91,061,775.35"),
    3: ("STMT.code_hierarchy", "208 社会保障和就业支出"),
    4: ("RESTATE.statement_amount", "行政单位离退休”科目 155.24万元"),
    5: ("CHANGE.parts_net_to_whole", "一般公共预算拨款支出预算增加 2,389.52"),
    6: ("YEAR.heading_year", "标题「2024年部门支出预算总表」"),
    7: ("COMPLETE.stated_cell_blank", "财政拨款收入 9,101.68万元"),
    8: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
    9: ("RESTATE.statement_amount", "公务接待费 25.80万元 ≠ 报表「公务接待费」28.50万元"),
}


@pytest.mark.parametrize(
    "folder", ["shanghai_budget_planted", "shanghai_finance_planted", "shanghai_commerce_planted"]
)
def test_an_untouched_shanghai_budget_gives_no_finding(folder: str):
    """Its 收入 changed on last year's 预算执行数 and its 支出 on last year's 预算 (H5):
    two bases, so the two changes differ without contradicting each other."""
    assert _flagged(_check(f"{folder}/original.docx")) == []


# the planted Jiangsu court 预算 (J21 rebuilt): plant → (rule, words of its message)
COURT_PLANTS = {
    "P1": ("STMT.column_total", "本行「合计」 2,599.73"),
    "P2": ("STMT.income_equals_expenditure", "收入总计 28,849.38 ≠ 支出总计 28,894.38"),
    "P3": ("STMT.code_hierarchy", "22102 住房改革支出「金额」 2,998.14"),
    "P4": ("RESTATE.statement_amount", "案件执行（项）支出 1005万元"),
    "P5": ("CHANGE.rate_of_prior", "其他法院支出（项）支出变动幅度 17.94%"),
    "P6": ("CHANGE.rate_of_prior", "案件审判（项）支出变动幅度 10.35%"),
    "P7": ("YEAR.heading_year", "八、2016年度"),
    "P8": ("STMT.code_hierarchy", "20405 法院「金额」 23,513.11"),
    "P9": ("RESTATE.statement_amount", "公务接待费预算支出 158.72万元"),
}


# the planted 上海市财政局 2025 预算 (T1 rebuilt): plant → (rule, words of its message)
FINANCE_PLANTS = {
    1: ("STMT.code_hierarchy", "20805 行政事业单位养老支出「支出预算/合计」 16,380,320"),
    2: ("STMT.income_equals_expenditure", "收入总计 171,915,196"),
    3: ("STMT.code_hierarchy", "基本支出」 = 各类之和 127,462,039"),
    4: ("RESTATE.statement_amount", "“卫生健康支出”科目 476万元"),
    5: ("CHANGE.budget_sides_agree", "财政拨款支出预算比2024年预算减少 909"),
    6: ("WORD.reason_direction", "原因句称“财政拨款收入支出增加”"),
    7: ("YEAR.heading_year", "2024年预算单位财政拨款收支预算总表"),
    8: ("RESTATE.statement_amount", "公务接待费 24.50万元 ≠ 报表「公务接待费」25.40万元"),
    9: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
}


# the planted 上海市普陀区商务委员会 2025 预算 (H5 rebuilt, round 6): plant → (rule, words)
COMMERCE_PLANTS = {
    1: ("YEAR.heading_year", "标题「2024年部门一般公共预算支出功能分类预算表」"),
    2: ("STMT.code_hierarchy", "「一般公共预算基本支出/人员经费」 = 各类之和 18,102,593.00"),
    3: ("STMT.income_equals_expenditure", "收入总计 371,154,655.00 ≠ 支出总计 371,514,655.00"),
    4: ("STMT.code_hierarchy", "20113 商贸事务「支出预算/基本支出」 12,921,733.00"),
    5: ("RESTATE.statement_amount", "机关运行经费预算 177.01万元 ≠ 报表「机关运行经费预算数」"),
    6: ("CHANGE.parts_net_to_whole", "一般公共预算拨款支出预算增加 24,941.71"),
    7: ("WORD.reason_direction", "而财政拨款收入减少24,558.18万元"),
    8: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
    9: ("CHANGE.parts_net_to_whole", "“三公”经费预算数增加 0.50"),
}


# the planted 江苏省人民检察院 2019 预算 (J07 rebuilt, round 7): plant → (rule, words); plant 4 (a
# 项's 315万元 restated as 351 inside a reason clause, "项级科目分流351万元") is not found
PROCURATORATE_PLANTS = {
    1: ("STMT.column_total", "本行「合计」 1267.7"),
    2: ("STMT.income_equals_expenditure", "收入总计 24196.74 ≠ 支出总计 24169.74"),
    3: ("STMT.code_hierarchy", "22102 住房改革支出「金额」 5,868.35"),
    5: ("SHARE.complete_parts_100", "19.1% + 65.7% + 24.2%"),
    6: ("CHANGE.rate_of_prior", "住房保障支出变动幅度 55.35 %"),
    7: ("YEAR.heading_year", "第二部分2018年度部门预算表"),
    8: ("COMPLETE.promised_statement", "一般公共预算基本支出预算表"),
    9: ("RESTATE.statement_amount", "报表「一般公共预算机关运行经费支出预算表」2,391.92元"),
}


# the planted 江苏省人大办公厅 2017 预算 (J01 rebuilt, round 8): plant → (rule, words)
CONGRESS_PLANTS = {
    1: ("STMT.column_total", "「“三公”经费/小计」 853.60"),
    2: ("STMT.income_equals_expenditure", "收入总计 13,469.07 ≠ 支出总计 13,649.07"),
    3: ("STMT.code_hierarchy", "20101 人大事务「金额」 10,582.33"),
    4: ("FOOT.parts_add_up_to_total", "59 + 0 + 2118.85 = 2177.85"),
    5: ("CHANGE.rate_of_prior", "变动幅度 245.23%"),
    6: ("CHANGE.rate_of_prior", "住房保障支出变动幅度 79.29%"),
    7: ("YEAR.heading_year", "标题「2018年政府采购预算表」"),
    8: ("COMPLETE.promised_statement", "一般公共预算基本支出预算表"),
    9: ("RESTATE.statement_amount", "报表「一般公共预算机关运行经费支出预算表」5,619.31元"),
}


# the planted 万里街道办事处 2024 预算 (H1 rebuilt, round 9): plant → (rule, words)
STREET_PLANTS = {
    1: ("STMT.code_hierarchy", "「一般公共预算基本支出/人员经费」 = 各类之和 88,573,451"),
    2: ("STMT.income_equals_expenditure", "收入总计 156,121,123 ≠ 支出总计 156,211,123"),
    3: ("STMT.code_hierarchy", "20805 行政事业单位养老支出「一般公共预算支出/合计」 7,243,970"),
    4: ("RESTATE.statement_amount", "财政拨款收入 15261.11万元 ≠ 报表「一、财政拨款收入」"),
    5: ("CHANGE.rate_of_prior", "预算安排增加 16.50%"),
    6: (
        "CHANGE.rate_of_prior",
        "预算安排增加 57.14% ≠ （25.77 − 当年预算执行数 60.13）÷ 60.13，即减少",
    ),
    7: ("YEAR.heading_year", "表注「注:本部门2023年无政府性基金预算财政拨款安排的预算"),
    8: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
    9: ("RESTATE.statement_amount", "公务接待费 1.35万元 ≠ 报表「公务接待费」1.35元"),
}


# the planted T3 2024 预算 (a Shanghai 社会福利 unit, rebuilt, round 10): plant → (rule, words);
# plants 4 (收入预算1,221.12万元 for 1,212.12) and 7 (a 三公 column headed "2023年机关运行经费
# 预算数") are not found
WELFARE_PLANTS = {
    1: ("STMT.code_hierarchy", "「一般公共预算基本支出/人员经费」 = 各类之和 7,830,214"),
    2: ("STMT.income_equals_expenditure", "收入总计 9,510,164 ≠ 支出总计 9,501,164"),
    3: ("STMT.code_hierarchy", "20810 社会福利「收入预算/事业收入」 2,602,000"),
    5: ("CHANGE.rate_of_prior", "预算安排增加 8.75%"),
    6: ("CHANGE.rate_of_prior", "预算安排增加 1.39% ≠ （53.84 − 当年预算执行数 54.60）"),
    8: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
    9: ("STMT.code_name", "科目编码 2210201 在报表中名为“住房公积金”，也名为“提租补贴”"),
}


# the planted 普陀区司法局 2026 预算 (H7 rebuilt, round 11): plant → (rule, words); plant 9
# (行政单位1家，参公单位2家 where two units are listed) is not found. H7's own slips (three
# rates, and "比2026年预算增加" in a 2026 budget) are on the original too.
JUSTICE_PLANTS = {
    1: ("STMT.code_hierarchy", "合计「基本支出」 = 各类之和 25714666.44"),
    2: ("STMT.income_equals_expenditure", "收入总计 96,282,213.44 ≠ 支出总计 96,282,231.44"),
    3: ("STMT.code_hierarchy", "22102 住房改革支出「收入预算/合计」 4521595.00"),
    4: ("RESTATE.statement_amount", "公务接待费 8,625元 ≠ 报表「公务接待费」0.83万元"),
    5: ("CHANGE.rate_of_prior", "预算安排增加 9.42%"),
    6: ("CHANGE.rate_of_prior", "预算安排增加 1.07% ≠ （1672.67 − 当年预算执行数 1690.69）"),
    7: ("YEAR.heading_year", "表注「注:本部门2024年无政府性基金预算财政拨款安排的预算"),
    8: ("COMPLETE.promised_statement", "国有资本经营预算支出功能分类预算表"),
}

# round 12: the real J15 (江苏省政协办公厅 2017 预算, prose only: its statements are not in the PDF)
CPPCC_PLANTS = {
    1: ("FOOT.parts_add_up_to_total", "收入预算总计 9,164.79 ≠ 各组成部分之和 9,066.79 + 80"),
    2: ("FOOT.parts_add_up_to_total", "机关运行经费支出预算 3,348.98 ≠ 各组成部分之和"),
    3: ("SHARE.complete_parts_100", "11.24% + 32.16% + 65.60%"),
    4: ("CHANGE.rate_of_prior", "住房保障（类）支出变动幅度 42.64%"),
    5: ("CHANGE.rate_of_prior", "一般公共服务（类）支出变动幅度 1.63%"),
    6: ("YEAR.heading_year", "2016年度部门预算情况说明"),
    7: ("FOOT.parts_add_up_to_total", "公务用车购置及运行维护费预算支出 156.60 ≠"),
    8: ("RESTATE.transposed_digits", "此处 1,049.62万元"),
    9: ("FOOT.part_in_another_unit", "奖励金（款）支出 0.50元"),
}

# round 13: the real J09 (江苏省委办公厅 2017 预算, statements only), nine planted; plant 7 (a
# 政府采购 item under its group line) is not found
CPC_OFFICE_PLANTS = {
    1: ("STMT.income_equals_expenditure", "收入总计 20,894.45 ≠ 支出总计 20,849.45"),
    2: ("STMT.code_hierarchy", "302 商品和服务支出「机关运行经费支出」 10,011.76"),
    3: ("STMT.code_hierarchy", "22102 住房改革支出「金额」 1,856.69"),
    4: ("STMT.code_name", "科目编码 30107"),
    5: ("STMT.unit_line", "财政拨款收支预算总表」单位为元"),
    6: ("STMT.column_total", "“三公”经费/小计」 519.20"),
    7: ("STMT.outline_total", "办公设备购置费「总计」 60.00"),
    8: ("STMT.code_hierarchy", "20131 党委办公厅（室）及相关机构事务"),
    9: ("PLACEHOLDER.department_named", "中国共产党江苏省委员会组织部"),
}

# round 14: the real J19 (江苏省政协办公厅 2019 预算, twelve statements), nine planted; S1, S2
# and S9 found after round 15's fixes (each column of the 收支总表, 小计 groups, outlines)
CPPCC_2019_PLANTS = {
    "S1": ("STMT.summary_lines", "当年支出小计（支出/功能分类各行） 13,377.11"),
    "S2": ("STMT.outline_total", "其他资金小计「金额」 80.00"),
    "S3": ("STMT.income_equals_expenditure", "收入总计 13,297.11 ≠ 支出总计 13,279.11"),
    "S4": ("STMT.code_hierarchy", "20805 行政事业单位离退休「金额」 885.51"),
    "S5": ("STMT.code_hierarchy", "合计「金额」 = 各类之和 6,424.75"),
    "S6": ("STMT.code_name", "科目编码 30228"),
    "S7": ("STMT.column_total", "“三公”经费/小计」 660.10"),
    "S8": ("STMT.unit_line", "一般公共预算机关运行经费支出预算表」单位为元"),
    "S9": ("STMT.outline_total", "合计「总计」 1,642.42"),
}

# round 15: the real J17 (江苏省政协办公厅 2018 预算, twelve statements), nine planted; first
# look 6 of 9 (missed R2, R7, R8: an outline's item, a blank line in the 收支总表's 支出用途
# column, a 表号 printed twice)
CPPCC_2018_PLANTS = {
    "R1": ("STMT.income_equals_expenditure", "收入总计 10,007.48 ≠ 支出总计 10,070.48"),
    "R2": ("STMT.outline_total", "办公设备购置费「总计」 300.00"),
    "R3": ("STMT.column_total", "“三公”经费/小计」 675.10"),
    "R4": ("STMT.code_hierarchy", "22102 住房改革支出「金额」 1,409.26"),
    "R5": ("STMT.unit_line", "一般公共预算机关运行经费支出预算表」单位为元"),
    "R6": ("PLACEHOLDER.department_named", "江苏省人大常委会办公厅"),
    "R7": ("STMT.summary_lines", "当年支出小计（支出/支出用途各行） 10,150.48"),
    "R8": ("COMPLETE.statement_numbering", "表号“公开06表”位于“公开06表”与“公开08表”之间"),
    "R9": ("STMT.code_name", "科目编码 30216"),
}


# round 16: the real J03 (江苏省人大常委会办公厅 2019 预算, twelve statements), nine planted, five
# of them kinds its examiner was asked to choose outside the covered ones; first look 5 of 9.
# Q6 (a 政府性基金 statement's 合计 where the summaries print no such fund) and Q8 (a column
# header 项目支出 printed 基本支出, so two columns share a name) found in round 18
CONGRESS_2019_PLANTS = {
    "Q1": ("STMT.summary_lines", "支出合计（支出/支出用途各行） 18,330.37 ≠ 各项之和 18340.37"),
    "Q2": ("STMT.code_name", "科目编码 30205"),
    "Q3": ("STMT.code_hierarchy", "20101 人大事务「金额」 13,907.78"),
    "Q4": ("STMT.code_hierarchy", "303 对个人和家庭的补助「金额」 1,189.41"),
    "Q5": ("STMT.classification_named", "标题称经济分类"),
    "Q6": ("STMT.fund_statement_total", "合计 18,330.37，而「收支预算总表」政府性基金一行为 空白"),
    "Q7": ("STMT.summary_lines", "当年支出小计（支出/功能分类各行） 18,330.37"),
    "Q8": ("STMT.column_named", "名为基本支出的合计 6,459.58"),
    "Q9": ("STMT.code_hierarchy", "302 商品和服务支出「机关运行经费支出」 1,642.08"),
}

# round 17, measured after every fix of rounds 1–16: the real J13 (中共江苏省委办公厅 2019 预算,
# twelve statements), nine planted; first look 6 of 9. W2 (a column header 项目支出 printed
# 人员经费), W5 (a title's 基本支出 printed 项目支出) and W6 (the 三公 table's unit line 万元→元,
# its lines named by its columns) found since
CPC_OFFICE_2019_PLANTS = {
    "W1": ("STMT.code_hierarchy", "20131 党委办公厅（室）及相关机构事务「金额」 22,395.50"),
    "W2": ("STMT.column_named", "名为人员经费的合计 13,025.38"),
    "W3": ("STMT.code_hierarchy", "302 商品和服务支出「机关运行经费支出」 2,232.91"),
    "W4": ("STMT.code_name", "科目编码 30216"),
    "W5": ("STMT.column_named", "「财政拨款项目支出预算表」中名为项目支出的合计 11,700.63"),
    "W6": ("STMT.unit_line", "“三公”经费、会议费、培训费支出预算表」单位为元"),
    "W7": ("PLACEHOLDER.department_named", "中共江苏省委组织部"),
    "W8": ("STMT.summary_lines", "当年支出小计（支出/功能分类各行） 27,664.22"),
    "W9": ("STMT.outline_total", "办公设备购置费「总计」 54.00"),
}

# round 18, measured after every fix of rounds 1–17: the real J11 (中共江苏省委办公厅 2018 预算,
# twelve statements), nine planted; first look 7 of 9 (not found: K8, a column header 基本支出
# printed 人员经费, found by the column check written for round 17's W2 in the same stop; K9, a
# caption's year under a cover that prints the report's year over two lines)
CPC_OFFICE_2018_PLANTS = {
    "K1": ("STMT.outline_total", "办公设备购置费「总计」 60.00 ≠ 各项之和 62"),
    "K2": (
        "STMT.code_hierarchy",
        "302 商品和服务支出「机关运行经费支出」 2,094.58 ≠ 各项之和 2049.58",
    ),
    "K3": ("STMT.code_hierarchy", "20805 行政事业单位离退休「金额」 1,298.52"),
    "K4": ("STMT.code_hierarchy", "合计「金额」 = 各类之和 10,430.11"),
    "K5": ("STMT.income_equals_expenditure", "收入总计 24,458.43 ≠ 支出总计 24,548.43"),
    "K6": ("STMT.column_total", "“三公”经费/小计」 508.20"),
    "K7": ("STMT.code_hierarchy", "301 工资福利支出「金额」 7,308.27"),
    "K8": ("STMT.column_named", "名为人员经费的合计 10,403.11"),
    "K9": ("YEAR.heading_year", "标题「2017年政府采购预算表」"),
}


# the counties written after the first round's fixes → the labelled lines check misses
LATER_COUNTIES = {
    "county_y": [],  # a 农业农村局, after county_x's fixes: all 15
    "county_z": [358],  # a 交通运输局 as an OCR export: "燃油补贴资金1124.50元", 万元 meant
    "county_w": [61],  # a 文化广电旅游局: "共计支出5.46元", with no figure it should equal
    "county_v": [],  # a 林业局
    # round 6, a 镇人民政府 as an OCR export: "二者合计所占比重不足六成" (68.82%)
    "county_t": [87],
    "county_u": [],  # round 6, a 卫生健康局
    # round 7, a 市场监督管理局: shares rounded to make 100; 21 接待批次 in the 绩效 report where
    # the 决算 says 26; an award its 计分标准 contradicts; 97.475% printed 97.47%; "352家次"
    # for the table's 352台（套）
    "county_s": [69, 195, 225, 370, 684],
    # round 8, a 教育和体育局, Word-like with OCR tables pasted in: 16280 students for the
    # table's 16820 受益学生人数; a share 10.3759% printed 10.37%
    "county_r": [78, 423],
    # round 9, a 民政局 in seed 002's style: the T9/T11 free text's 1286人 for 1268 and "发放及时率
    # 100%" beside one month late; a note saying 政府性基金 is 0 beside 260.00万元; a 依据
    # admitting a missed target; a share truncated
    "county_q": [44, 99, 753, 913, 1018],
    # round 10, a 自然资源局 (also as a text PDF): "增加1台（套），增长100%" from none; two shares
    # rounded to make 100
    "county_p": [115, 124, 370],
    # round 11, a 退役军人事务局: 9 三级指标 said where the breakdown 5 + 2 + 1 gives 8
    "county_o": [571],
    "county_n": [],  # round 12, a 人力资源和社会保障局 in seed 000's style (also as .docx)
    # round 12, a 生态环境分局 as an OCR export: an allotment "(1 4 分)" whose digits OCR split
    # (read as repaired, so not checked); 人员经费 1318.26 in a 自评表 cell for 1318.62; a
    # 公务接待费 restated one hundredth off
    "county_m": [250, 313, 347],
    # round 13, a 住房和城乡建设局 in seed 002's style (also as .docx): 16 老旧小区 in the 概况 for
    # the 14 everywhere else; a 结转结余率 worked out on the wrong base (a date target missed
    # with full marks found in round 18)
    "county_l": [16, 348],
    # round 13, an 应急管理局 in seed 004's style: 1208 of 1250 rectified said to be 97.6%; a
    # formula's inputs giving 5.92 for a printed 7.53; 302 hose sets for the table's 320
    "county_k": [170, 232, 754],
    # round 14, a 医疗保障局 as an OCR export: 1632.8 in a table cell for 163.28; 620 + 156
    # said to be 786; "较上年的68%提高了3个百分点" (72%, within
    # the rounding of whole percentages); a prose award 9.5 for the table's 9; 次均 823.2元 in a
    # table's free text
    "county_j": [316, 355, 387, 389, 432],
    # round 14, a 统计局 in seed 000's style (also as .docx): a carry-over 11.37 for 183.64 −
    # 171.27; "满意度达到90%以上" in free text beside 88; 4368 in a cell for 4386; a target
    # restated ≥8 for the table's ≥6 (the 2022 carry-over that makes "由…构成" 181.84 found in
    # round 16)
    "county_i": [361, 501, 567, 685],
    # round 15, a 市场监督管理局 as an OCR export and a 退役军人事务局 in seed 002's style (also
    # .docx): first looks 12/15 and 14/15 (see the examiner README); all found since
    "county_h": [],
    "county_g": [],
    # round 16, a 自然资源和规划局 in seed 004's style and a 镇人民政府 in seed 000's (both also
    # .docx): first looks 13/15 each; all found since
    "county_f": [],
    "county_e": [],
    # round 17, a 水务局 as an OCR export, measured after every fix of rounds 1–16: first look
    # 11/15 ("完成调整后预算的100%" of 52.13 over 55.00; a 基本支出 share 27.67% for 25.67%; a
    # completion date after its ≤11月30日 target with full marks; 89.29 graded 优 by a scale
    # printed on its own line); all found since
    "county_d": [],
    # round 18, a 司法局 as an OCR export and a 街道办事处 in seed 002's style (also .docx),
    # measured after every fix of rounds 1–17: first looks 12/15 each (see the examiner
    # README); all found since
    "county_c": [],
    "county_b": [],
}


@pytest.mark.parametrize("county", sorted(LATER_COUNTIES))
def test_a_later_examiners_county_report_is_read_with_nothing_else_flagged(county: str):
    result = _check(f"{county}/report.txt")
    labels = EXAMINER / county / "labels.json"
    report = evaluate_known({county: result.findings}, labels)
    assert sorted(m["line"] for m in report.missed) == LATER_COUNTIES[county]
    assert _stray(result, _near(labels)) == UNLABELLED.get(county, [])


# findings away from every label that are true all the same: county_p prints three of the 决算
# template's nine statements and says nothing of the other five (COMPLETE.template_statement);
# county_m's 农村生活污水治理 report scores 98 where its project's 自评表 totals 98.78 (its examiner
# meant two scoring schemes; seed 001's hand labels count the same gap as a contradiction);
# county_h's and county_d's 目录 promise statements the report does not print
# (COMPLETE.promised_statement, a warning their examiners did not label)
UNLABELLED = {"county_p": [1], "county_m": [636], "county_h": [31], "county_d": [29]}


PLANT_SETS = {
    "shanghai_planted": PLANTS,
    "jiangsu_planted": JIANGSU_PLANTS,
    "shanghai_budget_planted": BUDGET_PLANTS,
    "jiangsu_court_planted": COURT_PLANTS,
    "shanghai_finance_planted": FINANCE_PLANTS,
    "shanghai_commerce_planted": COMMERCE_PLANTS,
    "jiangsu_procuratorate_planted": PROCURATORATE_PLANTS,
    "jiangsu_congress_planted": CONGRESS_PLANTS,
    "shanghai_street_planted": STREET_PLANTS,
    "shanghai_welfare_planted": WELFARE_PLANTS,
    "shanghai_justice_planted": JUSTICE_PLANTS,
    "jiangsu_cppcc_planted": CPPCC_PLANTS,
    "jiangsu_cpc_office_planted": CPC_OFFICE_PLANTS,
    "jiangsu_cppcc_2019_planted": CPPCC_2019_PLANTS,
    "jiangsu_cppcc_2018_planted": CPPCC_2018_PLANTS,
    "jiangsu_congress_2019_planted": CONGRESS_2019_PLANTS,
    "jiangsu_cpc_office_2019_planted": CPC_OFFICE_2019_PLANTS,
    "jiangsu_cpc_office_2018_planted": CPC_OFFICE_2018_PLANTS,
}


@pytest.mark.parametrize(
    ("folder", "plant"), [(f, p) for f, plants in PLANT_SETS.items() for p in sorted(plants)]
)
def test_each_planted_problem_is_reported_and_only_where_planted(folder: str, plant: int | str):
    rule, words = PLANT_SETS[folder][plant]
    assert _hits(f"{folder}/planted.docx", rule, words)
    assert not _hits(f"{folder}/original.docx", rule, words)


def test_project_scores_in_a_summary_are_not_held_to_the_department_sheet():
    """county_y line 73 lists three projects' scores in the 决算 part, whose only score sheet
    is the department's: none of them is that sheet's total."""
    found = _flagged(_check("county_y/report.txt"))
    assert not [f for f in found if f.rule_id == "RESTATE.score_total" and f.line == 73]


def test_a_grades_lower_bound_is_not_a_score():
    """county_s line 190: "综合得分90分（含）以上为“优”" defines a band."""
    result = _check("county_s/report.txt")
    assert not [c for c in result.claims if c.span.line == 190 and c.type.startswith("score")]
    assert not [f for f in _flagged(result) if f.line == 190]


def test_an_ocr_table_pasted_into_a_word_like_export_is_read_as_rows():
    """county_r's 专项 自评表 is TAB-separated rows in a file of TAB-led cells."""
    tables = [t for t in _check("county_r/report.txt").extraction.tables if t.kind == "T2"]
    first = tables[0]
    assert first.title == "专项预算项目绩效目标完成情况自评表"  # its "## " heading stripped
    assert [r.level3 for r in first.indicators[:2]] == ["受益学生人数", "供餐天数"]
    assert (first.indicators[1].weight, first.indicators[1].actual) == ("10", "196")


def test_a_text_pdf_of_a_county_report_finds_what_its_text_export_does():
    """county_p printed to PDF by Chromium: the same rules fire on both."""
    assert _rules("county_p/report.txt") == _rules("county_p/report.pdf")


def test_the_entries_of_a_table_of_contents_open_no_section():
    """county_p's 目录 lists "附件3 …自评表及自评报告" without page numbers: read as headings, it
    put the whole 决算 under that project, whose 自评表 every 年初预算 was then held to."""
    result = _check("county_p/report.txt")
    blocks = result.document.blocks
    assert [b.kind for b in blocks[1:9]] == ["paragraph"] * 8  # 目录 and its seven entries
    assert (blocks[9].kind, blocks[9].text) == ("heading", "第一部分部门概况")
    assert not [f for f in _flagged(result) if f.rule_id == "RESTATE.project_budget_figure"]


def test_a_budget_compared_with_its_own_year_is_warned():
    """H7, a 2026 预算, says "比2026年预算增加…" three times and "与2026年预算持平" twice."""
    found = [
        f
        for f in _flagged(_check("shanghai_justice_planted/original.docx"))
        if f.rule_id == "YEAR.compared_year"
    ]
    assert len(found) == 5 and all("应与 2025 年比较" in f.message for f in found)
