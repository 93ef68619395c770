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
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import check_equal
from budgetlens.checks.linking import STRENGTH_WORDS, name_match, same_unit
from budgetlens.checks.scores import MISSES
from budgetlens.claims.model import Claim
from budgetlens.numbers import Number
from budgetlens.tables import schemas as s

SCORE_TOTAL = ("RESTATE.score_total", 1, "restatements")
INDICATOR = ("RESTATE.indicator_actual", 1, "restatements")
AMOUNT = ("RESTATE.same_amount", 2, "restatements")
ACHIEVEMENT = ("RESTATE.same_achievement", 1, "restatements")
WEIGHTS = ("RESTATE.stated_total_of_weights", 1, "restatements")
NONE_STATED = ("RESTATE.none_stated_but_amount", 1, "restatements")
COUNT = ("COUNT.indicators", 1, "counts")

_MONEY = ("元", "万元", "亿元")


def subject_key(text: str) -> str:
    """A subject for comparing: no spaces, brackets or quotes."""
    return re.sub(r"[\s（）()“”\"'《》]", "", text)


def _unscored_targets(table: s.TableModel) -> bool:
    """Indicator rows with targets and no scores: a 自评表 or a target-setting table."""
    return holds.target_indicators(table) and not holds.scored_indicators(table)


def _in_report(
    ctx: Context, claim: Claim, holding: Callable[[s.TableModel], bool]
) -> list[s.ExtractedTable]:
    reports = ctx.report_of
    report = reports.get(claim.span.block_id)
    return [
        t
        for t in ctx.extraction.tables
        if holding(t) and report is not None and reports.get(t.id) == report
    ]


def _total_operand(table) -> Operand | None:
    if table.total_score and table.total_score_value and table.total_cell:
        return Operand.from_cell(table.total_score, table.total_score_value, table.total_cell)
    return None


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
    else the one whose project the claim names, else the only one in the claim's report."""
    own = next((t for t in tables if t.id == claim.span.block_id), None)
    if own is not None:
        return own
    subject = subject_key(_sentence_before(ctx, claim))
    named = [
        t
        for t in tables
        if t.project and len(subject_key(t.project)) >= 4 and subject_key(t.project) in subject
    ]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    in_report = _in_report(ctx, claim, holds.score_sheet)
    return in_report[0] if len(in_report) == 1 else None


def _sentence_before(ctx: Context, claim: Claim) -> str:
    """The words of the claim's sentence up to its number: the subject with what the claim
    extractor trimmed from it (a year, a list number), which may be part of a project's name."""
    block = next((b for b in ctx.document.blocks if b.id == claim.span.block_id), None)
    if block is None or block.kind == "table":
        return claim.subject
    before = block.text[: claim.span.start]
    start = max(before.rfind(mark) for mark in "。；;") + 1
    return before[start:]


def indicator_values(ctx: Context) -> None:
    """A rate or achievement stated in prose equals the 完成值 of the same indicator: the rows
    named as its subject, else the only row whose name holds it or is held by it (a weak link,
    so at most a warning)."""
    for claim in (c for c in ctx.claims if c.type in ("rate", "achievement")):
        if len(subject_key(claim.subject)) < 3:
            continue
        for table in _in_report(ctx, claim, holds.target_indicators):
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
    if unit in _MONEY:
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
        ctx.not_checked("restatements")
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
            ctx.held("restatements")
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
        f"{row.unit or ''}{_link_words(claim, row, weak)}",
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
    return short == long or (len(short) >= 6 and long.endswith(short))


def same_amounts(ctx: Context) -> None:
    """One money amount named the same way in two places, printed twice a little differently.

    Only near misses in different paragraphs are compared (within 1%): amounts further apart
    under one name, or contrasted in one paragraph, are more likely two quantities (a budget and
    an outturn) than one restated. Linked by words only, so at most a warning.
    """
    seen: list[Claim] = []
    for claim in ctx.claims:
        if not (
            claim.type == "amount"
            and claim.quantity.unit in _MONEY
            and len(subject_key(claim.subject)) >= 4
        ):
            continue
        reference = next(
            (
                c
                for c in seen
                if _near_miss(c, claim)
                and c.year == claim.year
                and c.span.block_id != claim.span.block_id
                and _same_subject(subject_key(c.subject), subject_key(claim.subject))
            ),
            None,
        )
        if reference is None:
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
            most_severe="warning",
        )


def _printed(claim: Claim) -> str:
    """ "80余次", "11.7%": the number with its qualifier and unit, as a reader would say it."""
    q = claim.quantity
    unit = "" if q.percent or q.text.endswith(q.unit or "\0") else q.unit or ""
    return f"{q.text}{claim.qualifier or ''}{unit}"


def same_achievements(ctx: Context) -> None:
    """One report states one achievement once: "调研80余次" and, later in the same report,
    "调研60余次" cannot both be true. Linked by words, so a warning."""
    seen: dict[tuple, Claim] = {}
    reports = ctx.report_of
    for claim in ctx.claims:
        subject = subject_key(claim.subject)
        if claim.type != "achievement" or len(subject) < 4 or claim.comparator:
            continue  # "≥95%" in prose restates a target, not what was achieved
        report = reports.get(claim.span.block_id)
        key = (report, subject, claim.quantity.unit, claim.qualifier, claim.year)
        first = seen.setdefault(key, claim)
        if first is claim or first.quantity.value == claim.quantity.value:
            continue
        stated, other = Operand.from_claim(claim), Operand.from_claim(first)
        ctx.violated(
            ACHIEVEMENT,
            "warning",
            stated,
            [other],
            f"{claim.subject}：此处 {_printed(claim)}，同一报告"
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
        for table in _in_report(ctx, claim, _unscored_targets):
            weights = [r for r in table.indicators if r.weight_value is not None]
            if not weights or len(weights) != len(table.indicators):
                ctx.not_checked("restatements")
                continue
            operands = [
                Operand.from_cell(r.weight or "", r.weight_value, r.cells["weight"])
                for r in weights
            ]
            total = sum((o.number.value for o in operands), Decimal(0))
            stated = Operand.from_claim(claim)
            if total == stated.number.value:
                ctx.held("restatements")
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


_NONE = re.compile(r"无(?:预算)?结转结余")


def none_but_amount(ctx: Context) -> None:
    """ "无预算结转结余" while the same report states a carry-over amount above zero."""
    reports = ctx.report_of
    for block in ctx.document.blocks:
        if block.kind == "table" or not _NONE.search(block.text):
            continue
        match = _NONE.search(block.text)
        report = reports[block.id]
        amounts = [
            c
            for c in ctx.claims
            if c.type == "amount"
            and "结转" in c.subject
            and c.quantity.value > 0
            and reports.get(c.span.block_id) == report
        ]
        if not amounts:
            ctx.held("restatements")
            continue
        line = block.source_map.locate(match.start()) if match else None
        stated = Operand(
            Number(text=match.group(), value=Decimal(0), decimals=0),
            None,
            Evidence(
                role="operand",
                text=match.group(),
                location=EvidenceLocation(
                    block_id=block.id,
                    start=match.start(),
                    end=match.end(),
                    line=line[0] if line else block.location.line_start,
                    page=block.location.page,
                ),
            ),
        )
        operands = [Operand.from_claim(c) for c in amounts]
        ctx.violated(
            NONE_STATED,
            "error",
            stated,
            operands,
            f"正文称“{match.group()}”，但同一报告记载"
            + "、".join(f"{c.subject} {c.quantity.text}{c.quantity.unit or ''}" for c in amounts),
            computed=amounts[0].quantity.text,
        )


def indicator_counts(ctx: Context) -> None:
    """ "本项目共设置7个三级指标" against the rows of the report's indicator table."""
    for claim in ctx.claims:
        if claim.type not in ("count", "target") or claim.quantity.unit != "个":
            continue
        if not claim.subject.endswith("三级指标"):
            continue
        tables = [t for t in _in_report(ctx, claim, holds.target_indicators) if t.indicators]
        if len(tables) != 1:
            continue
        rows = tables[0].indicators
        stated = Operand.from_claim(claim)
        if stated.number.value == len(rows):
            ctx.held("counts")
            continue
        counted = [
            Evidence(
                role="operand",
                text=r.level3 or "",
                location=EvidenceLocation(
                    table_id=ref.table_id, row=ref.row, col=ref.col, line=ref.line, page=ref.page
                ),
            )
            for r in rows
            if (ref := r.cells.get("level3"))
        ]
        ctx.violated(
            COUNT,
            "error",
            stated,
            counted,
            f"正文称共设置 {stated.number.text} 个三级指标，{tables[0].title}列有 {len(rows)} 个",
            computed=str(len(rows)),
        )


FULL_SCORE = ("RESTATE.full_score_with_missed_target", 1, "restatements")


def full_score_with_missed_target(ctx: Context) -> None:
    """Full marks ("绩效自评得分为100分") while the report's own table shows an indicator
    short of its target."""
    for claim in (c for c in ctx.claims if c.type == "score_total" and c.quantity.value == 100):
        missed = [
            row
            for table in _in_report(ctx, claim, _unscored_targets)
            for row in table.indicators
            if _missed(row)
        ]
        if not missed:
            ctx.held("restatements")
            continue
        evidence = []
        for row in missed:
            for field in ("target", "actual"):
                ref = row.cells[field]
                evidence.append(
                    Evidence(
                        role="operand",
                        text=getattr(row, field) or "",
                        location=EvidenceLocation(
                            table_id=ref.table_id, row=ref.row, col=ref.col, line=ref.line
                        ),
                    )
                )
        described = "；".join(
            f"{r.level3} 目标 {r.comparator}{r.target}{r.unit or ''}，实际 {r.actual}{r.unit or ''}"
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
