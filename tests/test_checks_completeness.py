"""Every statement the report's 目录 promises is in it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from budgetlens.document import Document
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document, check_read

from .conftest import CORPUS

RULE = "COMPLETE.promised_statement"
# The 目录 of a 决算 as Shanghai's districts print it (external/shanghai-putuo…pdf), then the body
REPORT = """上海市普陀区某局2024年度部门决算

目录

第一部分 某局概况
第二部分 某局2024年度部门决算表
一、收入支出决算总表
二、收入决算表
三、财政拨款“三公”经费支出决算表
第三部分 某局2024年度部门决算情况说明

第一部分 某局概况
某局主要职能是……

第二部分 某局2024年度部门决算表

{first}

单位：万元

收入支出决算总表说明：本年收入合计1200.00万元。

收入决算表

单位：万元

本年收入合计1200.00万元，其中财政拨款收入1100.00万元。

{third}

单位：万元

本年“三公”经费支出12.00万元。

第三部分 某局2024年度部门决算情况说明
一、收入支出决算总体情况说明
"""


def _found(
    tmp_path: Path, first: str = "收入支出决算总表", third: str = "财政拨款“三公”经费支出决算表"
):
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(first=first, third=third), encoding="utf-8")
    result = check_document(path)
    return [f for f in result.findings if f.rule_id == RULE], result.ledger


def test_statements_the_contents_promise_and_the_body_prints_hold(tmp_path: Path):
    found, ledger = _found(tmp_path)
    assert found == [] and ledger.families["identity"].passed >= 3


def test_a_title_printed_a_little_differently_is_the_same_statement(tmp_path: Path):
    """The page prints the year and drops a word the 目录 has."""
    assert _found(tmp_path, third="2024年度财政拨款“三公”经费决算表")[0] == []


def test_a_promised_statement_the_body_lacks_is_warned_with_its_contents_line(tmp_path: Path):
    (finding,), _ = _found(tmp_path, third="本部门无其他报表。")
    assert finding.severity == "warning" and "财政拨款三公经费支出决算表" in finding.message
    (entry,) = finding.evidence
    assert entry.role == "label" and entry.text == "三、财政拨款“三公”经费支出决算表"
    assert entry.location.line == 9


def test_a_budget_whose_statements_are_not_attached_is_warned():
    """J15 (江苏省政协办公厅 2017): the 目录 lists twelve 预算表, the body says "公开表附后" and
    none follows."""
    path = CORPUS / "realworld" / "J15_江苏省政协办公厅__江苏省政协办公厅2017年度部门预算.pdf"
    (finding,) = [f for f in check_document(path).findings if f.rule_id == RULE]
    assert "12 张" in finding.message and len(finding.evidence) == 12
    assert all(e.location.page == 1 for e in finding.evidence)


# --- COMPLETE.template_statement ----------------------------------------------------------

TEMPLATE = "COMPLETE.template_statement"
SHANGHAI = CORPUS / "external" / "shanghai-putuo-finance-2024-final-accounts.pdf"
FORM = CORPUS / "external" / "final-accounts-template.pdf"
# Seven statements printed, the 政府性基金 one declared absent, the 国有资本经营 one declared
# absent where the example holds (and not where it fires).
EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "budgetlens" / "checks" / "examples"
HOLDS = (EXAMPLE / TEMPLATE / "holds.txt").read_text(encoding="utf-8")
FIRES = (EXAMPLE / TEMPLATE / "fires.txt").read_text(encoding="utf-8")


@cache
def _shanghai() -> Document:
    return read_document(SHANGHAI)


def _template(result):
    return [f for f in result.findings if f.rule_id == TEMPLATE], result.ledger.rules.get(TEMPLATE)


def _checked_text(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return _template(check_document(path))


def _without(document: Document, *titles: str) -> Document:
    """The document less every block whose text (numbering and spaces aside) is one of
    ``titles`` or holds one of them: a statement taken out, its 目录 line and notes too."""
    copy = document.model_copy(deep=True)
    copy.blocks = [b for b in copy.blocks if not any(t in b.text.replace(" ", "") for t in titles)]
    return copy


def test_the_shanghai_final_accounts_print_all_nine():
    found, ledger = _template(check_read(_shanghai()))
    assert found == [] and (ledger.passed, ledger.not_checked) == (9, 0)


def test_the_national_template_itself_holds():
    """The list is the template's (external/final-accounts-template.pdf): it prints all nine."""
    found, ledger = _template(check_document(FORM))
    assert found == [] and ledger.passed == 9


def test_the_templates_instruction_for_a_department_with_none_is_no_declaration(tmp_path: Path):
    instruction = "无国有资本经营预算财政拨款收入支出的部门，作下述说明：（此处说明）。\n"
    (finding,), _ = _checked_text(tmp_path, FIRES + instruction)
    assert "国有资本经营" in finding.message


def test_a_statement_taken_out_with_its_notes_is_warned_citing_the_title():
    document = _without(_shanghai(), "国有资本经营")
    (finding,), ledger = _template(check_read(document))
    assert finding.severity == "warning" and ledger.failed == 1 and ledger.passed == 8
    assert "1 张" in finding.message and "国有资本经营预算财政拨款收入支出决算表" in finding.message
    assert "未识别的标题" in finding.message
    title, *present = finding.evidence
    assert title.text == "2024年度部门决算" and title.location.page == 1
    assert len(present) == 8 and present[0].text == "收入支出决算总表"
    assert all(e.location.table_id for e in present[:6])  # the statements as read


def test_a_statement_not_printed_but_declared_absent_in_the_prose_holds():
    """The 政府性基金 table and its title gone, "…2024年度无政府性基金预算财政拨款收入和支出。"
    in the 情况说明 still says why."""
    document = _shanghai().model_copy(deep=True)
    document.blocks = [
        b
        for b in document.blocks
        if b.text.strip() != "政府性基金预算财政拨款收入支出决算表" and "故本表无数据" not in b.text
    ]
    found, ledger = _template(check_read(document))
    assert found == [] and ledger.passed == 9


def test_other_provinces_names_for_the_statements_count(tmp_path: Path):
    text = (
        HOLDS.replace("一、收入支出决算总表", "一、部门收支决算总表")
        .replace(
            "六、一般公共预算财政拨款基本支出决算表", "六、一般公共预算财政拨款基本支出决算明细表"
        )
        .replace(
            "七、财政拨款“三公”经费支出决算表",
            "七、2024年度一般公共预算财政拨款“三公”经费支出决算表",
        )
    )
    found, ledger = _checked_text(tmp_path, text)
    assert found == [] and ledger.passed == 9
    # a title alone, read by its form: too short a name for the closest-name match
    found, ledger = _checked_text(
        tmp_path, FIRES + "\n附表9 国有资本经营预算支出决算表\n注：本表无数据。\n"
    )
    assert found == [] and ledger.passed == 9


def test_a_title_the_reader_damaged_still_names_its_statement(tmp_path: Path):
    statement = "政府性基金预算财政拨款收入支出决算表"
    text = FIRES.replace("无政府性基金预算财政拨款收入和支出", "无其他收支") + (
        "\n附表8：政府性基全预算财政拨款收入支出决算表\n\n\t项目\n\t本年支出\n\n\t合计\n\t0.00\n"
    )
    (finding,), _ = _checked_text(tmp_path, text)
    assert statement not in finding.message and "国有资本经营" in finding.message


def test_another_statement_is_not_taken_for_the_missing_one(tmp_path: Path):
    """ "一般公共预算财政拨款项目支出决算表" (printed by some provinces) is not the 基本支出 one,
    though all but two of its characters are the same."""
    text = HOLDS.replace(
        "六、一般公共预算财政拨款基本支出决算表", "六、一般公共预算财政拨款项目支出决算表"
    )
    (finding,), _ = _checked_text(tmp_path, text)
    assert "1 张" in finding.message and "基本支出决算表" in finding.message


def test_the_contents_lines_print_no_statement(tmp_path: Path):
    contents = "目录\n\n第一部分 某局概况\n九、国有资本经营预算财政拨款收入支出决算表\n"
    text = FIRES.replace("\n\n第一部分 某局概况\n", f"\n\n{contents}\n第一部分 某局概况\n", 1)
    (finding,), _ = _checked_text(tmp_path, text)
    assert "国有资本经营" in finding.message


def test_a_budget_disclosure_is_not_checked_against_the_final_accounts_list(tmp_path: Path):
    """预算 templates differ by province: a 预算 with statements is recorded, not judged."""
    found, ledger = _checked_text(tmp_path, FIRES.replace("决算", "预算"))
    assert found == [] and (ledger.run, ledger.not_checked) == (1, 1)


def test_a_report_without_statements_is_not_judged(tmp_path: Path):
    """The seeds' 决算 print their statements elsewhere ("以上附表见附件"): nothing to count."""
    found, ledger = _checked_text(tmp_path, REPORT.format(first="收入支出决算总表", third=""))
    assert found == [] and ledger is None
