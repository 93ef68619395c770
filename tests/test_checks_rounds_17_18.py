"""Rounds 17 and 18 of the examiner documents: what the held-out looks missed, made general.
Round 17 (a 水务局 as OCR, the real J13's statements): an execution rate where a sentence prints
both budgets, a share whose whole its part names, a grade in a paragraph of its own, a deadline
missed with full marks, a column or a statement title naming the wrong use, the 三公 table's
unit against the lines its columns name. Round 18 (the real J11's statements): a cover title
over two lines; and what reading the rates showed: OCR's split decimals, a budget's addition
as no side of a rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.numbers import find_numbers
from budgetlens.pipeline import check_document

HEAD = "某县某局\n2024年度某项目支出绩效自评报告\n\n一、项目概况\n"


def _found(tmp_path: Path, text: str, rule: str) -> tuple[list, object]:
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    result = check_document(report)
    return [f for f in result.findings if f.rule_id == rule], result.ledger.rules.get(rule)


@pytest.mark.parametrize(
    ("rate", "fires"),
    [
        ("完成调整后预算的100%", True),  # 52.13 ÷ 55.00 = 94.78%
        ("完成调整后预算的94.78%", False),
        ("完成预算的94.78%", False),  # unnamed: the budget in force
        ("完成年初预算的260.65%", False),  # named: 52.13 ÷ 20.00
        ("完成年初预算的94.78%", True),
    ],
)
def test_a_rate_is_of_the_budget_it_names_where_both_are_printed(tmp_path, rate, fires):
    text = HEAD + f"年初预算为20.00万元，调整后预算为55.00万元，支出决算为52.13万元，{rate}。\n"
    found, ran = _found(tmp_path, text, "RATE.actual_over_budget")
    assert bool(found) is fires and ran.run == 1


def test_a_budgets_addition_is_no_side_of_an_execution_rate(tmp_path):
    text = (
        HEAD
        + "项目年初预算80.00万元，年中根据实际需求追加6.40万元，全年预算数86.40万元，执行率100%。\n"
    )
    found, _ = _found(tmp_path, text, "RATE.actual_over_budget")
    assert not found


def test_ocrs_split_decimals_are_read_as_one_number_and_flagged():
    (number,) = find_numbers("支出决算为 1895.1 9 万元")
    assert str(number.value) == "1895.19" and number.repaired
    assert [str(n.value) for n in find_numbers("1.5 2.3")] == ["1.5", "2.3"]


@pytest.mark.parametrize(("share", "fires"), [("27.67", True), ("25.67", False)])
def test_a_share_is_of_the_whole_its_parts_name(tmp_path, share, fires):
    text = (
        HEAD + "全年预算数5598.83万元，本年支出决算数5402.17万元。决算支出中基本支出1386.52万元，"
        f"占{share}%；项目支出4015.65万元，占74.33%。\n"
    )
    found, ran = _found(tmp_path, text, "SHARE.part_of_total")
    assert bool(found) is fires and ran.run >= 1


@pytest.mark.parametrize(("grade", "fires"), [("优", True), ("良", False)])
def test_a_grade_in_a_paragraph_of_its_own_is_of_the_score_above(tmp_path, grade, fires):
    text = (
        HEAD
        + "四、评价结论\n经评价，本项目自评得分89.29分。\n按照90（含）—100分为优、80（含）—90分"
        f"为良、60（含）—80分为中、60分以下为差的标准，评价等级为“{grade}”。\n"
    )
    found, ran = _found(tmp_path, text, "SCORE.grade_matches_score")
    assert bool(found) is fires and ran.run == 1
    if fires:  # the grade is what is wrong: the finding points at its line, as a warning
        assert found[0].line == 7 and found[0].severity == "warning"


@pytest.mark.parametrize(
    ("target", "actual", "fires"),
    [
        ("2024年11月30日前", "2024年12月20日", True),
        ("≤2024年11月30日", "2024年11月25日", False),
        ("11月底前", "11月30日", False),  # a month's end: its last day
        ("11月底前", "12月1日", True),
        ("≤5月31日", "2024年6月2日", True),  # no year: the same year
    ],
)
def test_a_deadline_missed_gets_no_full_marks(tmp_path, target, actual, fires):
    text = (
        "某县某局\n2024年某工程项目支出绩效自评报告\n\n## 项目支出绩效自评表（2024 年度）\n\n"
        "绩效指标（90 分）\t一级指标\t二级指标\t三级指标\t指标值\t完成值\t权重\t得分"
        "\t未完成原因分析\n"
        "\t产出指标\t数量指标\t新建集中供水工程\t12处\t12处\t40\t40\t\n"
        f"\t\t时效指标\t工程完工时间\t{target}\t{actual}\t5\t5\t\n"
        "\t效益指标\t社会效益指标\t受益人口\t≥3.2万人\t3.3万人\t30\t30\t\n"
        "\t满意度指标\t满意度指标\t受益群众满意度\t≥90%\t95%\t15\t15\t\n"
    )
    found, ran = _found(tmp_path, text, "SCORE.full_marks_past_deadline")
    assert bool(found) is fires and ran is not None and ran.run == 1


def test_a_cover_title_over_two_lines_gives_the_reports_year(tmp_path):
    text = (
        "江苏省2018年度\n省级部门预算公开报表\n部门：某办公厅\n江苏省财政厅印制\n\n2017年政府采购预算表\n单位：万元\n\n"
        "\t项目\n\t金额\n\n\t合计\n\t60.00\n"
    )
    found, _ = _found(tmp_path, text, "YEAR.heading_year")
    assert [f.computed for f in found] == ["2018"]


_SUMMARY = (
    "某省某办公厅\n2018年部门预算\n\n收支预算总表\n单位：万元\n\n\t收入项目\n\t金额\n\t支出项目\n\t金额\n\n"
    "\t一、财政拨款\n\t24458.43\n\t一、基本支出\n\t10403.11\n\n\t二、其他资金\n\t0.00\n\t二、项目支出\n"
    "\t14055.32\n\n\t收入合计\n\t24458.43\n\t支出合计\n\t24458.43\n\n\n"
)


@pytest.mark.parametrize(
    ("headers", "named"),
    [
        (("基本支出", "项目支出"), []),
        (("人员经费", "项目支出"), ["基本支出"]),
        (("基本支出", "基本支出"), ["项目支出"]),  # a header printed twice
    ],
)
def test_a_column_split_by_use_is_named_as_the_summary_names_its_total(tmp_path, headers, named):
    text = _SUMMARY + (
        f"支出预算总表\n单位：万元\n\n\t合计\n\t{headers[0]}\n\t{headers[1]}\n\n"
        "\t24458.43\n\t10403.11\n\t14055.32\n"
    )
    found, _ = _found(tmp_path, text, "STMT.column_named")
    assert [f.computed for f in found] == named


def test_a_statement_titled_by_a_use_totals_that_use(tmp_path):
    text = _SUMMARY + (
        "财政拨款项目支出预算表（经济科目）\n单位：万元\n\n\t科目编码\n\t科目名称\n\t金额\n\n"
        "\t\n\t合计\n\t10403.11\n\n\t301\n\t工资福利支出\n\t10403.11\n"
    )
    found, _ = _found(tmp_path, text, "STMT.column_named")
    assert [f.computed for f in found] == ["基本支出"]


def test_the_three_public_tables_unit_is_held_to_the_lines_its_columns_name(tmp_path):
    text = (
        "某省某办公厅\n2019年部门预算\n\n财政拨款基本支出预算表\n单位：万元\n\n\t科目编码\n\t科目名称\n"
        "\t金额\n\n\t\n\t合计\n\t438.20\n\n\t30231\n\t公务用车运行维护费\n\t411.20\n\n\t30217\n"
        "\t公务接待费\n\t27.00\n\n\n“三公”经费支出预算表\n单位：{unit}\n\n\t合计\n\t公务用车运行维护费\n"
        "\t公务接待费\n\n\t438.20\n\t411.20\n\t27.00\n\n\n一般公共预算基本支出预算表\n单位：万元\n\n"
        "\t科目编码\n\t科目名称\n\t金额\n\n\t\n\t合计\n\t438.20\n\n\t30231\n\t公务用车运行维护费\n"
        "\t411.20\n\n\t30217\n\t公务接待费\n\t27.00\n"
    )
    wrong, _ = _found(tmp_path, text.format(unit="元"), "STMT.unit_line")
    right, ran = _found(tmp_path, text.format(unit="万元"), "STMT.unit_line")
    assert [f.computed for f in wrong] == ["万元"] and not right and ran.passed >= 1
