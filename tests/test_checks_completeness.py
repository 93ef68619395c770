"""Every statement the report's 目录 promises is in it."""

from __future__ import annotations

from pathlib import Path

from budgetlens.pipeline import check_document

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
