"""Checks inside tables: scores, weights, execution rates, statement identities."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetlens.checks import run_checks
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document

from .conftest import CORPUS, SEEDS, read

SHANGHAI = CORPUS / "external" / "shanghai-putuo-finance-2024-final-accounts.pdf"


@cache
def checked(path: Path):
    document = read(path)
    return run_checks(document, extract_document(document), [])


def _at(findings, line: int, rule: str):
    return [f for f in findings if f.rule_id == rule and f.line and abs(f.line - line) <= 2]


def test_full_marks_on_a_missed_target_is_a_warning():
    findings, _ = checked(SEEDS["001"])
    (finding,) = _at(findings, 855, "SCORE.full_marks_on_missed_target")  # known, medium
    assert finding.severity == "warning"
    assert [e.text for e in finding.evidence] == ["10", "10", "100", "1.147"]
    assert {e.location.line for e in finding.evidence} == {855}
    assert finding.evidence[0].role == "stated"


def test_a_score_printed_once_for_a_merged_group_is_not_an_error():
    findings, _ = checked(SEEDS["001"])
    assert not _at(findings, 367, "SCORE.award_within_allotment")  # 15 = 3+3+3+3+3 of 履职效能


def test_weights_off_the_convention_are_warned_with_every_weight_as_evidence():
    findings, _ = checked(SEEDS["000"])
    weights = [f for f in findings if f.rule_id == "FOOT.indicator_weights"]
    assert {f.computed for f in weights} == {"80", "75"}  # lines 265-346 (known) and 971
    eighty = next(f for f in weights if f.computed == "80")
    assert len(eighty.evidence) == 7 and all(e.location.table_id for e in eighty.evidence)
    # no printed figure states the total: the first weight is an operand like the others
    assert eighty.stated is None and eighty.stated_interval is None
    assert {e.role for e in eighty.evidence} == {"operand"} and eighty.line == 282


def test_execution_rates_of_every_project_table_are_recomputed():
    _, ledger = checked(SEEDS["001"])
    rates = ledger.families["rates"]
    assert rates.run >= 100 and rates.failed == 0


def test_statement_identities_of_a_final_accounts_pdf():
    findings, ledger = checked(SHANGHAI)
    statements = ledger.families["statements"]
    # two summaries × three identities and each side's numbered lines, every 合计 column and
    # 科目编码 line, and the 15 codes printed in more than one statement, under one name, and
    # the nine statements' one unit line, and four 基本支出/项目支出 columns named as the other
    # statements name their totals: the statements foot exactly but for eight 0.01
    # differences of rounding 元 to 万元, noted at info
    assert (statements.run, statements.passed, statements.noted) == (174, 166, 8)
    assert ledger.rules["STMT.summary_lines"].passed == 4
    assert ledger.rules["STMT.column_named"].passed == 4
    assert ledger.rules["STMT.code_name"].passed == 15
    assert not [f for f in findings if f.family == "statements" and f.severity != "info"]


def test_a_broken_identity_is_an_error_naming_its_operands(tmp_path):
    """Change one printed total of a statement: the identity it enters must fail."""
    document = read_document(SHANGHAI)
    table = next(t for t in document.tables if t.text == "收入支出决算总表")
    total = next(c for c in table.cells if c.text == "2,995.39")
    total.text = "2,995.93"
    findings, _ = run_checks(document, extract_document(document), [])
    # the eight rounding notes stay notes; what the changed total enters is an error
    broken = [f for f in findings if f.family == "statements" and f.severity != "info"]
    assert broken and all(f.severity == "error" for f in broken)
    assert any("2,995.93" in f.message for f in broken)
    assert all(f.evidence[0].text == "2,995.93" for f in broken if f.stated == "2,995.93")


def test_no_error_in_the_tables_of_the_word_seeds_but_the_known_group_score():
    findings, _ = checked(SEEDS["004"])
    assert not [f for f in findings if f.severity == "error"]
    findings, _ = checked(SEEDS["002"])
    errors = [(f.rule_id, f.line) for f in findings if f.severity == "error"]
    # known l.527: （四） says 20 where its items give 19. 二、过程管理 (72) and the 合计 (90)
    # add up the groups below them, so the one wrong figure is one finding.
    assert errors == [("SCORE.group_score_adds_up", 530)]


def test_a_group_score_names_every_item_it_adds():
    findings, _ = checked(SEEDS["002"])
    (group,) = _at(findings, 530, "SCORE.group_score_adds_up")
    assert group.stated == "20" and group.computed == "19" and group.tier == "mismatch"
    # the stated 20, items 18–28 (item 20 rejoined from its split row), the group's label
    assert [e.role for e in group.evidence] == ["stated", *["operand"] * 11, "label"]
    assert [e.text for e in group.evidence[1:-1]].count("1") == 3
    assert (group.evidence[-1].text, group.evidence[-1].location.line) == (
        "（四）事后绩效评价管理",
        527,
    )


def test_a_heading_allotment_its_items_do_not_make_is_an_error():
    """The guide's example: section allotments that add to 30 under a heading that says 32."""
    document = read_document(SEEDS["004"])  # a copy of its own: the cached one stays intact
    table = next(t for t in document.tables if t.id == "t1")
    label = next(c for c in table.cells if c.text == "预算编制（30分）")
    label.text = "预算编制（32分）"
    findings, _ = run_checks(document, extract_document(document), [])
    (finding,) = [f for f in findings if f.rule_id == "SCORE.group_allotment_adds_up"]
    assert finding.severity == "error" and finding.line == 286
    assert finding.stated == "32" and finding.computed == "30"


def test_groups_whose_labels_ocr_displaced_are_not_checked():
    """001 l.1596: OCR moved 项目管理(18分) down a row, so 分配管理 reads as 项目实施's: two
    groups disagree with their items, which is displaced labels, not two bad figures."""
    findings, _ = checked(SEEDS["001"])
    assert not [f for f in findings if f.rule_id.startswith("SCORE.group_")]


def test_a_wrong_allotment_under_displaced_labels_is_still_caught_one_level_up():
    """With 001's level-2 groups untrusted, 通用指标(54分) adds up its items: change one."""
    document = read_document(SEEDS["001"])
    table = next(t for t in document.tables if t.id == "t44")
    row = next(c.row for c in table.cells if c.text == "资金投向")  # l.1595
    cell = next(c for c in table.cells if c.row == row and c.text == "6")
    cell.text = "8"
    findings, _ = run_checks(document, extract_document(document), [])
    groups = [f for f in findings if f.rule_id == "SCORE.group_allotment_adds_up"]
    assert [(f.stated, f.computed) for f in groups] == [("54", "56")]
    assert any(e.location.line == 1595 and e.text == "8" for e in groups[0].evidence)


def test_every_finding_has_located_evidence():
    for path in [*SEEDS.values(), SHANGHAI]:
        findings, _ = checked(path)
        for finding in findings:
            assert finding.rule_id and finding.rule_version >= 1
            assert finding.evidence
            # the stated value comes first; a finding with none states nothing
            roles = [e.role for e in finding.evidence]
            assert (roles[0] == "stated") == (finding.stated is not None), finding.rule_id
            for evidence in finding.evidence:
                location = evidence.location
                assert location.line or location.page or location.block_id, finding


def test_prose_amounts_of_a_final_accounts_pdf_are_linked_to_statement_cells():
    from budgetlens.pipeline import check_document

    result = check_document(SHANGHAI)
    linked = [f for f in result.findings if f.rule_id == "RESTATE.statement_amount"]
    # The report really prints "财政拨款收入支出总计0.3万元" (page 21) against 2,961.68 in its
    # 财政拨款收入支出决算总表, and 326.72 against the statement's 326.71.
    zero_point_three = next(f for f in linked if f.stated == "0.3")
    assert zero_point_three.severity == "error" and zero_point_three.page == 21
    assert zero_point_three.evidence[1].text == "2,961.68"
    assert zero_point_three.evidence[1].location.table_id is not None
    assert any(f.stated == "326.72" and f.severity == "warning" for f in linked)
    assert result.ledger.families["restatements"].run >= 5


def test_a_table_with_figures_no_check_reads_is_listed_with_why(tmp_path):
    """Nothing is dropped silently: a table of numbers of no known kind is in the coverage."""
    from budgetlens.pipeline import check_document
    from budgetlens.report import to_json

    report = tmp_path / "r.txt"
    report.write_text(
        "某局2024年度部门整体支出绩效评价报告\n\n"
        "\t季度\n\t一季度\n\t二季度\n\t三季度\n\n"
        "\t人数\n\t12\n\t15\n\t18\n\n"
        "\t金额\n\t3.50\n\t4.25\n\t6.00\n",
        encoding="utf-8",
    )
    coverage = to_json(check_document(report))["coverage"]
    [unread] = coverage["tables_not_read"]
    assert unread["kind"] == "unknown" and unread["numbers"] == 6
    assert unread["reason"].startswith("no kind")
    assert coverage["tables_read"] == 0


def _statement_report(tmp_path, rows: list[list[str]]):
    from budgetlens.pipeline import check_document

    lines = [
        "某区财政局2024年部门预算",
        "",
        "2024年部门一般公共预算支出功能分类预算表",
        "单位：万元",
        "",
    ]
    for row in [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], *rows]:
        lines += [f"\t{cell}" for cell in row] + [""]
    path = tmp_path / "budget.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return check_document(path)


GOOD_LINES = [
    ["", "合计", "150.00", "90.00", "60.00"],
    ["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
    ["20101", "人大事务", "100.00", "60.00", "40.00"],
    ["2010101", "行政运行", "70.00", "60.00", "10.00"],
    ["2010102", "一般行政管理事务", "30.00", "", "30.00"],
    ["221", "住房保障支出", "50.00", "30.00", "20.00"],
    ["22102", "住房改革支出", "50.00", "30.00", "20.00"],
    ["2210201", "住房公积金", "50.00", "30.00", "20.00"],
]


def test_a_statement_foots_by_its_columns_and_its_codes(tmp_path):
    """合计 = 基本支出 + 项目支出 on every line; 类 = Σ款 = Σ项; 合计 = Σ类."""
    result = _statement_report(tmp_path, GOOD_LINES)
    table = result.extraction.tables[0]
    assert table.kind == "statement" and table.form == "fiscal_expenditure"
    assert not [f for f in result.findings if f.rule_id.startswith("STMT")]
    assert result.ledger.families["statements"].passed >= 8 + 4 * 3

    broken = [list(r) for r in GOOD_LINES]
    broken[3][2] = "75.00"  # 行政运行: its 合计 no longer its parts, its 款 no longer its 项
    findings = [
        f for f in _statement_report(tmp_path, broken).findings if f.rule_id.startswith("STMT")
    ]
    assert {f.rule_id for f in findings} == {"STMT.column_total", "STMT.code_hierarchy"}
    assert all(f.severity == "error" for f in findings)
    assert any(f.stated == "75.00" and f.computed == "70" for f in findings)


def test_a_statement_whose_columns_were_misread_is_not_checked_line_by_line(tmp_path):
    """When most lines fail one identity the reading is wrong, not the report: no flood."""
    shifted = [[*r[:2], r[3], r[2], r[4]] for r in GOOD_LINES]  # 合计 and 基本支出 swapped
    result = _statement_report(tmp_path, shifted)
    assert not [f for f in result.findings if f.rule_id == "STMT.column_total"]
    assert result.ledger.families["statements"].not_checked >= 6


def test_a_whole_point_over_the_allotment_is_an_error():
    """Scores and allotments are exact: one point over is over, not within ±0.5 of rounding."""
    document = read_document(SEEDS["001"])
    extraction = extract_document(document)
    item = next(
        i
        for t in extraction.tables
        for i in getattr(t, "items", [])
        if i.score_value and i.allotted_value and i.score_value.value == i.allotted_value.value
    )
    ref = item.cells["score"]
    table = next(t for t in document.tables if t.id == ref.table_id)
    cell = table.cell_at(ref.row, ref.col)
    cell.text = str(item.allotted_value.value + 1)
    findings, _ = run_checks(document, extract_document(document), [])
    (finding,) = [f for f in findings if f.rule_id == "SCORE.award_within_allotment"]
    assert (finding.stated, finding.computed) == (cell.text, item.allotted)
    assert finding.evidence[0].location.row == ref.row


def test_fund_lines_of_every_self_evaluation_table_add_up():
    """001's 自评表: 总额 = 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金 in 年初预算,
    调整后预算 and 执行数, on every form."""
    findings, ledger = checked(SEEDS["001"])
    assert not [f for f in findings if f.rule_id == "FOOT.fund_lines_add_up"]
    assert ledger.families["footing"].passed >= 100


def test_a_source_line_that_breaks_its_total_is_an_error():
    document = read_document(SEEDS["001"])
    extraction = extract_document(document)
    total = next(
        line
        for t in extraction.tables
        for line in getattr(t, "budget", [])
        if line.label == "总额" and line.values.get("executed") not in (None, "0.00")
    )
    ref = total.cells["executed"]
    cell = next(t for t in document.tables if t.id == ref.table_id).cell_at(ref.row, ref.col)
    cell.text = "1" + cell.text  # 193.51 → 1193.51
    findings, _ = run_checks(document, extract_document(document), [])
    found = [f for f in findings if f.rule_id == "FOOT.fund_lines_add_up"]
    (finding,) = [f for f in found if f.stated == cell.text]
    assert (finding.severity, finding.computed) == ("error", total.values["executed"])
    assert finding.evidence[0].location.row == ref.row and len(finding.evidence) >= 2


def _met_row_scored(points_off: int, note: str | None = None):
    """001 with one met, fully scored indicator of a 自评表 given fewer points, and a reason
    written in its 未完成原因 cell (the one right of 得分) where ``note`` is given."""
    from budgetlens.checks.scores import MISSES

    document = read_document(SEEDS["001"])
    row = next(
        r
        for t in extract_document(document).tables
        for r in getattr(t, "indicators", [])
        if r.score_value
        and r.weight_value
        and r.score_value.value == r.weight_value.value > 2
        and r.target_value
        and r.actual_value
        and r.comparator in MISSES
        and not MISSES[r.comparator](r.actual_value.value, r.target_value.value)
    )
    ref = row.cells["score"]
    table = next(t for t in document.tables if t.id == ref.table_id)
    table.cell_at(ref.row, ref.col).text = str(row.score_value.value - points_off)
    if note is not None:
        table.cell_at(ref.row, ref.col + 1).text = note
    findings, _ = run_checks(document, extract_document(document), [])
    return row, [f for f in findings if f.rule_id == "SCORE.points_off_a_met_target"]


def test_points_off_a_met_target_without_a_reason_is_warned():
    row, (finding,) = _met_row_scored(2)
    assert finding.severity == "warning" and finding.computed == row.weight
    assert [e.text for e in finding.evidence][1:] == [row.weight, row.target, row.actual]


def test_points_off_a_met_target_with_a_reason_hold():
    _, found = _met_row_scored(2, note="部分工作推进较慢，酌情扣分")
    assert found == []


QUALIFIED = Path(__file__).parent / "data" / "one_project_two_tables.txt"
ROW = "\t≥\t98\t%\t100\t15\t15\t"  # 001's 资金支出合规性: ≥ 98 %, 完成值 100, 权重 15, 得分 15


@pytest.mark.parametrize(
    ("actual", "score", "rule"),
    [
        ("近98", "15", "SCORE.full_marks_on_missed_target"),  # nearly 98: below it
        ("97%左右", "15", None),  # about 97: either side, not judged
        ("98%以上", "15", None),
        ("超过98", "12", "SCORE.points_off_a_met_target"),
        ("近98", "12", None),  # missed, points taken off: as it should be
    ],
)
def test_an_actual_with_a_qualifier_is_the_range_it_allows(tmp_path, actual, score, rule):
    text = QUALIFIED.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    path = tmp_path / "report.txt"
    path.write_text(text.replace(ROW, f"\t≥\t98\t%\t{actual}\t15\t{score}\t"), encoding="utf-8")
    result = check_document(path)
    rules = ("SCORE.full_marks_on_missed_target", "SCORE.points_off_a_met_target")
    found = [f for f in result.findings if f.rule_id in rules]
    assert [f.rule_id for f in found] == ([rule] if rule else [])
    if rule:
        assert found[0].severity == "warning" and actual in found[0].message
        assert [e.text for e in found[0].evidence][-1] == actual
    elif "左右" in actual:
        assert result.ledger.families["scores"].not_checked >= 1
