"""A numeric claim of the prose: what it says, about what, and exactly where it is printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from budgetlens.tables.schemas import ModelUse

ClaimType = Literal[
    "amount",  # 本年收入合计 3081.49 万元; a component of a total (P1)
    "share",  # 占 93.19% (P1)
    "change",  # 增加 17.51 万元 (P2): signed by its direction word
    "change_rate",  # 上升 2.78% / 下降 10.52% (P2): signed by its direction word
    "prior",  # 比2021年629.50万元 (P2): the prior-year amount
    "rate",  # 资金到位率 90.02%, 完成预算 100%, 预算执行率 (P3, P9)
    "score_allotment",  # 决策程序（6分） (P4)
    "score_award",  # 该项指标得6分 (P4)
    "score_total",  # 绩效自评得分为99分 (P4)
    "score_deduction",  # 扣1分 (P4): what an allotment lost
    "target",  # 审查调查次数≥50次 (P5)
    "achievement",  # 下沉乡镇调研次数近80次 (P6)
    "count",  # 共设置7个三级指标, 共有编制113名 (P7, P8)
]


Comparator = Literal[">=", "<=", "=", ">", "<"]
Qualifier = Literal["近", "超", "余", "约", "以上", "以内"]
Direction = Literal["increase", "decrease", "flat"]


class Span(BaseModel):
    """Where a claim's number is printed: the block, offsets in its text, and the source."""

    block_id: str
    start: int
    end: int
    line: int | None = None  # 1-based source line (text inputs)
    col: int | None = None  # 0-based column in that line
    page: int | None = None
    cell: tuple[int, int] | None = None  # (row, col) when the block is a table (评价结论 rows)


class Quantity(BaseModel):
    text: str  # as printed, e.g. "3081.49", "93.19%"
    value: Decimal
    decimals: int
    unit: str | None = None  # 万元, 元, 亿元, %, 分, 个, 次, 名 …
    percent: bool = False


class Claim(BaseModel):
    id: str  # c1, c2 … in document order
    type: ClaimType
    subject: str  # what the number is about, as printed before it ("一般公共预算财政拨款收入")
    quantity: Quantity
    span: Span
    comparator: Comparator | None = None  # targets (P5)
    qualifier: Qualifier | None = None  # achievements (P6)
    direction: Direction | None = None  # changes (P2)
    year: int | None = None  # a year the claim names (比2021年…)
    group: str | None = None  # claims of one sentence pattern share it (total, parts, shares)
    # total/part of a footing (P1, P8); budget/actual of a rate (P3, P7)
    role: Literal["total", "part", "budget", "actual"] | None = None
    # the claim this one is stated about when that is not obvious from the group: a share's
    # part, the current amount of a prior/change/change_rate, the actual of a rate, the
    # allotment an award or deduction is scored against; it may lie in another group
    ref: str | None = None
    section: list[str] = []  # the block's section path: which report it belongs to
    # "llm": read by the model from a paragraph the rules left a number of unread
    # (llm/claims.py); its value and subject are grounded in the paragraph's text
    source: Literal["rules", "llm"] = "rules"


class ParagraphUse(ModelUse):
    """What asking the model for one paragraph's claims did (``check`` with a model)."""

    block_id: str
    claims_added: int = 0  # its grounded claims the rules had not read
