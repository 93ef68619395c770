"""One project, several tables: the target-setting table and the 自评表 of one project agree.

The data are 001's 自评表 of the 开门红激励资金 project (OCR text, as printed) under a
target-setting table holding the targets its 专项 自评表 states; each test changes the
target-setting table the way another county's report might differ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.checks.linking import name_match, pair_rows, same_unit
from budgetlens.pipeline import check_document

DATA = Path(__file__).parent / "data" / "one_project_two_tables.txt"
TEXT = DATA.read_text(encoding="utf-8")
RULES = {
    "RESTATE.target_across_tables",
    "RESTATE.unit_across_tables",
    "RESTATE.weight_across_tables",
    "RESTATE.weight_total_across_tables",
}
SETTING_NAME = "项目名称\t\t2023年第一季度开门红激励资金\t\t\t\t\n"


def _check(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    found = [f for f in result.findings if f.rule_id in RULES]
    return found, result.ledger.families["restatements"]


def _setting(old: str, new: str) -> str:
    """The report with one line of the target-setting table changed."""
    head, sep, rest = TEXT.partition("## 二、评价结论")
    assert head.count(old) == 1
    return head.replace(old, new) + sep + rest


def test_tables_that_agree_pass_and_a_target_split_by_ocr_is_not_checked(tmp_path: Path):
    found, ledger = _check(tmp_path, TEXT)
    assert found == []
    # 8 weights, 5 numeric targets and the weight total held; "1.87 5" (OCR) not checked
    assert ledger.passed >= 14 and ledger.not_checked >= 1


def test_a_different_weight_is_an_error_with_both_cells(tmp_path: Path):
    text = _setting("支持外贸企业数量\t≥\t5\t户\t15", "支持外贸企业数量\t≥\t5\t户\t20")
    (finding,) = _check(tmp_path, text)[0]
    assert (finding.rule_id, finding.severity) == ("RESTATE.weight_across_tables", "error")
    assert (finding.stated, finding.computed) == ("15", "20")
    assert [e.text for e in finding.evidence] == ["15", "20"]
    assert all(e.location.table_id for e in finding.evidence)
    assert "名称一致" in finding.message  # one difference, one finding: no total finding


def test_a_different_target_and_comparator_are_errors(tmp_path: Path):
    text = _setting("资金支出合规性\t≥\t98", "资金支出合规性\t≥\t95")
    (finding,) = _check(tmp_path, text)[0]
    assert (finding.rule_id, finding.severity) == ("RESTATE.target_across_tables", "error")
    assert finding.stated == "98" and finding.stated_interval is not None
    text = _setting("资金支出合规性\t≥\t98", "资金支出合规性\t＝\t98")
    (finding,) = _check(tmp_path, text)[0]
    assert finding.rule_id == "RESTATE.target_across_tables" and "=98" in finding.message


def test_a_different_unit_is_an_error_and_money_is_converted(tmp_path: Path):
    text = _setting("支持外贸企业数量\t≥\t5\t户", "支持外贸企业数量\t≥\t5\t%")
    (finding,) = _check(tmp_path, text)[0]
    assert finding.rule_id == "RESTATE.unit_across_tables" and "户" in finding.message
    # 48 万元 is 0.0048 亿元: the same target; 0.048 亿元 is not
    assert _check(tmp_path, _setting("≤\t48\t万元", "≤\t0.0048\t亿元"))[0] == []
    (finding,) = _check(tmp_path, _setting("≤\t48\t万元", "≤\t0.048\t亿元"))[0]
    assert finding.rule_id == "RESTATE.target_across_tables" and finding.severity == "error"


def test_a_row_linked_by_containment_gives_only_a_warning(tmp_path: Path):
    text = _setting("外贸企业满意度\t≥\t95\t%\t10", "满意度\t≥\t95\t%\t15")
    (finding,) = _check(tmp_path, text)[0]
    assert (finding.rule_id, finding.severity) == ("RESTATE.weight_across_tables", "warning")
    assert "满意度 ↔ 外贸企业满意度" in finding.message and "名称相互包含" in finding.message


def test_tables_linked_only_by_their_report_give_only_warnings(tmp_path: Path):
    text = _setting(SETTING_NAME, "").replace("资金支出合规性\t≥\t98", "资金支出合规性\t≥\t95", 1)
    (finding,) = _check(tmp_path, text)[0]
    assert (finding.rule_id, finding.severity) == ("RESTATE.target_across_tables", "warning")
    assert "同一报告" in finding.message


def test_weight_totals_that_differ_are_an_error(tmp_path: Path):
    """An indicator set with 10 points that the 自评表 lacks: 100 against 90."""
    extra = "\t\t新增外贸企业数量\t≥\t2\t户\t10\n"
    text = _setting("\t质量指标\t资金支出合规性", extra + "\t质量指标\t资金支出合规性")
    (finding,) = _check(tmp_path, text)[0]
    assert (finding.rule_id, finding.severity) == ("RESTATE.weight_total_across_tables", "error")
    assert finding.computed == "100" and "合计 90" in finding.message
    assert len(finding.evidence) == 17  # every weight of both tables


def test_qualitative_targets_in_other_words_are_not_compared(tmp_path: Path):
    text = _setting("定性\t持续提高", "定性\t明显提高")
    assert _check(tmp_path, text)[0] == []


def test_units_of_one_kind_are_one_unit():
    assert same_unit("次", "人次") and same_unit("批次", "次")
    assert same_unit("个", "家") and same_unit("项", "个") and same_unit("户", "家")
    assert same_unit("元", "万元") and same_unit("亿元", "万元")
    assert same_unit("％", "%")
    assert same_unit("次", "万元") is False and same_unit("%", "户") is False
    assert same_unit("亩", "平方米") is None  # not a unit linking knows: not judged


def test_names_match_by_normalised_text_then_containment():
    assert name_match("发放(缴纳)覆盖率", "发放（缴纳）覆盖率") == "exact"
    assert name_match("群众满意度指标", "群众满意度") == "exact"
    assert name_match("满意度", "服务对象满意度") == "contained"
    assert name_match("率", "到位率") is None  # too short to say
    assert name_match("社会满意度", "群众满意度") is None


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # one 满意度 among two: containment is ambiguous, position decides per 二级指标
        (
            [("满意度", "服务对象满意度指标"), ("社会效益", "社会效益指标")],
            [("服务对象满意度", "服务对象满意度指标"), ("群众满意度", "社会效益指标")],
            {("满意度", "服务对象满意度", "position"), ("社会效益", "群众满意度", "position")},
        ),
        (
            [("支持企业满意度", "满意度指标"), ("资金到位率", "质量指标")],
            [("服务对象满意度", "满意度指标"), ("资金到位率", "质量指标")],
            {("支持企业满意度", "服务对象满意度", "position"), ("资金到位率",) * 2 + ("exact",)},
        ),
    ],
)
def test_rows_are_paired_by_name_then_by_their_group(first, second, expected):
    pairs, _, _ = pair_rows(first, second, name=lambda r: r[0], group=lambda r: r[1])
    assert {(p.first[0], p.second[0], p.strength) for p in pairs} == expected


# --- RESTATE.indicator_in_both_tables: an indicator set and not evaluated, or the other way ---

PRESENCE = "RESTATE.indicator_in_both_tables"
EXTRA_SET = "\t\t新增外贸企业数量\t≥\t2\t户\t10\n"  # a second 数量指标 the 自评表 lacks


def _presence(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check_document(path)
    return [f for f in result.findings if f.rule_id == PRESENCE], result.ledger.rules.get(PRESENCE)


def _self_evaluation(old: str, new: str) -> str:
    """The report with one line of the 自评表 (OCR text) changed."""
    head, sep, rest = TEXT.partition("## 二、评价结论")
    assert rest.count(old) == 1
    return head + sep + rest.replace(old, new)


def test_tables_listing_the_same_indicators_pass(tmp_path: Path):
    found, ledger = _presence(tmp_path, TEXT)
    assert found == [] and (ledger.passed, ledger.failed) == (1, 0)


def test_an_indicator_set_and_not_evaluated_is_one_warning_with_its_name_cell(tmp_path: Path):
    text = _setting("\t质量指标\t资金支出合规性", EXTRA_SET + "\t质量指标\t资金支出合规性")
    (finding,), _ = _presence(tmp_path, text)
    assert finding.severity == "warning" and "项目名称一致" in finding.message
    missing = "设定的 1 个指标「新增外贸企业数量」未见于部门预算项目支出绩效自评表"
    assert finding.message.endswith("项目绩效目标设置表" + missing)
    name, *titles = finding.evidence
    assert (name.text, name.location.line) == ("新增外贸企业数量", 12)
    assert name.location.table_id and name.location.col is not None
    assert [t.text for t in titles] == ["项目绩效目标设置表", "部门预算项目支出绩效自评表"]
    assert finding.line == 12


def test_an_indicator_evaluated_that_was_never_set_is_listed(tmp_path: Path):
    text = _setting("\t时效指标\t拨付资金到位及时率\t≥\t98\t%\t10\n", "")
    (finding,), _ = _presence(tmp_path, text)
    assert "自评表评价的 1 个指标「拨付资金到位及时率」未见于项目绩效目标设置表" in finding.message
    assert "设定的" not in finding.message  # nothing set is missing: one half of the message
    assert finding.evidence[0].text.replace(" ", "") == "拨付资金到位及时率"


def test_names_in_other_words_pair_before_one_is_called_missing(tmp_path: Path):
    # contained (企业满意度 ↔ 外贸企业满意度), then the only row of its 二级指标
    text = _setting("外贸企业满意度\t≥\t95", "企业满意度\t≥\t95")
    assert _presence(tmp_path, text)[0] == []
    text = _setting("外贸企业满意度\t≥\t95", "服务对象满意度\t≥\t95")
    assert _presence(tmp_path, text)[0] == []


def test_a_name_still_matching_a_row_of_the_other_table_is_not_called_missing(tmp_path: Path):
    """A 满意度 printed twice in the target-setting table: one pairs, the other has a namesake
    in the 自评表, so which one was dropped is not known."""
    twice = "满意度指标\t满意度指标\t外贸企业满意度\t≥\t95\t%\t10\n"
    text = _setting(twice, twice + "\t社会效益指标\t外贸企业满意度\t≥\t90\t%\t5\n")
    found, ledger = _presence(tmp_path, text)
    assert found == [] and ledger.not_checked == 1


def test_tables_linked_only_by_their_report_say_so(tmp_path: Path):
    text = _setting("\t质量指标\t资金支出合规性", EXTRA_SET + "\t质量指标\t资金支出合规性")
    text = text.replace(SETTING_NAME, "")
    (finding,), _ = _presence(tmp_path, text)
    assert finding.severity == "warning" and "同一报告中仅此两表" in finding.message


def test_tables_linked_weakly_that_share_few_indicators_are_not_checked(tmp_path: Path):
    """An unnamed target-setting table of another project beside the 自评表: every row would be
    "missing", which says nothing."""
    _, sep, rest = TEXT.partition("## 二、评价结论")
    other = (
        "## 项目绩效目标设置表\n\n"
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重（%）\n"
        "产出指标\t培训数量\t电商培训人次\t≥\t300\t人次\t30\n"
        "\t培训质量\t培训合格率\t≥\t90\t%\t30\n"
        "满意度指标\t参训人员\t参训人员满意度\t≥\t90\t%\t30\n\n"
    )
    text = "# 电子商务培训项目支出绩效自评报告\n\n" + other + sep + rest
    found, ledger = _presence(tmp_path, text)
    assert found == [] and ledger.not_checked == 1


def test_a_row_without_a_name_leaves_the_pair_not_checked(tmp_path: Path):
    text = _setting("\t质量指标\t资金支出合规性", EXTRA_SET + "\t质量指标\t资金支出合规性")
    text = text.replace("数量指标\t支持外贸企业数量\t≥", "数量指标\t\t≥", 1)
    found, ledger = _presence(tmp_path, text)
    assert found == [] and ledger.not_checked == 1


def test_a_self_evaluation_whose_rows_were_not_read_is_not_checked(tmp_path: Path):
    """A titled 自评表 whose 三级指标 header was lost: typed, named, no rows read."""
    title = "\n\n部门预算项目支出绩效自评表（2023 年度）"
    titled = _self_evaluation("\n\n项目名称", title + "\n\n项目名称")
    head, sep, rest = titled.partition("## 二、评价结论")
    found, ledger = _presence(tmp_path, head + sep + rest.replace("\t三级指标\t", "\t\t"))
    assert found == [] and (ledger.not_checked, ledger.passed) == (1, 0)
