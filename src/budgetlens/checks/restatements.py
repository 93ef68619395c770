"""The same fact in two places must agree (DOMAIN.md §4.5, §4.6, §4.8).

A claim is linked to the table that states the same quantity: the score sheet of the project
it names, or the indicator table of the report it sits in (same report title). Linking is by
words, so these checks report at warning unless the arithmetic leaves no doubt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import (
    MONEY,
    Context,
    Operand,
    cell_location,
    field_evidence,
    plain,
    span_location,
    word_operand,
)
from budgetlens.checks.intervals import check_equal
from budgetlens.checks.linking import (
    STRENGTH_WORDS,
    name_match,
    project_name,
    same_unit,
    subject_key,
)
from budgetlens.checks.scores import MISSES
from budgetlens.claims.model import Claim
from budgetlens.document import Heading, Paragraph, Table
from budgetlens.tables import schemas as s
from budgetlens.tables.kinds import KINDS

SCORE_TOTAL = Rule(
    "RESTATE.score_total",
    version=1,
    severity="error",
    zh=Doc(
        "正文所写的总分等于评分表的合计得分",
        what="正文或评价结论中的自评得分（“本项目自评得分97分”）与它所说的评分表（所在表、"
        "所点名项目的表，或同一报告中唯一的评分表）的合计得分相同。",
        why="正文的分数决定等级，评分表是它的依据；两者不同，至少一处是错的。",
    ),
    en=Doc(
        "A total score stated in prose is the score table's total",
        what='A total score in prose or a 评价结论 ("本项目自评得分97分") equals the 合计 of '
        "the table it is about: the table it is printed in, the one of the project it names, "
        "or the report's only score sheet.",
        why="The prose's score sets the grade and the table is its basis; when they differ at "
        "least one is wrong.",
    ),
)
INDICATOR = Rule(
    "RESTATE.indicator_actual",
    version=2,
    severity="error",
    zh=Doc(
        "正文所写的指标完成情况等于自评表的实际完成值",
        what="正文中与指标同名的比率或完成数（“群众满意度95%”）等于同一报告自评表中该三级指标"
        "的实际完成值；写作目标（“≥95%”）时与指标值比较；“50余次”“近90%”按其范围比较。"
        "名称不同而相互包含（“资金到位率”与“项目资金到位率”）且仅此一行时，只作提示。",
        why="自评表与正文说明的是同一件事：数字不同，报告对完成情况的说法就自相矛盾。",
    ),
    en=Doc(
        "An indicator's value in prose is the table's actual value",
        what='A rate or achievement named like an indicator ("群众满意度95%") equals that '
        "三级指标's 实际完成值 in its report's table (its 指标值 when the prose states a target, "
        '"≥95%"); "50余次" or "近90%" are compared as the ranges they allow. A row found only '
        "because one name holds the other (资金到位率, 项目资金到位率) gives a warning.",
        why="The table and the prose describe one achievement: different figures make the report "
        "contradict itself about what was done.",
    ),
)
AMOUNT = Rule(
    "RESTATE.same_amount",
    version=3,
    severity="warning",
    zh=Doc(
        "同一笔金额在两处写法一致",
        what="名称相同（或较长者以较短者结尾）、年度相同的金额在不同段落各写一次，两者相差不到"
        "1% 却不相等时报告；仅凭文字关联，至多为警告。",
        why="同一笔钱写成两个相近的数，几乎总是其中一处笔误；相差较大的则多半是两笔钱，不报告。",
    ),
    en=Doc(
        "One amount is printed the same wherever it is named",
        what="A money amount named the same way (or the longer name ending with the shorter) in "
        "two paragraphs, same year, printed within 1% of itself but not equal; linked by words, "
        "so at most a warning.",
        why="One sum printed as two close figures is nearly always a slip in one place; figures "
        "further apart are more likely two sums and are not reported.",
    ),
)
ACHIEVEMENT = Rule(
    "RESTATE.same_achievement",
    version=3,
    severity="warning",
    zh=Doc(
        "同一报告中同一项成绩只有一个数",
        what="同一报告中主语、单位、限定词相同的完成情况（“调研80余次”与“调研60余次”）数值相同；"
        "以“本部门”“本单位”开头的部门自身情况（“本部门核定编制23名”）在部门的各报告中都相同；"
        "一个部分的得分（结论中的“产出指标得分48分”与该部分的“该部分得分49分”）也只有一个数。",
        why="一项成绩两个数不可能都对；仅凭文字关联，为警告。",
    ),
    en=Doc(
        "One achievement has one figure within a report",
        what="Within one report, achievements with the same subject, unit and qualifier "
        '("调研80余次" and "调研60余次") have the same value, and so does a section award '
        '("产出指标得分48分" in the conclusion, "该部分得分49分" under the section).',
        why="Two figures for one achievement cannot both be true; linked by words, so a warning.",
    ),
)
WEIGHTS = Rule(
    "RESTATE.stated_total_of_weights",
    version=1,
    severity="error",
    zh=Doc(
        "正文所写的指标总分等于自评表各指标权重之和",
        what="“设立分值总分100分”等写明总分的句子，与同一报告绩效目标表（有指标值、无得分）"
        "各指标权重之和相等。",
        why="总分说法与表中权重不符，说明指标体系在表或正文中被改过。",
    ),
    en=Doc(
        "A total of weights stated in prose is the table's weights added",
        what='"设立分值总分100分": the stated total equals the sum of the indicator weights of '
        "the report's target table (indicators with targets, no scores).",
        why="A stated total the weights do not make means the indicator set was changed in the "
        "table or the prose alone.",
    ),
)
NONE_STATED = Rule(
    "RESTATE.none_stated_but_amount",
    version=3,
    severity="error",
    zh=Doc(
        "称“无结转结余”的报告没有记载结转金额",
        what="正文称“（年末）无（预算）结转（和）结余”或写“年末结转结余0万元”时，同一报告（部门决算与"
        "部门整体自评报告互相印证）没有大于零的年末结转金额；“年初无结转”只与年初的比较。项目报告"
        "或自评表原因栏称“无结余”而自评表执行数低于全年预算数时，作为警告报告。",
        why="既说没有结转又记载了结转，至少一处不实；结转结余是审核的重点。",
    ),
    en=Doc(
        "A report that says it carried nothing over states no carry-over amount",
        what='Where prose says "（年末）无（预算）结转（和）结余" or prints "年末结转结余0万元", '
        "the same report (a department's 决算 and its 部门整体 self-evaluation answer for each "
        'other) states no year-end carry-over (结转) above zero; "年初无结转" is compared with '
        'the start of the year only. A project report or a 自评表 note saying "无结余" while '
        "the table spent less than its full-year budget is reported as a warning.",
        why="Saying nothing was carried over while stating an amount carried over is untrue in "
        "one place; carry-overs are what reviewers look at first.",
    ),
)
COUNT = Rule(
    "COUNT.indicators",
    version=3,
    severity="error",
    zh=Doc(
        "正文所写的三级指标个数等于表中所列",
        what="“本项目共设置7个三级指标”与同一报告中指标表所列三级指标的行数相等（目标设置表与自评表"
        "列出相同行数时，即为这个数；各表行数不同时不判断）；句中或所在小节点明一个一级指标时"
        "（“产出指标包括…共10个三级指标”），只数该一级指标下的行。",
        why="个数不符，说明表中漏列或多列了指标，或正文沿用了旧的指标体系。",
    ),
    en=Doc(
        "The number of 三级指标 stated is the number the table lists",
        what='"本项目共设置7个三级指标" equals the number of indicator rows of the report\'s '
        "indicator tables (its target table and 自评表 listing as many; tables that list "
        "different numbers are not judged); a count its sentence or section gives of one "
        'first-level indicator ("产出指标包括…共10个三级指标") counts the rows under it.',
        why="A different count means indicators left out of or added to the table, or prose kept "
        "from an older indicator set.",
    ),
)


def _unscored_targets(table: s.TableModel) -> bool:
    """Indicator rows with targets and no scores: a 自评表 or a target-setting table."""
    return holds.target_indicators(table) and not holds.scored_indicators(table)


def _in_report(
    ctx: Context, block_id: str, holding: Callable[[s.TableModel], bool]
) -> list[s.ExtractedTable]:
    """The tables of the claim's report; where it has none, those of the project its title
    names ("食品安全抽检经费项目支出绩效自评报告" after the 自评表 of 食品安全抽检经费)."""
    reports = ctx.report_of
    report = reports.get(block_id)
    held = [t for t in ctx.extraction.tables if holding(t)]
    own = [t for t in held if report is not None and reports.get(t.id) == report]
    title = subject_key(ctx.report_title(block_id) or "")
    return own or [
        t for t in held if t.project and len(name := project_name(t.project)) >= 4 and name in title
    ]


def _total_operand(table) -> Operand | None:
    text, value, cell = (
        getattr(table, f, None) for f in ("total_score", "total_score_value", "total_cell")
    )
    return Operand.from_cell(text, value, cell) if text and value and cell else None


def score_totals(ctx: Context) -> None:
    """A total score stated in prose equals the total of the table it restates."""
    tables = [t for t in ctx.extraction.tables if holds.scored(t)]
    for claim in (c for c in ctx.claims if c.type == "score_total"):
        table = _scored_table(ctx, claim, tables)
        total = _total_operand(table) if table else None
        if total is None:
            continue
        stated = Operand.from_claim(claim)
        judgement = check_equal(stated.number, total.number)
        project = f"（{table.project}）" if table.project else ""
        ctx.judged(
            SCORE_TOTAL,
            judgement,
            stated,
            [total],
            f"{claim.subject} {stated.number.text} 分 ≠ {table.title}{project}合计得分 "
            f"{total.number.text} 分",
            exact_only=True,
        )


def _scored_table(ctx: Context, claim: Claim, tables: list) -> s.ExtractedTable | None:
    """The score table a total is about: the table the claim is printed in (a T3's 评价结论),
    else the one whose project the claim names, else for a 部门整体 total the department's only
    score sheet, else the only one in the claim's report."""
    own = next((t for t in tables if t.id == claim.span.block_id), None)
    if own is not None:
        return own
    subject = subject_key(ctx.sentence_before(claim))
    named = [
        t
        for t in tables
        if t.project and len(project_name(t.project)) >= 4 and project_name(t.project) in subject
    ]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    if "整体" in subject:  # "部门整体支出绩效自评得分为…": the department's one score sheet
        whole = [t for t in tables if getattr(KINDS.get(t.kind), "scope", None) == "department"]
        whole = [t for t in whole if holds.score_sheet(t)]
        if not whole:  # a 部门整体 自评表 printed in a project's form, in the claim's report
            whole = [t for t in _in_report(ctx, claim.span.block_id, holds.scored) if not t.project]
        return whole[0] if len(whole) == 1 else None
    in_report = _in_report(ctx, claim.span.block_id, holds.score_sheet)
    if len(in_report) != 1:
        return None
    # "…自评结果显示：高标准农田建设县级配套资金项目自评得分100分": a project's score, which
    # the department's sheet, the report's only one, does not hold
    clause = re.split(r"[，,：:]", subject)[-1]
    department = getattr(KINDS.get(in_report[0].kind), "scope", None) == "department"
    return None if "项目" in clause and department else in_report[0]


# "计划新建…": a plan; "按计划实施，完成…" reports what was done
_PLANNED = re.compile(r"(?<![按照依据])计划(?!内)|拟|预计|力争")


def indicator_values(ctx: Context) -> None:
    """A rate or achievement stated in prose equals the 完成值 of the same indicator: the rows
    named as its subject, else the only row whose name holds it or is held by it (a weak link,
    so at most a warning)."""
    for claim in (c for c in ctx.claims if c.type in ("rate", "achievement", "count")):
        if len(subject_key(claim.subject)) < 3:
            continue
        if _PLANNED.search(ctx.sentence_before(claim)):
            continue  # "计划新建…120公里": what was set out to do, the target, not the outcome
        for table in _in_report(ctx, claim.span.block_id, holds.target_indicators):
            rows = [
                r
                for r in table.indicators
                if r.level3 and r.actual_value is not None and _same_unit(claim, r)
            ]
            strengths = [(r, name_match(claim.subject, r.level3)) for r in rows]
            exact = [r for r, strength in strengths if strength == "exact"]
            contained = [r for r, strength in strengths if strength == "contained"]
            for row in exact or (contained if len(contained) == 1 else []):
                _compare_indicator(ctx, claim, row, weak=not exact)


def _same_unit(claim: Claim, row: s.Indicator) -> bool:
    unit = claim.quantity.unit
    if claim.quantity.percent or unit == "%":
        return row.unit == "%" or bool(row.actual_value and row.actual_value.percent)
    if unit in MONEY:
        return unit == row.unit
    return unit is not None and same_unit(unit, row.unit) is True  # 次 and 人次 are one unit


def _compare_indicator(ctx: Context, claim: Claim, row: s.Indicator, weak: bool) -> None:
    """Compare with the 完成值, or with the 指标值 when the prose states a target (≥ 1.875);
    "指标=1200" in a 绩效分析 states what was achieved."""
    stated = Operand.from_claim(claim)
    field = "target" if claim.comparator in (">=", "<=", ">", "<") else "actual"
    printed, parsed_value = getattr(row, field), getattr(row, f"{field}_value")
    if parsed_value is None or field not in row.cells:
        return
    actual = Operand.from_cell(printed or "", parsed_value, row.cells[field])
    if not actual.reliable:
        ctx.not_checked(INDICATOR)
        return
    value, x = actual.number.value, stated.number.value
    bounds = {  # what a qualified figure allows ("50余次" is 50 to 59)
        "余": (x, x + _magnitude(x)),
        "超": (x, None),
        "以上": (x, None),
        "近": (x * Decimal("0.9"), x),
        "以内": (None, x),
        "约": (x * Decimal("0.9"), x * Decimal("1.1")),
    }
    if claim.qualifier in bounds:
        lo, hi = bounds[claim.qualifier]
        if (lo is None or value >= lo) and (hi is None or value <= hi):
            ctx.held(INDICATOR)
        else:
            ctx.violated(
                INDICATOR,
                "warning",
                stated,
                [actual],
                f"{claim.subject}：正文 {claim.qualifier if claim.qualifier == '近' else ''}"
                f"{stated.number.text}{'' if claim.qualifier == '近' else claim.qualifier}，"
                f"表中实际完成值 {actual.number.text}{_link_words(claim, row, weak)}",
                computed=actual.number.text,
            )
        return
    judgement = check_equal(stated.number, actual.number)
    noun = "指标值" if field == "target" else "实际完成值"
    ctx.judged(
        INDICATOR,
        judgement,
        stated,
        [actual],
        f"{claim.subject}：正文 {stated.number.text} ≠ 自评表{noun} {actual.number.text}"
        f"{'' if actual.number.text.endswith(row.unit or '') else row.unit}"
        f"{_link_words(claim, row, weak)}",
        most_severe="warning" if weak else "error",
    )


def _link_words(claim: Claim, row: s.Indicator, weak: bool) -> str:
    return f"（{STRENGTH_WORDS['contained']}：{claim.subject} ↔ {row.level3}）" if weak else ""


def _magnitude(x: Decimal) -> Decimal:
    """The step after which "X余" would have been written differently: 50余 < 60, 8余 < 9."""
    digits = len(str(int(abs(x)))) if x >= 1 else 1
    return Decimal(10) ** max(digits - 1, 0)


def _same_subject(a: str, b: str) -> bool:
    """Two subjects name one thing: equal, or the longer one ends with the shorter one when
    that is specific enough ("同意给予区政府办公室运行运转保障经费"); "减少…职业年金缴费支出"
    names a change, not the 职业年金缴费 itself."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return True
    # "一般公共预算财政拨款支出" is a part of "财政拨款支出", not another name for it
    return len(short) >= 6 and long.endswith(short) and not _PART_OF.search(long[: -len(short)])


_PART_OF = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营|基本|项目|其中")


# a subject naming only a kind of figure ("支出决算", "年初预算"): of whichever item the
# paragraph is about, so two such are not one amount
_KIND_ONLY = re.compile(
    r"^(?:当年|上年|年初|全年|调整后?)?(?:财政拨款)?(?:支出|收入)?(?:决算|预算)(?:执行)?"
    r"(?:数|额|安排)?$"
)


def same_amounts(ctx: Context) -> None:
    """One money amount named the same way in two places, printed twice a little differently.

    Only near misses in different paragraphs are compared (within 1%): amounts further apart
    under one name, or contrasted in one paragraph, are more likely two quantities (a budget and
    an outturn) than one restated. Linked by words only, so at most a warning.
    """
    seen: list[Claim] = []
    totals = {c.group: c for c in ctx.claims if c.group and c.role == "total"}
    for claim in ctx.claims:
        if not (
            claim.type == "amount"
            and claim.quantity.unit in MONEY
            and len(subject_key(claim.subject)) >= 4
            and not _KIND_ONLY.match(subject_key(claim.subject))
        ):
            continue
        named = [
            c
            for c in seen
            if _restates(c, claim) and _budgeted(totals, c) == _budgeted(totals, claim)
        ]
        reference = next((c for c in named if _near_miss(c, claim)), None)
        if reference is None:
            q = claim.quantity
            if any((c.quantity.value, c.quantity.unit) == (q.value, q.unit) for c in named):
                ctx.held(AMOUNT)  # printed the same both times
            seen.append(claim)
            continue
        stated, other = Operand.from_claim(claim), Operand.from_claim(reference)
        judgement = check_equal(stated.number, other.number)
        ctx.judged(
            AMOUNT,
            judgement,
            stated,
            [other],
            f"{claim.subject}：此处 {stated.number.text}{claim.quantity.unit}，"
            f"{other.evidence.location.where()}为 {other.number.text}{reference.quantity.unit}",
        )


_KIND_WORD = re.compile(r"预算(?!项目|单位|绩效|管理)|决算|执行|实际")


def _budgeted(totals: dict[str, Claim], claim: Claim) -> bool:
    """Whether an amount, or the total it is listed under, is named as budgeted: "年初支出预算
    4800.30万元，其中：…项目支出2717.50万元" is not the 项目支出 a 决算 spent."""
    total = totals.get(claim.group or "") if claim.role == "part" else None
    words = _KIND_WORD.findall(
        claim.subject if total is None else f"{total.subject}，{claim.subject}"
    )
    return bool(words) and words[-1] == "预算"


def _restates(earlier: Claim, claim: Claim) -> bool:
    """Whether a claim names the same amount as an earlier one in another paragraph."""
    return (
        earlier.year == claim.year
        and earlier.span.block_id != claim.span.block_id
        and _same_subject(subject_key(earlier.subject), subject_key(claim.subject))
    )


def _printed(claim: Claim) -> str:
    """ "80余次", "11.7%": the number with its qualifier and unit, as a reader would say it."""
    q = claim.quantity
    unit = "" if q.percent or q.text.endswith(q.unit or "\0") else q.unit or ""
    return f"{q.text}{claim.qualifier or ''}{unit}"


_DEPARTMENT_FACT = re.compile(r"^(?:本部门|本单位|本局|全局)")
_ANAPHORIC = re.compile(r"^(?:该|此|上述|其)")
# "（6）人民调解成功率：…实际完成97.6%": the indicator is named before the colon, not here
_ONLY_A_ROLE = re.compile(r"^(?:实际)?(?:完成|达到)(?:值|数|情况|率)?(?:为|是)?$")
# "公务用车保有量6辆", "共有车辆5辆", "实有公务用车3辆": the fleet, not one kind of vehicle
_FLEET = re.compile(r"^(?:共有|实有|现有|在编)?(?:公务用车|车辆)(?:保有量|总数|总量)?$")


# the sections a self-evaluation scores, whose award its conclusion restates
_SECTION = re.compile(r"^(?:预算执行|(?:产出|效益|满意度|成本|过程|决策)指标)$")
_THIS_PART = re.compile(r"^(?:该|本|此)(?:部分|项|类)")


def _section_scored(claim: Claim, by_id: dict[str, Claim]) -> str | None:
    """The section a prose award is of ("产出指标得分48分"; "该部分得分49分" under its heading's
    allotment), or None."""
    if claim.type != "score_award" or claim.span.cell:
        return None
    name = subject_key(claim.subject)
    if not name.endswith("得分"):
        return None  # an item's "得10分" under its section, not the section's own award
    name = name.removesuffix("得分")
    allotted = by_id.get(claim.ref or "")
    if _THIS_PART.match(name) and allotted is not None:
        name = subject_key(allotted.subject)
    return f"{name}得分" if _SECTION.match(name) else None


def same_achievements(ctx: Context) -> None:
    """One report states one achievement once: "调研80余次" and, in another paragraph of the
    same report, "调研60余次" cannot both be true. Linked by words, so a warning."""
    seen: dict[tuple, Claim] = {}
    reports = ctx.report_of
    by_id = {c.id: c for c in ctx.claims}
    for claim in ctx.claims:
        subject = subject_key(claim.subject)
        scored = _section_scored(claim, by_id)
        if scored:  # "产出指标得分48分" in the conclusion, "该部分得分49分" under 产出指标（50分）
            claim = claim.model_copy(update={"type": "achievement", "subject": scored})
            subject = scored
        elif _ANAPHORIC.match(subject) or _ONLY_A_ROLE.match(subject):
            continue  # "该类项目共2个", "实际完成97.6%": the words name no achievement
        whole = bool(_DEPARTMENT_FACT.match(subject)) and claim.type == "count"
        # the vehicles a department holds, in its 三公 and its 资产 paragraphs alike
        fleet = claim.type == "count" and claim.role != "part" and bool(_FLEET.search(subject))
        if fleet:
            whole, subject = True, "车辆保有量"
        if not (claim.type == "achievement" or whole) or len(subject) < 4 or claim.comparator:
            continue  # "≥95%" in prose restates a target, not what was achieved
        # the department's own facts ("本部门核定编制23名") are one in all its reports
        report = None if whole else reports.get(claim.span.block_id)
        key = (report, subject, claim.quantity.unit, claim.qualifier, claim.year)
        first = seen.setdefault(key, claim)
        if first is claim or first.span.block_id == claim.span.block_id:
            continue  # "满意度分别为92.3%、88.6%、85.3%": one paragraph lists several
        if first.quantity.value == claim.quantity.value:
            ctx.held(ACHIEVEMENT)
            continue
        stated, other = Operand.from_claim(claim), Operand.from_claim(first)
        ctx.violated(
            ACHIEVEMENT,
            "warning",
            stated,
            [other],
            f"{claim.subject}：此处 {_printed(claim)}，{'本部门' if whole else '同一报告'}"
            f"{other.evidence.location.where()}为 {_printed(first)}",
            computed=other.number.text,
        )


def _near_miss(a: Claim, b: Claim) -> bool:
    if a.quantity.unit != b.quantity.unit:
        return False
    x, y = a.quantity.value, b.quantity.value
    return x != y and x > 0 and abs(x - y) <= x * Decimal("0.01")


def stated_weight_totals(ctx: Context) -> None:
    """ "设立分值总分100分": the indicator weights of the report's table add up to that."""
    for claim in (c for c in ctx.claims if c.type == "score_allotment" and "总分" in c.subject):
        for table in _in_report(ctx, claim.span.block_id, _unscored_targets):
            weights = [r for r in table.indicators if r.weight_value is not None]
            if not weights or len(weights) != len(table.indicators):
                ctx.not_checked(WEIGHTS)
                continue
            operands = [
                Operand.from_cell(r.weight or "", r.weight_value, r.cells["weight"])
                for r in weights
            ]
            total = sum((o.number.value for o in operands), Decimal(0))
            stated = Operand.from_claim(claim)
            if total == stated.number.value:
                ctx.held(WEIGHTS)
                continue
            ctx.violated(
                WEIGHTS,
                "error",
                stated,
                operands,
                f"{claim.subject} {stated.number.text} 分，但自评表 {len(operands)} 个指标权重合计 "
                f"{plain(total)}（{' + '.join(o.number.text for o in operands)}）",
                computed=plain(total),
            )


# "2024年无预算结转结余", "年末无结转和结余资金", "无结余资金": which end of the year (年初 only
# when printed) and what was not left (结余 alone leaves 结转 open)
_NONE = re.compile(
    r"(?:(?P<when>年初|年末|期末|年终)[^，,。；;\d]{0,6}?)?无(?:预算|资金|财政拨款)?"
    r"(?P<what>结转(?:和|及|、)?结余|结余(?:和|及|、)?结转|结转|结余)"
)
_DEPARTMENT = re.compile(r"部门|单位")  # a 决算 or 部门整体 report, not a project's


def _department_report(title: str | None) -> bool:
    return bool(title and _DEPARTMENT.search(title) and "项目" not in title)


def _carried(ctx: Context, claim: Claim, what: str, at_start: bool) -> bool:
    """An amount carried at the end (or start) of the year that "无<what>" denies."""
    if claim.type != "amount" or claim.quantity.value <= 0:
        return False
    return _names_carry(ctx, claim, what, at_start)


def _names_carry(ctx: Context, claim: Claim, what: str, at_start: bool) -> bool:
    subject = claim.subject
    named = "结转" in subject if "结转" in what else ("结余" in subject and "结转" not in subject)
    lead = ctx.sentence_before(claim)[-16:]
    return named and ("年初" in lead + subject) == at_start and "上年" not in lead


_OF_A_FUND = re.compile(r"政府性基金|国有资本经营|一般公共预算")


def none_but_amount(ctx: Context) -> None:
    """ "无预算结转结余" while the report states a carry-over above zero. A department's reports
    (its 决算 and its 部门整体 self-evaluation) answer for one another; a project's report
    answers for itself and for its 自评表, whose 执行数 below the budget is money left; a
    自评表's own note ("…无结转资金") answers for that table."""
    by_id = {t.id: t for t in ctx.extraction.tables}
    for block in ctx.document.blocks:
        if isinstance(block, Table):
            for cell in block.cells:
                for match in _NONE.finditer(cell.text):
                    where = cell_location(block, cell, *match.span())
                    stated = word_operand(match.group(), where)
                    table = by_id.get(block.id)
                    _left_in_table(ctx, [table] if table else [], match.group(), stated)
            continue
        # what is said carried over: "无结转结余", or a figure "年末结转结余 0 万元"
        said = [
            (m.group(), m.span(), m["what"], m["when"] == "年初")
            for m in _NONE.finditer(block.text)
        ]
        said += [
            (
                f"{c.subject}{c.quantity.text}{c.quantity.unit or ''}",
                (c.span.start, c.span.end),
                "结转",
                False,
            )
            for c in ctx.claims
            if c.span.block_id == block.id
            and c.type == "amount"
            and c.quantity.value == 0
            and not _OF_A_FUND.search(c.subject)  # 0 of 政府性基金 is not none at all
            and _names_carry(ctx, c, "结转", at_start=False)
        ]
        for text, span, what, at_start in said:
            _none_said(ctx, block, text, span, what, at_start)


def _none_said(
    ctx: Context,
    block: Heading | Paragraph,
    text: str,
    span: tuple[int, int],
    what: str,
    at_start: bool,
) -> None:
    reports = ctx.report_of
    report = reports.get(block.id)
    department = _department_report(ctx.report_title(block.id))
    amounts = [
        c
        for c in ctx.claims
        if _carried(ctx, c, what, at_start)
        and (
            reports.get(c.span.block_id) == report
            or (department and _department_report(ctx.report_title(c.span.block_id)))
        )
    ]
    stated = word_operand(block.text[span[0] : span[1]], span_location(block, *span))
    if amounts:
        ctx.violated(
            NONE_STATED,
            "error",
            stated,
            [Operand.from_claim(c) for c in amounts],
            f"正文称“{text}”，但"
            + ("部门" if department else "同一报告")
            + "记载"
            + "、".join(f"{c.subject} {_printed(c)}" for c in amounts),
            computed=amounts[0].quantity.text,
        )
    elif not department and not at_start:
        held = _in_report(ctx, block.id, lambda t: bool(holds.total_lines(t)))
        _left_in_table(ctx, held, text, stated)
    else:
        ctx.held(NONE_STATED)


def _left_in_table(
    ctx: Context, tables: list[s.ExtractedTable], text: str, stated: Operand
) -> None:
    """A project's "无结余资金" against its 自评表's total line: spent less than budgeted."""
    for table in tables:
        for line in holds.total_lines(table):
            executed = Operand.in_row(line, "executed")
            budget = Operand.in_row(line, "adjusted")
            if not (executed and budget):
                continue
            if executed.number.value >= budget.number.value:
                ctx.held(NONE_STATED)
                continue
            left = budget.number.value - executed.number.value
            ctx.violated(
                NONE_STATED,
                "warning",
                stated,
                [executed, budget],
                f"“{text}”，但{table.project or table.title}全年预算数 "
                f"{budget.number.text}、执行数 {executed.number.text}，尚余 {plain(left)}",
                computed=plain(left),
            )
            return


def _table_above(ctx: Context, claim: Claim) -> list[s.ExtractedTable]:
    """The table a note right below it ("注：本表共设置24个三级指标") is about."""
    blocks = ctx.document.blocks
    at = next((i for i, b in enumerate(blocks) if b.id == claim.span.block_id), None)
    above = blocks[at - 1] if at else None
    return [t for t in ctx.extraction.tables if above is not None and t.id == above.id]


def _indicator_rows(table: s.ExtractedTable) -> list:
    return getattr(table, "indicators", None) or getattr(table, "items", [])


# the first-level indicators a count of 三级指标 may be of
_FIRST_LEVEL = re.compile(r"(产出|效益|满意度|成本)指标")


def _first_level(ctx: Context, claim: Claim) -> str | None:
    """The first-level indicator a count is of, named in its sentence ("产出指标包括数量、质量…
    共10个三级指标") or heading its section ("（三）效益指标（30分）"); None for the whole."""
    named = _FIRST_LEVEL.findall(ctx.sentence_before(claim))
    if not named and claim.section:
        named = _FIRST_LEVEL.findall(claim.section[-1])
    return named[0] if len(set(named)) == 1 else None


def _rows_of(table: s.ExtractedTable, kind: str | None) -> list:
    rows = _indicator_rows(table)
    return [r for r in rows if kind in (r.level1 or "")] if kind else rows


def indicator_counts(ctx: Context) -> None:
    """ "本项目共设置7个三级指标" against the rows of the report's indicator table."""
    for claim in ctx.claims:
        if claim.type not in ("count", "target") or claim.quantity.unit != "个":
            continue
        if not claim.subject.endswith("三级指标"):
            continue
        tables = _table_above(ctx, claim) if "本表" in ctx.sentence_before(claim) else []
        tables = tables or [
            t for t in _in_report(ctx, claim.span.block_id, holds.target_indicators) if t.indicators
        ]
        kind = _first_level(ctx, claim)
        if kind:  # "效益指标包括…共3个三级指标": the rows under that first-level indicator
            tables = [t for t in tables if any(r.level1 for r in _indicator_rows(t))]
        sizes = {len(_rows_of(t, kind)) for t in tables}
        if len(sizes) != 1:
            continue  # no table, or tables that list different numbers: which is meant is unsaid
        rows = _rows_of(tables[0], kind)
        stated = Operand.from_claim(claim)
        # "…设置13个三级指标，逐项对照评分": the report's score sheet lists them as its items
        sheets = _in_report(ctx, claim.span.block_id, holds.score_sheet)
        listed = {len(rows), *(len(t.items) for t in sheets if hasattr(t, "items") and not kind)}
        if stated.number.value in listed:
            ctx.held(COUNT)
            continue
        counted = [e for r in rows if (e := field_evidence(r, "level3"))]
        ctx.violated(
            COUNT,
            "error",
            stated,
            counted,
            f"正文称{kind + '指标' if kind else ''}共设置 {stated.number.text} 个三级指标，"
            f"{tables[0].title}{'其下' if kind else ''}列有 {len(rows)} 个",
            computed=str(len(rows)),
        )


FULL_SCORE = Rule(
    "RESTATE.full_score_with_missed_target",
    version=1,
    severity="warning",
    zh=Doc(
        "自评满分的报告中没有未达到目标的指标",
        what="正文称自评得分为 100 分时，同一报告的绩效目标表中没有实际完成值未达到指标值的指标。",
        why="有指标未完成却自评满分，是自评偏高；审核需要说明理由或扣分。",
    ),
    en=Doc(
        "A report that scores itself 100 shows no missed target",
        what="Where prose gives a total score of 100, the report's target table shows no "
        "indicator whose 实际完成值 misses its 指标值.",
        why="Full marks with a missed target is an inflated self-evaluation; a reviewer needs it "
        "justified or the points taken off.",
    ),
)


def full_score_with_missed_target(ctx: Context) -> None:
    """Full marks ("绩效自评得分为100分") while the report's own table shows an indicator
    short of its target."""
    for claim in (c for c in ctx.claims if c.type == "score_total" and c.quantity.value == 100):
        missed = [
            row
            for table in _in_report(ctx, claim.span.block_id, _unscored_targets)
            for row in table.indicators
            if _missed(row)
        ]
        if not missed:
            ctx.held(FULL_SCORE)
            continue
        evidence = []
        for row in missed:
            evidence += [e for field in ("target", "actual") if (e := field_evidence(row, field))]
        described = "；".join(
            f"{r.level3} 目标 {r.stated_target()}，实际 {r.actual}"
            f"{'' if (r.actual or '').endswith(r.unit or '') else r.unit}"
            for r in missed
        )
        ctx.violated(
            FULL_SCORE,
            "warning",
            Operand.from_claim(claim),
            evidence,
            f"{claim.subject} {claim.quantity.text} 分（满分），但自评表中 {described}",
        )


def _missed(row: s.Indicator) -> bool:
    if row.comparator not in MISSES or row.target_value is None or row.actual_value is None:
        return False
    if "target" not in row.cells or "actual" not in row.cells:
        return False
    if row.target_value.repaired or row.actual_value.repaired:
        return False
    if row.unit == "%" and row.actual_value.value <= 1 < row.target_value.value:
        return False  # "1" against 100%: a ratio or 1%? the scale is unclear
    return MISSES[row.comparator](row.actual_value.value, row.target_value.value)


FAMILIES = [
    score_totals,
    indicator_values,
    same_amounts,
    same_achievements,
    stated_weight_totals,
    none_but_amount,
    indicator_counts,
    full_score_with_missed_target,
]
