"""The full marks of a score sheet's printed formula: read for certain, or not at all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlens.checks.score_formulas import full_marks


@pytest.mark.parametrize(
    ("formula", "full"),
    [
        # 001 l.372 (渠县): three deviations, 4 + 2 + 2
        (
            "(1-财政拨款预算偏离度)×100%×4+(1-资产配置预算偏离度)×100%×2+(1-政府采购预算偏离度)×100%×2",
            8,
        ),
        # 001 l.373: progress against a time target, and a constant less what is lost
        (
            "(1至6月预算执行数÷(部门预算数×50%)×2)+(1-1至6月支出预警金额占比×0.8-1至6月支出违规金额"
            "占比×0.2)+(1至10月预算执行数÷(部门预算数×83.33%)×2)+(1-1至10月支出预警金额占比×0.8)",
            6,
        ),
        ("(实际完成数/目标任务数)*100%*3分", 3),
        ("实际绩效监控项目个数/批复绩效目标项目个数*3", 3),
        ("预算执行率×10分", 10),
        ("（1－年终结余率）×100%×2".replace("（", "(").replace("）", ")").replace("－", "-"), 2),
    ],
)
def test_a_formula_of_rates_and_points_has_the_sum_of_its_points_as_full_marks(formula, full):
    assert full_marks(formula) == Decimal(full)


@pytest.mark.parametrize(
    "formula",
    [
        "基础分值+加分值",  # points by name
        "(1-(10×部门全年预算调剂金额/年初部门预算数))*指标分值",  # ×分值: the allotment itself
        "(三级指标个数*2.5+二级指标个数*1.5)/绩效指标总个数",  # a ratio with no points
        "支出安排率*5分)重点项目支出",  # an OCR'd formula cut off mid-way
        "得分减去扣分",
    ],
)
def test_a_formula_whose_full_marks_cannot_be_read_for_certain_gives_none(formula):
    assert full_marks(formula) is None
