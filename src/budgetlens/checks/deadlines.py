"""A time target (时效指标: "≤2024年11月30日", "11月底前完成") against the date the work was
done (DOMAIN.md §4.4): a date later than its deadline gets no full marks, whether the 自评表
row prints it ("≤2024年11月30日 | 2024年12月20日 | 5 | 5") or the report's prose does
("项目工程于2024年12月20日全部完工并通过验收，得5分").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from budgetlens.checks import holds
from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, field_evidence, span_location
from budgetlens.checks.findings import Evidence
from budgetlens.claims.model import Claim
from budgetlens.document import Paragraph
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

LATE = Rule(
    "SCORE.full_marks_past_deadline",
    version=1,
    severity="warning",
    zh=Doc(
        "晚于时限完成的不得满分",
        what="时效指标的指标值是一个期限（“≤2024年11月30日”“11月底前”）时，自评表该行的实际"
        "完成日期，或正文所说完成的日期（“于2024年12月20日全部完工…得5分”），晚于期限却得满分。"
        "正文的日期按同一报告中唯一一个期限类指标判断；没有年份的日期按同一年比较。",
        why="逾期完成仍给满分，与该指标自己的期限矛盾；正文的日期与表中不同，也说明至少一处有误。",
    ),
    en=Doc(
        "Work done after its deadline gets no full marks",
        what='Where a 时效 indicator\'s target is a deadline ("≤2024年11月30日", "11月底前"), '
        "the date its 自评表 row prints as done, or the date the prose says the work was done "
        '("于2024年12月20日全部完工…得5分"), is later than the deadline while the score is full. '
        "Prose is judged against the report's one deadline indicator; dates without a year "
        "compare within one year.",
        why="Full marks for work done late contradict the indicator's own deadline, and a prose "
        "date unlike the table's means one of them is wrong.",
    ),
)

# "2024年11月30日", "11月30日", "2024年11月底", "11月末", "2024.11.30"
_DATE = re.compile(
    r"(?:(?P<y>20\d{2})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:(?P<d>[0-3]?\d)\s*日|(?P<end>底|末))?"
    r"|(?P<y2>20\d{2})[.\-/](?P<m2>1[0-2]|0?[1-9])[.\-/](?P<d2>[0-3]?\d)"
)
# a deadline: "≤" or "不晚于" before the date, or "前" / "以前" / "之前" after it
_BEFORE = re.compile(r"^(?:≤|<=|<|不晚于|不迟于|截至|截止)")
_AFTER = re.compile(r"^(?:前|以前|之前|内)")
# words that say the work was done on the date
_DONE = re.compile(r"完工|竣工|完成|建成|验收|投入使用|交付|办结|到位")
_SENTENCE = re.compile(r"[^。；;]+")


@dataclass(frozen=True)
class Day:
    """A printed date: its year where printed, and the last day it allows (a month's end for
    "11月底")."""

    year: int | None
    month: int
    day: int
    text: str
    start: int
    end: int

    def on(self, year: int) -> date:
        year = self.year or year
        return date(year, self.month, min(self.day, calendar.monthrange(year, self.month)[1]))


def dates_in(text: str) -> list[Day]:
    found = []
    for m in _DATE.finditer(text):
        year = m["y"] or m["y2"]
        month = int(m["m"] or m["m2"])
        day_text = m["d"] or m["d2"]
        if day_text:
            day = int(day_text)
        elif m["end"] or not year:
            day = calendar.monthrange(int(year or 2000), month)[1]  # "11月底": its last day
        else:
            continue  # "2024年11月" alone is a month, not a day one can be late for
        if not 1 <= day <= 31:
            continue
        found.append(Day(int(year) if year else None, month, day, m.group(), m.start(), m.end()))
    return found


def deadline(text: str) -> Day | None:
    """The one date a target sets as the latest allowed ("≤2024年11月30日", "11月底前")."""
    text = to_halfwidth(text or "").replace(" ", "")
    days = dates_in(text)
    if len(days) != 1:
        return None
    day = days[0]
    if _BEFORE.search(text[: day.start]) or _AFTER.match(text[day.end :]):
        return day
    return None


def _later(done: Day, due: Day) -> bool:
    year = done.year or due.year or 2000
    return done.on(year) > due.on(due.year or year)


def _deadline_rows(tables: list[s.ExtractedTable]) -> list[tuple[s.Indicator, Day]]:
    """The indicator rows whose target is a deadline, its comparator in the cell or its own."""
    found = []
    for table in tables:
        if not holds.target_indicators(table):
            continue
        for row in table.indicators:
            by = "≤" if row.comparator in ("<=", "<") else ""
            due = deadline(by + (row.target or ""))
            if due is not None:
                found.append((row, due))
    return found


def _full(row: s.Indicator) -> bool | None:
    score, weight = Operand.of_field(row, "score"), Operand.of_field(row, "weight")
    if score is None or weight is None:
        return None
    return score.number.value >= weight.number.value


def late_rows(ctx: Context) -> None:
    """A 自评表 row whose actual date is past its deadline, scored full."""
    for row, due in _deadline_rows(ctx.extraction.tables):
        done = dates_in(to_halfwidth(row.actual or "").replace(" ", ""))
        full = _full(row)
        if len(done) != 1 or full is None:
            continue
        if not (_later(done[0], due) and full):
            ctx.held(LATE)
            continue
        score = Operand.of_field(row, "score")
        target, actual = field_evidence(row, "target"), field_evidence(row, "actual")
        if score is None or target is None or actual is None:
            continue
        ctx.violated(
            LATE,
            "warning",
            score,
            [target, actual],
            f"{row.level3 or '时效指标'}：期限 {row.stated_target()}，实际 {row.actual}，"
            f"逾期却得满分 {row.score}",
        )


def late_in_prose(ctx: Context) -> None:
    """A sentence saying the work was done on a date past the report's one deadline, with the
    full points it was given ("于2024年12月20日全部完工…得5分" under "≤2024年11月30日")."""
    awards = [c for c in ctx.claims if c.type == "score_award" and c.ref]
    by_id = {c.id: c for c in ctx.claims}
    for award in awards:
        allotted = by_id.get(award.ref or "")
        block = ctx.block_of(award.span.block_id)
        if allotted is None or not isinstance(block, Paragraph):
            continue
        text = to_halfwidth(block.text)
        sentence = next(
            (m for m in _SENTENCE.finditer(text) if m.start() <= award.span.start < m.end()), None
        )
        if sentence is None or not _DONE.search(sentence.group()):
            continue
        days = [
            d for d in dates_in(sentence.group()) if not _AFTER.match(sentence.group()[d.end :])
        ]
        rows = _deadline_rows(_report_tables(ctx, award))
        if len(days) != 1 or len(rows) != 1:
            continue
        (row, due), done = rows[0], days[0]
        if not (_later(done, due) and award.quantity.value >= allotted.quantity.value):
            ctx.held(LATE)
            continue
        start = sentence.start() + done.start
        said = Evidence(
            role="stated",
            text=done.text,
            location=span_location(block, start, sentence.start() + done.end),
        )
        evidence = [e for e in (field_evidence(row, "target"), field_evidence(row, "actual")) if e]
        table_says = f"，自评表实际 {row.actual}" if row.actual else ""
        ctx.violated(
            LATE,
            "warning",
            None,
            [said, *evidence, Operand.from_claim(award).evidence],
            f"正文称 {done.text} 完成，晚于{row.level3 or '时效指标'}的期限 {row.stated_target()}"
            f"{table_says}，却得满分 {award.quantity.text} 分",
        )


def _report_tables(ctx: Context, claim: Claim) -> list[s.ExtractedTable]:
    report = ctx.report_of.get(claim.span.block_id)
    if report is None:
        return []
    return [t for t in ctx.extraction.tables if ctx.report_of.get(t.id) == report]


FAMILIES = [late_rows, late_in_prose]
