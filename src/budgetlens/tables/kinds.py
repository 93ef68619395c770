"""The table kinds of the report family (DOMAIN.md §2), each declared once.

A kind is a spec: the titles the national and provincial templates give it, the column roles
its header holds (and those it never holds), the key cells and section headings that speak
for it, whether it is a department's or a project's, its schema, how its rows are read and its
prompt. The classifier, the rule readers, the LLM answers and the schema export all read this
registry, so a new kind is one entry here (and a prompt file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from budgetlens.layout.roles import Role
from budgetlens.tables import schemas as s

Shape = Literal["indicators", "score_items", "assessment", "amounts"]
Scope = Literal["department", "project"]

_LEVELS = frozenset({Role.LEVEL3})  # the leaf label: 三级指标, or the one 指标 column


@dataclass(frozen=True)
class KindSpec:
    code: str
    name: str  # the template's name for it
    schema: type[s.TableModel]
    shape: Shape
    scope: Scope | None
    titles: tuple[tuple[str, float], ...]  # (pattern, points): more specific, more points
    required: frozenset[Role]  # a header naming all of these may be this kind
    any_of: frozenset[Role] = frozenset()  # …and, where given, at least one of these
    typical: frozenset[Role] = frozenset()  # each one found speaks for it
    against: frozenset[Role] = frozenset()  # each one found speaks against it
    keys: tuple[str, ...] = ()  # key cells ("项目名称 | …") that speak for it
    sections: tuple[str, ...] = ()  # heading words that speak for it
    labels: tuple[str, ...] = ()  # the template's exact header labels: a tie-breaker
    weight_totals: tuple[int, ...] = ()  # what its indicator weights add up to
    label_allotments: bool = False  # allotments printed inside the labels ("投入（25分）")
    patterns: tuple[tuple[re.Pattern[str], float], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        compiled = tuple((re.compile(p), w) for p, w in self.titles)
        object.__setattr__(self, "patterns", compiled)

    @property
    def prompt(self) -> str:
        """prompts/<code>.md, the model's instructions for this kind."""
        return self.code


_INDICATOR = frozenset({Role.LEVEL3, Role.TARGET})
_SCORING = frozenset({Role.EXPLANATION, Role.BASIS, Role.EVIDENCE})
_BUDGET = frozenset({Role.BUDGET, Role.ADJUSTED, Role.EXECUTED, Role.RATE, Role.BALANCE})

KINDS: dict[str, KindSpec] = {
    spec.code: spec
    for spec in (
        KindSpec(
            "T1",
            "部门整体支出绩效目标完成情况自评表",
            s.T1DepartmentTargets,
            "indicators",
            "department",
            titles=(
                (r"部门整体支出绩效目标完成情况自评表", 5),
                (r"部门整体(?:支出)?绩效(?:目标)?自评表", 4),
                (r"整体支出绩效(?:目标)?(?:完成情况)?自评表", 3.5),
            ),
            required=_INDICATOR | {Role.ACTUAL},
            typical=frozenset({Role.COMPARATOR, Role.UNIT, Role.WEIGHT}),
            against=frozenset({Role.SCORE, Role.NOTE}) | _BUDGET,
            keys=("部门名称", "单位名称", "年度部门整体支出预算", "年度主要任务", "资金总额"),
            weight_totals=(90, 100),
        ),
        KindSpec(
            "T2",
            "专项预算项目绩效目标完成情况自评表",
            s.T2ProjectTargets,
            "indicators",
            "project",
            titles=(
                (r"项目绩效目标完成情况自评表", 5),
                (r"项目(?:支出)?绩效目标自评表", 4),
                (r"项目(?:支出)?绩效自评表", 2.5),
            ),
            required=_INDICATOR | {Role.ACTUAL},
            typical=frozenset({Role.COMPARATOR, Role.UNIT, Role.WEIGHT}),
            against=frozenset({Role.SCORE, Role.NOTE}) | _BUDGET,
            keys=("项目名称", "预算单位", "项目类型", "项目概况", "年度资金总额", "绩效分配方式"),
            weight_totals=(90, 100),
        ),
        KindSpec(
            "T3",
            "部门预算项目支出绩效自评表",
            s.T3ProjectSelfEvaluation,
            "indicators",
            "project",
            titles=(
                (r"部门预算项目支出绩效自评表", 5),
                (r"项目支出绩效自评表", 3),
                (r"项目绩效自评表", 2.5),
            ),
            required=_INDICATOR | {Role.ACTUAL, Role.SCORE},
            typical=frozenset({Role.COMPARATOR, Role.UNIT, Role.WEIGHT, Role.NOTE}) | _BUDGET,
            keys=("项目名称", "主管部门", "实施单位", "预算执行情况", "年初预算", "年初预算数"),
            weight_totals=(90,),
        ),
        KindSpec(
            "T4",
            "部门预算绩效评价指标自评分表",
            s.T4DepartmentScoreSheet,
            "score_items",
            "department",
            titles=((r"部门.*绩效评价指标.*(?:自评分|评分)表", 5), (r"部门.*绩效.*评分表", 3)),
            required=_LEVELS | {Role.SCORE},
            typical=_SCORING | {Role.ALLOTTED, Role.WEIGHT},
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.COMPARATOR}),
            labels=("评分方法", "评分说明", "指标分值"),
        ),
        KindSpec(
            "T5",
            "项目支出绩效评价指标体系自评分表",
            s.T5ProjectScoreSheet,
            "score_items",
            "project",
            titles=(
                (r"项目.*绩效评价指标体系", 5),
                (r"项目.*绩效.*(?:评分|自评分|打分)表", 3),
                (r"绩效评价指标体系", 2),
            ),
            required=_LEVELS | {Role.SCORE},
            typical=_SCORING | {Role.ALLOTTED, Role.WEIGHT},
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.COMPARATOR}),
            labels=("评分方法", "评分说明", "指标分值"),
        ),
        KindSpec(
            "T6",
            "项目绩效目标设置表",
            s.T6TargetSetting,
            "indicators",
            "project",
            titles=((r"绩效目标(?:设置|申报)表", 5), (r"绩效指标(?:设置|申报)表", 4)),
            required=_INDICATOR,
            typical=frozenset({Role.COMPARATOR, Role.UNIT, Role.WEIGHT, Role.HISTORY}),
            against=frozenset({Role.ACTUAL, Role.SCORE, Role.NOTE}) | _BUDGET,
            sections=("绩效目标设置", "绩效目标设定", "绩效目标申报", "绩效指标设置"),
            weight_totals=(90, 100),
        ),
        KindSpec(
            "T7",
            "预算绩效管理工作考核评分表",
            s.T7ManagementAssessment,
            "assessment",
            None,
            titles=((r"预算绩效管理工作考核评分表", 5), (r"绩效管理.*考核.*表", 4)),
            required=frozenset({Role.CONTENT, Role.SCORE}),
            typical=frozenset({Role.ALLOTTED, Role.BASIS, Role.EVIDENCE, Role.REVIEW}),
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.LEVEL3}),
        ),
        KindSpec(
            "T8",
            "整体支出绩效自评计分表",
            s.T8DepartmentScoreSheet,
            "score_items",
            "department",
            titles=((r"整体支出绩效自评计分表", 5), (r"(?:部门|整体).*绩效.*计分表", 4)),
            required=_LEVELS | {Role.SCORE},
            typical=_SCORING,
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.COMPARATOR, Role.ALLOTTED}),
            labels=("指标说明(评价计分标准)", "评价计分标准", "自评分数", "依据"),
            label_allotments=True,
        ),
        KindSpec(
            "T9",
            "部门整体支出绩效目标完成情况表",
            s.T9DepartmentCompletion,
            "indicators",
            "department",
            titles=(
                (r"部门整体支出绩效目标完成情况表", 5),
                (r"整体支出绩效目标(?:完成|执行)情况表", 4),
            ),
            required=_INDICATOR | {Role.ACTUAL},
            typical=frozenset({Role.NOTE}) | _BUDGET,
            against=frozenset({Role.COMPARATOR, Role.WEIGHT, Role.SCORE, Role.UNIT}),
            keys=("预算执行情况", "年度总体目标"),
        ),
        KindSpec(
            "T10",
            "项目支出绩效自评计分表",
            s.T10ProjectScoreSheet,
            "score_items",
            "project",
            titles=((r"项目支出绩效自评计分表", 5), (r"项目.*绩效.*计分表", 4)),
            required=_LEVELS | {Role.SCORE},
            typical=_SCORING,
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.COMPARATOR, Role.ALLOTTED}),
            labels=("指标说明(评价计分标准)", "评价计分标准", "自评分数", "依据"),
            label_allotments=True,
        ),
        KindSpec(
            "T11",
            "项目支出绩效目标完成情况表",
            s.T11ProjectCompletion,
            "indicators",
            "project",
            titles=(
                (r"项目支出绩效目标完成情况表", 5),
                (r"项目.*绩效目标(?:完成|执行)情况表", 4),
            ),
            required=_INDICATOR | {Role.ACTUAL},
            typical=frozenset({Role.NOTE}) | _BUDGET,
            against=frozenset({Role.COMPARATOR, Role.WEIGHT, Role.SCORE, Role.UNIT}),
            keys=("项目名称", "预算执行情况", "年度总体目标"),
        ),
        KindSpec(
            "T12",
            "部门整体支出绩效评价自评得分表",
            s.T12DepartmentScoreSheet,
            "score_items",
            "department",
            titles=((r"整体支出绩效评价自评得分", 5), (r"(?:部门|整体).*绩效.*(?:得分|评分)表", 3)),
            required=_LEVELS | {Role.SCORE},
            typical=_SCORING | {Role.ALLOTTED, Role.WEIGHT},
            against=frozenset({Role.TARGET, Role.ACTUAL, Role.COMPARATOR}),
            labels=("计分标准", "自评得分", "指标分值"),
        ),
        KindSpec(
            "statement",
            "预算/决算公开报表",
            s.Statement,
            "amounts",
            None,
            titles=(
                # never a performance table: "部门预算项目支出绩效自评表" names 预算 too
                (r"^(?!.*(?:绩效|自评|评价|考核)).*(?:预算|决算)[^，。；：:]{0,12}表$", 5),
                (r"三公.{0,12}(?:经费|支出).{0,12}表$", 5),
                (r"(?:收支|收入|支出).{0,6}总表$", 4),
            ),
            required=frozenset(),
            any_of=frozenset({Role.LABEL, Role.CODE, Role.TOTAL}) | _BUDGET,
            typical=frozenset({Role.LABEL, Role.CODE, Role.TOTAL}) | _BUDGET,
            against=frozenset({Role.LEVEL3, Role.SCORE, Role.TARGET, Role.ACTUAL}),
        ),
    )
}

# Table titles that are never a kind of ours, whatever their header says.
NOT_A_KIND = re.compile(r"^(?:目录|目\s*录)$")


@dataclass(frozen=True)
class StatementForm:
    """One of the national template's statements: what its identities are read by."""

    code: str
    name: str
    title: re.Pattern[str]


# Most specific first (a "一般公共预算基本支出" table is a basic-expenditure statement, not a
# general-budget one).
STATEMENT_FORMS: tuple[StatementForm, ...] = tuple(
    StatementForm(code, name, re.compile(pattern))
    for code, name, pattern in (
        ("three_public", "“三公”经费表", r"三公"),
        ("operating_costs", "机关运行经费表", r"机关运行经费"),
        ("government_fund", "政府性基金预算表", r"政府性基金"),
        ("state_capital", "国有资本经营预算表", r"国有资本经营"),
        ("procurement", "政府采购预算表", r"政府采购"),
        ("project_expenditure", "项目支出表", r"项目支出"),
        ("basic_expenditure", "基本支出表", r"基本支出"),
        ("fiscal_summary", "财政拨款收支总表", r"财政拨款收(?:入)?支(?:出)?.{0,6}总表"),
        ("fiscal_expenditure", "财政拨款支出表", r"(?:财政拨款|一般公共预算).{0,8}支出"),
        ("summary", "收支总表", r"收(?:入)?支(?:出)?.{0,6}总表|财务收支"),
        ("income", "收入表", r"收入"),
        ("expenditure", "支出表", r"支出"),
    )
)


def statement_form(title: str) -> str | None:
    """The statement a title names ("2024年部门财务收支预算总表" → "summary"), or None."""
    compact = title.replace(" ", "")
    return next((form.code for form in STATEMENT_FORMS if form.title.search(compact)), None)
