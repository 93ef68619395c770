"""Typed, grounded schemas for every table type of the report family (DOMAIN.md §2).

Every value keeps what was printed (``target``, ``weight``…) next to what it parses to
(``target_value``…: an exact Decimal with its printed decimals and unit) and the cell it came
from (``cells``), so a check can always point back at the source and never trusts a value
that was not read. Field names of the output contract (``level1``…``score``, ``allotted``,
``total_score``, ``location.line``) are kept stable: downstream tools rely on them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Comparator = Literal[">=", "<=", "=", ">", "<", "qualitative"]

TableKind = Literal[
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    "statement", "unknown",
]  # fmt: skip


class CellRef(BaseModel):
    """A table cell: its table, 0-based grid position, and where it is in the source."""

    model_config = ConfigDict(frozen=True)

    table_id: str
    row: int
    col: int
    line: int | None = None
    page: int | None = None
    confidence: float | None = None  # OCR's, for a cell read from a scan


class Parsed(BaseModel):
    """A printed number read exactly: value, printed decimals, percent sign, unit."""

    value: Decimal
    decimals: int
    percent: bool = False
    unit: str | None = None
    repaired: bool = False  # OCR spaces inside the digits were removed to read it


class RowLocation(BaseModel):
    table_id: str
    row: int
    line: int | None = None
    page: int | None = None


class _Row(BaseModel):
    location: RowLocation
    cells: dict[str, CellRef] = {}  # field name → the cell its printed value came from


class Indicator(_Row):
    """One performance indicator row (T1, T2, T3, T6, T9, T11)."""

    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    comparator: Comparator | None = None
    target: str | None = None
    target_value: Parsed | None = None
    unit: str | None = None
    weight: str | None = None
    weight_value: Parsed | None = None
    actual: str | None = None
    actual_value: Parsed | None = None
    score: str | None = None
    score_value: Parsed | None = None
    note: str | None = None  # 未完成原因 / 偏差原因 / 备注
    form: int = 0  # which form of the table, where one grid holds several 自评表 in a row

    def stated_target(self) -> str:
        """The target as one says it, comparator, number and unit once each, whether the table
        prints them in three columns ("≥", "120", "处") or in one cell ("≥120处")."""
        text = (self.target or "").strip()
        signed = not text[:1].isdigit() or self.comparator not in (">=", "<=", "=", ">", "<")
        unit = self.unit or ""
        return f"{'' if signed else self.comparator}{text}{'' if text.endswith(unit) else unit}"


class ScoreItem(_Row):
    """One scored leaf of a score sheet (T4, T5, T7, T8, T10, T12)."""

    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    allotted: str | None = None
    allotted_value: Parsed | None = None
    score: str | None = None
    score_value: Parsed | None = None
    basis: str | None = None  # 评分方法 / 计分标准 as printed


class ScoreGroup(_Row):
    """A section or group of a score sheet with its own allotment, and score where printed:
    "二、过程管理 75 … 72" (a subtotal row), "项目决策(18分)" (an allotment in a label)."""

    level1: str
    level2: str | None = None  # None: the group is the 一级 section itself
    allotted: str | None = None
    allotted_value: Parsed | None = None
    score: str | None = None
    score_value: Parsed | None = None


class Amount(_Row):
    """A labelled row of amounts: a fund line of 预算执行情况, a statement line."""

    label: str
    code: str | None = None  # 科目编码 of a statement line
    # key → printed value / parsed value: a key is the column's role where its header names one
    # ("budget", "adjusted", "executed", "rate", "score"…), else the header's text
    values: dict[str, str | None] = {}
    parsed: dict[str, Parsed] = {}
    columns: dict[str, str] = {}  # key → the column's header as printed, where it differs
    form: int = 0  # which form of the table, as for indicators
    side: int = 0  # a statement printed side by side: 0 the left (收入) part, 1 the next…
    group: str | None = None  # the label a statement's two-level label column puts above it


class Location(BaseModel):
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None


class Ungrounded(BaseModel):
    """A value the model gave that its cited cell (or paragraph) does not hold: dropped,
    never checked."""

    field: str  # "indicators[3].target", "total_score", "claims[0].value"
    text: str
    cell: str | None = None  # the cell it cited, "r5c6"; None for a claim of the prose
    reason: str


class ModelUse(BaseModel):
    """What the LLM backend did for one table. Tokens and calls are this run's, re-asks and
    retries included; a table answered from the cache made no call."""

    model: str
    prompt: str  # "<kind>@<version>" of prompts/<kind>.md
    status: Literal["answered", "cached", "not_reached", "invalid", "error"]
    reason: str  # why it went to the model ("backend llm", or the hybrid trigger)
    calls: int = 0  # HTTP requests sent
    reasks: int = 0  # answers sent back with their validation errors
    retries: int = 0  # requests repeated after a 429, a 5xx, a timeout or a lost connection
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None  # None where no price is configured
    ungrounded: list[Ungrounded] = []
    error: str | None = None  # why the rules' reading was kept (not_reached, invalid, error)
    # For a table the rules gave no kind that the model then typed and was asked to fill: the
    # classification question asked first (prompts/classify.md). Where no fill question
    # followed, the table's own ``llm`` is that question.
    classification: ModelUse | None = None


class TypingEvidence(BaseModel):
    """One reason a table was given its kind (``tables/classify.py``)."""

    source: Literal["title", "header", "key", "section", "scope", "label", "model"]
    text: str  # the title, header label, key cell or heading that said so
    points: float
    role: str | None = None  # for a header cell: the column role its label names
    row: int | None = None
    col: int | None = None


class Typing(BaseModel):
    """Why a table has its kind: what decided it, its score, and the evidence."""

    by: str  # "title", "header", "section", "model" or "none"
    score: float
    evidence: list[TypingEvidence] = []


class _Table(BaseModel):
    id: str
    title: str
    project: str | None = None
    location: Location
    typing: Typing | None = None
    notes: list[str] = []  # what the extractor could not read with confidence
    llm: ModelUse | None = None  # set when the table was sent to the model


TableModel = _Table  # what every table schema is: the registry's kinds name theirs


class _IndicatorTable(_Table):
    indicators: list[Indicator] = []
    total_weight: str | None = None  # 合计 row
    total_weight_value: Parsed | None = None
    total_weight_cell: CellRef | None = None


class _ScoreSheet(_Table):
    items: list[ScoreItem] = []
    groups: list[ScoreGroup] = []  # sections and groups whose allotments their items share
    total_score: str | None = None
    total_score_value: Parsed | None = None
    total_cell: CellRef | None = None


class T1DepartmentTargets(_IndicatorTable):
    """部门整体支出绩效目标完成情况自评表."""

    kind: Literal["T1"] = "T1"
    department: str | None = None
    funds: list[Amount] = []  # 资金总额 / 财政拨款 / 其他资金
    annual_goal: str | None = None


class T2ProjectTargets(_IndicatorTable):
    """专项预算项目绩效目标完成情况自评表."""

    kind: Literal["T2"] = "T2"
    budget_unit: str | None = None
    project_type: str | None = None
    fund_rules: str | None = None  # 资金管理办法（名称、文号）
    allocation_methods: list[str] = []  # 绩效分配方式 options checked (☑ or unmarked)
    scope: str | None = None  # 使用范围
    period: str | None = None  # 项目起止年限
    funds: list[Amount] = []  # 年度资金总额 / 其中：财政拨款 / 其他资金
    annual_goal: str | None = None


class T3ProjectSelfEvaluation(_IndicatorTable):
    """部门预算项目支出绩效自评表（YYYY年度）."""

    kind: Literal["T3"] = "T3"
    department: str | None = None  # 主管部门
    implementer: str | None = None  # 实施单位
    budget: list[Amount] = []  # 预算执行情况: 总额, 财政资金 … × 年初预算 … 得分
    indicator_points: str | None = None  # the section heading "绩效指标（90分）"
    indicator_points_value: Parsed | None = None
    indicator_points_cell: CellRef | None = None
    total_score: str | None = None
    total_score_value: Parsed | None = None
    total_cell: CellRef | None = None
    conclusion: str | None = None  # 评价结论


class T4DepartmentScoreSheet(_ScoreSheet):
    """部门预算绩效评价指标自评分表."""

    kind: Literal["T4"] = "T4"


class T5ProjectScoreSheet(_ScoreSheet):
    """项目支出绩效评价指标体系自评分表."""

    kind: Literal["T5"] = "T5"


class T6TargetSetting(_IndicatorTable):
    """项目绩效目标设置表 (a project report's 项目绩效目标设置 section)."""

    kind: Literal["T6"] = "T6"


class T7ManagementAssessment(_ScoreSheet):
    """预算绩效管理工作考核评分表."""

    kind: Literal["T7"] = "T7"


class T8DepartmentScoreSheet(_ScoreSheet):
    """整体支出绩效自评计分表 (allotments printed inside the labels)."""

    kind: Literal["T8"] = "T8"


class T9DepartmentCompletion(_IndicatorTable):
    """部门整体支出绩效目标完成情况表 (free-text indicators)."""

    kind: Literal["T9"] = "T9"
    budget: list[Amount] = []  # 预算执行情况: 合计 / 基本支出 / 项目支出 × 预算额 …


class T10ProjectScoreSheet(_ScoreSheet):
    """项目支出绩效自评计分表 (allotments printed inside the labels)."""

    kind: Literal["T10"] = "T10"


class T11ProjectCompletion(_IndicatorTable):
    """项目支出绩效目标完成情况表 (free-text indicators)."""

    kind: Literal["T11"] = "T11"
    budget: list[Amount] = []


class T12DepartmentScoreSheet(_ScoreSheet):
    """部门整体支出绩效评价自评得分表."""

    kind: Literal["T12"] = "T12"


class Statement(_Table):
    """A 决算 statement (收入支出决算总表 and its siblings): labelled rows of amounts."""

    kind: Literal["statement"] = "statement"
    form: str | None = None  # which statement of the template (tables/kinds.py STATEMENT_FORMS)
    unit: str | None = None  # "单位：万元" as printed with it
    columns: list[list[str]] = []  # each side's amount columns, by header path ("收入预算/合计")
    rows: list[Amount] = []


class GenericTable(_Table):
    """A table of no known kind, kept as its grid so nothing is dropped."""

    kind: Literal["unknown"] = "unknown"
    grid: list[list[str]] = []


ExtractedTable = Annotated[
    T1DepartmentTargets
    | T2ProjectTargets
    | T3ProjectSelfEvaluation
    | T4DepartmentScoreSheet
    | T5ProjectScoreSheet
    | T6TargetSetting
    | T7ManagementAssessment
    | T8DepartmentScoreSheet
    | T9DepartmentCompletion
    | T10ProjectScoreSheet
    | T11ProjectCompletion
    | T12DepartmentScoreSheet
    | Statement
    | GenericTable,
    Field(discriminator="kind"),
]


class ModelTotals(BaseModel):
    """The LLM backend's use for one document: the sums of its tables' ``llm`` and, for
    ``check``, of its paragraphs' (``llm_paragraphs``)."""

    model: str
    prompts: dict[str, str] = {}  # table kind → prompt version used
    tables_sent: int = 0
    tables_cached: int = 0
    tables_not_reached: int = 0
    tables_kept_rules: int = 0  # not reached, invalid, refused, no kind: the rules' reading stands
    tables_classified: int = 0  # tables of no kind asked which kind they are
    tables_typed: int = 0  # …of which the model typed and filled (``typing.by`` "model")
    paragraphs_sent: int = 0  # paragraphs whose claims the model was asked for (check only)
    claims_added: int = 0  # grounded claims it read that the rules had not
    calls: int = 0
    reasks: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None
    ungrounded: int = 0


class Extraction(BaseModel):
    """What ``budgetlens extract`` writes for one document."""

    source: str
    sha256: str
    backend: str
    tables: list[ExtractedTable]
    llm: ModelTotals | None = None  # with the llm and hybrid backends
