"""Checks of the prose's own arithmetic (DOMAIN.md §4.1–4.4): shares, changes, rates, sums.

Claims that one sentence states together share a ``group``; a share, change or rate names the
amount it is about with ``ref``. Each check recomputes the stated figure from the others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule, Severity
from budgetlens.checks.engine import MONEY, Context, Operand, comparable, plain
from budgetlens.checks.intervals import (
    Interval,
    Quantity,
    Tier,
    UndefinedRatio,
    check_difference,
    check_ratio,
    check_sum,
    judge,
    to_wan,
)
from budgetlens.checks.linking import INITIAL_BUDGET, YEARS_BUDGET
from budgetlens.claims.model import Claim
from budgetlens.numbers import Number

SHARE = Rule(
    "SHARE.part_of_total",
    version=3,
    severity="error",
    zh=Doc(
        "正文所写的占比等于部分 ÷ 合计",
        what="同一句中先写合计、再写其中一部分及其占比（“支出合计3081.49万元，其中基本支出"
        "2871.49万元，占93.19%”），占比按部分 ÷ 合计重新计算，容许四舍五入。句中没有合计、"
        "但写明占什么的比例（“占本年支出合计的99.13%”），或部分的名称带出整体（“决算支出中基本支出"
        "1386.52万元，占25.67%”）时，取同段之前唯一同名的金额为合计（“决算支出”与“支出决算数”"
        "同名），此时至多为警告。",
        why="占比是读者理解结构的方式；算错的占比说明金额或百分比之一被改过。",
    ),
    en=Doc(
        "A share stated in prose is its part ÷ the total",
        what='Where a sentence states a total, then a part with its share ("支出合计3081.49'
        '万元，其中基本支出2871.49万元，占93.19%"), the share is recomputed as part ÷ total, '
        "rounding allowed. Where no total is in the sentence but the share names its whole "
        '("占本年支出合计的99.13%") or the part\'s name does ("决算支出中基本支出1386.52万元，'
        '占25.67%"), the one earlier amount of the paragraph of that name (决算支出 and 支出决算数 '
        "alike) is the total; then at most a warning.",
        why="Shares are how readers see the structure; a wrong one means the amount or the "
        "percentage was changed without the other.",
    ),
)
WHOLE = Rule(
    "SHARE.complete_parts_100",
    version=1,
    severity="error",
    zh=Doc(
        "一个整体的全部组成部分，占比之和为100%",
        what="同一段中列出某整体按定义的全部组成部分及各自占该整体的比例（“三公”经费 = "
        "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；基本支出 = 人员经费 + "
        "公用经费），各占比之和应为100%，容许每个占比的四舍五入。",
        why="各部分占比之和不是100%，说明占比的分母并不是所称的整体（例如把会议费、培训费也算进了"
        "“三公”经费），或某个占比被改过。",
    ),
    en=Doc(
        "The shares of all of a whole's parts add up to 100%",
        what="Where a paragraph lists every part of a whole by its definition (“三公”经费 = "
        "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费; 基本支出 = 人员经费 + 公用经费), "
        "each with its share of that whole, the shares add up to 100%, each share's rounding "
        "allowed.",
        why="Shares of all the parts that do not make 100% were taken of another whole than "
        "the one named (会议费 and 培训费 counted into 三公) or one of them was changed.",
    ),
)
PARTS = Rule(
    "FOOT.parts_add_up_to_total",
    version=6,
    severity="error",
    zh=Doc(
        "合计之后列出的各组成部分之和等于合计",
        what="一句先写合计、再逐项列出组成部分，且占比合计 100%、人数分项，或所列正是该合计按定义的"
        "全部组成部分（基本支出 = 人员经费 + 公用经费；“三公” = 出国 + 车 + 接待），或合计下以"
        "“包括：”引出、逐段编号列出，或逐段列出的是按科目（类、款、项）分的各行，或计数的各部分以"
        "“其他…”收尾，表明列举完整时，"
        "各部分之和等于合计；列举不完整时，计数的各部分之和（或合计为 0 时任何部分）不超过合计，"
        "同一句“其中”所列的任何一笔金额也不超过合计（“授予中小企业合同金额281.20万元，其中：授予"
        "小微企业合同金额294.65万元”）。",
        why="列举完整的部分加不出合计，说明合计或某一部分印错。",
    ),
    en=Doc(
        "Parts listed after a total add up to it",
        what="Where a sentence states a total and then its parts, and their shares (adding to "
        "100%), head counts, or the whole's definition (基本支出 = 人员经费 + 公用经费; 三公 = "
        "出国 + 车 + 接待) say the list is complete, or the parts are numbered paragraphs below "
        'it that a "包括：" opens or that are its lines by classification (类, 款, 项), or '
        'counted parts end in a catch-all ("其他用车"), the parts add up to the total; where it '
        "may "
        "not be, counted parts (or any part of a total printed 0) make no more than the total, "
        'and no one amount a sentence lists after "其中" is more than its whole.',
        why="A complete list of parts that does not make its total means the total or a part is "
        "misprinted.",
    ),
)
UNIT_SLIP = Rule(
    "FOOT.part_in_another_unit",
    version=1,
    severity="error",
    zh=Doc(
        "所列组成部分的金额单位与总数一致",
        what="“全年预算3980.00万元，其中：中央补助资金2604.30万元、省级补助资金583.30元、县级"
        "配套资金792.40万元”：只有一项的单位与总数和其余各项不同，而按总数的单位读这一项时各项"
        "之和恰好等于总数，这一项的单位印错了。",
        why="单位错一级，金额就差一万倍；换算后加不出总数，按原单位恰好加出，说明是单位写错。",
    ),
    en=Doc(
        "A part listed under a total is in the total's unit of money",
        what='"全年预算3980.00万元，其中：…2604.30万元、…583.30元、…792.40万元": where one part '
        "alone is printed in another unit than its total and the other parts, and read in "
        "their unit the list adds up to the total exactly, its unit is misprinted.",
        why="A unit one step off is ten thousand times the amount; a list that adds up only "
        "with the unit read as the others' shows which unit is wrong.",
    ),
)
CHANGE = Rule(
    "CHANGE.current_minus_prior",
    version=2,
    severity="error",
    zh=Doc(
        "增减额等于本年数 − 上年数",
        what="“本年…X万元，比上年增加（减少）Y万元”且写出上年数时，增减额按本年数 − 上年数"
        "重新计算，方向词决定符号。与目标值比较的百分点差（“实际完成97.6%，较目标值95%高出2.6个"
        "百分点”）同样计算，目标值视为精确数。",
        why="增减额是说明变动原因的起点；算错或方向写反，后面的解释就是对错的数字作解释。",
    ),
    en=Doc(
        "A change is this year's amount less last year's",
        what="Where prose states this year's amount, the prior year's and the increase or "
        "decrease, the change is recomputed as current − prior, signed by its direction word. "
        'A difference in points from a target ("实际完成97.6%，较目标值95%高出2.6个百分点") is '
        "recomputed alike, the target taken as exact.",
        why="The change is what the reasons that follow explain; a wrong one, or one of the "
        "wrong sign, has them explain the wrong figure.",
    ),
)
CHANGE_RATE = Rule(
    "CHANGE.rate_of_prior",
    version=2,
    severity="error",
    zh=Doc(
        "增减幅度等于增减额 ÷ 上年数",
        what="“比上年增加Y万元，增长Z%”的幅度按增减额 ÷ 上年数重新计算；未写上年数时，上年数"
        "取本年数 − 增减额。未写增减额时（“上年执行数为A万元，本年安排B万元，"
        "比上年执行数增加Z%”），幅度按（B − A）÷ A 计算，A 是同段中名称与“比……”"
        "所说基数相同的唯一金额；此时至多为警告。",
        why="幅度常被引用来比较各年、各部门；它应当能由同一句的金额算出。",
    ),
    en=Doc(
        "A rate of change is the change ÷ last year's amount",
        what='"比上年增加Y万元，增长Z%": the rate is recomputed as change ÷ prior amount (the '
        "current amount less the change where the prior is not printed). With no change amount "
        '("上年执行数为A万元，本年安排B万元，比上年执行数增加Z%") it is (B − A) ÷ A, A being the '
        "one amount of the paragraph named as the base after 比; then at most a warning.",
        why="Rates of change are quoted to compare years and departments; they must follow from "
        "the amounts of their own sentence.",
    ),
)
EXPLAINED = Rule(
    "CHANGE.explained_by_its_parts",
    version=2,
    severity="error",
    zh=Doc(
        "列举的增减原因合计等于增减额",
        what="“减少231元，一是增加30825元…二是减少30516元”：同一段中紧随增减额列出的各原因，"
        "按增加为正、减少为负相加，等于增减额。",
        why="原因加不出变动额，解释就不完整或有误，这正是审核要追问的地方。",
    ),
    en=Doc(
        "The reasons listed for a change net to the change",
        what='"减少231元，一是增加30825元…二是减少30516元": the amounts listed after a change '
        "in its paragraph, increases positive and decreases negative, net to the change.",
        why="Reasons that do not make the change leave it unexplained or explained wrongly, what "
        "a reviewer must ask about.",
    ),
)
RATE = Rule(
    "RATE.actual_over_budget",
    version=3,
    severity="error",
    zh=Doc(
        "正文所写的执行率（到位率）等于实际数 ÷ 预算数",
        what="一句中只有一个预算数和一个实际数时（“预算100万元，实际支出95万元，执行率95%”），"
        "比率按实际数 ÷ 预算数重新计算。句中同时写出年初预算和全年预算的，执行率以全年预算为"
        "分母（比率名为“完成年初预算”的除外）；“其中”之后某一部分资金的执行率，不以“其中”之前"
        "整体的预算为分母。",
        why="执行率、到位率是绩效评价的核心指标；正文与其金额不符，结论就不可信。",
    ),
    en=Doc(
        "A rate stated in prose is the actual amount ÷ the budget",
        what='Where a sentence has one budget and one actual amount ("预算100万元，实际支出95'
        '万元，执行率95%"), the rate is recomputed as actual ÷ budget. Where it prints both the '
        "年初 and the year's budget, an execution rate is of the year's (unless it names 年初); "
        'the rate of a part after "其中" is not taken of the whole\'s budget before it.',
        why="Execution and arrival rates are the core of a performance evaluation; one its own "
        "amounts contradict makes the conclusion doubtful.",
    ),
)
SHORTFALL = Rule(
    "RATE.shortfall_over_budget",
    version=2,
    severity="error",
    zh=Doc(
        "偏离度、结余率等于（预算数 − 实际数）÷ 预算数",
        what="偏离度、结余率、结转结余率、节资率与同一句的一个预算数和一个实际数一起写出时，"
        "按（预算数 − 实际数）÷ 预算数重新计算；写出的是结转结余金额本身时（“年末结转和结余"
        "15.60万元，结转结余率0.65%”），按该金额 ÷ 预算数计算。",
        why="偏离度决定预算编制准确性的得分；算错会直接改变评分。",
    ),
    en=Doc(
        "A deviation or balance rate is (budget − actual) ÷ budget",
        what="A 偏离度, 结余率, 结转结余率 or 节资率 stated with one budget and one actual amount "
        "is recomputed as (budget − actual) ÷ budget; where the amount printed is the money left "
        'over itself ("年末结转和结余15.60万元，结转结余率0.65%"), as that amount ÷ budget.',
        why="The deviation scores the accuracy of the budget; a wrong one changes the score.",
    ),
)
SAVINGS = Rule(
    "RATE.savings",
    version=1,
    severity="error",
    zh=Doc(
        "节资率等于节约金额 ÷（成交金额 + 节约金额）",
        what="同一段写出节约金额、成交金额和节资率时，节资率按节约金额 ÷（成交金额 + 节约金额）"
        "重新计算；也接受以成交金额为分母的算法。",
        why="节资率用来说明采购的成效；两种算法都得不出的节资率是错的。",
    ),
    en=Doc(
        "A savings rate is saved ÷ (spent + saved)",
        what="Where a paragraph states the amount saved, the contract amount and a 节资率, the "
        "rate is recomputed as saved ÷ (spent + saved); saved ÷ spent is accepted too.",
        why="The savings rate is the evidence of a procurement's result; one that neither "
        "reading gives is wrong.",
    ),
)

_COUNTED = (
    "人",
    "名",
    "个",
    "户",
    "项",
    "次",
    "家",
    "分",
    "辆",
    "台",
    "套",
)  # whole things: exact when whole


def _groups(claims: list[Claim]) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.group:
            groups[claim.group].append(claim)
    return groups


def _by_id(claims: list[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims}


def shares(ctx: Context) -> None:
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        total = next((c for c in group if c.role == "total"), None)
        for share in (c for c in group if c.type == "share" and c.ref in by_id):
            part = by_id[share.ref]
            if total is None or part is total or not comparable(part, total):
                continue
            if not _of_total(ctx, share, total):
                continue  # of another whole it names: ``shares_of_named_whole``
            if _of_parts_not_total(share, part, total, group):
                ctx.not_checked(SHARE)  # the total is what is wrong: PARTS reports it
                continue
            _ratio(ctx, SHARE, share, part, total, "占比")


def _of_parts_not_total(share: Claim, part: Claim, total: Claim, group: list[Claim]) -> bool:
    """Whether a share is of the sum of its group's parts where the printed total is not that
    sum ("9.46万元中：…5.12万元，占60.52%；…3.34万元" with parts adding to 8.46)."""
    parts = [c for c in group if c.role == "part" and c.type == "amount"]
    if len(parts) < 2 or {c.quantity.unit for c in parts} != {total.quantity.unit}:
        return False
    value = sum((c.quantity.value for c in parts), Decimal(0))
    decimals = max(c.quantity.decimals for c in parts)
    whole = Number(text=plain(value), value=value, decimals=decimals)
    stated, numerator = Operand.from_claim(share).number, Operand.from_claim(part).number
    try:
        of_total = check_ratio(stated, numerator, Operand.from_claim(total).number)
        of_parts = check_ratio(stated, numerator, whole)
    except UndefinedRatio:
        return False
    return of_total.tier is not Tier.PASS and of_parts.tier is Tier.PASS


# "占“三公”经费的16.81%", "占本年支出合计的99.13%": the whole a share is of, named
_SHARE_BASE = re.compile(r"占(?P<base>[^，,。；;\d]{2,16}?)(?:的|比重为?|比例为?)?$")


def _key(text: str) -> str:
    return re.sub(r"[\s“”\"'（）()]", "", text)


def _named_base(ctx: Context, share: Claim) -> str:
    """The whole a share names after 占 ("占政府采购支出总额的51.03%"), or ""."""
    named = _SHARE_BASE.search(ctx.sentence_before(share))
    base = _key(named["base"]) if named else ""
    return base if len(base) >= 2 else ""


# "决算支出中基本支出1386.52万元，占27.67%": a part named inside the whole it is a share of
_WHOLE_IN_NAME = re.compile(r"^(?P<base>\S{0,6}(?:支出|收入|经费|资金|预算|决算)数?)中(?!央|小)")
# the same measure in either order, with or without 数: 决算支出 = 支出决算数
_MEASURE_ORDER = re.compile(r"(决算|预算)(支出|收入)")


def _whole_in_name(part: Claim) -> str:
    named = _WHOLE_IN_NAME.match(_key(part.subject))
    return named["base"] if named else ""


def _measure(name: str) -> str:
    return _MEASURE_ORDER.sub(r"\2\1", name).removesuffix("数")


def _of_total(ctx: Context, share: Claim, total: Claim) -> bool:
    """Whether a share is of its group's total: it names no whole, or that one ("其中：授予
    小微企业合同金额312.50万元，占政府采购支出总额的51.03%" is not of 授予中小企业合同金额)."""
    base = _named_base(ctx, share)
    return not base or _key(total.subject).endswith(base) or bool(_ANY_TOTAL.fullmatch(base))


# a whole named by no more than its being the total: "占总支出的9.00%", "占合计的…"
_ANY_TOTAL = re.compile(
    r"总(?:支出|收入|额|数|计)|合计|总额|总计|(?:本年)?(?:支出|收入)(?:合计|总额|总计)"
)


def shares_of_named_whole(ctx: Context) -> None:
    """A share with no total in its group, whose whole is named ("占本年支出合计的99.13%"):
    the one earlier amount of the paragraph of that name is the whole, else, where its report
    printed that name earlier with one value only, that value. Found by its name, so a
    disagreement is at most a warning."""
    by_id = _by_id(ctx.claims)
    groups = _groups(ctx.claims)
    order = {block.id: i for i, block in enumerate(ctx.document.blocks)}
    for share in ctx.claims:
        if share.type != "share" or share.ref not in by_id:
            continue
        total = next((c for c in groups.get(share.group or "", []) if c.role == "total"), None)
        if total is not None and _of_total(ctx, share, total):
            continue  # judged against its group's total by ``shares``
        part = by_id[share.ref]
        base = _measure(_named_base(ctx, share) or _whole_in_name(part))
        if not base:
            continue
        wholes = [
            c
            for c in ctx.claims
            if c.span.block_id == share.span.block_id
            and c.type == "amount"
            and c is not part
            and c.span.start < share.span.start
            and _measure(_key(c.subject)).endswith(base)
            and comparable(c, part)
        ]
        if not wholes:  # "本年支出合计61678.98万元" two paragraphs up, printed once or alike
            report = ctx.report_of.get(share.span.block_id)
            wholes = [
                c
                for c in ctx.claims
                if ctx.report_of.get(c.span.block_id) == report
                and order[c.span.block_id] < order[share.span.block_id]
                and c.type == "amount"
                and _measure(_key(c.subject)).endswith(base)
                and comparable(c, part)
            ]
            if len({(c.quantity.value, c.quantity.unit) for c in wholes}) == 1:
                wholes = wholes[-1:]
        if len(wholes) == 1:
            _ratio(ctx, SHARE, share, part, wholes[0], "占比", most_severe="warning")


# A whole and its parts by the national definitions: each part by a word its name holds
_DEFINED_PARTS: dict[str, tuple[str, ...]] = {
    "三公": ("出国", "公务用车", "公务接待"),
    "基本支出": ("人员经费", "公用经费"),
    # the 决算 template's identities: 收入总计 = 本年收入合计 + 年初结转和结余 (+ 使用非财政拨款
    # 结余, which, where a unit has it, is listed and makes the list no longer these two)
    "收入总计": ("本年收入", "年初结转"),
    "支出总计": ("本年支出", "年末结转"),
    "政府采购": ("货物", "工程", "服务"),
    "公务用车购置及运行": ("购置", "运行"),
}


def _parts_within(ctx: Context, total: Claim, parts: list[Claim]) -> None:
    """Some of the parts listed: counted ones make no more than their total ("共有车辆0辆，
    其中：执法执勤用车4辆、应急保障用车2辆"), none make more than a total printed 0, and no
    one part of a sentence's "其中" is more than its whole ("授予中小企业合同金额281.20万元，
    其中：授予小微企业合同金额294.65万元")."""
    counted = total.quantity.unit in _COUNTED
    parts = [p for p in parts if p.span.block_id == total.span.block_id]
    if not counted and total.quantity.value != 0:
        # money parts may overlap (小微 within 中小), so only each one is bounded
        parts = [p for p in parts if _in_its_list(ctx, total, p) and _above(p, total)][:1]
    listed = sum((p.quantity.value for p in parts), Decimal(0))
    if not parts:
        return  # items below a "其中：" paragraph may list more than the total counts
    t, operands = Operand.from_claim(total), [Operand.from_claim(p) for p in parts]
    if listed <= total.quantity.value:
        ctx.held(PARTS)
        return
    ctx.violated(
        PARTS,
        "error",
        t,
        operands,
        f"{total.subject} {t.number.text}，其中所列 {' + '.join(o.number.text for o in operands)}"
        f" = {plain(listed)} 已超过合计",
        computed=f"≥ {plain(listed)}",
    )


def _above(part: Claim, total: Claim) -> bool:
    """A part more than its total beyond both figures' rounding, in one money unit."""
    if part.quantity.unit not in MONEY or total.quantity.unit not in MONEY:
        return False
    p, t = (Quantity(Operand.from_claim(c).number, c.quantity.unit) for c in (part, total))
    return p.interval.lo > t.interval.hi


def _in_its_list(ctx: Context, total: Claim, part: Claim) -> bool:
    """A part its sentence lists after "其中" following the total, before any "；"."""
    between = ctx.paragraph_before(part)[total.span.end :]
    return "其中" in between and not re.search(r"[；;。]", between)


def _semicolon_between(ctx: Context, first: Claim, then: Claim) -> bool:
    if first.span.block_id != then.span.block_id:
        return True
    return bool(re.search(r"[；;]", ctx.paragraph_before(then)[first.span.end :]))


def _all_defined_parts(total: Claim, parts: list[Claim]) -> bool:
    """Whether the parts are a whole's parts by its definition, each of them and nothing else
    ("基本支出1263.58万元，其中：人员经费…；公用经费…")."""
    whole = next((w for w in _DEFINED_PARTS if w in _key(total.subject)), None)
    if whole is None:
        return False
    words = _DEFINED_PARTS[whole]
    named = [next((w for w in words if w in _key(p.subject)), None) for p in parts]
    return None not in named and set(named) == set(words)


def complete_parts(ctx: Context) -> None:
    """The shares of every part of a whole by its definition, each named as of that whole
    ("占“三公”经费的8.75%") or in a paragraph that opens with it ("“三公”经费财政拨款支出决算
    中，因公出国（境）费…占0%"), add up to 100%."""
    by_id = _by_id(ctx.claims)
    found: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
    for share in ctx.claims:
        if share.type != "share" or share.ref not in by_id:
            continue
        named = _SHARE_BASE.search(ctx.sentence_before(share))
        # the whole it names, or for a bare "占0%" the whole its paragraph opens with
        said = _key(named["base"]) if named else _key(ctx.paragraph_before(share)[:40])
        whole = next((w for w in _DEFINED_PARTS if w in said), None)
        if whole is None:
            continue
        part = _key(by_id[share.ref].subject)
        for word in _DEFINED_PARTS[whole]:
            if word in part:
                found[(share.span.block_id, whole)].setdefault(word, share)
    for (_, whole), parts in found.items():
        if len(parts) != len(_DEFINED_PARTS[whole]):
            continue  # a part not listed: the shares need not make 100%
        *others, last = (Operand.from_claim(s) for s in parts.values())
        # the last share against what the others leave of 100%: which one is wrong the text
        # cannot say, so the message names them all
        rest = Interval.exact(Decimal(100))
        for other in others:
            rest = rest - Interval.of(other.number.value, other.number.decimals)
        exact = Decimal(100) - sum((o.number.value for o in others), Decimal(0))
        judgement = judge(last.number.value, last.number.decimals, rest, exact)
        listed = " + ".join(o.number.text for o in (*others, last))
        ctx.judged(
            WHOLE,
            judgement,
            last,
            others,
            f"“{whole}”各组成部分占比 {listed} 之和不是 100%：{last.number.text} ≠ 100% − "
            f"{' − '.join(o.number.text for o in others)} = {plain(exact)}%",
        )


def _ratio(
    ctx: Context,
    rule: Rule,
    stated: Claim,
    numerator: Claim,
    denominator: Claim,
    noun: str,
    most_severe: Severity = "error",
):
    s, a, b = (
        Operand.from_claim(stated),
        Operand.from_claim(numerator),
        Operand.from_claim(denominator),
    )
    try:
        judgement = check_ratio(s.number, as_quantity(a), as_quantity(b))
    except UndefinedRatio:
        if a.number.value == 0 and s.number.value == 0:
            ctx.held(rule)  # 0 of nothing, printed 0%
        else:
            ctx.undefined(rule, s, [a, b], f"{stated.subject}：{noun}的分母为 0，比率无定义")
        return
    ctx.judged(
        rule,
        judgement,
        s,
        [a, b],
        f"{stated.subject}{noun} {s.number.text} ≠ {numerator.subject} {a.number.text} ÷ "
        f"{denominator.subject} {b.number.text} = {plain(judgement.computed.mid)}%",
        most_severe=most_severe,
    )


def as_quantity(operand: Operand) -> Quantity | Number:
    """A claim's number with its money unit, for the interval module's unit conversion."""
    return Quantity(operand.number, operand.unit) if operand.unit else operand.number


# "…（款）支出", "…（类）": a budget's lines by classification, all of them when listed
_CLASSIFIED = re.compile(r"[（(][类款项][）)]")
_INCLUDES = re.compile(r"包括[：:]\s*$")


def _listed_in_full(ctx: Context, total: Claim, parts: list[Claim]) -> bool:
    """Parts in paragraphs of their own below their total that are its lines by budget
    classification, or that a "包括：" introduces: the list is the whole."""
    own = all(p.span.block_id != total.span.block_id for p in parts)
    introduced = bool(_INCLUDES.search(ctx.text_of(total.span.block_id)))
    classified = all(_CLASSIFIED.search(p.subject) for p in parts)
    return own and len(parts) >= 2 and (introduced or classified)


_SPENT = re.compile(r"决算|实际支出|执行数")


def _spent_before(text: str) -> bool:
    """A figure printed as spent: "支出决算为", "实际支出", or a line's "（类）财政拨款支出"
    with no word of a budget."""
    return bool(_SPENT.search(text)) or (text.endswith("支出") and "预算" not in text)


def _of_their_kind(ctx: Context, total: Claim, parts: list[Claim]) -> Claim | None:
    """The total lines "：支出决算为712.46万元" make: a paragraph that prints "年初预算为3,010.00
    万元，支出决算为3,191.61万元…其中：" above them is footed by its 决算, not its budget (None
    where it prints none)."""
    before = [ctx.paragraph_before(p)[-12:] for p in parts]
    spent = all(_SPENT.search(text) for text in before)
    as_spent = all(_spent_before(text) for text in before)
    if not as_spent or _SPENT.search(total.subject) or "预算" not in total.subject:
        return total
    printed = next(
        (
            c
            for c in ctx.claims
            if c.span.block_id == total.span.block_id
            and c.type == "amount"
            and _SPENT.search(c.subject)
        ),
        None,
    )
    # lines printed as spent foot the 决算; "…（类）支出X" lines the 决算 where one is printed
    return printed if printed or spent else total


def _with_the_rest(total: Claim, parts: list[Claim]) -> bool:
    """Counted things whose list ends in a catch-all ("…执法执勤用车1辆、其他用车1辆"): every
    one of them is in some part."""
    counted = total.quantity.unit in _COUNTED and total.quantity.unit != "分"
    return counted and len(parts) >= 2 and "其他" in parts[-1].subject


def parts_add_up(ctx: Context) -> None:
    """Parts listed after a total add up to it, when their shares say the list is complete."""
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        total = next((c for c in group if c.role == "total"), None)
        parts = [c for c in group if c.role == "part"]
        refs = {c.ref for c in parts}
        if total is None and len(refs) == 1:  # a part's own breakdown: its parts point at it
            total = by_id.get(refs.pop() or "")
        shares_sum = sum((c.quantity.value for c in group if c.type == "share"), Decimal(0))
        heads = total is not None and total.quantity.unit in ("名", "人")
        if heads:  # "在职人员81人，其中行政人员21人…；离退休人员47人": the list ends at "；"
            parts = [p for p in parts if not _semicolon_between(ctx, total, p)]
        if total is not None:  # "…；支出总计8278.55万元，其中…": another whole's list begins
            after = (
                i
                for i, p in enumerate(parts)
                if _NEW_WHOLE.search(p.subject) and p.span.block_id == total.span.block_id
            )
            cut = next((i for i in after if _semicolon_between(ctx, total, parts[i])), None)
            parts = parts[:cut]
        if total is not None and _listed_in_full(ctx, total, parts):
            total = _of_their_kind(ctx, total, parts)
        complete = (
            abs(shares_sum - 100) <= Decimal("0.1")
            or (heads and len(parts) >= 2)
            or (total is not None and _all_defined_parts(total, parts))
            or (total is not None and _listed_in_full(ctx, total, parts))
            or (total is not None and _with_the_rest(total, parts))
        )
        if total is None or not parts or not comparable(total, *parts):
            continue
        if _unit_slip(ctx, total, parts):
            continue
        if not complete or len(parts) < 2:
            _parts_within(ctx, total, parts)
            continue
        t = Operand.from_claim(total)
        operands = [Operand.from_claim(p) for p in parts]
        counted = total.quantity.unit in _COUNTED
        judgement = check_sum(as_quantity(t), [as_quantity(o) for o in operands], counted=counted)
        listed = " + ".join(o.number.text for o in operands)
        ctx.judged(
            PARTS,
            judgement,
            t,
            operands,
            f"{total.subject} {t.number.text} ≠ 各组成部分之和 {listed} = "
            f"{plain(judgement.computed.mid)}",
            exact_only=counted and all(o.number.decimals <= 0 for o in (t, *operands)),
        )


_NEW_WHOLE = re.compile(r"总计|合计|总额")


def _unit_slip(ctx: Context, total: Claim, parts: list[Claim]) -> bool:
    """One part printed in another money unit whose number, read in the unit of the total and
    of every other part, makes the list add up exactly ("3980.00万元，其中：中央2604.30万元、
    省级583.30元、县级792.40万元"): a unit misprinted. Reported, and True, where so."""
    unit = total.quantity.unit
    odd = [p for p in parts if p.quantity.unit != unit]
    if unit in MONEY and len(parts) >= 2 and not odd:
        ctx.held(UNIT_SLIP)  # every part in its total's unit
    if unit not in MONEY or len(odd) != 1 or len(parts) < 2 or odd[0].quantity.value == 0:
        return False
    t, operands = Operand.from_claim(total), [Operand.from_claim(p) for p in parts]
    numbers = [o.number for o in operands]
    as_printed = check_sum(as_quantity(t), [as_quantity(o) for o in operands])
    if as_printed.tier is Tier.PASS or check_sum(t.number, numbers).tier is not Tier.PASS:
        return False
    (slip,) = odd
    ctx.violated(
        UNIT_SLIP,
        "error",
        Operand.from_claim(slip),
        [t, *(o for o, p in zip(operands, parts, strict=True) if p is not slip)],
        f"{slip.subject} {slip.quantity.text}{slip.quantity.unit}：按{unit}读，所列各项之和 "
        f"{' + '.join(n.text for n in numbers)} 恰为{total.subject} {t.number.text}{unit}，"
        f"“{slip.quantity.unit}”应为“{unit}”",
        computed=f"{slip.quantity.text}{unit}",
    )
    return True


def signed_change(claim: Claim) -> Number:
    """A change signed by its direction word, unless it is printed signed already ("-26.65%")."""
    q = claim.quantity
    value = -q.value if claim.direction == "decrease" and q.value > 0 else q.value
    return Number(text=q.text, value=value, decimals=q.decimals, percent=q.percent)


def changes(ctx: Context) -> None:
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        for change in (c for c in group if c.type == "change" and c.ref in by_id):
            current = by_id[change.ref]
            prior = next((c for c in group if c.type == "prior" and c.ref == current.id), None)
            rate = next((c for c in group if c.type == "change_rate" and c.ref == current.id), None)
            if not comparable(current, change, *(c for c in (prior,) if c)):
                continue
            _change(ctx, change, current, prior, rate)


_TARGET_BASE = re.compile(r"(?:目标|指标)值$")


def _change(ctx: Context, change: Claim, current: Claim, prior: Claim | None, rate: Claim | None):
    cur, chg = Operand.from_claim(current), Operand.from_claim(change)
    signed = Operand(signed_change(change), chg.unit, chg.evidence)
    if prior is not None:
        pri = Operand.from_claim(prior)
        if _TARGET_BASE.search(prior.subject):  # "较目标值95%高出2.6个百分点": a target is exact
            decimals = max(pri.number.decimals, cur.number.decimals, chg.number.decimals)
            pri = Operand(replace(pri.number, decimals=decimals), pri.unit, pri.evidence)
        judgement = check_difference(as_quantity(signed), as_quantity(cur), as_quantity(pri))
        word = "增加" if change.direction == "increase" else "减少"
        ctx.judged(
            CHANGE,
            judgement,
            chg,
            [cur, pri],
            f"{current.subject}{word} {chg.number.text} ≠ {cur.number.text} − "
            f"{pri.number.text} = {plain(judgement.computed.mid)}",
        )
        base = pri
        if judgement.tier is not Tier.PASS:  # the rate is judged on the change the amounts make
            moved = _wan(cur) - _wan(pri)
            decimals = max(_wan_decimals(cur), _wan_decimals(pri))
            number = Number(text=plain(moved), value=moved, decimals=decimals)
            signed = chg = Operand(number, None, cur.evidence)
    else:  # implicit prior: this year's amount less the change
        decimals = max(cur.number.decimals, chg.number.decimals)
        value = cur.number.value - signed.number.value
        base = Operand(
            Number(text=plain(value), value=value, decimals=decimals), cur.unit, cur.evidence
        )
    if rate is None or rate.direction is None:
        return
    stated = Operand.from_claim(rate)
    signed_rate = Operand(signed_change(rate), None, stated.evidence)
    try:
        judgement = check_ratio(signed_rate.number, as_quantity(signed), as_quantity(base))
    except UndefinedRatio:
        ctx.undefined(CHANGE_RATE, stated, [chg], f"{current.subject}：上年数为 0，增减幅无定义")
        return
    ctx.judged(
        CHANGE_RATE,
        judgement,
        stated,
        [chg, base] if prior is not None else [chg, cur],
        f"{current.subject}变动幅度 {stated.number.text} ≠ 变动额 {chg.number.text} ÷ 上年数 "
        f"{base.number.text} = {plain(abs(judgement.computed.mid))}%",
    )


# "比2023年预算执行数增加25.44%": the amount a rate is measured from, named after 比/较
_BASE = re.compile(
    r"(?:比|较)(?:\d{4}年度?)?(?P<noun>[\u4e00-\u9fff]{2,12}?)(?:增加|减少|增长|下降|上升)$"
)


def rates_of_named_prior(ctx: Context) -> None:
    """ "2023年当年预算执行数为775.00万元，2024年预算安排972.18万元，比2023年预算执行数增加
    25.44%": no change amount is printed, so the rate is judged against the two amounts, the
    prior being the one amount of the paragraph named as the rate's base. The base is found by
    its name, so a disagreement is at most a warning."""
    by_id = _by_id(ctx.claims)
    groups = _groups(ctx.claims)
    for rate in ctx.claims:
        if rate.type != "change_rate" or rate.direction is None or rate.ref not in by_id:
            continue
        if any(c.type == "change" for c in groups.get(rate.group or "", [])):
            continue  # judged with its change amount by ``changes``
        base = _BASE.search(ctx.sentence_before(rate))
        if base is None:
            continue
        current = by_id[rate.ref]
        named = [
            c
            for c in ctx.claims
            if c.span.block_id == rate.span.block_id
            and c.type in ("amount", "prior")
            and c is not current
            and c.span.start < rate.span.start
            and c.subject.endswith(base["noun"])
            and comparable(c, current)
        ]
        if len(named) != 1:
            continue
        prior = named[0]
        stated, cur, pri = (Operand.from_claim(c) for c in (rate, current, prior))
        signed = signed_change(rate)
        # current ÷ prior is 100% + the rate: judged so, both amounts keep their intervals
        ratio = Number(
            text=signed.text, value=signed.value + 100, decimals=signed.decimals, percent=True
        )
        try:
            judgement = check_ratio(ratio, as_quantity(cur), as_quantity(pri))
        except UndefinedRatio:
            ctx.undefined(
                CHANGE_RATE, stated, [cur, pri], f"{current.subject}：上年数为 0，增减幅无定义"
            )
            continue
        moved = judgement.computed.mid - 100
        word = "增加" if rate.direction == "increase" else "减少"
        actual = "增加" if moved > 0 else "减少"
        ctx.judged(
            CHANGE_RATE,
            judgement,
            stated,
            [cur, pri],
            f"{current.subject}{word} {stated.number.text} ≠ （{cur.number.text} − "
            f"{prior.subject} {pri.number.text}）÷ {pri.number.text}，即{actual} "
            f"{plain(abs(moved))}%",
            most_severe="warning",
        )


def explained_change(ctx: Context) -> None:
    """ "减少231元…一是增加30825元…二是减少30516元": the reasons must net to the change."""
    by_block: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        by_block[claim.span.block_id].append(claim)
    for claims in by_block.values():
        for change in (c for c in claims if c.type == "change" and c.ref):
            noun = _noun(change)
            reasons = [
                c
                for c in claims
                if c.span.start > change.span.end
                and c.type == "amount"
                and noun
                and noun in c.subject
                and c.subject.startswith(("增加", "减少"))
            ]
            if len(reasons) < 2 or not comparable(change, *reasons):
                continue
            chg = Operand.from_claim(change)
            signed = Operand(signed_change(change), chg.unit, chg.evidence)
            operands = [Operand.from_claim(c) for c in reasons]
            parts = [
                Operand(
                    Number(
                        text=o.number.text,
                        value=-o.number.value if c.subject.startswith("减少") else o.number.value,
                        decimals=o.number.decimals,
                    ),
                    o.unit,
                    o.evidence,
                )
                for o, c in zip(operands, reasons, strict=True)
            ]
            judgement = check_sum(as_quantity(signed), [as_quantity(p) for p in parts])
            unit = change.quantity.unit or ""
            net = sum((p.number.value for p in parts), Decimal(0))  # all in the change's unit
            listed = "，".join(
                f"{c.subject[:2]} {o.number.text}{c.quantity.unit or ''}"
                for o, c in zip(operands, reasons, strict=True)
            )
            word = "减少" if change.direction == "decrease" else "增加"
            ctx.judged(
                EXPLAINED,
                judgement,
                chg,
                operands,
                f"{change.subject}{word} {chg.number.text}{unit}，但所列原因（{listed}）"
                f"合计 {plain(net)}{unit}",
            )


def _noun(change: Claim) -> str | None:
    """The measured noun of a change's subject ("…办公室固定资产原值" → "固定资产原值")."""
    for noun in ("固定资产原值", "固定资产", "资产总额", "经费", "支出", "收入"):
        if noun in change.subject:
            return noun
    return None


_SHORTFALL = ("偏离度", "结余率", "结转结余率", "节资率")


def rates(ctx: Context) -> None:
    """A rate stated with one budget and one actual amount (P3): actual ÷ budget, or for a
    deviation (偏离度, 结余率) the gap ÷ budget. With several actual amounts the rate may be of
    their sum or of any one of them: not checked."""
    by_id = _by_id(ctx.claims)
    for group in _groups(ctx.claims).values():
        budgets = [c for c in group if c.role == "budget"]
        actuals = [c for c in group if c.role == "actual"]
        for rate in (c for c in group if c.type == "rate" and c.ref in by_id):
            spent = by_id[rate.ref]
            if not actuals and spent.span.block_id == rate.span.block_id and spent.role != "budget":
                actuals = [spent]  # in a footing too: "其中：…支出决算为412.36万元，完成预算…"
            if not budgets:  # "其中：…年初预算为121.50万元，支出决算为118.36万元，完成年初预算的…"
                budgets = _budget_before(ctx, rate, spent)
            budgets = _the_rates_budget(ctx, rate, budgets)
            if len(budgets) != 1 or len(actuals) != 1 or spent is not actuals[0]:
                if budgets and actuals:
                    ctx.not_checked(SHORTFALL if rate.subject.endswith(_SHORTFALL) else RATE)
                continue
            budget, actual = budgets[0], actuals[0]
            if not comparable(actual, budget):
                continue
            if rate.subject.endswith(_SHORTFALL) and _LEFT_OVER.search(actual.subject):
                _ratio(ctx, SHORTFALL, rate, actual, budget, "")  # the gap is printed
            elif rate.subject.endswith(_SHORTFALL):
                _gap_ratio(ctx, rate, actual, budget)
            else:
                _ratio(ctx, RATE, rate, actual, budget, "")


_BUDGET_NAME = re.compile(r"(?:年初|全年|调整后?)?预算数?$")
# "年末结转和结余15.60万元，结转结余率0.65%": the amount is the money left over itself
_LEFT_OVER = re.compile(r"结转|结余")


def _the_rates_budget(ctx: Context, rate: Claim, budgets: list[Claim]) -> list[Claim]:
    """Of a 年初 and a year's (调整后) budget printed together, the one a rate is of: the
    年初 one where the rate names it ("完成年初预算的…"), else the year's, as an execution rate
    is of the budget in force."""
    if len(budgets) < 2:
        return budgets
    phrase = re.split(r"[，,]", ctx.sentence_before(rate))[-1]  # "完成年初预算的"
    named = INITIAL_BUDGET if "年初" in rate.subject + phrase else YEARS_BUDGET
    found = [c for c in budgets if named.search(c.subject)]
    return found if len(found) == 1 else budgets


def _budget_before(ctx: Context, rate: Claim, actual: Claim) -> list[Claim]:
    """The one budget amount of a rate's sentence before it, where a footing took it into
    another group: of 年初 and 全年 budgets the year's, as an execution rate is of it, unless
    the rate names 年初. None for a part's rate ("其中财政拨款执行104.85万元，执行率95.32%"):
    the budget printed before "其中" is the whole's."""
    start = rate.span.start - len(rate.subject) - 80
    found = [
        c
        for c in ctx.claims
        if c.span.block_id == rate.span.block_id
        and c.type == "amount"
        and max(start, 0) <= c.span.start < rate.span.start
        and _BUDGET_NAME.search(c.subject)
    ]
    found = _the_rates_budget(ctx, rate, found)
    if len(found) != 1:
        return []
    between = ctx.text_of(rate.span.block_id)[found[0].span.end : actual.span.start]
    return [] if "其中" in between else found


def _gap_ratio(ctx: Context, rate: Claim, actual: Claim, budget: Claim) -> None:
    s, a, b = (Operand.from_claim(c) for c in (rate, actual, budget))
    gap = _difference(b, a)
    try:
        judgement = check_ratio(s.number, as_quantity(gap), as_quantity(b))
    except UndefinedRatio:
        ctx.undefined(SHORTFALL, s, [a, b], f"{rate.subject}：预算数为 0，比率无定义")
        return
    ctx.judged(
        SHORTFALL,
        judgement,
        s,
        [a, b],
        f"{rate.subject} {s.number.text} ≠ （{budget.subject} {b.number.text} − {actual.subject} "
        f"{a.number.text}）÷ {b.number.text} = {plain(judgement.computed.mid)}%",
    )


def _difference(minuend: Operand, subtrahend: Operand) -> Operand:
    """minuend − subtrahend as a printed-precision number in the minuend's unit."""
    value = _wan(minuend) - _wan(subtrahend)
    decimals = max(_wan_decimals(minuend), _wan_decimals(subtrahend))
    return Operand(
        Number(text=plain(value), value=abs(value), decimals=decimals), None, minuend.evidence
    )


def savings_rate(ctx: Context) -> None:
    """节资率 = 节约金额 ÷ (成交金额 + 节约金额), the budget the savings were made on."""
    by_block: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims:
        by_block[claim.span.block_id].append(claim)
    for claims in by_block.values():
        for rate in (
            c for c in claims if c.type in ("rate", "achievement") and "节资率" in c.subject
        ):
            saved = next(
                (c for c in claims if "节约" in c.subject and c.quantity.unit in MONEY), None
            )
            spent = next(
                (c for c in claims if "成交" in c.subject and c.quantity.unit in MONEY), None
            )
            if not (saved and spent):
                continue
            s, a, b = (Operand.from_claim(c) for c in (rate, saved, spent))
            budget_value = as_quantity(b)
            base = Operand(
                Number(
                    text=f"{spent.quantity.text}+{saved.quantity.text}",
                    value=_wan(b) + _wan(a),
                    decimals=max(_wan_decimals(a), _wan_decimals(b)),
                ),
                None,
                b.evidence,
            )
            # Some reports divide by the amount spent instead: accept either reading.
            judgement = check_ratio(s.number, as_quantity(a), base.number)
            alternative = check_ratio(s.number, as_quantity(a), budget_value)
            if alternative.tier.value in ("pass", "rounding"):
                judgement = alternative
            ctx.judged(
                SAVINGS,
                judgement,
                s,
                [a, b],
                f"节资率 {s.number.text} ≠ 节约金额 {a.number.text}{saved.quantity.unit} ÷ "
                f"（成交金额 {b.number.text}{spent.quantity.unit} + 节约金额）= "
                f"{plain(judgement.computed.mid)}%",
            )


def _wan(operand: Operand) -> Decimal:
    return to_wan(operand.number.value, operand.unit)


def _wan_decimals(operand: Operand) -> int:
    return Quantity(operand.number, operand.unit).decimals


FAMILIES = [
    shares,
    shares_of_named_whole,
    complete_parts,
    parts_add_up,
    changes,
    rates_of_named_prior,
    explained_change,
    rates,
    savings_rate,
]
