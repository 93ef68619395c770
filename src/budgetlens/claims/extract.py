"""Read the numeric claims of a report's prose: the formulaic patterns of DOMAIN.md §3.

Three passes. First every number of the prose (headings, paragraphs and the 评价结论 row of
a self-evaluation table) that carries a unit is read with its context: the words naming it,
the trigger words right before it (占, 比2021年, 减少, ≥, 近 …) and whether it sits in a
target or a result section; that gives its type. Then the numbers that belong together are
grouped, in the order that keeps each claim in its most useful group: totals with their parts
and shares (P1, P8), current amounts with their prior, change and change rate (P2), rates with
the amounts they divide (P3, P7, P9), score allotments with their awards (P4). Last, each
number is located in the source and becomes a ``Claim``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher

from budgetlens.claims.model import Claim, ClaimType, Quantity, Span
from budgetlens.document import Document, Heading, Location, Paragraph, Table
from budgetlens.numbers import Number, find_numbers
from budgetlens.textnorm import parse_comparator, to_halfwidth

# --- Patterns ---------------------------------------------------------------------------------
# All patterns run on the half-width text, which has the same offsets as the block text.

# The unit after a number: an optional magnitude (万, 亿), the 余/多 some counts put between
# number and measure word ("10万余册", "50余次"), a measure word, and a trailing qualifier
# ("90%以上"). Measure words that begin common words are fenced off ("5部门", "台账", "分别").
_MEASURES = (
    r"美元|元|个工作日|个小时|个月|工作日|小时|人次|批次|户次|平方米|㎡|公里|"
    r"个|次|名|人(?![员民均])|户|家|项(?!目)|件|台(?![账帐])|套|部(?![门分署长委])|辆|篇|"
    r"场(?![所地])|条|份|册|张|处(?![理置室长罚])|类|起(?![止草到始])|枚|天|年(?![度初末底])|"
    r"所|座|间|期(?![间限末初])|批|位|亩|吨|"
    r"分(?![钟之别配析类管局项布解支组级档期批段散包担摊享成值数])"
)
_UNIT = re.compile(
    rf" ?(?P<mag>万|亿)?(?P<infix>余|多)?(?P<measure>{_MEASURES})?(?P<suffix>以上|以内|以下|左右)?"
)
_MONEY = ("元", "万元", "亿元", "美元", "万美元", "亿美元")
_POINTS = re.compile(r"^ ?个?百分点")

# A unit-less number is a claim only where a total is stated without its unit
# ("一般公共预算支出决算数为2871.49，完成预算100%"): "…数为" before, a clause end after.
_BARE_AMOUNT_BEFORE = re.compile(r"(?:数|额|合计|总计)(?:为|是)?$")
_CLAUSE_END = re.compile(r"^[，,。；;]")
# Scoring rules and unit prices are not claims: "每缺一套扣0.5分", "每套290元" (but
# "每年预留采购份额5万元" is).
_PER = re.compile(r"每(?![年月季])")
# A threshold inside a noun phrase: "预算结余率大于10%的项目", "单价100万元以上设备".
_THRESHOLD_BEFORE = re.compile(r"(?:单价|大于|小于|超过|低于|高于|不足)$")
_THRESHOLD_AFTER = re.compile(r"^(?:的(?!\d)|[\u4e00-\u9fff])")
_ORDINAL_BEFORE = re.compile(r"第$")

# Characters that end the words naming a number (the subject) when read backwards.
# "、" is no stop: a list's previous item ends at its number ("行政编制44名、事业编制63名"),
# and a "、" inside a name stays ("收、支总计"). Quotes and parentheses stay when balanced.
_STOPS = set('，,；;：:。.！？!?"《》')
_SENTENCE_END = re.compile(r"[。！？!?]")
_RUN_END = re.compile(r"[。！？!?；;]")
_DIGIT = re.compile(r"[0-9０-９]")
_OPEN, _CLOSE = set("（("), set("）)")
_OPEN_WORDS, _CLOSE_WORDS = set("（(“"), set("）)”")

# Trimming a subject to the words that name the quantity.
_LEAD_NUMBERING = re.compile(
    r"^(?:[（(]?\d{1,2}[）)]|\d{1,2}[．.、](?!\d)|\d(?=[\u4e00-\u9fff])|"
    r"[（(][一二三四五六七八九十]+[）)]|"
    r"[一二三四五六七八九十]+[、．.])\s*"
)
# A year and what precedes it: "资阳市雁江区人民政府办公室2022年本年收入" names 本年收入.
_LEAD_TIME = re.compile(
    r"^(?:.*?(?:截至|截止到?))?.*\d{4}年(?:度|末|底|初)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:末|底)?[，,]?"
)
_LEAD_CUE = re.compile(r"^.*?(?:其中|共有|共计|(?<!公)共(?!享))")  # "办公室共有编制113名"
_LEAD_VERB = re.compile(r"^(?:本年度|全年|今年|当年|累计|完成了?|实现了?|达到)(?!预算)")
_TAIL_WORDS = re.compile(
    r"(?:为|是|达到|达|约|近|超过|超|逾|高达|至少|了|的|实现|均为|均|分别为|分别|共计|"
    r"共有|共|累计|已|≥|≤|=|>|<|≧|≦|大于等于|小于等于|不低于|不少于|不高于|不超过|大于|小于|"
    r"等于|得|扣除?|在|增加|增长|上升|提高|减少|下降|降低|同比|\s)+$"  # not 计: "本年收入合计"
)
_TAIL_COMPARISON = re.compile(
    r"(?:比|较|与)(?:\d{4}年度?|上年度?|去年同期|上年同期)的?$|(?<!占)(?:比|较)$"
)
# "…以渠财建[2023]103号文件安排追加预算资金": the words after the document number name it.
_LEAD_DOCUMENT = re.compile(r"^.*[〕\]】] ?\d+ ?号[）)]?(?:文件|文)?(?:[，,])?")
_LEAD_REASON = re.compile(r"^(?:主要(?:变动)?原因(?:是|为)?)?[一二三四五]是")  # "主要原因一是…"
_MAX_SUBJECT = 60
# The thing counted, printed after the measure word: "共设置7个三级指标", "实施了4个常年项目".
_COUNTING_MEASURES = set("个项家户类部台套辆件条所座间名位张批场篇")
_COUNTED = re.compile(
    r"^(?![已均都并])(?P<noun>[\u4e00-\u9fff“”]{2,12}?)"
    r"(?=开展|编制|进行|纳入|实施|用于|的|[，,。；;：:、（(）)]|$)"
)
# A label that a generic subject hangs off: "1.一般公共服务（类）…（项）：支出决算为503.07万元".
_GENERIC_SUBJECT = re.compile(r"^(?:财政拨款)?(?:支出)?(?:决算|预算)?数?$|^金额$")
_LEAD_IN = re.compile(r"其中|包括|如下|以下方面|结论|情况$")

# P1/P8: what introduces the parts of a total, after the total or at the start of a sentence.
_PARTS_AFTER = re.compile(
    r"^ ?(?:[，,] ?)?(?:其中|主要用于以下方面|主要包括|具体包括|包括) ?[：:]?|^中 ?[：:]?"
)
_PARTS_LEAD = re.compile(r"^(?:其中|主要包括|具体包括|包括|主要用于以下方面)[：:]?")
_EXPLANATION = re.compile(r"主要(?:是|原因)|原因是")
_PARTS_LEAD_NAMED = re.compile(r"^(?P<name>[^，,。；;：:\d]{1,8})中[：:，,]?")  # "决算数中…"
_PARTS_BLOCK_END = re.compile(r"(?:其中|主要包括|具体包括|包括)[：:]$")
# A list item's number by its style, shallowest first: "一、", "（一）", "1.", "（1）", "①". A
# list's items share one style; a deeper style below an item is that item's own breakdown.
_ITEM_STYLES = (
    re.compile(r"^[一二三四五六七八九十]+[、．.]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d{1,2}[．.、](?!\d)"),
    re.compile(r"^[（(]\d{1,2}[）)]"),
    re.compile(r"^[①-⑳]"),
)
_BUDGET_ITEM = re.compile(r"[（(]项[）)]")  # "…行政运行（项）": an item of a 决算 breakdown

# P1: a share of the total, "占93.19%", "占本年支出合计的93.19%".
_SHARE = re.compile(  # not "受理占比达100%": a rate
    r"占(?!比)[^，,。；;\d]{0,16}$|^(?:所占|占)比(?:重|例)(?:为|是)?$|^占比(?:为|是)?$"
)
# P2: the prior a figure is compared with, "比2021年629.50万元", "与2021年3950.63万元相比",
# "比预算数118.50万元", "比2021年的0.30万元"; and a change's direction word right before it.
_COMPARED = re.compile(
    r"(?:比|较|与|由)(?:(?P<year>\d{4})年度?|上年度?|上年同期|去年同期|去年|(?P<base>预算数|年初预算数?"
    r"|(?:年度)?(?:目标|指标)值))"
    r"[^，,。；;\d]{0,6}?的?$|(?:比|较)$|^上(?:一)?年度?(?:同期|决算)?数?(?:为|是)$"
)
# "与2023年财政拨款收、支总计7990.14万元相比": a prior named at length, closed by 相比
_COMPARED_AT_LENGTH = re.compile(r"(?:与|和)(?P<year>\d{4})年度?[^，,。；;\d]{0,16}?的?$")
_CLOSED_COMPARISON = re.compile(r"^[^，,。；;\d]{0,3}相比")
# "较上年的34.2%": a percentage compared with, right after its comparison
_COMPARED_PERCENT = re.compile(
    r"(?:比|较|与|由)(?:\d{4}年度?|上年度?|去年|(?:年度)?(?:目标|指标)值)的?$"
)
_COMPARISON_LEAD = re.compile(r"^(?:与|比|较)")
_NAMED_AFTER_COMPARISON = re.compile(r"^(?:与|比|较)(?:\d{4}年度?|上年度?)?的?")
_NAMED_CHANGE = re.compile(r"^.*相比[，,]?|[各均]$")  # "…相比，财政拨款收、支总计各"
MIN_NAME_LIKENESS = 0.6  # how alike a named prior's noun and a figure's subject must read
_YEAR_NAMED = re.compile(r"(?:比|较|与)(?P<year>\d{4})年")
_INCREASE = "增加|增长|上升|提高|提升|增|多出|高出|超出"
_DECREASE = "减少|下降|降低|压减|减"
_DIRECTION = re.compile(rf"(?<!调)(?:(?P<up>{_INCREASE})|(?P<down>{_DECREASE}))了?$")
_SIGNED_RATE = re.compile(r"变动率(?:为|是)?$")
# a change's rate named by its direction: "增幅7.82%", "降幅 5.14%"
_RATE_OF_CHANGE = re.compile(
    r"(?:(?P<up>增幅|涨幅|增长幅度)|(?P<down>降幅|减幅|下降幅度|降低幅度))(?:为|是|达)?$"
)
# Comparators (P5) and qualifiers (P6) next to the number.
_COMPARATOR = re.compile(
    r"(?P<cmp>≥|≧|>=|≤|≦|<=|=|>|<|大于等于|小于等于|不低于|不少于|不高于|不超过|大于|小于|等于) ?$"
)
_QUALIFIER_BEFORE = re.compile(r"(?P<q>近|超过|超|约|逾|至少)$")
_QUALIFIERS = {
    "近": "近",
    "超过": "超",
    "超": "超",
    "逾": "超",
    "约": "约",
    "左右": "约",
    "至少": "以上",
    "余": "余",
    "多": "余",
    "以上": "以上",
    "以内": "以内",
    "以下": "以内",
}
_QUALIFIER_COMPARATOR = {"以上": ">=", "以内": "<=", "超": ">"}

# P3, P7, P9: ratios a report computes from its own amounts.
_FINANCIAL_RATE = re.compile(
    r"(?:执行率|到位率|执行进度|总体进度|支出进度|偏离度|控制率|节资率|节约率|结余率|结转率|"
    r"安排率|调整率|支付率|完成率|完成预算)$"
)
_BUDGET_WORDS = re.compile(r"预算|申报|下达|计划")
_ACTUAL_WORDS = re.compile(r"执行|实际|到位|支出|决算|使用|完成(?!预算)")
_ADJUSTMENT = re.compile(r"(?:追加|追减|调增|调减|调剂|调整)$")
_RATE_OF_BUDGET = re.compile(r"执行|到位|完成预算|偏离度|进度")
# what a figure is measured by, not a figure that changes: "完成预算的", "为预算数9.80万元的",
# "预算5.80万元，完成预算的88.28%"
_BUDGET_BASE = re.compile(r"^完成预算|^(?:为|是)?(?:全年|年初|调整后?)?预算(?:数|$)")
# Counts stated as such rather than as results: "共有编制113名", "该类项目总数23个".
_COUNT_CUE = re.compile(r"共有|共设置|设置了?|设立了?|总数|共计|合计|下设|下属|内设|实施了")
_COUNT_CUE_END = re.compile(r"(?:有|涉及)$")

# P4: scores.
_SCORE_PAREN = re.compile(r"[（(] ?$")
_SCORE_PAREN_CLOSE = re.compile(r"^ ?[）)]")
_SCORE_ALLOTMENT = re.compile(r"(?<!自评)(?<!评价)(?:总分|满分|分值|最高|最多)(?:为|是)?$")
_SCORE_DEDUCTION = re.compile(r"扣(?:除|了)?$")
# the total as other counties word it: 评价得分, 评分结果, 自评分数, 综合评分, 最终得分, 自评总分
_SCORE_TOTAL = re.compile(
    r"(?:(?:自评|评价|考核|评定|综合|最终)得分|(?:评分|评价|自评)结果|自评分数?|综合评分"
    r"|(?:自评|评价)总分|(?:自评|评价|考核|综合)总得分)(?:为|是|达)?$"
)
_BAND_BOUND = re.compile(r"^\s*(?:[(（]含[)）]|(?:及|或)?以[上下]|[至\-—~～]\s*\d)")
_PART_ALLOTMENT = re.compile(r"[(（] ?(\d+(?:\.\d+)?) ?分 ?[)）]")  # "投入（20分）"
_SCORE_AWARD = re.compile(r"得(?:分)?(?:为|是)?$")
_GENERIC_SCORE_SUBJECT = re.compile(r"^(?:该项?指标|该项|本项|本指标)?$")
_SCORE_RULE_AWARD = re.compile(r"(?:得|最高|最多)加?$")  # inside a quoted scoring rule

# Where a number sits: a section or run-in label that sets targets or reports results.
_RESULT_CONTEXT = re.compile(
    r"绩效分析|项目结果|目标完成|完成情况|实施情况|实施效果|产出|效益|成效|履职效能|目标实现|评价结论"
)
_TARGET_CONTEXT = re.compile(r"绩效目标|年度目标|总目标|目标设置|实施目的|支持方向")
_RUN_IN = re.compile(r"^[^。：:]{1,16}[。：:]")
# A figure named as a target: "满意度目标值是95%", "总额目标任务7.5亿元", "绩效目标中预计配置13台".
_TARGET_WORD = re.compile(r"目标(?:值|任务|中)|目标$")
# A table row whose text is prose: the conclusion of a self-evaluation table (T3).
_NARRATIVE_ROW = re.compile(r"^评价结论")


# --- Reading ----------------------------------------------------------------------------------


@dataclass(eq=False)
class _Source:
    """A run of prose: a paragraph, a heading, or the narrative cell of a table row."""

    block: Heading | Paragraph | Table
    position: int  # the block's index in the document
    text: str
    location: Location
    cell: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        self.half = to_halfwidth(self.text)
        self.sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(self.half))]
        self.runs = [0, *(m.end() for m in _RUN_END.finditer(self.half))]  # split again at ；
        self.context = _context(self)

    def in_parens(self, offset: int) -> bool:
        """Inside parentheses opened in the same sentence: "（含2020年结转97.87万元）"."""
        depth = 0
        for ch in self.half[self.sentences[self.sentence_of(offset)] : offset]:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(depth - 1, 0)
        return depth > 0

    def in_quote(self, offset: int) -> bool:
        before = self.half[:offset]
        return before.rfind("“") > before.rfind("”")

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        end = self.sentences[sentence + 1] if sentence + 1 < len(self.sentences) else len(self.half)
        return self.sentences[sentence], end

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentences, offset) - 1

    def run_of(self, offset: int) -> int:
        return bisect_right(self.runs, offset) - 1


@dataclass(eq=False)
class _Token:
    """A number that makes a claim, with what its context says about it."""

    source: _Source
    number: Number
    unit: str | None
    end: int  # past the unit and any qualifier
    subject: str
    type: ClaimType
    comparator: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    year: int | None = None
    role: str | None = None
    group: int | None = None
    ref: _Token | None = None
    base: str | None = None  # a prior's named base when it is not a year ("预算数")
    parenthesized: bool = False

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def sentence(self) -> int:
        return self.source.sentence_of(self.start)

    @property
    def in_parens(self) -> bool:
        return self.parenthesized and not self.type.startswith("score")

    @property
    def money(self) -> bool:
        return self.unit in _MONEY or (self.unit is None and not self.number.percent)

    def compatible(self, other: _Token) -> bool:
        """Same kind of quantity: money with money, a count with the same measure word."""
        if self.money or other.money:
            return self.money and other.money
        return self.unit == other.unit


def _context(source: _Source) -> str | None:
    """ "target" or "result" from the innermost run-in label or section heading that says so."""
    labels = []
    run_in = _RUN_IN.match(source.half)
    if run_in:
        labels.append(run_in.group())
    labels.extend(reversed(source.block.section))
    for label in labels:
        if "指标" in label and "绩效分析" not in label:
            continue  # "(1)数量指标：" names an indicator kind, not a section
        if _RESULT_CONTEXT.search(label):
            return "result"
        if _TARGET_CONTEXT.search(label):
            return "target"
    return None


def _sources(document: Document) -> list[_Source]:
    """The prose that holds numbers: headings, paragraphs, and tables' 评价结论 rows."""
    sources = []
    for position, block in enumerate(document.blocks):
        if isinstance(block, Table):
            rows = {c.row for c in block.cells if c.col == 0 and _NARRATIVE_ROW.match(c.text)}
            sources.extend(
                _Source(block, position, cell.text, cell.location, (cell.row, cell.col))
                for cell in block.cells
                if cell.row in rows and cell.col > 0 and _DIGIT.search(cell.text)
            )
        elif block.text:
            sources.append(_Source(block, position, block.text, block.location))
    return sources


def _read(source: _Source) -> list[_Token]:
    tokens: list[_Token] = []
    for number in find_numbers(source.text):
        token = _token(source, number, tokens[-1] if tokens else None)
        if token is not None:
            tokens.append(token)
    return tokens


def _token(source: _Source, number: Number, previous: _Token | None) -> _Token | None:
    """The claim ``number`` makes, read from its context; None when it makes none."""
    half = source.half
    before, after = half[: number.start], half[number.end :]
    if (after.startswith("年") and _is_year(number)) or _ORDINAL_BEFORE.search(before):
        return None  # a year ("2023年度", "2023-2025年度") or an ordinal ("第36号")
    if "．" in number.text and not before.strip():
        return None  # list numbering run into a year: "7．2021年运行运转保障经费…"
    points = _POINTS.match(after)
    if points:  # "提高3.4个百分点": a difference of two percentages, itself in percent
        number = replace(number, percent=True, end=number.end + points.end())
        after = half[number.end :]
    unit_match = _UNIT.match(after)
    assert unit_match is not None  # every group of _UNIT is optional
    mag, infix, measure, suffix = unit_match.group("mag", "infix", "measure", "suffix")
    if number.percent:
        unit: str | None = "%"
    elif measure or mag:
        unit = (mag or "") + (measure or "元")  # a bare 万/亿 is money: "项目成本≤18.05万"
    elif _BARE_AMOUNT_BEFORE.search(before) and _CLAUSE_END.match(after):
        unit = None
    else:
        return None  # list numbering, 文号, codes, dates: no unit, no claim
    end = number.end + unit_match.end()
    if _passed_over(source, number, end, unit):
        return None
    clause = _clause_start(source, number.start)
    token = _Token(
        source, number, unit, end, "", "amount", parenthesized=source.in_parens(number.start)
    )
    token.qualifier = _QUALIFIERS.get(infix or suffix or "")
    lead = before[clause:]  # the clause before the number: where trigger words are read
    cmp_match = _COMPARATOR.search(lead)
    if cmp_match:
        token.comparator = parse_comparator(cmp_match.group("cmp"))
        lead = lead[: cmp_match.start()]
    qual_match = _QUALIFIER_BEFORE.search(lead)
    if qual_match:
        token.qualifier = token.qualifier or _QUALIFIERS[qual_match.group("q")]
        lead = lead[: qual_match.start()]
    sentence_start = source.sentences[source.sentence_of(clause)]
    same_sentence = previous is not None and previous.end >= sentence_start
    # A subject reaches back to its sentence start, so that a label before a colon is found,
    # but never into the previous number.
    floor = previous.end if previous is not None and same_sentence else sentence_start
    token.subject = _subject(source, number.start, floor)
    if not token.subject and previous is not None and same_sentence:
        token.subject = previous.subject  # "国内公务接待75批次，920人次", "…78.50万元的39.71%"
    if not _classify(token, lead):
        return None
    if points and token.type == "change_rate":
        token.type = "change"  # percentage points: the difference, not a rate of the prior
    counted = _COUNTED.match(half[end:])
    if counted and measure in _COUNTING_MEASURES:
        token.subject = counted.group("noun")
    return token


def _passed_over(source: _Source, number: Number, end: int, unit: str | None) -> bool:
    """A unit price or scoring rule ("每套290元", "每缺一套扣0.5分"), or a threshold inside a
    noun phrase ("大于10%的项目"): numbers that state no quantity of the report."""
    half = source.half
    if _PER.search(half, _clause_start(source, number.start), number.start) and unit != "%":
        return True
    # endpos, not a slice: no copy of the text before every number of a report
    return bool(
        _THRESHOLD_BEFORE.search(half, 0, number.start) and _THRESHOLD_AFTER.search(half[end:])
    )


def claimable(paragraph: Paragraph, numbers: list[Number]) -> list[Number]:
    """Those of ``numbers`` (of ``paragraph``) that the patterns do not leave out on purpose
    (``_passed_over``): any the rules did not read, they missed for want of a pattern."""
    if not numbers:
        return []
    source = _Source(paragraph, 0, paragraph.text, paragraph.location)
    kept = []
    for number in numbers:
        unit_match = _UNIT.match(source.half, number.end)
        assert unit_match is not None  # every group of _UNIT is optional
        unit = "%" if number.percent else unit_match.group()
        if not _passed_over(source, number, unit_match.end(), unit):
            kept.append(number)
    return kept


def _is_year(number: Number) -> bool:
    return number.decimals == 0 and 1900 <= abs(number.value) <= 2100


def _clause_start(source: _Source, offset: int) -> int:
    """Start of the clause holding ``offset``: after the last comma, colon or stop before it."""
    i = offset - 1
    while i >= 0 and source.half[i] not in _STOPS:
        i -= 1
    return i + 1


def _subject(source: _Source, offset: int, floor: int) -> str:
    """The words naming the number at ``offset``, read back to a stop outside parentheses."""
    half = source.half
    i, depth = offset - 1, 0
    while i >= floor:
        ch = half[i]
        if ch in _CLOSE_WORDS:
            depth += 1
        elif ch in _OPEN_WORDS:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _STOPS:
            break
        i -= 1
    start = i + 1
    subject = _trim(source, start, offset)
    if start > 0 and half[start - 1] in "（(" and not subject:
        subject = _subject(source, start - 1, floor)  # "决策程序（6分）": the label before
    elif start > 0 and half[start - 1] in "：:" and _GENERIC_SUBJECT.match(subject):
        label = _subject(source, start - 1, floor)
        if label and not _LEAD_IN.search(label):
            subject = label  # "…行政运行（项）：支出决算为503.07万元"
    return subject


def _trim(source: _Source, start: int, end: int) -> str:
    """The text between ``start`` and ``end`` without numbering, dates, document numbers and
    connectives around the words naming a number (read on the half-width text)."""
    half = source.half
    previous = None
    while previous != (start, end):
        previous = (start, end)
        for lead in (_LEAD_NUMBERING, _LEAD_TIME, _LEAD_CUE, _LEAD_DOCUMENT, _LEAD_REASON):
            start = _cut(lead, half, start, end, 1)
        start = _cut(_LEAD_VERB, half, start, end, 2)
        while start < end and half[start] in "、 ":
            start += 1
        for tail in (_TAIL_WORDS, _TAIL_COMPARISON):
            match = tail.search(half[start:end])
            if match:
                end = start + match.start()
    return source.text[max(start, end - _MAX_SUBJECT) : end]


def _cut(lead: re.Pattern[str], half: str, start: int, end: int, keep: int) -> int:
    """``start`` moved past ``lead`` when at least ``keep`` characters remain before ``end``."""
    match = lead.match(half[start:end])
    if match and end - start - match.end() >= keep:
        return start + match.end()
    return start


def _classify(token: _Token, lead: str) -> bool:
    """Set the claim type from the words before the number; False when it is no claim."""
    if token.unit == "分" and not token.number.percent:
        return _classify_score(token, lead)
    compared = _COMPARED.search(lead)
    direction = _DIRECTION.search(lead) or _RATE_OF_CHANGE.search(lead)
    year = _YEAR_NAMED.search(lead)
    if token.number.percent and _SHARE.search(lead):
        token.type = "share"
    elif token.comparator:  # "群众满意度提高＝100%" states a target or a result, not a change
        token.type = "achievement" if token.source.context == "result" else "target"
    elif direction or (token.number.percent and _SIGNED_RATE.search(lead)):
        token.type = "change_rate" if token.number.percent else "change"
        up = direction.group("up") if direction else token.number.value >= 0
        token.direction = "increase" if up else "decrease"
        token.year = int(year.group("year")) if year else None
    elif compared and (not token.number.percent or _COMPARED_PERCENT.search(lead)):
        token.type = "prior"
        token.year = int(compared.group("year")) if compared.group("year") else None
        token.base = compared.group("base")
    elif (at_length := _COMPARED_AT_LENGTH.search(lead)) and _CLOSED_COMPARISON.match(
        token.source.half[token.end :]
    ):
        token.type = "prior"
        token.year = int(at_length.group("year"))
    elif _TARGET_WORD.search(token.subject):
        token.type = "target"
    elif not (token.money or token.number.percent) and (
        _COUNT_CUE.search(lead) or _COUNT_CUE_END.search(lead)
    ):
        token.type = "count"  # "本项目共设置7个三级指标", even among targets
    elif token.source.context == "target" and (
        token.qualifier or not (token.money or token.number.percent)
    ):
        token.type = "target"
    elif token.number.percent:
        token.type = _classify_percent(token)
    elif token.qualifier:
        token.type = "achievement"
    elif token.money:
        token.type = "amount"
    else:
        token.type = "achievement" if token.source.context == "result" else "count"
    if token.type == "target" and token.comparator is None:
        token.comparator = _QUALIFIER_COMPARATOR.get(token.qualifier or "")
    return True


# "完成年初预算的97.42%", "完成全年预算的101.5%", "为年初预算的103.11%": the share of a
# budget spent (the 决算 template's words), whatever the trimmed subject kept of them
_BUDGET_DONE = re.compile(
    r"(?:完成|为|占|达)(?:年初|全年|调整后?)?预算数?(?:\s*[\d,.]+\s*万?元)?的?\s*$"  # "…万元的"
)


def _classify_percent(token: _Token) -> ClaimType:
    if _BUDGET_DONE.search(token.source.half[max(token.start - 30, 0) : token.start]):
        token.subject = "完成预算"
        return "rate"
    if _FINANCIAL_RATE.search(token.subject):
        return "rate"
    if token.qualifier or token.source.context == "result":
        return "achievement"
    if token.source.context == "target":
        return "target"
    return "rate" if token.subject.endswith("率") else "achievement"


def _classify_score(token: _Token, lead: str) -> bool:
    source = token.source
    after = source.half[token.end :]
    if _BAND_BOUND.match(after):
        return False  # "综合得分90分（含）以上为“优”": a grade's bound, not a score
    if source.in_quote(token.start):
        token.type = "score_allotment"  # a quoted scoring rule: "…的得2分" is its full marks
        return bool(_SCORE_RULE_AWARD.search(lead) or _SCORE_PAREN.search(lead))
    if (_SCORE_PAREN.search(lead) and _SCORE_PAREN_CLOSE.match(after)) or _SCORE_ALLOTMENT.search(
        lead
    ):
        token.type = "score_allotment"
    elif _SCORE_DEDUCTION.search(lead):
        token.type = "score_deduction"
    elif _SCORE_TOTAL.search(lead) and not _allotted_before(token):
        token.type = "score_total"
    elif _SCORE_AWARD.search(lead):
        token.type = "score_award"
    else:
        return False
    return True


_FULL_MARKS_NOTED = re.compile(r"[（(]\s*满分\s*[\d.]+\s*分\s*[）)]")


def _allotted_before(token: _Token) -> bool:
    """A sentence that states an allotment first scores a part: "总分15分，自评得分15分",
    "（一）投入（20分），自评得分19.34分"."""
    source = token.source
    start = source.sentences[token.sentence]
    # "得分为85.17分（满分90分），…项目绩效自评得分99.85分": a score's own maximum, noted
    before = _FULL_MARKS_NOTED.sub("", source.half[start : token.start])
    if re.search(r"(?:总分|满分|分值)\d", before):
        return True
    return any(Decimal(n) < 100 for n in _PART_ALLOTMENT.findall(before))


# --- Grouping ---------------------------------------------------------------------------------


class _Groups:
    """Group ids handed out as patterns are found, and each source's tokens."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.next_id = 1
        self.by_source: dict[int, list[_Token]] = {}
        for token in tokens:
            self.by_source.setdefault(id(token.source), []).append(token)

    def new(self, members: list[_Token]) -> None:
        for token in members:
            token.group = self.next_id
        self.next_id += 1

    def join(self, anchor: _Token, members: list[_Token]) -> None:
        """Members join the anchor's group, or a new group with the anchor if it has none."""
        if anchor.group is None:
            self.new([anchor, *members])
        else:
            for token in members:
                token.group = anchor.group

    def of(self, source: _Source) -> list[_Token]:
        return self.by_source.get(id(source), [])


_HEADS = ("amount", "count")


def _is_head(token: _Token) -> bool:
    """An amount or count that stands for itself (not a comparison base, not in parentheses)."""
    return token.type in _HEADS and not token.in_parens


def _group_totals(groups: _Groups, sources: list[_Source]) -> None:
    """P1, P8: a total, its parts and their shares."""
    for index, source in enumerate(sources):
        tokens = groups.of(source)
        for i, token in enumerate(tokens):
            if _PARTS_AFTER.match(source.half[token.end :]):
                total = token if _is_head(token) else _figure_before(tokens, i)
                if total is not None:  # "…金额0.00万元，占…的0.00%，其中：…"
                    _footing(groups, total, _parts_in(tokens[i + 1 :], total, token.sentence))
        for sentence, start in enumerate(source.sentences[1:], start=1):
            total = _sentence_lead_total(source, tokens, sentence, start)
            if total is not None:
                _footing(groups, total, _parts_in(tokens, total, sentence))
        if _PARTS_BLOCK_END.search(source.half.rstrip()):
            total = _block_lead_total(source, tokens)
            if total is not None:
                _footing(groups, total, _parts_in_blocks(groups, sources, index, total))
        elif (total := _item_title_total(sources, index, tokens)) is not None:
            _footing(groups, total, _parts_in_blocks(groups, sources, index, total))
        _attach_shares(groups, tokens)


def _parts_in(tokens: list[_Token], total: _Token, sentence: int) -> list[_Token]:
    """The figures of ``sentence`` that can be parts of ``total``."""
    return [
        t
        for t in tokens
        if t.sentence == sentence and _is_head(t) and t.group is None and t.compatible(total)
    ]


def _footing(groups: _Groups, total: _Token, parts: list[_Token]) -> None:
    """Group a total with its parts; a total that is itself a part of a larger footing (a
    nested breakdown) stays there and its parts point at it."""
    parts = [p for p in parts if p is not total and p.group is None]
    if not parts:
        return
    for part in parts:
        part.role = "part"
    if total.group is None:
        total.role = "total"
        groups.new([total, *parts])
    else:
        for part in parts:
            part.ref = total
        groups.new(parts)


_SUM_WORDS = re.compile(r"共计|合计|总计|总共|共有")


def _words_before(source: _Source, token: _Token) -> str:
    """The printed words naming a figure, with what trimming its subject took ("共计")."""
    return source.half[max(token.start - len(token.subject) - 6, 0) : token.start]


def _sentence_lead_total(
    source: _Source, tokens: list[_Token], sentence: int, start: int
) -> _Token | None:
    """ "…824.40万元，比2021年…。主要包括：基本工资219.60万元、…": the previous sentence's head."""
    text = source.half[start:].lstrip()
    earlier = sentence - 1
    while earlier > 0 and _EXPLANATION.search(source.half, *source.sentence_span(earlier)):
        earlier -= 1  # "…下降86.95%。…大幅度下降，主要是…。其中：…": past the explanation
    previous = [t for t in tokens if t.sentence == earlier and _is_head(t)]
    if not previous:
        return None
    if _PARTS_LEAD.match(text):
        # "…在编公务用车2辆（…），…共计使用车辆13辆。其中：轿车8辆…": the sum it names
        summed = [t for t in previous if _SUM_WORDS.search(_words_before(source, t))]
        if summed:
            return summed[-1]
        # "全体会议1次，常委会议4次，主席会议12次。其中专题议政性常委会议2次…": parts of which
        # one the words do not say
        alike = [t for t in previous if t.compatible(previous[0])]
        return previous[0] if len(alike) == 1 else None
    named = _PARTS_LEAD_NAMED.match(text)
    if named:  # "决算数中…": the figure the previous sentence gave as 决算数
        return next((t for t in previous if t.subject.endswith(named.group("name"))), None)
    return None


def _block_lead_total(source: _Source, tokens: list[_Token]) -> _Token | None:
    """A block ending in "其中：" introduces parts below it. Its total is the last figure of
    that sentence ("基本支出849.70万元，其中："), or else the block's first figure
    ("决算数为2871.49，完成预算100%。其中：")."""
    heads = [t for t in tokens if _is_head(t)]
    last = source.sentence_of(len(source.half.rstrip()) - 1)
    in_last = [t for t in heads if t.sentence == last]
    if in_last:
        return in_last[-1]
    return heads[0] if heads else None


def _item_style(text: str) -> int | None:
    """How deep a list item's number is (0 for "一、" … 4 for "①"); None if unnumbered."""
    return next((depth for depth, style in enumerate(_ITEM_STYLES) if style.match(text)), None)


def _item_title_total(sources: list[_Source], index: int, tokens: list[_Token]) -> _Token | None:
    """ "2、对个人和家庭的补助支出（类）2,606.84万元" over "（1）离休费（款）支出163万元…": a
    numbered item that is only a name and its figure, above items numbered one style deeper."""
    source = sources[index]
    depth = _item_style(source.half)
    heads = [t for t in tokens if _is_head(t)]
    following = sources[index + 1] if index + 1 < len(sources) else None
    if depth is None or len(tokens) != 1 or len(heads) != 1 or following is None:
        return None
    below = _item_style(following.half)
    tail = source.half[heads[0].end :].strip(" 。")
    if tail or below is None or below <= depth or following.position != source.position + 1:
        return None
    return heads[0]


def _parts_in_blocks(
    groups: _Groups, sources: list[_Source], index: int, total: _Token
) -> list[_Token]:
    """The items below a "其中：" block: one per numbered paragraph of the first item's style
    when the items are numbered (deeper numbers and unnumbered lines between them are an item's
    own breakdown, a shallower number ends the list), else one per paragraph up to the next
    numbered one."""
    parts: list[_Token] = []
    style: int | None = None
    previous = sources[index].position
    for n, source in enumerate(sources[index + 1 :]):
        if source.position != previous + 1 or not isinstance(source.block, Paragraph):
            break  # a heading or a table ends the items
        previous = source.position
        depth = _item_style(source.half)
        if n == 0:
            style = depth
        if depth != style:
            if style is not None and (depth is None or depth > style):
                continue  # a sub-item of the numbered item above
            break
        heads = [t for t in groups.of(source) if _is_head(t) and t.compatible(total)]
        if not heads:
            if style is not None:
                continue
            break
        # "全年预算数为436.80万元，支出决算为412.36万元": the figure of the total's kind
        kind = _kind(total)
        first = next((t for t in heads if kind and _kind(t) == kind), heads[0])
        parts.append(first)
        if _BUDGET_ITEM.search(first.subject):
            parts.extend(t for t in heads if t is not first and _BUDGET_ITEM.search(t.subject))
    return parts


_KIND_WORD = re.compile(r"预算|申报|下达|计划|决算|执行|实际")


def _kind(token: _Token) -> str | None:
    """Whether a figure was budgeted or spent, by the last word of its subject that says so:
    "一般公共预算支出决算数" was spent, "当年预算执行数" too, "全年预算数" budgeted."""
    words = _KIND_WORD.findall(token.subject)
    if not words:
        return None
    return "actual" if words[-1] in ("决算", "执行", "实际") else "budget"


def _attach_shares(groups: _Groups, tokens: list[_Token]) -> None:
    """A share belongs to the figure before it; with it, to that figure's footing."""
    for i, token in enumerate(tokens):
        if token.type != "share":
            continue
        part = _figure_before(tokens, i)
        if part is not None:
            token.ref = part
            token.subject = part.subject
            groups.join(part, [token])


def _figure_before(tokens: list[_Token], index: int) -> _Token | None:
    """The amount or count nearest before ``tokens[index]`` in its sentence (a share's part)."""
    sentence = tokens[index].sentence
    return next(
        (t for t in reversed(tokens[:index]) if _is_head(t) and t.sentence == sentence), None
    )


def _group_changes(groups: _Groups, sources: list[_Source]) -> None:
    """P2: a current figure, the prior it is compared with, the change and the change rate."""
    for source in sources:
        tokens = [t for t in groups.of(source) if not t.in_parens]  # "（含2020年结转…）"
        chain: list[_Token] = []
        for i, token in enumerate(tokens):
            if token.type not in ("prior", "change", "change_rate"):
                continue
            starts_new = (
                not chain
                or chain[-1].sentence != token.sentence
                or token.type == "prior"
                or any(t.type == token.type for t in chain)
            )
            if starts_new:
                _close_chain(groups, chain, tokens)
                chain = []
            chain.append(token)
            if i + 1 == len(tokens) or tokens[i + 1].type not in ("change", "change_rate"):
                _close_chain(groups, chain, tokens)
                chain = []
        _close_chain(groups, chain, tokens)


def _close_chain(groups: _Groups, chain: list[_Token], tokens: list[_Token]) -> None:
    if not chain:
        return
    # what the change itself names: "与2022年6456.27万元相比，财政拨款收、支总计各增加…"
    said = next((t.subject for t in chain if t.type == "change"), "")
    current = _current(chain[0], tokens, said, _implied_current(chain))
    for token in chain:
        if current is not None:
            token.ref = current
            token.subject = token.base or current.subject
        if token.type == "prior" and chain[0].year is None:
            continue
        token.year = token.year or chain[0].year
    if current is not None and current.group is None:
        groups.new([current, *chain])
    elif len(chain) > 1:
        groups.new(chain)


def _implied_current(chain: list[_Token]) -> list[tuple[Decimal, Decimal]]:
    """What the current figure must be, as ranges: prior ± change where the chain prints its
    prior, else change ÷ rate ± change where it prints its rate ("增加127.75万元，增长14.30%":
    about 1021), either sign (the direction word is what a check judges)."""
    prior = next((t for t in chain if t.type == "prior"), None)
    change = next((t for t in chain if t.type == "change"), None)
    rate = next((t for t in chain if t.type == "change_rate"), None)
    if change is None:
        return []
    if prior is not None:
        if not prior.compatible(change):
            return []
        values = (
            prior.number.value + change.number.value,
            prior.number.value - change.number.value,
        )
        return [(v, v) for v in values]
    if rate is None or abs(rate.number.value) <= rate.number.half_unit:
        return []
    moved = abs(change.number.value)
    low, high = moved - change.number.half_unit, moved + change.number.half_unit
    percent = abs(rate.number.value)
    rate_high = (percent + rate.number.half_unit) / 100
    rate_low = (percent - rate.number.half_unit) / 100
    prior_low, prior_high = low / rate_high, high / rate_low
    return [(prior_low + low, prior_high + high), (prior_low - high, prior_high - low)]


def _current(
    first: _Token,
    tokens: list[_Token],
    said: str = "",
    implied: list[tuple[Decimal, Decimal]] | None = None,
) -> _Token | None:
    """The figure a comparison is about: the nearest figure before it in its sentence, or, for
    a sentence that opens with the comparison or names the same thing, in the sentences before.
    A comparison that opens its sentence and names nothing ("。比2023年度的4498.20万元增加
    293.39万元") is about the figure its prior and change (or its change and rate) imply, where
    one was printed, else about the nearest."""
    source = first.source
    index = tokens.index(first)
    # "覆盖率为36.6%，较上年的34.2%提高3.4个百分点": a percentage compared with a percentage
    percentages = first.type == "prior" and first.number.percent
    candidates = [
        t
        for t in reversed(tokens[:index])
        if (_is_head(t) or (percentages and t.number.percent and t.sentence == first.sentence))
        and (t.compatible(first) or first.number.percent)
        and t.role != "budget"
        and not _BUDGET_BASE.match(t.subject)
        and not _COMPARISON_LEAD.match(t.subject)  # "比预算少支出4.56万元": a difference
        and not _EXPLANATION.search(t.subject)  # "主要是省级追加…资金32.00万元": a reason
        and not t.subject.endswith(("年初预算", "年初预算数"))  # what a 决算 is measured by
    ]
    same = [t for t in candidates if t.sentence == first.sentence]
    if same:  # "在职人员54人，其中…事业人员24人，比2023年末52人增加2人": the 54 its prior implies
        fits = [t for t in same if any(lo <= t.number.value <= hi for lo, hi in implied or [])]
        return fits[0] if fits else same[0]
    start = source.sentences[first.sentence]
    opening = source.half[start : first.start]
    if _COMPARISON_LEAD.match(opening.lstrip()):
        # "与2023年度财政拨款收、支总计2519.32万元相比，较上年度增加…": the figure it names
        named = _NAMED_AFTER_COMPARISON.sub("", opening.strip())
        named = named if len(named) >= 4 else _NAMED_CHANGE.sub("", said)
        alike = [(SequenceMatcher(None, named, c.subject).ratio(), c) for c in candidates]
        best = max(alike, key=lambda pair: pair[0], default=(0.0, None))
        if len(named) >= 4 and best[0] >= MIN_NAME_LIKENESS:
            return best[1]
        # the nearest figure its prior or its rate implies ("…支出1,021.37万元，主要用于…835.80
        # 万元、…185.57万元。与2023年度相比增加127.75万元，增长14.30%": the 1,021.37), else the
        # nearest
        fits = [
            c for c in candidates if any(lo <= c.number.value <= hi for lo, hi in implied or [])
        ]
        return fits[0] if fits else candidates[0] if candidates else None
    named = _trim(source, start, start + len(re.split(r"比|较|与", opening)[0]))
    for candidate in candidates:
        if _common_prefix(named, candidate.subject) >= 4:
            return candidate
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _group_rates(groups: _Groups, sources: list[_Source]) -> None:
    """P3, P7, P9: a ratio with the amounts and counts before it in its clause run."""
    for source in sources:
        tokens = groups.of(source)
        taken: set[int] = set()
        for i, token in enumerate(tokens):
            if token.type != "rate" or not _FINANCIAL_RATE.search(token.subject):
                continue
            run = source.run_of(token.start)
            before = [
                t
                for t in tokens[:i]
                if source.run_of(t.start) == run and _is_head(t) and id(t) not in taken
            ]
            taken.update(id(t) for t in before)
            of_budget = bool(_RATE_OF_BUDGET.search(token.subject))
            roles = {id(t): _rate_role(t) if of_budget else None for t in before}
            token.ref = next(
                (
                    t
                    for t in reversed(before)
                    if t.money and roles[id(t)] != "budget" and not _ADJUSTMENT.search(t.subject)
                ),
                None,
            )
            free = [t for t in before if t.group is None]
            for t in free:
                t.role = roles[id(t)]
            if free:
                groups.new([*free, token])


def _rate_role(token: _Token) -> str | None:
    """Whether an amount before an execution rate is what was budgeted or what was spent."""
    if not token.money or _ADJUSTMENT.search(token.subject):
        return None  # "根据实际需求追加6.40万元": a change of the budget, neither side
    if _ACTUAL_WORDS.search(token.subject):
        return "actual"
    return "budget" if _BUDGET_WORDS.search(token.subject) else None


_FULL_MARKS_NOTE = re.compile(r"[（(]\s*满分\s*$")
_SECTION_SUM = re.compile(r"合计|小计|共计|总计")


def _group_scores(groups: _Groups, sources: list[_Source]) -> None:
    """P4: an allotment with the awards and deductions scored against it, in its block or in
    the paragraphs under the heading that states it."""
    heading: tuple[_Token, str] | None = None
    for source in sources:
        scores = [t for t in groups.of(source) if t.type.startswith("score")]
        allotments = [t for t in scores if t.type == "score_allotment"]
        scored = [t for t in scores if t.type in ("score_award", "score_deduction")]
        if isinstance(source.block, Heading):
            heading = (allotments[-1], source.block.text) if allotments else None
        if allotments and scored:
            # "得分为85.17分（满分90分）": the maximum of the award before it, of no later one
            bounds = [a for a in allotments if _FULL_MARKS_NOTE.search(source.half[: a.start])]
            for token in scored:
                token.ref = next(
                    (a for a in reversed(allotments) if a.start < token.start and a not in bounds),
                    None,
                )
                if _SECTION_SUM.search(token.subject) and token.ref is not None:
                    # "数量指标合计得29分": the allotment it names; "该项合计得29分": the
                    # section's, stated first
                    named = [a for a in allotments if a.subject and a.subject in token.subject]
                    token.ref = named[-1] if named else allotments[0]
            for bound in bounds:
                before = [t for t in scored if t.start < bound.start]
                if before and before[-1].sentence == bound.sentence:
                    before[-1].ref = bound
            groups.new([*allotments, *scored])
        elif scored and heading is not None and heading[1] in source.block.section:
            for token in scored:
                token.ref = heading[0]
                if _GENERIC_SCORE_SUBJECT.match(token.subject):
                    token.subject = heading[0].subject  # "该项指标得6分" under "决策程序（6分）"
            groups.join(heading[0], scored)


# --- Claims -----------------------------------------------------------------------------------


def extract_claims(document: Document) -> list[Claim]:
    """Every numeric claim of the document's prose, in document order."""
    sources = _sources(document)
    tokens = [token for source in sources for token in _read(source)]
    groups = _Groups(tokens)
    _group_totals(groups, sources)
    _group_changes(groups, sources)
    _group_rates(groups, sources)
    _group_scores(groups, sources)
    ids = {id(token): f"c{n}" for n, token in enumerate(tokens, start=1)}
    group_ids: dict[int, str] = {}
    for token in tokens:  # groups numbered in document order, whatever pass made them
        if token.group is not None and token.group not in group_ids:
            group_ids[token.group] = f"g{len(group_ids) + 1}"
    return [_claim(token, ids, group_ids) for token in tokens]


def _claim(token: _Token, ids: dict[int, str], group_ids: dict[int, str]) -> Claim:
    source, number = token.source, token.number
    block = source.block
    line, col = source.location.line_start, None
    if not isinstance(block, Table):
        located = block.source_map.locate(number.start)
        if located is not None:
            line, col = located
    # Every value below already has its field's type: construct without re-validating, which
    # would cost more than reading the claims (thousands per report).
    return Claim.model_construct(
        id=ids[id(token)],
        type=token.type,
        subject=token.subject,
        quantity=Quantity.model_construct(
            text=number.text,
            value=number.value,
            decimals=number.decimals,
            unit=token.unit,
            percent=number.percent,
        ),
        span=Span.model_construct(
            block_id=block.id,
            start=number.start,
            end=number.end,
            line=line,
            col=col,
            page=source.location.page,
            cell=source.cell,
        ),
        comparator=token.comparator,
        qualifier=token.qualifier,
        direction=token.direction,
        year=token.year,
        group=group_ids.get(token.group) if token.group is not None else None,
        role=token.role,
        ref=ids[id(token.ref)] if token.ref is not None else None,
        section=list(block.section),
    )
