"""Words that compare (增加/减少/持平, 大于/小于/未达到) against the two numbers they compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlens.checks import run_checks
from budgetlens.checks.findings import Count
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document

from .conftest import SEEDS

TITLE = "2023年度部门决算公开\n一、部门资金收支情况\n"
# 004 l.210, as printed: both amounts and the comparison in one sentence
NAMED = (
    "遂宁市安居区行政审批局2023年年初预算收入1179.47万元、决算报表收入1179.47万元，"
    "年初预算与决算数持平。\n"
)
# 002 l.51 and l.108 with the change amount left out, as other counties write them
PRIOR = (
    "资阳市雁江区人民政府办公室2022年本年收入1346.85万元，比2021年3950.63万元有所减少。\n"
    "2022年一般公共预算财政拨款基本支出947.60万元，较上年的890.90万元有所增长。\n"
)


def _words(tmp_path: Path, body: str):
    path = tmp_path / "report.txt"
    path.write_text(TITLE + body, encoding="utf-8")
    result = check_document(path)
    ledger = result.ledger.families.get("words", Count())
    return [f for f in result.findings if f.family == "words"], ledger


def test_real_sentences_hold(tmp_path: Path):
    found, ledger = _words(tmp_path, NAMED + PRIOR)
    assert found == [] and ledger.passed == 3


@pytest.mark.parametrize(
    ("old", "new", "word", "line"),
    [
        ("有所减少", "有所增加", "增加", 3),
        ("有所增长", "有所下降", "下降", 4),
        ("有所增长", "基本持平", None, None),  # "基本" allows a small move: not judged
        ("较上年的890.90万元有所增长", "与2021年947.61万元持平", "持平", 4),
    ],
)
def test_a_direction_word_against_the_printed_prior(tmp_path: Path, old, new, word, line):
    found, _ = _words(tmp_path, PRIOR.replace(old, new))
    if word is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.rule_id, finding.severity) == ("WORD.change_direction", "error")
    assert finding.evidence[-1].text == word and finding.evidence[-1].role == "label"
    assert finding.evidence[-1].location.line == finding.line == line


def test_a_stated_change_amount_is_left_to_the_change_rule(tmp_path: Path):
    body = "人员经费824.40万元，比2021年724.32万元，减少100.08万元，下降13.82%。\n"
    found, _ = _words(tmp_path, body + NAMED)
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("决算数1511.89万元，预算数1560.05万元，决算数小于预算数。", False),
        ("决算数1511.89万元，预算数1560.05万元，决算数大于预算数。", True),
        ("决算数1511.89万元，预算数1560.05万元，决算数未达到预算数。", False),
        ("执行数1560.05万元，预算数1560.05万元，执行数低于预算数。", True),
        ("执行数1560.05万元，预算数1560.05万元，执行数未超过预算数。", False),
        ("年初预算收入1179.47万元、决算报表收入1150.47万元，年初预算与决算数持平。", True),
        ("年初预算收入12.3万元、决算报表收入12.30万元，年初预算与决算数持平。", False),
    ],
)
def test_a_comparison_naming_two_amounts(tmp_path: Path, sentence: str, fires: bool):
    found, _ = _words(tmp_path, sentence + "\n")
    assert [f.rule_id for f in found] == (["WORD.named_comparison"] if fires else [])
    for finding in found:
        assert finding.severity == "warning"  # linked by words, not by structure
        assert len(finding.evidence) == 3


def test_figures_printed_too_coarsely_to_tell_are_not_checked(tmp_path: Path):
    """12 (11.5 to 12.5) against 12.3 may be the same amount: "持平" is neither held nor broken."""
    body = "年初预算收入12万元、决算报表收入12.3万元，年初预算与决算数持平。\n"
    found, ledger = _words(tmp_path, body)
    assert found == [] and (ledger.not_checked, ledger.passed) == (1, 0)


def test_a_comparison_whose_sides_are_ambiguous_is_not_judged(tmp_path: Path):
    body = "预算收入100万元、预算支出90万元、决算数80万元，预算数大于决算数。\n"
    found, _ = _words(tmp_path, body)
    assert found == []


def _with_note(old: str, new: str):
    """001's 自评表 with one 原因 cell reworded; its findings of the note rule."""
    document = read_document(SEEDS["001"])
    cell = next(c for t in document.tables for c in t.cells if c.text == old)
    cell.text = new
    findings, ledger = run_checks(document, extract_document(document), [])
    return [f for f in findings if f.rule_id == "WORD.budget_adjustment_note"], ledger


def test_every_adjustment_note_of_the_seed_agrees_with_its_budget():
    """001 l.412 "预算调减了8.85万元" beside 202.36 → 193.51; l.1101 "追加预算资金12万元"
    beside 0.00 → 12.00; "渠财预[2023]17号追加预算." beside 0.00 → 100.50."""
    found, ledger = _with_note("", "")
    assert found == [] and ledger.families["words"].passed >= 10


@pytest.mark.parametrize(
    ("new", "stated", "computed"),
    [
        ("由于人员变动和调资晋级进行工资清算，预算调减了8.58万元。", "8.58", "-8.85"),
        # 8.85万元, given in 元 as the note prints it
        ("由于人员变动和调资晋级进行工资清算，预算核减85800元。", "85800", "-88500"),
        ("由于人员变动和调资晋级进行工资清算，预算追加了8.85万元。", "193.51", "202.36"),
    ],
)
def test_a_note_that_contradicts_its_line_is_an_error(new: str, stated: str, computed: str):
    """001 l.412: 年初预算 202.36, 调整后预算 193.51; the note reworded."""
    old = "由于人员变动和调资晋级进行工资清算，预算调减了8.85万元。"
    (finding,), _ = _with_note(old, new)
    assert (finding.severity, finding.stated, finding.computed) == ("error", stated, computed)
    assert all(e.location.table_id for e in finding.evidence)


def test_the_templates_instruction_is_not_a_note_to_judge():
    """The template's "年中发生预算调整的（追加或调减），应单独说明理由" names both directions."""
    found, _ = _with_note(
        "由于人员变动和调资晋级进行工资清算，预算调减了8.85万元。",
        "年中发生预算调整的（追加或调减），应单独说明理由",
    )
    assert found == []


# The Shanghai 决算 (external/, p.22) as the PDF reader breaks it: each 项's budget and final
# amounts, then the comparison that explains them, sometimes in the next paragraph.
STATEMENT_NOTES = (
    "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的"
    "基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出"
    "及退休变化，减少人员经费开支。\n"
    "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：\n"
    "局财政业务指导与宣传等基本支出。年初预算为10.00万元，支出决算为10.00万元。\n"
    "决算数与预算数持平。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "fires"),
    [
        (None, None, False),
        ("支出决算为1511.89万元", "支出决算为1611.89万元", True),  # 决算 above 预算, "小于"
        ("支出决算为10.00万元。", "支出决算为9.00万元。", True),  # "持平" over 10.00 and 9.00
        ("决算数与预算数持平", "决算数与预算数基本持平", False),  # "基本": a small move allowed
    ],
)
def test_statement_notes_compare_the_amounts_before_them(tmp_path: Path, old, new, fires):
    text = STATEMENT_NOTES if old is None else STATEMENT_NOTES.replace(old, new)
    found, ledger = _words(tmp_path, text)
    assert [f.rule_id for f in found] == (["WORD.named_comparison"] if fires else [])
    assert ledger.run >= (2 if new != "决算数与预算数基本持平" else 1)
