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
