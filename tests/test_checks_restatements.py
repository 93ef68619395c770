"""The same fact stated twice in prose must agree: amounts and achievements."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from budgetlens.document import Table
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document, check_read

from .conftest import SEEDS, seed_findings


def _rule(seed: str, rule: str):
    return [f for f in seed_findings(seed) if f.rule_id == rule]


def test_an_achievement_stated_twice_in_one_report_with_two_values_is_warned():
    """002 l.850 and l.854, one report: 调研80余次, then 调研60余次."""
    found = [f for f in _rule("002", "RESTATE.same_achievement") if f.line == 854]
    (finding,) = found
    assert finding.severity == "warning"
    assert [(e.text, e.location.line) for e in finding.evidence] == [("60", 854), ("80", 850)]
    assert "60余次" in finding.message and "80余次" in finding.message


def test_achievements_of_different_reports_with_one_title_are_not_compared():
    """004 prints five reports titled 预算项目绩效评价报告: 群众满意度 95% in one and 100% in
    another are two projects' figures, not one contradicted."""
    assert not _rule("004", "RESTATE.same_achievement")


def test_a_target_restated_in_prose_is_not_an_achievement_to_compare():
    """001 l.1618 "98%以上" is a bound; l.1642 "100%" what was achieved."""
    assert not [f for f in _rule("001", "RESTATE.same_achievement") if f.line == 1642]


def test_an_amount_named_at_the_end_of_a_longer_subject_is_the_same_amount():
    """002 l.846 "运行运转保障经费74.23万元"; l.2958 "同意给予区政府办公室运行运转保障经费
    74.43万元" (and lines 152, 2960, 3342 say 74.43)."""
    found = [f for f in _rule("002", "RESTATE.same_amount") if f.line == 2958]
    (finding,) = found
    assert {(e.text, e.location.line) for e in finding.evidence} == {
        ("74.43", 2958),
        ("74.23", 846),
    }
    assert finding.severity == "warning"


def test_a_change_is_not_the_amount_it_changed():
    """002 l.84 "减少…职业年金缴费支出9.44万元" is a decrease; l.110 "职业年金缴费9.46万元" the
    year's amount: two quantities, not one printed twice."""
    assert not [f for f in _rule("002", "RESTATE.same_amount") if f.line == 110]


def test_a_report_titled_with_another_year_than_the_list_names_it_is_warned():
    """002 l.2252 and l.2951: titles say 2023年, the 附件 list (l.277, 279) says 2022年."""
    found = _rule("002", "YEAR.report_named_twice")
    assert [(f.line, f.stated, f.computed) for f in found] == [
        (2252, "2023", "2022"),
        (2951, "2023", "2022"),
    ]
    assert [e.location.line for e in found[0].evidence] == [2252, 277]
    stated, listed = found[0].evidence
    assert (stated.location.start, stated.location.end) == (0, 4)
    assert listed.location.block_id and listed.location.end - listed.location.start == 4


def test_a_deduction_quoted_for_a_numbered_criterion_is_what_the_sheet_took_off():
    """002 l.259 quotes criterion 32 (分值 3 at l.673, 自评分数 1 at l.675) and says 扣1分,
    where 3 − 1 = 2. Criteria 24, 34, 35 and 37, quoted the same way, agree with the sheet."""
    (finding,) = _rule("002", "RESTATE.criterion_deduction")
    assert (finding.line, finding.severity, finding.computed) == (259, "error", "2")
    assert [(e.role, e.text, e.location.line) for e in finding.evidence] == [
        ("stated", "1", 259),
        ("operand", "3", 673),
        ("operand", "1", 675),
    ]


def test_a_prose_figure_against_a_coarser_table_figure_keeps_each_its_own_interval():
    """000 l.183 "资金到位率 90.02%" against the table's 100 (l.303): the stated value is the
    prose's with its own interval, the computed one the table's, not the prose's repeated."""
    (finding,) = [f for f in _rule("000", "RESTATE.indicator_actual") if f.line == 183]
    assert (finding.stated, finding.computed, finding.difference) == ("90.02%", "100", "-9.98")
    assert finding.stated_interval == (Decimal("90.015"), Decimal("90.025"))
    assert finding.computed_interval == (Decimal("99.5"), Decimal("100.5"))


def test_a_change_stated_in_yuan_is_reported_in_yuan():
    """002 l.140 "固定资产原值减少 231元", its reasons netting to +309元: judged in 万元,
    reported in the 元 it was printed in."""
    (finding,) = [f for f in seed_findings("002") if f.rule_id == "CHANGE.explained_by_its_parts"]
    assert (finding.line, finding.stated, finding.computed) == (140, "231", "309")
    assert finding.stated_interval == (Decimal("-231.5"), Decimal("-230.5"))
    assert finding.difference == "-540"


def test_an_indicator_named_in_other_words_in_the_table_is_linked_weakly(tmp_path: Path):
    """000: "资金到位率90.02%" in prose, 100 in the 自评表's 资金到位率 row (an error). Where
    the table calls the row 项目资金到位率, the row is found by containment: a warning that
    names both wordings."""

    def arrival(text: str):
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        found = check_document(path).findings
        return [f for f in found if f.rule_id == "RESTATE.indicator_actual" and "90.02" in f.stated]

    text = SEEDS["000"].read_text(encoding="utf-8")
    (exact,) = arrival(text)
    assert exact.severity == "error" and "包含" not in exact.message
    assert text.count("\n\t资金到位率\n") == 1
    (weak,) = arrival(text.replace("\n\t资金到位率\n", "\n\t项目资金到位率\n"))
    assert weak.severity == "warning"
    assert "名称相互包含：资金到位率 ↔ 项目资金到位率" in weak.message
    assert [e.text for e in weak.evidence] == [e.text for e in exact.evidence]


SHANGHAI = (
    Path(__file__).resolve().parents[1]
    / "eval"
    / "corpus"
    / "external"
    / "shanghai-putuo-finance-2024-final-accounts.pdf"
)


def test_a_statement_cell_blanked_beside_its_prose_figure_is_warned():
    """The Shanghai 决算's 说明 restates 本年收入合计 2946.25 (p.21); blanking the 总表's
    figure beside that label leaves the prose figure with nothing to check it against."""
    document = read_document(SHANGHAI)
    assert not [
        f for f in check_read(document).findings if f.rule_id == "COMPLETE.stated_cell_blank"
    ]
    table = next(
        b
        for b in document.blocks
        if isinstance(b, Table) and "收入支出决算总表" in b.text and "财政拨款" not in b.text
    )
    label = next(c for c in table.cells if c.text.replace(" ", "") == "本年收入合计")
    figure = table.cell_at(label.row, label.col + 1)
    assert figure is not None and figure.text.strip()
    figure.text = ""
    found = [f for f in check_read(document).findings if f.rule_id == "COMPLETE.stated_cell_blank"]
    assert [f.message for f in found] == [
        "本年收入合计 2946.25万元，但报表「本年收入合计」一栏空白"
    ]
    assert found[0].evidence[0].text == "2946.25" and found[0].evidence[1].location.table_id
