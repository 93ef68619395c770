"""What a rule checks, in a sentence, for the page: by the family prefix of its id.

The one place the page asks what a rule means, so that a catalog of rules, once there, replaces
this table here and nowhere else.
"""

from __future__ import annotations

from budgetlens.report.labels import Lang

_FAMILIES: dict[str, dict[Lang, str]] = {
    "FOOT": {
        "zh": "各组成部分之和应等于所列合计；指标权重通常合计 90 或 100。",
        "en": "Parts add up to their stated total; indicator weights usually total 90 or 100.",
    },
    "SHARE": {
        "zh": "所述占比应等于部分 ÷ 总数 × 100%。",
        "en": "A stated share equals part ÷ total × 100%.",
    },
    "CHANGE": {
        "zh": "增减额应等于本年数 − 上年数，增减幅应等于增减额 ÷ 上年数，所列原因应能解释增减。",
        "en": "A change is current − prior, its rate change ÷ prior; the reasons given explain it.",
    },
    "RATE": {
        "zh": "执行率、到位率、偏离度、节资率等应等于按其分子、分母重新计算的结果。",
        "en": "Execution, arrival, deviation and savings rates equal their recomputed ratio.",
    },
    "SCORE": {
        "zh": "评分表的得分不超过分值、各项之和等于合计；未完成目标的指标不应得满分。",
        "en": "Scores stay within their allotments and add up; a missed target gets no full marks.",
    },
    "RESTATE": {
        "zh": "同一数字在报告多处出现（正文与表格、不同表格）时应当一致。",
        "en": "A figure stated in several places (prose and tables, two tables) agrees.",
    },
    "STMT": {
        "zh": "决算报表的合计行、合计列和科目层级应当自洽，收入合计应等于支出合计。",
        "en": "A statement's totals and account hierarchy foot; income equals expenditure.",
    },
    "COUNT": {
        "zh": "正文所称的个数应与表中所列条目数一致。",
        "en": "A count stated in prose matches the items its table lists.",
    },
    "WORD": {
        "zh": "增加、减少、大于、小于、持平等比较用语应与其比较的两个数一致。",
        "en": "A word that compares (增加, 小于, 持平 …) agrees with the two figures it compares.",
    },
    "MONEY": {
        "zh": "自评表中资金总额应等于其各来源之和。",
        "en": "A self-evaluation table's fund total equals the sum of its sources.",
    },
    "COMPLETE": {
        "zh": "目录列出的报表应当在报告中出现。",
        "en": "Every statement the table of contents lists is in the report.",
    },
    "PLACEHOLDER": {
        "zh": "模板中的占位文字（XX局、××、【 】、此处填写）不应留在发布的报告中。",
        "en": "Template placeholders (XX局, ××, 【 】, 此处填写) are not left in a report.",
    },
    "YEAR": {
        "zh": "同一报告在各处标注的年度应当一致。",
        "en": "A report names the same year wherever it is listed.",
    },
}


def explain(rule_id: str, lang: Lang) -> str:
    """A short explanation of ``rule_id`` ("RESTATE.score_total": its family, RESTATE); empty
    for a family this table does not know."""
    family = _FAMILIES.get(rule_id.split(".", 1)[0])
    return family[lang] if family else ""
