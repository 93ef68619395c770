"""An indicator row agrees with itself: a 定性 row states its target in words."""

from __future__ import annotations

from pathlib import Path

from budgetlens.pipeline import check_document

from .conftest import seed_findings

RULE = "SCORE.qualitative_with_number"
# 004's 物业管理费 自评表 (a Word export, one cell a line), as printed: a 定性 row with "4 座（处）"
ROWS = """2023年物业管理费项目支出绩效自评报告

部门预算项目支出绩效自评表（2023年度）

\t项目名称
\t2023年物业管理费

\t绩效指标
\t一级指标
\t二级指标
\t三级指标
\t指标性质
\t指标值
\t度量单位
\t完成值
\t权重
\t得分

\t
\t产出指标
\t质量指标
\t保证政务大厅正常运转
\t定性
\t{target}
\t{unit}
\t{actual}
\t15
\t15

\t
\t满意度指标
\t服务对象满意度指标
\t让办事群众满意
\t≥
\t95
\t%
\t96
\t15
\t15
"""


def _found(tmp_path: Path, **cells: str):
    path = tmp_path / "report.txt"
    path.write_text(ROWS.format(**cells), encoding="utf-8")
    result = check_document(path)
    return [f for f in result.findings if f.rule_id == RULE], result.ledger


def test_a_qualitative_row_with_a_number_is_warned(tmp_path: Path):
    (finding,), _ = _found(tmp_path, target="4", unit="座（处）", actual="4")
    assert finding.severity == "warning" and finding.stated == "4"
    assert [(e.role, e.text) for e in finding.evidence] == [("stated", "4"), ("label", "定性")]
    assert all(e.location.table_id for e in finding.evidence)
    assert "4座（处）" in finding.message


def test_a_qualitative_row_stated_in_words_holds(tmp_path: Path):
    found, ledger = _found(tmp_path, target="正常运转", unit="", actual="正常运转")
    assert found == [] and ledger.families["scores"].passed >= 1


def test_the_seed_rows_that_are_qualitative_with_a_figure_are_found():
    """004: "提供了良好的办事环境 定性 100 %" and "保证政务大厅正常运转 定性 4 座（处）"."""
    found = [f for f in seed_findings("004") if f.rule_id == RULE]
    assert sorted(f.stated for f in found) == ["100", "4"]
    assert not [f for s in ("000", "001", "002") for f in seed_findings(s) if f.rule_id == RULE]
