"""Numeric claims of the prose (DOMAIN.md §3), checked against lines of the seed reports."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from budgetlens.claims import Claim, extract_claims
from budgetlens.document import Document, Table
from budgetlens.ingest import read_document
from budgetlens.textnorm import to_halfwidth
from tests.conftest import SEEDS, read


@cache
def claims_of(name: str) -> list[Claim]:
    return extract_claims(read(SEEDS[name]))


def on_line(name: str, line: int) -> list[Claim]:
    """The claims printed on a source line, left to right."""
    return sorted(
        (c for c in claims_of(name) if c.span.line == line), key=lambda c: c.span.col or 0
    )


def summary(claims: list[Claim]) -> list[tuple[str, str, str | None]]:
    return [(c.type, c.quantity.text, c.quantity.unit) for c in claims]


def by_id(name: str) -> dict[str, Claim]:
    return {c.id: c for c in claims_of(name)}


def span_text(document: Document, claim: Claim) -> str:
    block = document.block(claim.span.block_id)
    if claim.span.cell is not None:
        assert isinstance(block, Table)
        cell = block.cell_at(*claim.span.cell)
        assert cell is not None
        return cell.text
    return block.text


# --- Every claim --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_claim_points_at_its_printed_number(name):
    document = read(SEEDS[name])
    lines = SEEDS[name].read_text(encoding="utf-8").split("\n")
    claims = claims_of(name)
    assert claims
    for claim in claims:
        text = span_text(document, claim)
        assert text[claim.span.start : claim.span.end] == claim.quantity.text, claim
        assert claim.section == document.block(claim.span.block_id).section
        raw = lines[claim.span.line - 1]
        printed = to_halfwidth(claim.quantity.text)
        if claim.span.col is None:  # a table cell: the line holds it, spaces aside
            assert printed.replace(" ", "") in to_halfwidth(raw).replace(" ", ""), claim
        else:
            at = to_halfwidth(raw[claim.span.col : claim.span.col + len(printed)])
            assert at == printed, (claim.id, raw)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_claims_are_numbered_in_document_order_and_refs_resolve(name):
    claims = claims_of(name)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    ids = by_id(name)
    for claim in claims:
        assert claim.ref is None or claim.ref in ids
    groups = [c.group for c in claims if c.group]
    first_seen = list(dict.fromkeys(groups))
    assert first_seen == [f"g{i}" for i in range(1, len(first_seen) + 1)]


def test_extraction_is_deterministic():
    document = read(SEEDS["002"])
    assert extract_claims(document) == extract_claims(document)


# --- P1, P8: totals, parts, shares --------------------------------------------------------------


def test_total_parts_and_shares_of_a_revenue_breakdown():
    # 001 l.64: 本年收入合计3081.49万元，其中：一般公共预算财政拨款收入2871.49万元，占93.19%；…
    claims = on_line("001", 64)
    assert summary(claims[:5]) == [
        ("amount", "3081.49", "万元"),
        ("amount", "2871.49", "万元"),
        ("share", "93.19%", "%"),
        ("amount", "210.00", "万元"),
        ("share", "6.81%", "%"),
    ]
    total, part, share = claims[0], claims[1], claims[2]
    assert (total.role, total.subject) == ("total", "本年收入合计")
    assert (part.role, part.subject) == ("part", "一般公共预算财政拨款收入")
    assert share.ref == part.id and share.quantity.value == Decimal("93.19")
    assert {c.group for c in claims} == {total.group}
    assert [c.role for c in claims if c.type == "amount"] == ["total"] + ["part"] * 8
    assert len([c for c in claims if c.type == "share"]) == 8
    assert (total.span.line, total.span.col) == (64, 14)
    assert (share.span.line, share.span.col) == (64, 54)


def test_head_counts_total_and_parts():
    # 000 l.10: 共有编制113名，其中行政编制44名、事业编制63名、行政工勤编制6名。现有在职人员102人，…
    claims = on_line("000", 10)
    assert summary(claims[:4]) == [
        ("count", "113", "名"),
        ("count", "44", "名"),
        ("count", "63", "名"),
        ("count", "6", "名"),
    ]
    assert [c.subject for c in claims[:4]] == ["编制", "行政编制", "事业编制", "行政工勤编制"]
    assert [c.role for c in claims[:4]] == ["total", "part", "part", "part"]
    assert len({c.group for c in claims[:4]}) == 1
    staff = claims[4:]
    assert [c.quantity.text for c in staff] == ["102", "42", "6", "54"]
    assert staff[0].role == "total" and staff[0].group != claims[0].group
    assert (claims[0].span.col, claims[1].span.col) == (16, 27)


def test_items_of_a_breakdown_in_the_paragraphs_below_it():
    # 001 l.88 "…决算数为2871.49，完成预算100%。其中：" then one paragraph per item (l.90–128)
    total = on_line("001", 88)[0]
    assert (total.type, total.quantity.text, total.quantity.unit) == ("amount", "2871.49", None)
    assert total.role == "total"
    parts = [c for c in claims_of("001") if c.group == total.group and c.role == "part"]
    assert len(parts) == 19
    assert parts[0].quantity.text == "503.07"
    assert parts[0].subject == "一般公共服务（类）商贸事务（款）行政运行（项）"
    # one cent over the total: the rounding note of known_contradictions (001 l.96)
    assert sum(p.quantity.value for p in parts) == Decimal("2871.50")


def test_nested_breakdown_points_at_its_own_total():
    # 002 l.75 "1．一般公共服务支出（类）…1100.06万元…包括：" then its items (l.77–83)
    item = on_line("002", 75)[0]
    assert (item.quantity.text, item.role) == ("1100.06", "part")  # of 1346.85 (l.74)
    sub = [c for c in claims_of("002") if c.ref == item.id and c.role == "part"]
    assert [c.quantity.text for c in sub] == ["647.01", "374.25", "78.80", "0"]


# --- P2: year-on-year ---------------------------------------------------------------------------


def test_explicit_prior_change_and_rate():
    # 002 l.77: 行政运行（项）647.01万元，比2021年629.50万元，增加17.51万元，上升2.78%。
    current, prior, change, rate = on_line("002", 77)
    assert summary([current, prior, change, rate]) == [
        ("amount", "647.01", "万元"),
        ("prior", "629.50", "万元"),
        ("change", "17.51", "万元"),
        ("change_rate", "2.78%", "%"),
    ]
    assert prior.year == 2021 and change.year == 2021
    assert (change.direction, rate.direction) == ("increase", "increase")
    assert prior.group == change.group == rate.group
    assert prior.ref == change.ref == rate.ref == current.id
    assert current.subject == prior.subject == "政府办公厅（室）及相关机构事务（款）行政运行（项）"
    assert (current.span.col, prior.span.col, rate.span.col) == (25, 40, 61)


def test_implicit_prior_is_left_to_the_checker():
    # 001 l.144: 支出决算为9.00万元，完成预算100%，较上年度减少0.50万元，下降10.52%。
    current, completion, change, rate = on_line("001", 144)
    assert summary([current, completion, change, rate]) == [
        ("amount", "9.00", "万元"),
        ("rate", "100%", "%"),
        ("change", "0.50", "万元"),
        ("change_rate", "10.52%", "%"),
    ]
    assert not any(c.type == "prior" for c in on_line("001", 144))
    assert (change.direction, rate.direction) == ("decrease", "decrease")
    assert current.group == change.group == rate.group
    assert change.ref == rate.ref == current.id
    assert completion.ref == current.id
    assert current.subject == "“三公”经费财政拨款支出决算"
    assert (rate.span.line, rate.span.col) == (144, 59)


def test_comparison_opening_its_own_sentence_finds_the_figure_before():
    # 001 l.60: 收、支总计均为3081.49万元。与2022年度相比，收、支总计各减少3691.59万元，下降54.50%。
    current, change, rate = on_line("001", 60)
    assert (change.type, change.ref, change.direction) == ("change", current.id, "decrease")
    assert (rate.type, rate.ref) == ("change_rate", current.id)
    assert current.subject == "收、支总计"


def test_two_comparisons_of_one_figure():
    # 002 l.115: 决算数为32.75万元，比预算数118.50万元，减少85.75万元，…。比2021年44.65万元，…
    claims = on_line("002", 115)
    current = claims[0]
    budget, this_year = claims[1], claims[4]
    assert (budget.type, budget.subject, budget.year) == ("prior", "预算数", None)
    assert (this_year.type, this_year.quantity.text, this_year.year) == ("prior", "44.65", 2021)
    assert budget.ref == this_year.ref == current.id
    assert budget.group != this_year.group


def test_amounts_in_yuan():
    # 002 l.140: 固定资产原值1408214.96元，比2021年1408445.96元，减少231元。
    current, prior, change = on_line("002", 140)[:3]
    assert summary([current, prior, change]) == [
        ("amount", "1408214.96", "元"),
        ("prior", "1408445.96", "元"),
        ("change", "231", "元"),
    ]
    assert change.direction == "decrease" and change.ref == current.id
    assert current.subject == "资阳市雁江区人民政府办公室固定资产原值"


# --- P3, P7, P9: rates --------------------------------------------------------------------------


def test_arrival_rate_with_budget_and_actual():
    # 000 l.183: 预算申报739.76万元，实际到位665.97万元，资金到位率90.02%；…预算执行率90.02%。
    budget, actual, arrival, spent, execution = on_line("000", 183)
    assert summary([budget, actual, arrival]) == [
        ("amount", "739.76", "万元"),
        ("amount", "665.97", "万元"),
        ("rate", "90.02%", "%"),
    ]
    assert (budget.role, actual.role) == ("budget", "actual")
    assert budget.group == actual.group == arrival.group
    assert arrival.ref == actual.id and arrival.subject == "资金到位率"
    assert (execution.type, execution.ref, spent.role) == ("rate", spent.id, "actual")
    assert (arrival.span.line, arrival.span.col) == (183, 43)


def test_completion_of_a_named_budget():
    # 002 l.120: 支出31.17万元，完成预算78.50万元的39.71%；比2021年44.35万元，…
    spent, budget, rate = on_line("002", 120)[:3]
    assert (budget.type, budget.role, rate.type) == ("amount", "budget", "rate")
    assert rate.group == budget.group and rate.ref == spent.id


def test_portfolio_count_amount_and_progress():
    # 001 l.302: 该类项目总数23个，涉及预算总金额874.14万元，1—12月预算执行总体进度为100%，…
    count, amount, progress, over = on_line("001", 302)
    assert summary([count, amount, progress]) == [
        ("count", "23", "个"),
        ("amount", "874.14", "万元"),
        ("rate", "100%", "%"),
    ]
    assert count.group == amount.group == progress.group
    assert amount.role == "budget"
    assert (over.type, over.quantity.text, over.group) == ("count", "0", None)


def test_saving_rate_with_its_amounts():
    # 004 l.223: 成交金额2.4859亿元，节约金额555.15万元，节资率21.844%。
    claims = on_line("004", 223)
    deal, saved, rate = claims[-3:]
    assert summary([deal, saved, rate]) == [
        ("amount", "2.4859", "亿元"),
        ("amount", "555.15", "万元"),
        ("rate", "21.844%", "%"),
    ]
    assert rate.quantity.decimals == 3 and rate.subject == "节资率"
    assert deal.group == saved.group == rate.group
    assert (rate.span.line, rate.span.col) == (223, 299)


# --- P4: scores ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "score"),
    [("001", 948, "97"), ("001", 1172, "99"), ("001", 2531, "94"), ("001", 2868, "93")],
)
def test_score_totals_of_the_evaluation_conclusions(name, line, score):
    totals = [c for c in on_line(name, line) if c.type == "score_total"]
    assert [(c.quantity.text, c.quantity.unit) for c in totals] == [(score, "分")]


def test_score_total_in_a_table_conclusion_row_names_its_cell():
    # 001 l.948 is the 评价结论 row of a 部门预算项目支出绩效自评表
    (claim,) = on_line("001", 948)
    assert claim.span.cell == (21, 1) and claim.span.col is None
    assert claim.span.block_id.startswith("t")


def test_allotment_in_a_heading_and_award_below_it(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(
        "2023年西博会经费项目支出绩效自评报告\n"
        "三、绩效分析\n"
        "（一）通用指标绩效分析(54分）\n"
        "（1）决策程序（6分）\n"
        "项目立项程序规范，按规定履行了审批程序，该项指标得6分。\n"
        "（2）资金管理（8分）\n"
        "资金使用基本规范，扣1分，该项指标得7分。\n"
        "四、评价结论\n"
        "经评价，该项目绩效自评得分为99分。\n",
        encoding="utf-8",
    )
    claims = extract_claims(read_document(path))
    assert [(c.type, c.quantity.text, c.subject) for c in claims] == [
        ("score_allotment", "54", "通用指标绩效分析"),
        ("score_allotment", "6", "决策程序"),
        ("score_award", "6", "决策程序"),
        ("score_allotment", "8", "资金管理"),
        ("score_deduction", "1", "资金管理"),
        ("score_award", "7", "资金管理"),
        ("score_total", "99", "该项目绩效自评得分"),
    ]
    section, decision, award = claims[0], claims[1], claims[2]
    assert section.group is None
    assert decision.group == award.group and award.ref == decision.id
    assert claims[4].ref == claims[5].ref == claims[3].id
    assert (decision.span.line, decision.span.col, award.span.line) == (4, 8, 5)


def test_allotment_award_and_deduction_in_one_sentence():
    # 002 l.257: “过程管理”考核项，总分75分，自评得分72分，扣3分。
    allotment, award, deduction = on_line("002", 257)
    assert [c.type for c in (allotment, award, deduction)] == [
        "score_allotment",
        "score_award",
        "score_deduction",
    ]
    assert award.ref == deduction.ref == allotment.id
    assert award.group == allotment.group


# --- P5, P6: targets and achievements -----------------------------------------------------------


def test_targets_with_comparators():
    # 000 l.365: 本项目共设置7个三级指标。…审查调查次数≥50次，…经济成本指标：项目成本≤18.05万。
    claims = on_line("000", 365)
    count, *targets = claims
    assert (count.type, count.quantity.text, count.quantity.unit) == ("count", "7", "个")
    assert count.subject == "三级指标"
    assert [
        (c.type, c.subject, c.comparator, c.quantity.text, c.quantity.unit) for c in targets
    ] == [
        ("target", "审查调查次数", ">=", "50", "次"),
        ("target", "问题线索处置率", "=", "100%", "%"),
        ("target", "案件办理时限达标率", "=", "100%", "%"),
        ("target", "立案案件办结率", "=", "100%", "%"),
        ("target", "社会满意度", ">=", "90%", "%"),
        ("target", "群众满意度", ">=", "90%", "%"),
        ("target", "项目成本", "<=", "18.05", "万元"),
    ]
    assert (targets[0].span.line, targets[0].span.col) == (365, 39)


def test_indicator_counts_of_project_reports():
    # 000 l.745: 本项目共设置8个三级指标。…打印资料≥1000余份…
    count = on_line("000", 745)[0]
    assert (count.type, count.quantity.text, count.subject) == ("count", "8", "三级指标")
    paper = on_line("000", 745)[2]
    assert (paper.type, paper.comparator, paper.qualifier) == ("target", ">=", "余")


def test_achievements_with_qualifiers():
    # 000 l.184: 完成印发资料10万余册、办公区域维护维修超3000㎡、下沉乡镇调研次数近80次，
    # 组织办会次数30余次。
    claims = on_line("000", 184)
    assert [(c.type, c.subject, c.quantity.text, c.quantity.unit, c.qualifier) for c in claims] == [
        ("achievement", "印发资料", "10", "万册", "余"),
        ("achievement", "办公区域维护维修", "3000", "㎡", "超"),
        ("achievement", "下沉乡镇调研次数", "80", "次", "近"),
        ("achievement", "组织办会次数", "30", "次", "余"),
    ]
    assert (claims[2].span.line, claims[2].span.col) == (184, 83)


def test_target_named_in_results_and_the_value_achieved():
    # 000 l.957: 绩效目标中预计配置13台电脑，实际完成值11台。
    target, actual = on_line("000", 957)[-2:]
    assert (target.type, target.quantity.text) == ("target", "13")
    assert (actual.type, actual.quantity.text) == ("achievement", "11")


# --- Not claims ---------------------------------------------------------------------------------


def test_years_document_numbers_and_numbering_are_not_claims():
    # 000 l.170: （三）预算安排及分配管理。项目预算安排2024年综合保障经费739.76万元，
    # 由（渠财预〔2024〕005号）下达资金739.76万元。
    assert [c.quantity.text for c in on_line("000", 170)] == ["739.76", "739.76"]
    # 002 l.152: "7．2021年运行运转保障经费…" starts with list numbering run into a year
    assert "7．2021" not in [c.quantity.text for c in on_line("002", 152)]
    texts = {c.quantity.text for c in claims_of("000")}
    assert not texts & {"2024", "2025", "005", "416"}  # years, 文号, "416专班"
