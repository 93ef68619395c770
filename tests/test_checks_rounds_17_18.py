"""Rounds 17 and 18 of the examiner documents: what the held-out looks missed, made general.
Round 17 (a 水务局 as OCR, the real J13's statements): an execution rate where a sentence prints
both budgets, a share whose whole its part names, a grade in a paragraph of its own, a deadline
missed with full marks, a column or a statement title naming the wrong use, the 三公 table's
unit against the lines its columns name. Round 18 (the real J11's statements, a 司法局 as OCR,
a 街道办事处 in seed 002's style): a cover title over two lines, OCR's split decimals, a budget's
addition as no side of a rate, points from a target, per-case averages, targets in words, rows
OCR moved, flat subtotals, sections the prose restates or leaves out, reasons that deny a met
target, "按执行率计分"."""

from __future__ import annotations

import pytest

from budgetlens.numbers import find_numbers

from .conftest import findings_of

HEAD = "某县某局\n2024年度某项目支出绩效自评报告\n\n一、项目概况\n"


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
    found, ran = findings_of(tmp_path, text, "RATE.actual_over_budget")
    assert bool(found) is fires and ran.run == 1


def test_a_budgets_addition_is_no_side_of_an_execution_rate(tmp_path):
    text = (
        HEAD
        + "项目年初预算80.00万元，年中根据实际需求追加6.40万元，全年预算数86.40万元，执行率100%。\n"
    )
    found, _ = findings_of(tmp_path, text, "RATE.actual_over_budget")
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
    found, ran = findings_of(tmp_path, text, "SHARE.part_of_total")
    assert bool(found) is fires and ran.run >= 1


@pytest.mark.parametrize(("grade", "fires"), [("优", True), ("良", False)])
def test_a_grade_in_a_paragraph_of_its_own_is_of_the_score_above(tmp_path, grade, fires):
    text = (
        HEAD
        + "四、评价结论\n经评价，本项目自评得分89.29分。\n按照90（含）—100分为优、80（含）—90分"
        f"为良、60（含）—80分为中、60分以下为差的标准，评价等级为“{grade}”。\n"
    )
    found, ran = findings_of(tmp_path, text, "SCORE.grade_matches_score")
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
    found, ran = findings_of(tmp_path, text, "SCORE.full_marks_past_deadline")
    assert bool(found) is fires and ran is not None and ran.run == 1


def test_a_cover_title_over_two_lines_gives_the_reports_year(tmp_path):
    text = (
        "江苏省2018年度\n省级部门预算公开报表\n部门：某办公厅\n江苏省财政厅印制\n\n2017年政府采购预算表\n单位：万元\n\n"
        "\t项目\n\t金额\n\n\t合计\n\t60.00\n"
    )
    found, _ = findings_of(tmp_path, text, "YEAR.heading_year")
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
    found, _ = findings_of(tmp_path, text, "STMT.column_named")
    assert [f.computed for f in found] == named


def test_a_statement_titled_by_a_use_totals_that_use(tmp_path):
    text = _SUMMARY + (
        "财政拨款项目支出预算表（经济科目）\n单位：万元\n\n\t科目编码\n\t科目名称\n\t金额\n\n"
        "\t\n\t合计\n\t10403.11\n\n\t301\n\t工资福利支出\n\t10403.11\n"
    )
    found, _ = findings_of(tmp_path, text, "STMT.column_named")
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
    wrong, _ = findings_of(tmp_path, text.format(unit="元"), "STMT.unit_line")
    right, ran = findings_of(tmp_path, text.format(unit="万元"), "STMT.unit_line")
    assert [f.computed for f in wrong] == ["万元"] and not right and ran.passed >= 1


# --- round 18: a 司法局 as an OCR export -------------------------------------------------------

_INDICATORS = (
    HEAD + "（二）产出指标（50分）\n产出指标包括数量、质量两类共 2 个三级指标，分值 50 分。\n"
    "（1）案件办理数：年度指标值≥600件，实际完成648件，得25分。\n"
    "（2）调解成功率：年度指标值≥95%，实际完成97.6%，较目标值95%高出{points}个百分点，得25分。\n"
    "（3）受援人满意度：年度指标值≥95%，实际完成96.8%。\n\n"
    "## 项目支出绩效自评表（2024 年度）\n\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
    "\t产出指标\t数量指标\t案件办理数\t≥600件\t648件\t25\t25\t\n"
    "\t\t质量指标\t调解成功率\t≥95%\t97.6%\t25\t25\t\n"
    "\t效益指标\t社会效益指标\t公共法律服务体系\t持续完善\t{words}\t40\t40\t\n"
    "\t满意度指标\t满意度指标\t受援人满意度\t≥95%\t96.8%\t10\t10\t\n"
)


@pytest.mark.parametrize(("points", "fires"), [("2.8", True), ("2.6", False)])
def test_points_above_a_target_are_the_difference_from_it(tmp_path, points, fires):
    text = _INDICATORS.format(points=points, words="持续完善")
    found, _ = findings_of(tmp_path, text, "CHANGE.current_minus_prior")
    assert bool(found) is fires


def test_a_bare_actual_completed_names_no_achievement_to_restate(tmp_path):
    found, _ = findings_of(
        tmp_path, _INDICATORS.format(points="2.6", words="持续完善"), "RESTATE.same_achievement"
    )
    assert not found  # 648件, 97.6% and 96.8% are three indicators' actuals


def test_a_count_of_one_first_level_indicators_rows(tmp_path):
    found, ran = findings_of(
        tmp_path, _INDICATORS.format(points="2.6", words="持续完善"), "COUNT.indicators"
    )
    assert not found and ran.passed == 1  # 2 产出 rows of the table's 4


@pytest.mark.parametrize(("words", "fires"), [("有待完善", True), ("持续完善", False)])
def test_a_target_in_words_not_reached_gets_no_full_marks(tmp_path, words, fires):
    text = _INDICATORS.format(points="2.6", words=words)
    found, _ = findings_of(tmp_path, text, "SCORE.full_marks_on_missed_target")
    assert bool(found) is fires


def test_an_indicator_row_ocr_moved_left_is_read_under_its_header(tmp_path):
    text = _INDICATORS.format(points="2.6", words="持续完善").replace(
        "\t\t质量指标\t调解成功率\t≥95%\t97.6%\t25\t25\t\n",
        "\t\t调解成功率\t≥95%\t97.6%\t25\t20\t个别案件延期\t\n",
    )
    found, ran = findings_of(
        tmp_path, text + "合计\t\t\t\t\t\t100\t100\t\n", "FOOT.weight_total_row"
    )
    assert not found and ran.passed == 1  # 25 + 25 + 40 + 10 under their 分值 column


@pytest.mark.parametrize(("average", "fires"), [("3208.40", True), ("3028.40", False)])
def test_a_per_case_average_is_the_total_over_the_cases(tmp_path, average, fires):
    text = HEAD + f"全年支付办案补贴196.24万元，办结补贴案件648件，案均办案补贴{average}元/件。\n"
    found, ran = findings_of(tmp_path, text, "RATE.per_unit")
    assert bool(found) is fires and ran.run == 1


def test_the_amount_spent_is_the_决算_a_comparison_names(tmp_path):
    text = (
        HEAD + "公务用车运行维护费支出 7.86 万元，年初预算为 9.00 万元，完成预算的 87.33%，"
        "决算数大于预算数的主要原因是严格公务用车使用审批。\n"
    )
    found, _ = findings_of(tmp_path, text, "WORD.named_comparison")
    assert len(found) == 1


def test_a_statements_caption_row_and_repeated_header_name_no_column(tmp_path):
    text = (
        "某县司法局\n2024年度部门决算\n\n收入决算表\n\n"
        "部门：某县司法局\t\t\t金额单位：万元\t\t\n"
        "科目编码\t科目名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\n"
        "\t合计\t1,790.07\t1,749.02\t\t41.05\n"
        "204\t公共安全支出\t1,424.65\t1,383.60\t\t41.05\n"
        "科目编码\t科目名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\n"
        "208\t社会保障和就业支出\t365.42\t365.42\t\t\n"
    )
    found, ran = findings_of(tmp_path, text, "STMT.column_total")
    assert not found and ran.passed >= 3


# --- round 18: a 街道办事处 in seed 002's style -----------------------------------------------


def test_a_subtotal_printed_beside_its_parts_is_not_added_to_them(tmp_path):
    text = (
        "某街道办事处\n2024年度部门决算\n\n财政拨款“三公”经费支出决算表\n单位：万元\n\n"
        "\t合计\n\t因公出国（境）费\n\t公务用车购置及运行费小计\n\t公务用车购置费\n\t公务用车运行费\n"
        "\t公务接待费\n\n\t{total}\n\t0.00\n\t12.00\n\t0.00\n\t12.00\n\t3.00\n"
    )
    right, ran = findings_of(tmp_path, text.format(total="15.00"), "STMT.column_total")
    wrong, _ = findings_of(tmp_path, text.format(total="16.00"), "STMT.column_total")
    assert not right and ran.passed == 1 and len(wrong) == 1


def test_a_change_is_of_the_figure_its_prior_implies(tmp_path):
    text = (
        HEAD + "年末实有在职人员54人，其中：行政人员30人，事业人员24人，比2023年末52人增加2人。\n"
    )
    found, ran = findings_of(tmp_path, text, "CHANGE.current_minus_prior")
    assert not found and ran.passed == 1  # 54 − 52, not 24 − 52


def test_items_the_prose_leaves_out_leave_the_section_not_checked(tmp_path):
    text = (
        HEAD + "（二）产出指标（50分）。该部分得分{award}分。\n"
        "1．数量指标（30分）：均达到年度目标，得30分。\n"
        "2．质量指标（10分）：按完成比例计分，得9.88分。\n3．成本指标（5分）：低于控制目标，得5分。\n"
    )
    left_out, ran = findings_of(
        tmp_path, text.format(award="49.38"), "SCORE.prose_allotments_add_up"
    )
    assert not left_out and ran.not_checked == 1  # a 5-point item scored 4.5, unlisted
    over, _ = findings_of(tmp_path, text.format(award="51"), "SCORE.prose_allotments_add_up")
    assert len(over) == 1  # more awarded than the items and the one left out could make


def test_a_sections_award_is_one_figure_in_its_report(tmp_path):
    text = (
        HEAD + "三、综合评价结论\n经自评，项目绩效自评得分97.05分。其中：预算执行得分9.67分，"
        "产出指标得分48分，效益指标得分29.38分，满意度指标得分10分。\n四、绩效目标实现情况分析\n"
        "（二）产出指标（50分）。该部分得分{award}分。\n"
    )
    wrong, _ = findings_of(tmp_path, text.format(award="49"), "RESTATE.same_achievement")
    right, _ = findings_of(tmp_path, text.format(award="48"), "RESTATE.same_achievement")
    assert [f.computed for f in wrong] == ["48"] and not right


def test_a_per_unit_figure_is_judged_by_the_working_printed_after_it(tmp_path):
    text = HEAD + "户均改造成本{each}元/户（项目全年执行数1145.45万元÷惠及居民1268户）。\n"
    wrong, _ = findings_of(tmp_path, text.format(each="9304"), "RATE.per_unit")
    right, ran = findings_of(tmp_path, text.format(each="9034"), "RATE.per_unit")
    assert len(wrong) == 1 and not right and ran.passed == 1


@pytest.mark.parametrize(
    ("note", "fires"),
    [
        ("部分事件响应超时，未完成年度目标。", True),
        ("个别事件处置记录不全，酌情扣分。", False),
        ("", True),
    ],
)
def test_points_off_a_met_target_need_a_reason_that_does_not_deny_it(tmp_path, note, fires):
    text = (
        "某街道办事处\n2024年某项目支出绩效自评报告\n\n## 项目支出绩效自评表（2024 年度）\n\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
        "\t产出指标\t数量指标\t划分网格\t≥60个\t62个\t45\t45\t\n"
        f"\t\t时效指标\t网格事件平均响应时间\t≤2小时\t1.5小时\t5\t4.50\t{note}\n"
        "\t效益指标\t社会效益指标\t矛盾纠纷化解率\t≥95%\t97.2%\t40\t40\t\n"
    )
    found, _ = findings_of(tmp_path, text, "SCORE.points_off_a_met_target")
    assert bool(found) is fires


@pytest.mark.parametrize(("score", "fires"), [("9.78", True), ("9.79", False)])
def test_a_score_said_to_follow_the_rate_is_the_points_times_the_rate(tmp_path, score, fires):
    text = (
        "某街道办事处\n2024年某项目支出绩效自评报告\n\n四、绩效目标实现情况分析\n"
        "（一）预算执行情况（10分）。项目全年预算数548.00万元，全年执行数536.33万元，执行率97.87%，"
        "按执行率计分。\n\n## 项目支出绩效自评表（2024 年度）\n\n"
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        f"年度资金总额\t560.00\t548.00\t536.33\t10\t97.87%\t{score}\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t产出指标\t数量指标\t划分网格\t≥60个\t62个\t50\t50\n"
        "\t效益指标\t社会效益指标\t矛盾纠纷化解率\t≥95%\t97.2%\t40\t40\n"
    )
    found, ran = findings_of(tmp_path, text, "SCORE.execution_rate_score")
    assert bool(found) is fires and ran.run == 1


def test_another_line_is_not_the_line_whose_name_ends_its_name(tmp_path):
    text = (
        "某街道办事处\n2024年度部门决算\n\n一般公共预算财政拨款基本支出决算表\n单位：万元\n\n"
        "\t科目编码\n\t科目名称\n\t决算数\n\n\t301\n\t工资福利支出\n\t1687.10\n\n"
        "\t30199\n\t其他工资福利支出\n\t35.60\n\n\n"
        "六、一般公共预算财政拨款基本支出决算情况说明\n人员经费主要包括：其他工资福利支出35.60万元。\n"
    )
    found, ran = findings_of(tmp_path, text, "RESTATE.statement_amount")
    assert not found and ran.passed == 1  # 30199, not 301


def test_a_misprinted_day_of_a_month_is_read_as_its_last_day():
    from budgetlens.checks.deadlines import dates_in, deadline

    (done,) = dates_in("2024年11月31日")  # no crash on a day the month lacks
    assert str(done.on(2024)) == "2024-11-30"
    assert deadline("11月底前").day == 30 and deadline("实施期为2024年3月至11月") is None
