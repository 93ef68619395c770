"""Run every check family over a document and collect findings and the coverage ledger.

A check family is a function ``(Context) -> None`` that calls ``Context.judged`` (an
arithmetic relation judged by ``intervals``), ``Context.violated`` (a bound or a rule broken)
or ``Context.not_checked`` (an input that could not be read reliably). The context turns each
into a finding with its evidence and counts it in the ledger, so that every family reports the
same way and a value that could not be read never becomes a pass or an error: a relation whose
values include one read unreliably (``Context.readable``: repaired digits, or low OCR
confidence on a scan) is recorded as not checked, whichever family judged it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Literal

from budgetlens.checks.catalog import Rule, Severity
from budgetlens.checks.findings import (
    SEVERITY,
    Evidence,
    EvidenceLocation,
    Finding,
    Ledger,
    Outcome,
)
from budgetlens.checks.intervals import Judgement
from budgetlens.claims.model import Claim
from budgetlens.document import MIN_CONFIDENCE, Cell, Document, Heading, Paragraph, Table
from budgetlens.numbers import Number
from budgetlens.tables.schemas import (
    Amount,
    CellRef,
    Extraction,
    Indicator,
    Parsed,
    ScoreGroup,
    ScoreItem,
)


def span_location(block: Heading | Paragraph, start: int, end: int) -> EvidenceLocation:
    """Where characters ``start:end`` of a paragraph's or heading's text are printed: the line
    its source map gives (the block's first line where it gives none)."""
    located = block.source_map.locate(start)
    return EvidenceLocation(
        line=located[0] if located else block.location.line_start,
        page=block.location.page,
        block_id=block.id,
        start=start,
        end=end,
    )


def cell_location(
    table: Table, cell: Cell, start: int | None = None, end: int | None = None
) -> EvidenceLocation:
    """Where a table cell (characters ``start:end`` of its text, where given) is printed; its
    table's page where the cell has none of its own."""
    return EvidenceLocation(
        line=cell.location.line_start,
        page=cell.location.page or table.location.page,
        table_id=table.id,
        row=cell.row,
        col=cell.col,
        start=start,
        end=end,
    )


def ref_location(ref: CellRef) -> EvidenceLocation:
    """Where the table cell a row's field was read from is printed."""
    return EvidenceLocation(
        line=ref.line, page=ref.page, table_id=ref.table_id, row=ref.row, col=ref.col
    )


def field_evidence(
    row: Indicator | ScoreItem | ScoreGroup,
    name: str,
    role: Literal["stated", "operand", "label"] = "operand",
) -> Evidence | None:
    """A row's field as printed, a number or words ("持续完善", "2024年11月30日前"), with its
    cell; None where the row has no such cell."""
    ref = row.cells.get(name)
    if ref is None:
        return None
    return Evidence(role=role, text=getattr(row, name, None) or "", location=ref_location(ref))


def blank_line(row: Amount) -> Evidence:
    """A statement line printed blank, as evidence: where it is, with no text."""
    where = EvidenceLocation(
        table_id=row.location.table_id,
        row=row.location.row,
        line=row.location.line,
        page=row.location.page,
    )
    return Evidence(role="operand", text="", location=where)


def word_operand(text: str, where: EvidenceLocation, value: Decimal = Decimal(0)) -> Operand:
    """A printed word as an operand: what a finding is about, with no number of its own
    ("无结转结余", a department's name, a year)."""
    number = Number(text=text, value=value, decimals=0)
    return Operand(number, None, Evidence(role="operand", text=text, location=where))


MONEY = ("元", "万元", "亿元")  # the units of money a check converts between
TITLE_BLOCKS, MAX_TITLE = 4, 40  # a report's title: among its first blocks, and short


def comparable(*claims: Claim) -> bool:
    """Money in any of 元/万元/亿元 compares; otherwise the units must be the same."""
    units = {c.quantity.unit for c in claims}
    return units <= set(MONEY) or len(units) == 1


@dataclass(frozen=True)
class Operand:
    """A number used by a check, with the text and the place it was printed."""

    number: Number
    unit: str | None
    evidence: Evidence

    @classmethod
    def from_cell(cls, text: str, parsed: Parsed, ref: CellRef) -> Operand:
        number = Number(
            text=text,
            value=parsed.value,
            decimals=parsed.decimals,
            percent=parsed.percent,
            repaired=parsed.repaired,
        )
        unit = parsed.unit if parsed.unit in MONEY else None
        return cls(number, unit, Evidence(role="operand", text=text, location=ref_location(ref)))

    @classmethod
    def from_claim(cls, claim: Claim) -> Operand:
        q = claim.quantity
        number = Number(text=q.text, value=q.value, decimals=q.decimals, percent=q.percent)
        span = claim.span
        location = EvidenceLocation(
            line=span.line, page=span.page, block_id=span.block_id, start=span.start, end=span.end
        )
        if span.cell:  # a table's 评价结论 row: the offsets are in that cell's text
            location = location.model_copy(
                update={"table_id": span.block_id, "row": span.cell[0], "col": span.cell[1]}
            )
        unit = q.unit if q.unit in MONEY else None
        return cls(number, unit, Evidence(role="operand", text=q.text, location=location))

    @classmethod
    def of_field(cls, row: Indicator | ScoreItem | ScoreGroup, name: str) -> Operand | None:
        """A table row's field ("score", "allotted", "weight"…) with the cell it was read from."""
        text, value, ref = getattr(row, name), getattr(row, f"{name}_value"), row.cells.get(name)
        if text is None or value is None or ref is None:
            return None
        return cls.from_cell(text, value, ref)

    @classmethod
    def in_row(cls, row: Amount, column: str) -> Operand | None:
        """The number of an amount row in a column: by its role ("adjusted"), or the first
        column whose printed name starts with ``column``."""
        names = [column] if column in row.values else row.values
        for name in names:
            text = row.values[name]
            if name.replace(" ", "").startswith(column) and text and name in row.parsed:
                return cls.from_cell(text, row.parsed[name], row.cells[name])
        return None

    def stated(self) -> Evidence:
        return self.evidence.model_copy(update={"role": "stated"})

    @property
    def reliable(self) -> bool:
        return not self.number.repaired


@dataclass
class Context:
    document: Document
    extraction: Extraction
    claims: list[Claim]
    findings: list[Finding] = field(default_factory=list)
    ledger: Ledger = field(default_factory=Ledger)

    def __post_init__(self) -> None:
        self._blocks = {b.id: b for b in self.document.blocks}
        # block id → which report of the document it is in (the ordinal of the title above
        # it). Titles repeat ("预算项目绩效评价报告" five times in 004), so reports are told
        # apart by position, not by title.
        self.report_of: dict[str, int | None] = {}
        self._titles: list[str] = []
        current: int | None = None
        for block in self.document.blocks:
            if block.kind == "heading" and block.level == 0:
                current = 0 if current is None else current + 1
                self._titles.append(block.text)
            self.report_of[block.id] = current

    def report_title(self, block_id: str) -> str | None:
        """The title of the report a block is in."""
        report = self.report_of.get(block_id)
        return None if report is None else self._titles[report]

    def sentence_before(self, claim: Claim) -> str:
        """The words of the claim's sentence up to its number: the subject with what the claim
        extractor trimmed from it (a year, a list number, the noun a change is measured from)."""
        block = self._blocks.get(claim.span.block_id)
        if block is None or block.kind == "table":
            return claim.subject
        before = block.text[: claim.span.start]
        start = max(before.rfind(mark) for mark in "。；;") + 1
        return before[start:]

    def title_match(
        self, pattern: re.Pattern[str]
    ) -> tuple[Heading | Paragraph, re.Match[str]] | None:
        """The report's title that ``pattern`` finds in, among the first blocks and short, with
        the match; None where no such title is printed. A cover may break its title over two
        lines ("江苏省2018年度" / "省级部门预算公开报表"): a match that starts on the first line
        of two is that line's."""
        first = [
            b
            for b in self.document.blocks[:TITLE_BLOCKS]
            if isinstance(b, Heading | Paragraph) and len(b.text) <= MAX_TITLE
        ]
        for block in first:
            if found := pattern.search(block.text):
                return block, found
        for block, below in pairwise(first):
            found = pattern.search(block.text + below.text)
            if found and found.start() < len(block.text):
                return block, found
        return None

    def block_of(self, block_id: str) -> Heading | Paragraph | Table | None:
        return self._blocks.get(block_id)

    def text_of(self, block_id: str) -> str:
        """A block's text ("" for a block not in the document)."""
        block = self.block_of(block_id)
        return block.text if block is not None else ""

    def paragraph_before(self, claim: Claim) -> str:
        """The text of the claim's paragraph up to its number."""
        block = self._blocks.get(claim.span.block_id)
        if block is None or block.kind == "table":
            return claim.subject
        return block.text[: claim.span.start]

    def readable(self, *used: Operand | Evidence) -> bool:
        """Whether every value used was read reliably: no digits rejoined after OCR damage and,
        for a scan, OCR confidence of at least MIN_CONFIDENCE where it is printed."""
        for item in used:
            if isinstance(item, Operand) and not item.reliable:
                return False
            where = item.evidence.location if isinstance(item, Operand) else item.location
            confidence = self._confidence(where)
            if confidence is not None and confidence < MIN_CONFIDENCE:
                return False
        return True

    def _confidence(self, where: EvidenceLocation) -> float | None:
        if where.table_id is not None and where.row is not None and where.col is not None:
            table = self._blocks.get(where.table_id)
            cell = table.cell_at(where.row, where.col) if isinstance(table, Table) else None
            return cell.confidence if cell else None
        block = self._blocks.get(where.block_id or "")
        if block is None or where.start is None or where.end is None:
            return None
        return block.confidence_of(where.start, where.end)

    def judged(
        self,
        rule: Rule,
        judgement: Judgement,
        stated: Operand,
        operands: Sequence[Operand | Evidence],
        message: str,
        exact_only: bool = False,
        most_severe: Severity = "error",
    ) -> None:
        """Record an arithmetic relation; a finding unless it passed.

        ``exact_only``: the figures leave no room for an author's rounding (integer scores
        restated), so "suspect rounding" is a mismatch. ``most_severe`` caps the severity of one
        judgement below the rule's declared maximum, where this time the link is less sure
        (several cells it may restate, a rate printed as a fraction).
        """
        if not self.readable(stated, *operands):
            self.not_checked(rule)
            return
        outcome = judgement.tier.value
        if exact_only and outcome == "suspect_rounding":
            outcome = "mismatch"
        self.ledger.record(rule.id, outcome)  # type: ignore[arg-type]
        if outcome == "pass":
            return
        severity = SEVERITY[outcome]
        if _RANK[severity] < _RANK[most_severe]:
            severity = most_severe
        judgement = judgement.as_printed()  # a stated "231元" beside 309, not 0.0309 (万元)
        self._add(
            rule,
            severity,
            outcome,  # type: ignore[arg-type]
            stated,
            operands,
            message,
            stated_interval=(judgement.stated.lo, judgement.stated.hi),
            computed=plain(judgement.computed.mid),
            computed_interval=(judgement.computed.lo, judgement.computed.hi),
            difference=None if judgement.difference is None else plain(judgement.difference),
        )

    def violated(
        self,
        rule: Rule,
        severity: Severity,
        stated: Operand | None,
        operands: Sequence[Operand | Evidence],
        message: str,
        computed: str | None = None,
    ) -> None:
        """Record a broken bound or rule (awarded more than allotted, a target missed…).
        Operands may be bare evidence: a count's evidence is the rows it counted. ``stated`` is
        None where nothing printed states the figure judged (weights that total 80 where 100 is
        the convention): every figure used is then an operand."""
        used = [stated, *operands] if stated is not None else operands
        if not self.readable(*used):
            self.not_checked(rule)
            return
        self.ledger.record(rule.id, "mismatch" if severity != "info" else "rounding")
        self._add(rule, severity, "mismatch", stated, operands, message, computed=computed)

    def undefined(
        self,
        rule: Rule,
        stated: Operand,
        operands: Sequence[Operand],
        message: str,
    ) -> None:
        """Record a ratio whose base is zero: undefined, reported as a note."""
        if not self.readable(stated, *operands):
            self.not_checked(rule)
            return
        self.ledger.record(rule.id, "undefined")
        self._add(rule, "info", "undefined", stated, operands, message)

    def _add(
        self,
        rule: Rule,
        severity: Severity,
        tier: Outcome,
        stated: Operand | None,
        operands: Sequence[Operand | Evidence],
        message: str,
        **values: object,
    ) -> None:
        """One finding: the stated value (if any) first in its evidence, then every operand. Its
        severity is at most the rule's declared maximum."""
        if _RANK[severity] < _RANK[rule.severity]:
            severity = rule.severity
        evidence = [o if isinstance(o, Evidence) else o.evidence for o in operands]
        if stated is not None:
            evidence.insert(0, stated.stated())
            values = {
                "stated": stated.number.text,
                "stated_interval": stated.number.interval,
                **values,
            }
        first = evidence[0].location
        self.findings.append(
            Finding(
                rule_id=rule.id,
                rule_version=rule.version,
                severity=severity,
                tier=tier,
                message=message,
                evidence=evidence,
                line=first.line,
                page=first.page,
                **values,  # type: ignore[arg-type]
            )
        )

    def held(self, rule: Rule) -> None:
        """Record a bound or rule that held."""
        self.ledger.record(rule.id, "pass")

    def not_checked(self, rule: Rule) -> None:
        self.ledger.record(rule.id, "not_checked")


_RANK = {"error": 0, "warning": 1, "info": 2}


def plain(value: Decimal) -> str:
    """A computed value for people: at most four decimals, no exponent."""
    return format(value.quantize(Decimal("0.0001")).normalize(), "f")


CheckFamily = Callable[[Context], None]
