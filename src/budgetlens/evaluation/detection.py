"""Detection metrics: does ``check`` report the contradictions it should, and only those?

Three measurements over the seed text exports:

- Known contradictions: the entries of ``eval/known_contradictions.json`` a reviewer found by
  hand, counted as detected when a finding at error or warning has evidence within two lines of
  the entry's line (recall).
- Precision: each finding at error or warning looked up in ``eval/labelled_findings.json``,
  where a person labelled it a true contradiction or a false alarm; a finding no one has
  labelled yet is listed, not counted.
- Mutations: one printed number of a consistent passage (a place no finding of the original run
  touches) is moved by about 10%, and the mutant is checked. A mutation counts when the number
  feeds a relation that the move breaks; it is detected when a finding at error or warning has
  evidence at the mutated number. Any new error elsewhere is a false alarm. Two modes share the
  choice of numbers, the oracle and the counting, and differ in where the number is changed:
  ``text`` rewrites a line of a seed text export and reads the mutant again (the place is the
  line); ``model`` (``budgetlens eval mutants``, any readable document, PDFs included) reads the
  document once and changes the number in its document model, a paragraph's or a table cell's
  text, then runs extraction, claims and checks from there (the place is the number's offsets
  in that block or cell), so that what is measured on unseen PDFs is the checks, not the reader.

Which relation a number feeds, and whether the move breaks it, is decided without touching the
check modules: the checks are run again on the original reading (document, tables, claims) with
only that number replaced. The relation is thereby the checks' own and the arithmetic their
interval arithmetic (tested on its own); what the mutants measure is the rest of the way, whether
the tool, reading the changed report (its text, or its document model), still sees the number
where it was and reports the broken relation, and stays silent about everything else. Moves that
the checks only note at info (within the rounding rule of DOMAIN.md §5) are not counted but
listed: they show where that rule is more lenient than the figures deserve. Moves that no check
notices are listed too, by what the number was read as: relations the checks do not make.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import zip_longest
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from budgetlens.checks import run_checks
from budgetlens.checks.findings import EvidenceLocation, Finding
from budgetlens.claims.model import Claim
from budgetlens.document import Block, Document, Table
from budgetlens.numbers import Number, find_numbers
from budgetlens.pipeline import CheckResult, check_document, check_read
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

Json = dict[str, Any]
M = TypeVar("M", bound=BaseModel)
CONFIDENCES = ("high", "medium", "low")
DEFAULT_MUTATIONS = 200
FLAGGED = ("error", "warning")
KNOWN_LINE_SLACK = 2  # the hand-made list points at a passage, not always at the number's line
GROWTH = Decimal("1.1")
# Oracle runs allowed per wanted mutant: most printed numbers feed no relation (dates, targets,
# counts of things), and each oracle run is a full pass of the checks.
TRIES_PER_MUTANT = 12
EXCERPT = 24  # characters shown either side of a mutated number
TOLERATED_EXAMPLES = 3  # per rule in the text report; the JSON lists them all


@dataclass
class Score:
    """How many of ``total`` cases were detected."""

    detected: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.detected += hit
        self.total += 1

    @property
    def rate(self) -> float:
        return self.detected / self.total if self.total else 1.0

    def to_json(self) -> Json:
        return {"detected": self.detected, "total": self.total, "rate": round(self.rate, 4)}

    def __str__(self) -> str:
        return f"{self.detected}/{self.total} ({self.rate:.1%})"


def _lines(finding: Finding) -> set[int]:
    """Every source line a finding points at: its own and its evidence's."""
    lines = {e.location.line for e in finding.evidence if e.location.line is not None}
    return lines | ({finding.line} if finding.line is not None else set())


def _flagged(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in FLAGGED]


# Known contradictions ---------------------------------------------------------------------


@dataclass
class KnownReport:
    per_confidence: dict[str, Score] = field(
        default_factory=lambda: {c: Score() for c in CONFIDENCES}
    )
    # the stricter count: a finding of its own points at the label's line, so a neighbour's
    # finding inside the ±2-line window does not credit it
    on_line: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CONFIDENCES})
    per_seed: dict[str, Score] = field(default_factory=dict)
    missed: list[Json] = field(default_factory=list)
    by_neighbour: list[Json] = field(default_factory=list)

    def to_json(self) -> Json:
        return {
            "per_confidence": {c: t.to_json() for c, t in self.per_confidence.items()},
            "on_line": {c: t.to_json() for c, t in self.on_line.items()},
            "per_seed": {seed: t.to_json() for seed, t in self.per_seed.items()},
            "missed": self.missed,
            "by_neighbour": self.by_neighbour,
        }


def _near(findings: list[Finding], line: int, slack: int = KNOWN_LINE_SLACK) -> bool:
    evidence = (e for f in _flagged(findings) for e in f.evidence)
    return any(
        e.location.line is not None and abs(e.location.line - line) <= slack for e in evidence
    )


def evaluate_known(findings: Mapping[str, list[Finding]], known_path: Path) -> KnownReport:
    """Which known contradictions of the seeds ``check`` reports (``findings`` by seed)."""
    entries = json.loads(known_path.read_text(encoding="utf-8"))
    report = KnownReport()
    for entry in entries:
        if entry["seed"] not in findings:
            continue
        hit = _near(findings[entry["seed"]], entry["line"])
        own = _near(findings[entry["seed"]], entry["line"], slack=0)
        report.per_confidence.setdefault(entry["confidence"], Score()).add(hit)
        report.on_line.setdefault(entry["confidence"], Score()).add(own)
        report.per_seed.setdefault(entry["seed"], Score()).add(hit)
        keys = ("seed", "line", "confidence", "kind", "snippet")
        if not hit:
            report.missed.append({k: entry[k] for k in keys})
        elif not own:
            report.by_neighbour.append({k: entry[k] for k in keys})
    return report


def _listed(entries: list[Json]) -> list[str]:
    return [
        f"  {m['seed']}:{m['line']} {m['confidence']} {m['kind']}: {m['snippet']}" for m in entries
    ]


def format_known(report: KnownReport) -> str:
    lines = [
        "known contradictions detected (error or warning within ±2 lines | on the label's line)"
    ]
    lines += [f"  {c:<8}{t}  |  {report.on_line[c]}" for c, t in report.per_confidence.items()]
    lines += [f"  seed {seed:<4}{t}" for seed, t in sorted(report.per_seed.items())]
    lines.append(f"missed ({len(report.missed)})")
    lines += _listed(report.missed)
    lines.append(f"credited only by a finding on a neighbouring line ({len(report.by_neighbour)})")
    lines += _listed(report.by_neighbour)
    return "\n".join(lines)


# Precision on hand-labelled findings -------------------------------------------------------


@dataclass
class Precision:
    """Of the flagged findings a person labelled, how many are true contradictions."""

    true: int = 0
    labelled: int = 0

    @property
    def rate(self) -> float:
        return self.true / self.labelled if self.labelled else 1.0

    def to_json(self) -> Json:
        return {"true": self.true, "labelled": self.labelled, "precision": round(self.rate, 4)}

    def __str__(self) -> str:
        return f"{self.true}/{self.labelled} ({self.rate:.1%})"


@dataclass
class PrecisionReport:
    per_seed: dict[str, Precision] = field(default_factory=dict)
    false: list[Json] = field(default_factory=list)  # labelled false: false alarms
    unlabelled: list[Json] = field(default_factory=list)  # flagged, for a person to label

    @property
    def overall(self) -> Precision:
        counts = self.per_seed.values()
        return Precision(sum(p.true for p in counts), sum(p.labelled for p in counts))

    def to_json(self) -> Json:
        return {
            "overall": self.overall.to_json(),
            "per_seed": {seed: p.to_json() for seed, p in self.per_seed.items()},
            "false": self.false,
            "unlabelled": self.unlabelled,
        }


def _label_key(seed: str, line: int | None, rule_id: str) -> tuple[str, int | None, str]:
    # the seeds never change, so where a finding is and its rule name it; its fingerprint
    # would not: it changes whenever a check words its figures otherwise
    return seed, line, rule_id


def evaluate_precision(findings: Mapping[str, list[Finding]], labels_path: Path) -> PrecisionReport:
    """Each flagged finding of the seeds looked up in the hand-made labels
    (``eval/labelled_findings.json``: seed, line, rule id and whether it is true)."""
    entries = json.loads(labels_path.read_text(encoding="utf-8"))["findings"]
    labels = {_label_key(e["seed"], e["line"], e["rule_id"]): e for e in entries}
    report = PrecisionReport()
    for seed, found in sorted(findings.items()):
        score = report.per_seed.setdefault(seed, Precision())
        for finding in _flagged(found):
            item = {"seed": seed, "line": finding.line, "rule_id": finding.rule_id}
            item |= {"fingerprint": finding.fingerprint, "message": finding.message}
            label = labels.get(_label_key(seed, finding.line, finding.rule_id))
            if label is None:
                report.unlabelled.append(item)
                continue
            score.labelled += 1
            score.true += bool(label["true"])
            if not label["true"]:
                report.false.append(item | {"note": label.get("note")})
    return report


def format_precision(report: PrecisionReport) -> str:
    lines = ["precision: flagged findings labelled true by hand (eval/labelled_findings.json)"]
    lines.append(f"  overall {report.overall}")
    lines += [f"  seed {seed:<4}{p}" for seed, p in report.per_seed.items()]
    lines.append(f"false ({len(report.false)})")
    lines += [f"  {f['seed']}:{f['line']} {f['rule_id']}: {f['message']}" for f in report.false]
    lines.append(f"not labelled, not counted ({len(report.unlabelled)})")
    lines += [
        f"  {f['seed']}:{f['line']} {f['rule_id']}: {f['message']}" for f in report.unlabelled
    ]
    return "\n".join(lines)


# Perturbation -----------------------------------------------------------------------------

_CORE = "0123456789"
_FULL_DIGITS = "０１２３４５６７８９"


def bumped(magnitude: Decimal, decimals: int) -> Decimal:
    """``magnitude`` grown by 10% at the same decimals, and by at least one printed unit so that
    a small figure (an integer score of 3) still changes."""
    unit = Decimal(1).scaleb(-decimals)
    grown = (magnitude * GROWTH).quantize(unit, rounding=ROUND_HALF_UP)
    return max(grown, magnitude + unit)


def _first_number(text: str) -> Number:
    numbers = find_numbers(text)
    if not numbers:
        raise ValueError(f"no number in {text!r}")
    return numbers[0]


def _digits_span(text: str, number: Number) -> tuple[int, int]:
    """Where the digits of ``number`` (no sign, no percent) lie in ``text``."""
    half = to_halfwidth(text)
    start = next(i for i in range(number.start, number.end) if half[i] in _CORE)
    end = max(i for i in range(start, number.end) if half[i] in _CORE) + 1
    return start, end


def _styled(new: str, printed: str) -> str:
    """``new`` written the way ``printed`` was: its digit width, its point and separators."""
    full = printed[0] in _FULL_DIGITS
    point = "．" if "．" in printed else "."
    comma = "，" if "，" in printed else ","
    digits = str.maketrans(_CORE, _FULL_DIGITS) if full else {}
    return new.translate(digits).replace(".", point).replace(",", comma)


def perturb(text: str) -> str:
    """``text`` with its first number moved by ``bumped``, printed as before: the same decimals,
    full- or half-width digits, thousands separators, sign and percent; nothing else changes."""
    number = _first_number(text)
    start, end = _digits_span(text, number)
    printed = text[start:end]
    new = bumped(abs(number.value), number.decimals)
    grouping = "," if "," in to_halfwidth(printed) else ""
    formatted = format(new, f"{grouping}.{number.decimals}f")
    return text[:start] + _styled(formatted, printed) + text[end:]


# Where a printed number lives in the reading ----------------------------------------------


@dataclass(frozen=True)
class CellSlot:
    """A number of an extracted table: ``rows`` is the table's list of rows it is in
    (``indicators``, ``items``, ``budget``…), None for a field of the table itself."""

    table: int
    rows: str | None
    row: int
    name: str


@dataclass(frozen=True)
class Line:
    """A line of a text export: where a text mutant changes its number."""

    line: int

    def touched_by(self, finding: Finding) -> bool:
        return self.line in _lines(finding)

    def where(self) -> str:
        return str(self.line)


@dataclass(frozen=True)
class Spot:
    """Characters [start, end) of a block's text, or of the text of its table cell ``cell``
    (row, col): where a document mutant changes its number. A finding touches it when one of
    its evidence is in that block or cell and, where the evidence has offsets, overlaps them."""

    block: str
    cell: tuple[int, int] | None
    start: int
    end: int
    page: int | None

    @property
    def line(self) -> None:
        return None  # a document model's number is placed by block, not by source line

    def touched_by(self, finding: Finding) -> bool:
        return any(self._at(e.location) for e in finding.evidence)

    def _at(self, at: EvidenceLocation) -> bool:
        if self.cell is None:
            same = at.block_id == self.block and at.table_id is None
        else:
            same = at.table_id == self.block and (at.row, at.col) == self.cell
        if at.start is None or at.end is None:
            return same
        return same and at.start < self.end and self.start < at.end

    def where(self) -> str:
        page = f"p{self.page} " if self.page is not None else ""
        cell = f"r{self.cell[0]}c{self.cell[1]}" if self.cell else ""
        return f"{page}{self.block}{cell}@{self.start}"


Place = Line | Spot


@dataclass
class Site:
    """One printed number of the source and every claim and table cell read from it."""

    place: Place
    number: Number  # start and end: columns of the line, or offsets in the block's or cell's text
    claims: list[int] = field(default_factory=list)
    cells: list[CellSlot] = field(default_factory=list)


def _same_number(number: Number, value: Decimal, decimals: int) -> bool:
    return abs(number.value) == abs(value) and number.decimals == decimals


def _number_at(text: str, offset: int, value: Decimal, decimals: int) -> Number | None:
    """The printed number of ``text`` that covers ``offset``, if it is the one expected."""
    found = next((n for n in find_numbers(text) if n.start <= offset < n.end), None)
    return found if found and _same_number(found, value, decimals) else None


def _matching(text: str, parsed: s.Parsed, offset: int) -> list[Number]:
    return [
        replace(n, start=n.start + offset, end=n.end + offset)
        for n in find_numbers(text)
        if _same_number(n, parsed.value, parsed.decimals)
    ]


def _cell_number(line: str, col: int, parsed: s.Parsed) -> Number | None:
    """The printed number a cell was read from: in the cell's own column where the line is a
    whole TAB-separated row (OCR-like exports), else the only match on the line."""
    columns = line.split("\t")
    if len(columns) > 2 and col < len(columns):
        offset = sum(len(c) + 1 for c in columns[:col])
        found = _matching(columns[col], parsed, offset)
        if len(found) == 1:
            return found[0]
    found = _matching(line, parsed, 0)
    return found[0] if len(found) == 1 else None


def _parsed_at(model: BaseModel, name: str) -> tuple[str | None, s.Parsed | None]:
    if isinstance(model, s.Amount):
        return model.values.get(name), model.parsed.get(name)
    return getattr(model, name, None), getattr(model, f"{name}_value", None)


def _cells(extraction: s.Extraction) -> Iterable[tuple[CellSlot, s.CellRef, s.Parsed]]:
    """Every number of every extracted table, with the cell it was read from; not those whose
    digits were rejoined after OCR damage: a mutant would not print them again."""
    for t, table in enumerate(extraction.tables):
        total = getattr(table, "total_cell", None)
        text, parsed = _parsed_at(table, "total_score")
        if total is not None and text and parsed is not None and not parsed.repaired:
            yield CellSlot(t, None, 0, "total_score"), total, parsed
        for rows in type(table).model_fields:
            value = getattr(table, rows)
            if not isinstance(value, list):
                continue
            for r, row in enumerate(value):
                if not isinstance(row, s.Indicator | s.ScoreItem | s.Amount):
                    break
                for name, ref in row.cells.items():
                    text, parsed = _parsed_at(row, name)
                    if text and parsed is not None and not parsed.repaired:
                        yield CellSlot(t, rows, r, name), ref, parsed


class _Sites:
    """Sites keyed by where their number is, in the order of those keys."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[Any, ...], Site] = {}

    def at(self, key: tuple[Any, ...], place: Place, number: Number) -> Site:
        return self._by_key.setdefault(key, Site(place, number))

    def sorted(self) -> list[Site]:
        return [site for _, site in sorted(self._by_key.items(), key=lambda kv: kv[0])]


def line_sites(result: CheckResult, lines: list[str]) -> list[Site]:
    """Printed numbers of a text export that a claim or a table cell holds, by line and column."""
    sites = _Sites()
    for i, claim in enumerate(result.claims):
        line, col, q = claim.span.line, claim.span.col, claim.quantity
        number = (
            _number_at(lines[line - 1], col, q.value, q.decimals)
            if line and col is not None
            else None
        )
        if line and number:  # a claim inside a table cell has no column: not placed here
            sites.at((line, number.start), Line(line), number).claims.append(i)
    for slot, ref, parsed in _cells(result.extraction):
        number = _cell_number(lines[ref.line - 1], ref.col, parsed) if ref.line else None
        if ref.line and number:
            sites.at((ref.line, number.start), Line(ref.line), number).cells.append(slot)
    return sites.sorted()


def _text(block: Block, cell: tuple[int, int] | None) -> str:
    if cell is None:
        return block.text
    assert isinstance(block, Table)
    found = block.cell_at(*cell)
    return found.text if found else ""


def spot_sites(result: CheckResult) -> list[Site]:
    """Printed numbers of the document model that a claim or a table cell holds, by block, cell
    and offset: any readable document, PDFs included."""
    order = {b.id: i for i, b in enumerate(result.document.blocks)}
    blocks = {b.id: b for b in result.document.blocks}
    sites = _Sites()

    def add(block: Block, cell: tuple[int, int] | None, number: Number) -> Site:
        spot = Spot(block.id, cell, number.start, number.end, block.location.page)
        return sites.at((order[block.id], cell or (-1, -1), number.start), spot, number)

    for i, claim in enumerate(result.claims):
        span, q = claim.span, claim.quantity
        block = blocks[span.block_id]
        number = _number_at(_text(block, span.cell), span.start, q.value, q.decimals)
        if number:
            add(block, span.cell, number).claims.append(i)
    for slot, ref, parsed in _cells(result.extraction):
        table = blocks[ref.table_id]
        cell = table.cell_at(ref.row, ref.col) if isinstance(table, Table) else None
        found = _matching(cell.text, parsed, 0) if cell else []
        if cell and len(found) == 1:  # a cell of two equal figures: which one is unsure
            add(table, (cell.row, cell.col), found[0]).cells.append(slot)
    return sites.sorted()


# The oracle: the checks on the original reading with one number replaced ------------------


def _replaced(model: M, name: str, magnitude: Decimal) -> M:
    """``model`` with its number ``name`` moved, as text and as parsed value."""
    text, parsed = _parsed_at(model, name)
    if text is None or parsed is None:
        raise ValueError(f"{type(model).__name__}.{name} holds no number")
    moved = parsed.model_copy(update={"value": magnitude.copy_sign(parsed.value)})
    if isinstance(model, s.Amount):
        update: Json = {
            "values": {**model.values, name: perturb(text)},
            "parsed": {**model.parsed, name: moved},
        }
    else:
        update = {name: perturb(text), f"{name}_value": moved}
    return model.model_copy(update=update)


def _replaced_extraction(
    extraction: s.Extraction, slots: list[CellSlot], magnitude: Decimal
) -> s.Extraction:
    tables = list(extraction.tables)
    for slot in slots:
        table = tables[slot.table]
        if slot.rows is None:
            tables[slot.table] = _replaced(table, slot.name, magnitude)
            continue
        rows = list(getattr(table, slot.rows))
        rows[slot.row] = _replaced(rows[slot.row], slot.name, magnitude)
        tables[slot.table] = table.model_copy(update={slot.rows: rows})
    return extraction.model_copy(update={"tables": tables})


def _replaced_claims(claims: list[Claim], indices: list[int], magnitude: Decimal) -> list[Claim]:
    claims = list(claims)
    for i in indices:
        q = claims[i].quantity
        value = magnitude.copy_sign(q.value)
        moved = q.model_copy(update={"text": perturb(q.text), "value": value})
        claims[i] = claims[i].model_copy(update={"quantity": moved})
    return claims


def moved_findings(result: CheckResult, site: Site) -> list[Finding]:
    """The findings at the site once its number is moved, on the original reading: the
    relations the number feeds that the move no longer lets pass (the site had none before)."""
    magnitude = bumped(abs(site.number.value), site.number.decimals)
    claims = _replaced_claims(result.claims, site.claims, magnitude)
    extraction = _replaced_extraction(result.extraction, site.cells, magnitude)
    findings, _ = run_checks(result.document, extraction, claims)
    return [f for f in findings if site.place.touched_by(f)]


# Mutations --------------------------------------------------------------------------------

Mode = Literal["text", "model"]


@dataclass
class Mutation:
    seed: str  # the document's name
    line: int | None  # of a text mutant
    where: str  # the line, or page, block, cell and offset in the document model
    number: str
    mutated_number: str
    original: str  # the passage around the number
    mutated: str
    family: str  # of the first relation the move breaks
    rules: list[str]  # every relation it breaks
    detected: bool
    reported: list[str]  # what the mutant's findings say about the number's place: "rule severity"
    false_alarms: list[Json]


@dataclass
class Tolerated:
    """A move that no longer holds exactly but that the checks, on the original reading, only
    note at info: within the interval rule of DOMAIN.md §5, or a ratio of a zero base. Not
    counted as a broken relation, but listed: it shows where that rule is too lenient (integer
    scores and head counts are exact, yet read as rounded)."""

    seed: str
    line: int | None
    where: str
    number: str
    mutated_number: str
    original: str
    notes: list[Json]  # rule_id, tier and message of each note at the site


@dataclass
class Silent:
    """A move that no check notices, on the original reading: the number feeds no relation the
    checks know of. Not counted; listed by what it was read as, for the rule engineers: a prose
    amount that restates a statement, or a rate beside its two amounts, is a relation not made."""

    seed: str
    where: str
    number: str
    original: str
    read_as: list[str]  # the claim types of the prose's reading, or "table cell"


@dataclass
class MutationReport:
    seed: int
    requested: int
    mutations: list[Mutation] = field(default_factory=list)
    tolerated: list[Tolerated] = field(default_factory=list)
    silent: list[Silent] = field(default_factory=list)
    tried: int = 0  # numbers run through the oracle, breaking a relation or not
    original_errors: dict[str, list[Json]] = field(default_factory=dict)  # by document

    def merge(self, other: MutationReport) -> None:
        self.mutations += other.mutations
        self.tolerated += other.tolerated
        self.silent += other.silent
        self.tried += other.tried
        self.original_errors |= other.original_errors

    @property
    def overall(self) -> Score:
        return Score(sum(m.detected for m in self.mutations), len(self.mutations))

    @property
    def per_family(self) -> dict[str, Score]:
        return _score(self.mutations, lambda m: m.family)

    @property
    def per_seed(self) -> dict[str, Score]:
        return _score(self.mutations, lambda m: m.seed)

    @property
    def false_alarms(self) -> list[Json]:
        return [a for m in self.mutations for a in m.false_alarms]

    @property
    def missed(self) -> list[Mutation]:
        return [m for m in self.mutations if not m.detected]

    def to_json(self) -> Json:
        return {
            "seed": self.seed,
            "requested": self.requested,
            "tried": self.tried,
            "overall": self.overall.to_json(),
            "per_family": {k: t.to_json() for k, t in self.per_family.items()},
            "per_seed": {k: t.to_json() for k, t in self.per_seed.items()},
            "false_alarm_count": len(self.false_alarms),
            "false_alarms": self.false_alarms,
            "original_errors": self.original_errors,
            "missed": [asdict(m) for m in self.missed],
            "tolerated": [asdict(t) for t in self.tolerated],
            "silent": [asdict(t) for t in self.silent],
        }


def _score(mutations: list[Mutation], key: Callable[[Mutation], str]) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for m in mutations:
        scores[key(m)].add(m.detected)
    return dict(sorted(scores.items()))


def _excerpt(line: str, start: int, end: int) -> str:
    head = "…" if start > EXCERPT else ""
    tail = "…" if end + EXCERPT < len(line) else ""
    return head + line[max(start - EXCERPT, 0) : end + EXCERPT].replace("\t", " ") + tail


def _finding_key(f: Finding) -> tuple[str, int | None, int | None, str]:
    return f.rule_id, f.line, f.page, f.message


def _at(f: Finding) -> str:
    """Where a finding is, for a listing: its line, else its page."""
    return str(f.line) if f.line is not None else f"p{f.page}"


def _error(name: str, f: Finding) -> Json:
    return {"seed": name, "at": _at(f), "rule_id": f.rule_id, "message": f.message}


def _candidates(result: CheckResult, sites: list[Site], rng: random.Random) -> list[Site]:
    """Numbers where no finding is, prose and tables taken in turn so that the many cells of
    score sheets and statements do not crowd out the prose's shares, changes and rates."""
    free = [s for s in sites if not any(s.place.touched_by(f) for f in result.findings)]
    prose = [s for s in free if s.claims]
    tables = [s for s in free if not s.claims]
    rng.shuffle(prose)
    rng.shuffle(tables)
    return [s for pair in zip_longest(prose, tables) for s in pair if s is not None]


@dataclass
class Subject:
    """One document's original run; ``changed`` gives the mutant's findings and where its
    moved number is (per mode: a text export written again and read, or a document model
    changed in memory)."""

    name: str
    original: CheckResult

    def text_at(self, place: Place) -> str:
        """The text that holds the place's number: its line, or its block's or cell's text."""
        raise NotImplementedError

    def changed(self, site: Site, text: str, end: int) -> tuple[list[Finding], Place]:
        """The mutant's findings with the site's text now ``text`` (its number ending at
        ``end``), and the number's place in the mutant."""
        raise NotImplementedError

    def mutate(self, site: Site, broken: list[Finding]) -> Mutation:
        """Make the mutant, check it, and compare its findings with the original run's."""
        n = site.number
        text = self.text_at(site.place)
        new = perturb(n.text)
        changed = text[: n.start] + new + text[n.end :]
        findings, place = self.changed(site, changed, n.start + len(new))
        at_site = [f for f in findings if place.touched_by(f)]
        before = {_finding_key(f) for f in self.original.findings}
        alarms = [
            _error(self.name, f) | {"mutated_at": place.where()}
            for f in findings
            if f.severity == "error" and not place.touched_by(f) and _finding_key(f) not in before
        ]
        rules = sorted({f.rule_id for f in broken})
        return Mutation(
            seed=self.name,
            line=place.line,
            where=place.where(),
            number=n.text,
            mutated_number=new,
            original=_excerpt(text, n.start, n.end),
            mutated=_excerpt(changed, n.start, n.start + len(new)),
            family=next(f.family for f in broken if f.rule_id == rules[0]),
            rules=rules,
            detected=bool(_flagged(at_site)),
            reported=[f"{f.rule_id} {f.severity}" for f in at_site],
            false_alarms=alarms,
        )

    def silent(self, site: Site) -> Silent:
        n = site.number
        types = sorted({self.original.claims[i].type for i in site.claims})
        return Silent(
            seed=self.name,
            where=site.place.where(),
            number=n.text,
            original=_excerpt(self.text_at(site.place), n.start, n.end),
            read_as=types or ["table cell"],
        )

    def tolerated(self, site: Site, notes: list[Finding]) -> Tolerated:
        n = site.number
        return Tolerated(
            seed=self.name,
            line=site.place.line,
            where=site.place.where(),
            number=n.text,
            mutated_number=perturb(n.text),
            original=_excerpt(self.text_at(site.place), n.start, n.end),
            notes=[{"rule_id": f.rule_id, "tier": f.tier, "message": f.message} for f in notes],
        )


@dataclass
class TextSubject(Subject):
    """A text export: the mutant is the text with one line changed, written and read again."""

    lines: list[str]
    mutant: Path

    def text_at(self, place: Place) -> str:
        assert isinstance(place, Line)
        return self.lines[place.line - 1]

    def changed(self, site: Site, text: str, end: int) -> tuple[list[Finding], Place]:
        line = site.place.line
        assert line is not None
        mutant_text = "\n".join([*self.lines[: line - 1], text, *self.lines[line:]])
        self.mutant.write_text(mutant_text, encoding="utf-8")
        return check_document(self.mutant).findings, site.place


@dataclass
class ModelSubject(Subject):
    """Any readable document: the mutant is its document model with one block's or cell's text
    changed, checked from there (tables, claims, checks) without reading the source again."""

    def text_at(self, place: Place) -> str:
        assert isinstance(place, Spot)
        return _text(self.original.document.block(place.block), place.cell)

    def changed(self, site: Site, text: str, end: int) -> tuple[list[Finding], Place]:
        spot = site.place
        assert isinstance(spot, Spot)
        document = _with_text(self.original.document, spot, text)
        return check_read(document).findings, replace(spot, end=end)


def _with_text(document: Document, spot: Spot, text: str) -> Document:
    """``document`` with the text of the spot's block or cell replaced (new block objects, so
    that nothing cached from the original, a table's cell index, is reused)."""
    blocks: list[Block] = []
    for block in document.blocks:
        if block.id == spot.block and spot.cell is None:
            block = block.model_copy(update={"text": text})
        elif block.id == spot.block and isinstance(block, Table):
            cells = [
                c.model_copy(update={"text": text}) if (c.row, c.col) == spot.cell else c
                for c in block.cells
            ]
            block = Table(**{**dict(block), "cells": cells})
        blocks.append(block)
    return document.model_copy(update={"blocks": blocks})


def mutate_sites(subject: Subject, sites: Iterable[Site], report: MutationReport) -> None:
    """Run sites through the oracle until the report holds ``report.requested`` mutants: those
    whose move breaks a relation are made and checked, those only noted at info or noticed by
    no check are listed."""
    for site in sites:
        if len(report.mutations) == report.requested:
            break
        report.tried += 1
        found = moved_findings(subject.original, site)
        if broken := _flagged(found):
            report.mutations.append(subject.mutate(site, broken))
        elif found:
            report.tolerated.append(subject.tolerated(site, found))
        else:
            report.silent.append(subject.silent(site))


def _mutate_one(name: str, path: Path, wanted: int, seed: int, mode: Mode) -> MutationReport:
    """Up to ``wanted`` mutants of one document that break a relation, in a reproducible order."""
    report = MutationReport(seed=seed, requested=wanted)
    original = check_document(path)
    report.original_errors[name] = [
        _error(name, f) for f in original.findings if f.severity == "error"
    ]
    rng = random.Random(f"{seed}:{name}")
    with tempfile.TemporaryDirectory(prefix="budgetlens-mutants-") as tmp:
        subject: Subject
        if mode == "text":
            lines = path.read_text(encoding="utf-8").split("\n")
            subject = TextSubject(name, original, lines, Path(tmp) / path.name)
            sites = line_sites(original, lines)
        else:
            subject, sites = ModelSubject(name, original), spot_sites(original)
        candidates = _candidates(original, sites, rng)
        mutate_sites(subject, candidates[: wanted * TRIES_PER_MUTANT], report)
    return report


def _quotas(names: list[str], count: int) -> list[int]:
    base, extra = divmod(count, len(names))
    return [base + (i < extra) for i in range(len(names))]


def evaluate_mutations(
    documents: Mapping[str, Path], count: int, seed: int = 0, mode: Mode = "text"
) -> MutationReport:
    """``count`` mutants spread evenly over the documents, chosen reproducibly from ``seed``;
    the documents are mutated in parallel, one process per core. ``text``: text exports, each
    mutant written and read again; ``model``: any readable document, read once, each mutant
    made in its document model."""
    report = MutationReport(seed=seed, requested=count)
    names = sorted(documents)
    if not names:
        return report
    jobs = (names, [documents[n] for n in names], _quotas(names, count))
    more = ([seed] * len(names), [mode] * len(names))
    with ProcessPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1)) as pool:
        for part in pool.map(_mutate_one, *jobs, *more):
            report.merge(part)
    return report


def format_mutations(report: MutationReport) -> str:
    lines = [
        f"mutations (seed {report.seed}): {len(report.mutations)} of {report.requested} "
        f"requested, from {report.tried} numbers tried",
        f"  detected {report.overall}",
    ]
    lines += [f"  {family:<14}{t}" for family, t in report.per_family.items()]
    width = max((len(name) for name in report.per_seed), default=0) + 2
    lines += [f"  {name:<{width}}{t}" for name, t in report.per_seed.items()]
    lines.append(
        f"false alarms (new errors away from the mutated number): {len(report.false_alarms)}"
    )
    lines += [
        f"  {a['seed']}:{a['at']} {a['rule_id']} (mutated at {a['mutated_at']}): {a['message']}"
        for a in report.false_alarms
    ]
    errors = report.original_errors
    counts = ", ".join(f"{name} {len(found)}" for name, found in errors.items())
    lines.append(f"error findings in the originals (none at a mutated number): {counts}")
    lines += [
        f"  {e['seed']}:{e['at']} {e['rule_id']}: {e['message']}"
        for found in errors.values()
        for e in found
    ]
    lines.append(f"missed ({len(report.missed)})")
    for m in report.missed:
        lines.append(f"  {m.seed}:{m.where} {m.family} [{', '.join(m.rules)}]")
        lines.append(f"    {m.original}")
        lines.append(f"    {m.mutated}")
        lines.append(f"    mutant reported: {', '.join(m.reported) or 'nothing at this number'}")
    lines += _format_tolerated(report.tolerated)
    lines += _format_silent(report.silent)
    return "\n".join(lines)


def _format_silent(silent: list[Silent]) -> list[str]:
    """Counts per document and per reading, with the first examples of each reading."""
    by_seed: dict[str, int] = defaultdict(int)
    by_reading: dict[str, list[Silent]] = defaultdict(list)
    for t in silent:
        by_seed[t.seed] += 1
        by_reading[", ".join(t.read_as)].append(t)
    counts = ", ".join(f"{name} {n}" for name, n in sorted(by_seed.items()))
    lines = [f"moved and noticed by no check, not counted ({len(silent)}): {counts}"]
    for reading, cases in sorted(by_reading.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {reading}: {len(cases)}")
        lines += [
            f"    {t.seed}:{t.where} {t.number}: {t.original}" for t in cases[:TOLERATED_EXAMPLES]
        ]
    return lines


def _format_tolerated(tolerated: list[Tolerated]) -> list[str]:
    """Counts per rule and tier, with the first examples of each in full."""
    by_rule: dict[tuple[str, str], list[tuple[Tolerated, Json]]] = defaultdict(list)
    for t in tolerated:
        for note in t.notes:
            by_rule[note["rule_id"], note["tier"]].append((t, note))
    lines = [f"moved but only noted at info, not counted ({len(tolerated)})"]
    for (rule, tier), cases in sorted(by_rule.items()):
        lines.append(f"  {rule} {tier}: {len(cases)}")
        for t, note in cases[:TOLERATED_EXAMPLES]:
            lines.append(f"    {t.seed}:{t.where} {t.number} → {t.mutated_number}: {t.original}")
            lines.append(f"      {note['message']}")
    return lines


def run_detection(
    seeds: Mapping[str, Path],
    known_path: Path,
    labels_path: Path,
    mutations: int = DEFAULT_MUTATIONS,
    seed: int = 0,
) -> tuple[str, Json]:
    """The three measurements: the text to print and the JSON report (``budgetlens eval
    detection``)."""
    findings = {name: check_document(path).findings for name, path in sorted(seeds.items())}
    known = evaluate_known(findings, known_path)
    precision = evaluate_precision(findings, labels_path)
    mutated = evaluate_mutations(seeds, mutations, seed)
    text = "\n\n".join(
        [format_known(known), format_precision(precision), format_mutations(mutated)]
    )
    data = {"known": known.to_json(), "precision": precision.to_json()}
    return text, data | {"mutations": mutated.to_json()}
