"""Column roles: what a header cell says its column holds, whatever the county calls it.

Reports of the family name one column many ways (指标值, 年度指标值, 预期指标值, 目标值…; 得分,
自评得分, 评分, 自评分数…), and OCR and Word exports add spaces, line breaks, full-width brackets
and unit suffixes ("权重（%）", "分值(分)"). A label is normalised, then matched exactly against
the aliases, then by the longest alias it starts or ends with. Nothing here knows a table kind:
kinds are told apart by which roles their headers hold (``tables/kinds.py``).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from budgetlens.textnorm import to_halfwidth


class Role(StrEnum):
    # the indicator hierarchy
    TIER = "tier"  # a level above 一级, where a sheet has one (分层指标)
    LEVEL1 = "level1"
    LEVEL2 = "level2"
    LEVEL3 = "level3"
    LEVEL = "level"  # 一/二/三级指标 with its first character lost: placed by position
    INDICATOR = "indicator"  # one column of indicator names where no levels are printed
    # an indicator's target and result
    COMPARATOR = "comparator"
    HISTORY = "history"
    TARGET = "target"
    UNIT = "unit"
    ACTUAL = "actual"
    # points
    WEIGHT = "weight"
    ALLOTTED = "allotted"
    SCORE = "score"
    REVIEW = "review"  # a second score given by the reviewing bureau (区财政局评定分数)
    # text about a row
    NOTE = "note"  # 未完成原因 / 偏差原因
    BASIS = "basis"  # 评分方法 / 计分标准 / 评分说明
    EXPLANATION = "explanation"  # 指标解释
    EVIDENCE = "evidence"  # 评分依据 / 佐证材料
    REMARKS = "remarks"  # 备注
    CONTENT = "content"  # 考核内容 of a management assessment
    # budget and statement columns
    LABEL = "label"  # 项目 / 科目名称: what a line of amounts is
    CODE = "code"  # 科目编码, or its 类/款/项 parts
    BUDGET = "budget"  # 年初预算 / 预算数 / 预算额
    ADJUSTED = "adjusted"  # 调整后预算 / 全年预算
    EXECUTED = "executed"  # 执行数 / 决算数 / 执行额
    RATE = "rate"  # 执行率
    BALANCE = "balance"  # 结转结余
    TOTAL = "total"  # 合计 / 总计 / 小计: a column that others add up to


LEVEL_ROLES = (Role.TIER, Role.LEVEL1, Role.LEVEL2, Role.LEVEL3, Role.LEVEL)
# Roles whose column holds numbers (or comparators): a header row never has numbers in them.
AMOUNT_ROLES = frozenset(
    {Role.BUDGET, Role.ADJUSTED, Role.EXECUTED, Role.RATE, Role.BALANCE, Role.TOTAL}
)

# Money paid out (已完成拨付: a 自评表's 预算执行情况 in some counties) is what was executed where
# a header prints no spending column; where it prints one too, that one is (``disbursement``).
# Not 拨付数 or 计划拨付: they may name what is to be paid out, not what was.
DISBURSED = ("已完成拨付", "已拨付", "实际拨付")

# Exact labels, after normalisation. Short or ambiguous words (单位, 项目, 合计) count only when
# they are the whole label; longer ones also as a prefix or suffix (see ``role_of``).
_ALIASES: dict[Role, tuple[str, ...]] = {
    Role.TIER: ("分层指标",),
    Role.LEVEL1: ("一级指标", "一级", "一级指标名称"),
    Role.LEVEL2: ("二级指标", "二级", "二级指标名称"),
    Role.LEVEL3: ("三级指标", "三级", "三级指标名称", "具体指标", "指标内容"),
    Role.LEVEL: ("级指标",),
    Role.INDICATOR: ("指标", "指标名称", "绩效指标", "评价指标", "考核指标", "绩效评价指标"),
    Role.COMPARATOR: ("指标性质", "绩效指标性质", "符号", "指标符号", "性质", "指标方向"),
    Role.HISTORY: ("历史参考值", "历史值", "参考值", "上年实际值", "上年指标值", "上年完成值"),
    Role.TARGET: (
        "指标值",
        "绩效指标值",
        "预算指标值",
        "年度指标值",
        "预期指标值",
        "目标值",
        "年度目标值",
        "预期目标值",
        "计划指标值",
        "绩效目标值",
        "指标目标值",
        "预期值",
        "计划值",
    ),
    Role.UNIT: ("度量单位", "绩效度量单位", "计量单位", "单位", "指标单位"),
    Role.ACTUAL: (
        "实际完成指标值",
        "实际完成值",
        "完成值",
        "实际值",
        "实际完成",
        "实际完成数",
        "年度实际完成值",
        "全年实际值",
        "执行结果",
        "预算指标值执行结果",
        "指标完成值",
    ),
    Role.WEIGHT: ("权重", "权重分", "权重分值", "分值权重", "指标权重"),
    Role.ALLOTTED: ("指标分值", "分值", "满分", "标准分", "分数", "满分值", "标准分值", "分值(分)"),
    Role.SCORE: (
        "得分",
        "自评得分",
        "自评分数",
        "自评分",
        "评分",
        "实际得分",
        "评价得分",
        "考核得分",
        "单位自评分",
        "自评得分(分)",
    ),
    Role.REVIEW: ("评定分数", "财政评定分数", "复核得分", "复评得分", "评审得分"),
    Role.NOTE: (
        "未完成原因",
        "未完成原因分析",
        "偏差原因",
        "偏差原因分析",
        "原因分析",
        "偏差原因分析及改进措施",
        "未完成原因和改进措施",
        "未完成原因分析及改进措施",
        "偏差及原因",
        "原因",
        "预算指标值与预算指标值执行结果偏差",
    ),
    Role.BASIS: (
        "评分方法",
        "计分标准",
        "评价计分标准",
        "评分标准",
        "评分说明",
        "评分细则",
        "计分方法",
        "评分规则",
        "评价标准",
        "指标说明(评价计分标准)",
    ),
    Role.EXPLANATION: ("指标解释", "指标说明", "指标内涵", "指标释义", "指标解释说明"),
    Role.EVIDENCE: ("评分依据", "自评依据", "依据", "佐证材料", "评价依据", "得分依据"),
    Role.REMARKS: ("备注", "说明"),
    Role.CONTENT: ("考核内容", "评价内容", "考核项目"),
    Role.LABEL: (
        "项目",
        "项目名称",  # a column of a statement; as a key ("项目名称 | …") it names one role only
        "科目名称",
        "功能分类科目名称",
        "支出功能分类科目名称",
        "经济分类科目名称",
        "部门预算经济分类科目名称",
        "政府预算经济分类科目名称",
        "功能科目名称",
        "科目",
        "资金来源",
        "支出用途",
    ),
    Role.CODE: (
        "科目编码",
        "功能分类科目编码",
        "支出功能分类科目编码",
        "经济分类科目编码",
        "功能科目编码",
        "单位编码",
        "功能科目代码",
        "科目代码",
        "代码",
        "类",
        "款",
        "项",
        "编码",
    ),
    Role.BUDGET: ("年初预算", "年初预算数", "预算数", "预算额", "预算", "年初预算额"),
    Role.ADJUSTED: ("调整后预算", "调整后预算数", "全年预算", "全年预算数", "调整预算数"),
    Role.EXECUTED: (
        "执行数",
        "预算执行数",
        "全年执行数",
        "决算数",
        "执行额",
        "实际支出",
        "已支付",
        *DISBURSED,
    ),
    Role.RATE: ("执行率", "预算执行率", "完成率"),
    Role.BALANCE: ("结转结余", "结转结余额", "结转结余率", "年末结转和结余"),
    Role.TOTAL: ("合计", "总计", "小计", "金额"),
}

_EXACT: dict[str, Role] = {}
for _role, _labels in _ALIASES.items():
    for _label in _labels:
        _EXACT.setdefault(_label, _role)

# Aliases long enough to be recognised inside a longer label ("实际完成指标值(B)", "三级指标
# (名称)"): at least four characters, so that 单位 or 项目 never match inside 预算单位 or 项目支出.
_AFFIXES = sorted((a for a in _EXACT if len(a) >= 4), key=len, reverse=True)
_DECORATION = re.compile(r"[(（][%％分元万元个]*[)）]$|[：:*＊]$")
_SPACES = re.compile(r"\s+")
MAX_LABEL = 24  # a longer text is a sentence or a value, never a column label


def normalise_label(text: str) -> str:
    """A header label's comparable form: half-width, no whitespace, no "（%）"-like suffix."""
    key = _SPACES.sub("", to_halfwidth(text))
    return _DECORATION.sub("", key) or key


@lru_cache(maxsize=16384)
def role_of(label: str) -> Role | None:
    """The role a header label names, or None."""
    key = normalise_label(label)
    if not key or len(key) > MAX_LABEL:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for alias in _AFFIXES:
        if key.startswith(alias) and _decoration(key[len(alias) :]):
            return _EXACT[alias]
        if key.endswith(alias) and len(key) - len(alias) <= 4:
            return _EXACT[alias]
    return None


def _decoration(rest: str) -> bool:
    """What may follow a label: a bracketed note ("(包含数字及文字描述)", "(B)") or a few
    characters ("实际完成指标值B"), never another label ("绩效评价指标" + "指标分值")."""
    return rest[:1] in "([（【" or len(rest) <= 2


def disbursement(label: str) -> bool:
    """Whether a label names the executed amount as money paid out (已完成拨付), which gives way
    to a spending column (执行数, 实际支出) in the same header."""
    key = normalise_label(label)
    return role_of(label) == Role.EXECUTED and any(word in key for word in DISBURSED)
