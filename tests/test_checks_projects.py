"""A project's figures agree wherever they are printed: prose vs its 自评表, table vs table."""

from __future__ import annotations

from .conftest import seed_findings


def _rule(seed: str, rule: str):
    return [f for f in seed_findings(seed) if f.rule_id == rule]


def test_a_mid_year_addition_called_the_initial_budget_is_an_error():
    """001 l.1230, 1363, 2098, 2108, 2753, 2763: "项目年初预算 X 万元" where the project's
    自评表 prints 年初预算 0.00 and X as 调整后预算数 (money added during the year)."""
    found = _rule("001", "RESTATE.project_budget_figure")
    assert [f.line for f in found] == [1230, 1363, 2098, 2108, 2753, 2763]
    first = found[0]
    assert first.severity == "error" and first.stated == "67.77" and first.computed == "0"
    assert "调整后预算数" in first.message
    # stated in the 评价结论 row, checked against the 年初预算 and 调整后预算数 cells of its row
    assert [(e.role, e.text) for e in first.evidence] == [
        ("stated", "67.77"),
        ("operand", "0.00"),
        ("operand", "67.77"),
    ]
    assert {e.location.line for e in first.evidence} == {1230, 1212}
    # linked through the report's title to the project's table, many lines away
    far = found[2]
    assert far.evidence[0].location.block_id.startswith("p")
    assert far.evidence[1].location.table_id and far.evidence[1].location.line == 1332


def test_budget_figures_that_agree_pass():
    """No finding on the seeds where prose and table agree (every project of 004, 000, 002)."""
    for seed in ("000", "002", "004"):
        assert not _rule(seed, "RESTATE.project_budget_figure"), seed


def test_one_indicator_with_two_actual_values_is_an_error():
    """001 l.1193 vs l.1943: 获得出口创汇额 achieved 1000 in one table, 1200 in the other."""
    (error,) = [f for f in _rule("001", "RESTATE.indicator_across_tables") if f.severity == "error"]
    assert {e.location.line for e in error.evidence} == {1193, 1943}
    assert {e.text for e in error.evidence} == {"1000", "1200"}


def test_a_rate_printed_as_a_fraction_in_one_table_is_only_a_warning():
    """001 l.854 prints 1 where l.2568 prints 100% for the same 支付率: a slip, flagged mildly."""
    warnings = [
        f for f in _rule("001", "RESTATE.indicator_across_tables") if f.severity == "warning"
    ]
    assert sorted(f.line for f in warnings) == [2568, 2712]
    assert all("小数" in f.message for f in warnings)


def test_a_cost_printed_in_yuan_that_is_the_budget_in_wan_is_warned():
    """004 l.1421: 广场升级改造费 = 47.99 元 in the form whose budget is 47.99 万元."""
    (finding,) = _rule("004", "RESTATE.cost_indicator_unit")
    assert finding.severity == "warning" and finding.line == 1423
    assert [(e.text, e.location.line) for e in finding.evidence] == [
        ("47.99", 1423),
        ("47.99", 1323),
    ]
    # every other cost indicator in 元 (0.2 元/个, 290 元/套 …) is a cost, not a slip
    assert not _rule("000", "RESTATE.cost_indicator_unit")
