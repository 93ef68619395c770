"""Words that compare must agree with the numbers they compare (DOMAIN.md §4.3, §4.9).

"比2021年1200.63万元有所增加" compares this year's amount with the prior the sentence prints;
"年初预算收入1179.47万元、决算报表收入1179.47万元，年初预算与决算数持平" names both sides.
A stated change amount is judged by ``CHANGE.current_minus_prior`` (its direction word signs
it); these rules judge the words where no change amount is printed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, comparable, plain, span_location
from budgetlens.checks.findings import Evidence, EvidenceLocation, Severity
from budgetlens.checks.intervals import Quantity, check_difference
from budgetlens.checks.linking import same_unit
from budgetlens.claims.model import Claim
from budgetlens.document import Heading, Paragraph
from budgetlens.numbers import Number
from budgetlens.tables import schemas as s

DIRECTION = Rule(
    "WORD.change_direction",
    version=1,
    severity="error",
    zh=Doc(
        "与上年比较的增减用词与两数大小一致",
        what="句中写出本年数和上年数、未写增减额时（“比2021年3950.63万元有所减少”），"
        "增加、减少、持平等用词与两数的大小关系一致；“基本持平”“略有”允许小幅变动，不判断。",
        why="增减方向写反，读者对变化的理解就完全相反；写出增减额的由 "
        "CHANGE.current_minus_prior 判断。",
    ),
    en=Doc(
        "A change's direction word agrees with the two amounts it compares",
        what="Where a sentence prints this year's amount and last year's but no change amount "
        '("比2021年3950.63万元有所减少"), the word saying which way it moved (增加, 减少, '
        '持平 …) agrees with the two; "基本持平" or "略有" allow a small move and are not '
        "judged.",
        why="A direction word of the wrong sign tells readers the opposite of what happened; a "
        "printed change amount is judged by CHANGE.current_minus_prior instead.",
    ),
)
ADJUSTMENT = Rule(
    "WORD.budget_adjustment_note",
    version=2,
    severity="error",
    zh=Doc(
        "自评表原因栏所说的追加、调减与预算数一致",
        what="自评表「预算执行情况」总额一行的原因栏称预算追加（调增）或调减（核减）时，调整后"
        "预算数相对年初预算的增减方向与之相同；写出金额的，金额等于调整后预算数 − 年初预算。",
        why="原因栏解释预算为何调整；方向或金额与两个预算数不符，解释与数字就有一处是错的。",
    ),
    en=Doc(
        "A table's note on a budget raised or cut agrees with its budgets",
        what="Where the note of a 预算执行情况 total line says the budget was raised (追加, 调增) "
        "or cut (调减, 核减), the 调整后预算数 is above (below) the 年初预算; an amount the note "
        "gives is adjusted − initial.",
        why="The note explains why the budget changed; a direction or an amount the two budgets "
        "contradict makes the explanation or the figures wrong.",
    ),
)
NAMED = Rule(
    "WORD.named_comparison",
    version=2,
    severity="warning",
    zh=Doc(
        "句中“甲大于/小于/持平于乙”与所列甲乙两数一致",
        what="一句先写出两个金额，再用大于、小于、高于、低于、超过、未达到、持平等词比较它们"
        "（“决算数1511.89万元，预算数1560.05万元，决算数小于预算数”），比较词与两数一致；"
        "仅凭文字关联，至多为警告。",
        why="比较词与数字矛盾，说明数字改过而文字没改，或者相反。",
    ),
    en=Doc(
        "A comparison naming two amounts of its sentence agrees with them",
        what="Where a sentence states two amounts and compares them by name (大于, 小于, 高于, "
        '低于, 超过, 未达到, 持平: "决算数1511.89万元，预算数1560.05万元，决算数小于预算数"), '
        "the comparison agrees with the figures; linked by words, so at most a warning.",
        why="Words that contradict their figures mean the figures were changed and the words "
        "not, or the other way round.",
    ),
)

_UP, _DOWN, _SAME = ">", "<", "="

# After a printed prior: the word that says which way the amount moved. "基本持平" allows a
# small move either way, so it is not judged; "略有增加" still says which way.
TARGET_WORD = Rule(
    "WORD.target_comparison",
    version=1,
    severity="error",
    zh=Doc(
        "“超过（达到、未达到）目标”与完成数和目标数一致",
        what="句中先写完成数、再写“超过（超出、高于）年度目标X”“达到目标X”“未达到（低于）目标X”时"
        "（“全年向1628名优抚对象发放…，超过年度目标1650人”），两数单位相同，用词与大小关系一致："
        "超过为大于，达到为不小于，未达到为小于。",
        why="完成数与目标就在同一句，说法与数字相反，读者对目标是否完成的判断就被误导。",
    ),
    en=Doc(
        "A sentence saying its figure exceeds (meets, misses) a target agrees with the two",
        what='Where a sentence gives what was done and then "超过（超出、高于）年度目标X", '
        '"达到目标X" or "未达到（低于）目标X" ("全年向1628名优抚对象发放…，超过年度目标'
        '1650人"), in one unit, the word agrees with the two: exceeds is above, meets is at '
        "least, misses is below.",
        why="With the result and the target in one sentence, words that say the opposite of "
        "the numbers mislead the reader on whether the target was met.",
    ),
)


_AFTER_PRIOR = re.compile(
    r"^[^，,。；;\d]{0,6}?(?P<word>基本持平|持平|相同|一致|没有变化|无变化|"
    r"增加|增长|上升|提高|上涨|增多|减少|下降|降低|减低|压减|缩减|回落)"
)
_WORDS = {
    **dict.fromkeys(("持平", "相同", "一致", "没有变化", "无变化"), _SAME),
    **dict.fromkeys(("增加", "增长", "上升", "提高", "上涨", "增多"), _UP),
    **dict.fromkeys(("减少", "下降", "降低", "减低", "压减", "缩减", "回落"), _DOWN),
}
_SIDE = r"[^，,。；;、\d]{2,12}?"
_NAMED = re.compile(
    rf"(?P<a>{_SIDE})(?:(?P<cmp>大于|小于|高于|低于|超过|超出|多于|少于|未达到|未超过)(?P<b>{_SIDE})"
    rf"|(?:与|和|同)(?P<b2>{_SIDE})(?P<roughly>基本)?(?P<same>持平|相同|一致|相等))"
    r"(?=的?(?:主要)?原因|[，,。；;：:]|$)"
)
# the comparing words alone: a cheap test before the full pattern, which tries every position
_COMPARING = re.compile(
    r"大于|小于|高于|低于|超过|超出|多于|少于|未达到|未超过|持平|相同|一致|相等"
)
_NAMED_WORDS = {
    **dict.fromkeys(("大于", "高于", "超过", "超出", "多于"), _UP),
    **dict.fromkeys(("小于", "低于", "少于", "未达到"), _DOWN),
    "未超过": "<=",
}
_GENERIC = re.compile(r"(?:数|额|金额|资金|收入|支出|情况)$")


def _relation(a: Decimal, b: Decimal) -> str:
    return _UP if a > b else _DOWN if a < b else _SAME


def _holds(word: str, relation: str) -> bool:
    if word == "<=":
        return relation in (_DOWN, _SAME)
    return word == relation


def _unit(claim: Claim) -> str | None:
    return claim.quantity.unit if claim.quantity.unit in MONEY else None


def _word_evidence(block: Heading | Paragraph, start: int, end: int) -> Evidence:
    """The comparing word itself, as the label of what the two numbers were held to."""
    return Evidence(
        role="label", text=block.text[start:end], location=span_location(block, start, end)
    )


def _decided(a: Claim, b: Claim) -> str | None:
    """Which way a and b compare, or None where their printed precision cannot tell
    (12.3 against 12.30 differs by nothing; 12 against 12.3 may not differ at all)."""
    x = Quantity(Operand.from_claim(a).number, _unit(a))
    y = Quantity(Operand.from_claim(b).number, _unit(b))
    relation = _relation(x.value, y.value)
    if relation != _SAME and x.interval.overlaps(y.interval) and x.decimals != y.decimals:
        return None
    return relation


def change_directions(ctx: Context) -> None:
    """ "比2021年M万元有所增加" where no change amount is printed to be judged instead."""
    blocks = {b.id: b for b in ctx.document.blocks}
    by_id = {c.id: c for c in ctx.claims}
    changed = {c.ref for c in ctx.claims if c.type == "change"}
    for prior in ctx.claims:
        current = by_id.get(prior.ref or "")
        block = blocks.get(prior.span.block_id)
        if prior.type != "prior" or current is None or current.id in changed:
            continue
        if not isinstance(block, Heading | Paragraph):
            continue
        if prior.span.cell is not None or not comparable(prior, current):
            continue
        found = _AFTER_PRIOR.match(block.text[prior.span.end :])
        if found is None or found["word"] == "基本持平":
            continue
        word = _WORDS[found["word"]]
        relation = _decided(current, prior)
        if relation is None:
            ctx.not_checked(DIRECTION)
            continue
        if _holds(word, relation):
            ctx.held(DIRECTION)
            continue
        start = prior.span.end + found.start("word")
        _violated(
            ctx,
            DIRECTION,
            "error",
            current,
            prior,
            _word_evidence(block, start, start + len(found["word"])),
            f"{current.subject} {current.quantity.text}{current.quantity.unit or ''}，"
            f"与上年 {prior.quantity.text}{prior.quantity.unit or ''} 相比称“{found['word']}”",
        )


REASON = Rule(
    "WORD.reason_direction",
    version=1,
    severity="warning",
    zh=Doc(
        "“增加（减少）的主要原因”与所解释的增减方向一致",
        what="“财政拨款收入支出增加的主要原因是…”：所解释的对象在本段及前两段写出的比上年增减，"
        "方向与原因句的用词一致；主语为空（“增长主要原因”）时，解释的是句前最近的一项增减。",
        why="原因句说增加而数字说减少，解释与数字至少一处写反；单看任何一句都看不出来。",
    ),
    en=Doc(
        "A sentence giving the reasons for an increase (decrease) follows one",
        what='"财政拨款收入支出增加的主要原因是…": the changes on last year stated for what it '
        "explains, in its paragraph and the two before, go the way its word says; with no "
        'subject ("增长主要原因") it explains the nearest change before it.',
        why="Reasons given for an increase where the figures decreased mean the word or the "
        "figures are the wrong way round, which no sentence shows alone.",
    ),
)


def _violated(
    ctx: Context,
    rule: Rule,
    severity: Severity,
    a: Claim,
    b: Claim,
    word: Evidence,
    message: str,
) -> None:
    ctx.violated(
        rule,
        severity,
        Operand.from_claim(a),
        [Operand.from_claim(b), word],
        message,
        computed=b.quantity.text,
    )


def _key(side: str) -> str:
    """A side's head noun, the last words before a generic ending: "决算数" → "决算",
    "年初预算" → "预算", "“三公”经费支出决算数" → "决算"."""
    return (_GENERIC.sub("", side.strip()) or side.strip())[-2:]


def _sentence_start(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in "。；;") + 1


def _window(text: str, claims: list[Claim], previous: list[Claim], offset: int) -> list[Claim]:
    """The amounts a comparison can be about: those of its clause and the sentence before (to
    its "。": "年初预算为2300.00万元，支出决算为2087.43万元…；较上年减少…。决算数大于预算数…"),
    that one in the paragraph before where the comparison opens its paragraph ("年初预算为10.00
    万元，支出决算为10.00万元。⏎决算数与预算数基本持平。" as a PDF breaks it)."""
    start = _sentence_start(text, offset)
    if start == 0:
        # only a comparison that opens its paragraph is about the paragraph before: in "9.住房
        # 公积金（项）：支出决算为77.72万元，…持平" the item's budget is simply not printed
        opens = not text[:offset].strip()
        return [*(previous if opens else []), *(c for c in claims if c.span.start < offset)]
    start = max(text.rfind(mark, 0, start - 1) for mark in "。！？") + 1  # the whole sentence
    return [c for c in claims if start <= c.span.start < offset]


def named_comparisons(ctx: Context) -> None:
    """ "A…N、B…M，A与B持平" or "…决算数小于预算数的主要原因": the two amounts named."""
    claims_of: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.type == "amount" and claim.span.cell is None:
            claims_of.setdefault(claim.span.block_id, []).append(claim)
    previous: list[Claim] = []  # the last sentence's amounts of the paragraph before
    for block in ctx.document.blocks:
        if not isinstance(block, Heading | Paragraph):
            previous = []
            continue
        claims = claims_of.get(block.id, [])
        matches = _NAMED.finditer(block.text) if _COMPARING.search(block.text) else ()
        for found in matches:
            if found["roughly"]:
                continue  # "基本持平" allows a small difference: not judged
            window = _window(block.text, claims, previous, found.start())
            a, b = _side(window, found["a"]), _side(window, found["b"] or found["b2"])
            if a is None or b is None or a is b or not comparable(a, b):
                continue
            _judge_named(ctx, block, found, a, b)
        last = _sentence_start(block.text.rstrip("。；; "), len(block.text.rstrip("。；; ")))
        previous = [c for c in claims if c.span.start >= last]


def _judge_named(
    ctx: Context, block: Heading | Paragraph, found: re.Match[str], a: Claim, b: Claim
) -> None:
    word = _SAME if found["same"] else _NAMED_WORDS[found["cmp"]]
    relation = _decided(a, b)
    if relation is None:
        ctx.not_checked(NAMED)
        return
    if _holds(word, relation):
        ctx.held(NAMED)
        return
    printed = found["same"] or found["cmp"]
    at = found.start("same") if found["same"] else found.start("cmp")
    _violated(
        ctx,
        NAMED,
        "warning",
        a,
        b,
        _word_evidence(block, at, at + len(printed)),
        f"正文称“{found.group().strip()}”，但{a.subject} {a.quantity.text}"
        f"{a.quantity.unit or ''}，{b.subject} {b.quantity.text}{b.quantity.unit or ''}",
    )


def _side(claims: list[Claim], side: str) -> Claim | None:
    """The one amount of the window whose subject carries the side's head noun; for 决算, the
    one amount spent where none is named so."""
    key = _key(side)
    if len(key) < 2:
        return None
    matches = [c for c in claims if key in c.subject]
    if not matches and key == "决算":  # "…支出7.86万元，年初预算为9.00万元…决算数大于预算数"
        matches = [c for c in claims if c.role == "actual"]
    if len(matches) > 1:  # "调整后预算数" among 年初预算 and 调整后预算: the one named in full
        named = _GENERIC.sub("", side.strip())
        matches = [c for c in matches if named in c.subject]
    return matches[0] if len(matches) == 1 else None


_RAISED = re.compile(r"追加|调增|增加")
_CUT = re.compile(r"调减|核减|减少|收回")
_LEFT_OVER = re.compile(r"结余|结转|未使用|未支出")
_NOTE_AMOUNT = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")


def budget_adjustment_notes(ctx: Context) -> None:
    """ "由于人员变动进行清算，预算调减了8.27万元" beside 年初预算 31.20, 调整后预算 22.93."""
    for table in ctx.extraction.tables:
        for line in holds.total_lines(table):
            note, ref = line.values.get("note") or "", line.cells.get("note")
            words = [m for m in (_RAISED.search(note), _CUT.search(note)) if m]
            # "结余1.08万元已由财政收回": money left over returned, not the budget cut
            words = [m for m in words if not (m.group() == "收回" and _LEFT_OVER.search(note))]
            if ref is None or len(words) != 1:
                continue  # no word, or the template's instruction "（追加或调减）"
            budget, adjusted = Operand.in_row(line, "budget"), Operand.in_row(line, "adjusted")
            if budget is None or adjusted is None:
                ctx.not_checked(ADJUSTMENT)
                continue
            (word,) = words
            label = _note_evidence(ref, word.start(), word.end(), word.group(), "label")
            raised = word.re is _RAISED
            _adjustment(ctx, table, line, note, ref, raised, budget, adjusted, label)


def _note_evidence(
    ref: s.CellRef, start: int, end: int, text: str, role: Literal["operand", "label"]
) -> Evidence:
    return Evidence(
        role=role,
        text=text,
        location=EvidenceLocation(
            line=ref.line,
            page=ref.page,
            table_id=ref.table_id,
            row=ref.row,
            col=ref.col,
            start=start,
            end=end,
        ),
    )


def _adjustment(
    ctx: Context,
    table: s.TableModel,
    line: s.Amount,
    note: str,
    ref: s.CellRef,
    raised: bool,
    budget: Operand,
    adjusted: Operand,
    label: Evidence,
) -> None:
    """The direction the note gives, then the amount it gives where it prints one."""
    head = f"{getattr(table, 'project', None) or table.title}（{line.label}）"
    relation = _relation(adjusted.number.value, budget.number.value)
    if relation != (_UP if raised else _DOWN):
        ctx.violated(
            ADJUSTMENT,
            "error",
            adjusted,
            [budget, label],
            f"{head}：原因栏称预算“{label.text}”，但调整后预算数 {adjusted.number.text} "
            f"{'不高于' if raised else '不低于'}年初预算 {budget.number.text}",
            computed=budget.number.text,
        )
        return
    amount = _NOTE_AMOUNT.search(note, label.location.end or 0)
    if amount is None or len(_NOTE_AMOUNT.findall(note)) > 1:
        # "追加一般公共预算20.00万元，下达政府性基金350.00万元；11.74万元结转下年": which amounts
        # make the adjustment the words do not say; the direction held
        ctx.held(ADJUSTMENT)
        return
    value = Decimal(amount["num"])
    number = Number(
        text=amount["num"],
        value=value if raised else -value,
        decimals=len(amount["num"].partition(".")[2]),
    )
    evidence = _note_evidence(ref, amount.start("num"), amount.end("num"), amount["num"], "operand")
    stated = Operand(number, amount["unit"], evidence)
    judgement = check_difference(
        Quantity(stated.number, stated.unit),
        Quantity(adjusted.number, adjusted.unit),
        Quantity(budget.number, budget.unit),
    )
    ctx.judged(
        ADJUSTMENT,
        judgement,
        stated,
        [adjusted, budget],
        f"{head}：原因栏称{label.text} {amount.group()}，但调整后预算数 {adjusted.number.text} − "
        f"年初预算 {budget.number.text} = {plain(judgement.computed.mid)}",
    )


# "财政拨款收入支出减少的主要原因", "。增长主要原因", "与2016年度相比增加的原因"
_REASON = re.compile(r"(?P<word>增加|减少|增长|下降|上升)的?(?:主要)?原因")
_RISES = ("增加", "增长", "上升")
# what a subject says beyond the thing measured: years, comparisons, adverbs, 预算/决算
_SUBJECT_NOISE = re.compile(
    r"\d{4}\s*年度?|(?:与|比|较)[^，。；]*?相比|(?:与|比|较).*$|略有|有所|大幅|安排|预算|决算|数|的"
)
REASON_BLOCKS = 2  # the paragraphs before a reason sentence whose changes it may explain


def _measured(subject: str) -> list[str]:
    """What a reason's or an amount's subject is of, less its noise; "收入支出" is both."""
    core = _SUBJECT_NOISE.sub("", subject.replace("“", "").replace("”", ""))
    return (
        [core.replace("收入支出", side) for side in ("收入", "支出")]
        if "收入支出" in core
        else [core]
    )


def _explained(subject: str, amount: Claim) -> bool:
    (measured,) = _measured(amount.subject)[:1]
    return any(
        len(named) >= 4 and (measured == named or measured.endswith(named))
        for named in _measured(subject)
    )


def reason_directions(ctx: Context) -> None:
    by_id = {c.id: c for c in ctx.claims}
    changes_in: dict[str, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.type == "change" and claim.direction and claim.ref in by_id:
            changes_in.setdefault(claim.span.block_id, []).append(claim)
    blocks = [b for b in ctx.document.blocks if isinstance(b, Heading | Paragraph)]
    for i, block in enumerate(blocks):
        for found in _REASON.finditer(block.text):
            start = _sentence_start(block.text, found.start())
            subject = block.text[start : found.start()].strip("，, ")
            before = [c for c in changes_in.get(block.id, []) if c.span.end <= found.start()]
            if subject:
                earlier = blocks[max(0, i - REASON_BLOCKS) : i]
                pool = [c for b in earlier for c in changes_in.get(b.id, [])] + before
                about = [c for c in pool if _explained(subject, by_id[c.ref])]
            else:
                about = before[-1:]
            rises = found["word"] in _RISES
            against = [c for c in about if (c.direction == "increase") != rises]
            if not about:
                continue
            if not against:
                ctx.held(REASON)
                continue
            word = _word_evidence(block, found.start("word"), found.end("word"))
            operands = [Operand.from_claim(c) for c in against]
            said = "、".join(
                f"{by_id[c.ref].subject}{'增加' if c.direction == 'increase' else '减少'}"
                f"{c.quantity.text}{c.quantity.unit or ''}"
                for c in against
            )
            ctx.violated(
                REASON,
                "warning",
                None,  # the word is what is wrong, or the figures: both are evidence
                [word, *operands],
                f"原因句称“{subject}{found['word']}”，而{said}",
            )


# "超过年度目标1650人", "未达到计划目标"… : the word, then the target it names
_TARGET_SAID = re.compile(
    r"(?P<word>超过|超出|高于|优于|达到|完成|未达到|未完成|低于)了?"
    r"(?:年度|全年|计划|预期|既定|绩效)*目标值?(?:任务)?的?$"
)
_TARGET_WORDS = {
    **dict.fromkeys(("超过", "超出", "高于", "优于"), (_UP,)),
    **dict.fromkeys(("达到", "完成"), (_UP, _SAME)),
    **dict.fromkeys(("未达到", "未完成", "低于"), (_DOWN,)),
}


def target_comparisons(ctx: Context) -> None:
    """ "全年向1628名优抚对象发放了抚恤补助，超过年度目标1650人": 1628 is not above 1650."""
    for i, target in enumerate(ctx.claims):
        lead = ctx.sentence_before(target)[-16:] if target.type == "target" else ""
        said = _TARGET_SAID.search(lead)
        if said is None:
            continue
        done = next(
            (
                c
                for c in reversed(ctx.claims[:i])
                if c.span.block_id == target.span.block_id
                and c.type in ("achievement", "count", "amount")
                and c.qualifier is None
                and same_unit(c.quantity.unit, target.quantity.unit)
                and c.quantity.percent == target.quantity.percent
            ),
            None,
        )
        text = ctx.text_of(target.span.block_id)
        block = ctx.block_of(target.span.block_id)
        if done is None or _sentence_start(text, target.span.start) > done.span.start:
            continue
        if re.match(r"[^\d，,。；;]{0,4}?的\s*\d", text[target.span.end :]):
            continue  # "完成年度目标60处的90.00%": a share of the target, not a claim of it
        if not isinstance(block, Heading | Paragraph):
            continue
        relation = _relation(done.quantity.value, target.quantity.value)
        if relation in _TARGET_WORDS[said["word"]]:
            ctx.held(TARGET_WORD)
            continue
        start = target.span.start - len(lead) + said.start("word")
        _violated(
            ctx,
            TARGET_WORD,
            "error",
            done,
            target,
            _word_evidence(block, start, start + len(said["word"])),
            f"正文称{done.subject} {done.quantity.text}{done.quantity.unit or ''}“{said['word']}”"
            f"目标 {target.quantity.text}{target.quantity.unit or ''}",
        )


FAMILIES = [
    change_directions,
    named_comparisons,
    budget_adjustment_notes,
    reason_directions,
    target_comparisons,
]
