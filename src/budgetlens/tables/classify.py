"""A table's kind, from what it holds: its title, its header's column roles, its key cells,
the section it sits in and whose table it is (a department's or a project's).

Every kind of the registry (``kinds.py``) is scored on the same evidence, and the best one
wins when it scores enough; each point is kept as evidence (which header cell named which
role, which title pattern matched), so a reviewer and a test can see why. A table no kind
scores enough for stays ``unknown`` and is kept as a grid, with what the nearest kind lacked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from budgetlens.document import Document, Heading, Paragraph, Table
from budgetlens.layout.header import Header, find_header
from budgetlens.layout.roles import Role, normalise_label
from budgetlens.numbers import parse_number
from budgetlens.tables.kinds import KINDS, NOT_A_KIND, KindSpec, Scope
from budgetlens.textnorm import to_halfwidth

MIN_SCORE = 3.0  # a title alone (≥ 3.5 when specific) or a header with its roles
_HEADER_BASE = 2.0
_TYPICAL = 0.5
_AGAINST = 1.5
_KEY = 1.0
_SECTION = 2.0
_SCOPE = 1.0
_LABEL = 0.25
_AMOUNTS = 1.0
_IN_LABELS = 1.5  # a sheet whose points are printed in its labels ("投入（20分）")
_ALLOTMENT = re.compile(r"[(（]\s*\d[\d\s.]*分\s*[)）]")
_READ_HEADER = 4  # roles a header must name to speak against a kind whose roles it lacks
_CONTRADICTED = 3.0  # a statement's header names a label column and amounts; its cells hold them
_HEADER_ROWS = 40  # headers are looked for in the first rows only (a form's header repeats)

Source = Literal["title", "header", "key", "section", "scope", "label"]


@dataclass(frozen=True)
class Evidence:
    """One reason a kind scored: where it was seen, what it said, how much it counted."""

    source: Source
    text: str
    points: float
    role: str | None = None  # for a header cell, the role its label names
    row: int | None = None
    col: int | None = None


@dataclass(frozen=True)
class Classification:
    kind: str  # a code of the registry, or "unknown"
    score: float = 0.0
    by: str = "none"  # what decided it: "title", "header", "section" or "none"
    evidence: tuple[Evidence, ...] = ()
    nearest: str | None = None  # for an unknown table: the kind that came closest
    missing: tuple[str, ...] = ()  # the roles the nearest kind's header needs and lacks


@dataclass(frozen=True)
class TableContext:
    """What the document says around a table: the titles it may go by (its caption, the
    heading just above), the headings it sits under and the title of the report it is in."""

    titles: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    report: str = ""

    @classmethod
    def of(cls, table: Table, document: Document | None = None) -> TableContext:
        titles = [table.text] if table.text else []
        report = ""
        if document is not None:
            index = next(i for i, b in enumerate(document.blocks) if b is table)
            report = next(
                (
                    b.text
                    for b in reversed(document.blocks[:index])
                    if isinstance(b, Heading) and b.level == 0
                ),
                "",
            )
            for block in reversed(document.blocks[max(index - 3, 0) : index]):
                if isinstance(block, Table):
                    break
                if isinstance(block, Heading):
                    titles.append(block.text)
                    break
                if isinstance(block, Paragraph) and block.id in table.caption_ids:
                    titles.append(block.text)
        return cls(tuple(titles), tuple(table.section), report)


@dataclass
class _Reading:
    """What a table holds, read once and scored for every kind."""

    headers: list[Header]
    roles: frozenset[Role]
    keys: set[str]
    numbers: int
    labels: set[str] = field(default_factory=set)
    label_allotments: bool = False  # points printed in the labels, no 分值 column


def _headers(grid: list[list[str]]) -> list[Header]:
    found: list[Header] = []
    r = 0
    limit = min(len(grid), _HEADER_ROWS)
    while r < limit:
        header = find_header(grid, r, (), needed=2)
        if header is None or header.first_row >= limit:
            break
        found.append(header)
        r = header.last_row + 1
    return found


def _read(grid: list[list[str]]) -> _Reading:
    headers = _headers(grid)
    keys = {normalise_label(t) for row in grid[:_HEADER_ROWS] for t in row if t and len(t) <= 12}
    numbers = sum(1 for row in grid for t in row if t and parse_number(t) is not None)
    labels = {normalise_label(n.text) for h in headers for n in h.named}
    roles = frozenset(role for h in headers for role in h.columns)
    in_labels = sum(1 for row in grid for t in row if t and _ALLOTMENT.search(t))
    by_label = in_labels >= 2 and not roles & {Role.ALLOTTED, Role.WEIGHT}
    return _Reading(headers, roles, keys, numbers, labels, by_label)


_PROJECT_WORDS = re.compile(r"项目")
_DEPARTMENT_WORDS = re.compile(r"部门整体|整体支出|单位整体|部门决算|部门预算绩效")


def _scope(context: TableContext, keys: set[str]) -> tuple[Scope | None, str]:
    """Whose table it is, and the text that says so: its own key cells first, then its title,
    then the report it sits in."""
    if "项目名称" in keys:
        return "project", "项目名称"
    if keys & {"部门名称", "单位名称"}:
        return "department", "部门名称"
    for text in (*context.titles[:1], context.report):
        if _DEPARTMENT_WORDS.search(text):
            return "department", text
        if _PROJECT_WORDS.search(text):
            return "project", text
    return None, ""


def _score(
    spec: KindSpec, reading: _Reading, context: TableContext, scope: tuple[Scope | None, str]
) -> tuple[float, list[Evidence], tuple[str, ...]]:
    evidence: list[Evidence] = []
    titles = [to_halfwidth(t).replace(" ", "") for t in context.titles if t]
    best = max(
        ((w, t) for t in titles for p, w in spec.patterns if p.search(t)),
        default=None,
        key=lambda x: x[0],
    )
    if best is not None:
        evidence.append(Evidence("title", best[1], best[0]))
    missing = tuple(sorted(role.value for role in spec.required - reading.roles))
    if spec.any_of and not spec.any_of & reading.roles:
        missing += ("|".join(sorted(r.value for r in spec.any_of)),)
    if not missing and (spec.shape != "amounts" or reading.numbers >= 3):
        named = {n.role: n for h in reading.headers for n in h.named}
        if spec.required:
            base = _HEADER_BASE / len(spec.required)
            evidence += [_named(named, role, base) for role in sorted(spec.required)]
        else:
            evidence.append(Evidence("header", "roles of amounts", _HEADER_BASE))
        evidence += [_named(named, role, _TYPICAL) for role in sorted(spec.typical & reading.roles)]
        evidence += [_named(named, r, -_AGAINST) for r in sorted(spec.against & reading.roles)]
        if spec.shape == "amounts":
            evidence.append(Evidence("header", f"{reading.numbers} amount cells", _AMOUNTS))
    elif missing and len(reading.roles) >= _READ_HEADER:
        # a header was read and it is not this kind's: it speaks against the title
        evidence.append(Evidence("header", f"lacks {', '.join(missing)}", -_CONTRADICTED))
    evidence += [Evidence("key", key, _KEY) for key in spec.keys if key in reading.keys][:2]
    if spec.sections:
        near = [*context.section[-2:], *context.titles[1:]]
        hit = next((t for t in near for word in spec.sections if word in t), None)
        if hit:
            evidence.append(Evidence("section", hit, _SECTION))
    evidence += [Evidence("label", x, _LABEL) for x in spec.labels if x in reading.labels]
    if spec.shape == "score_items" and reading.label_allotments:
        points = _IN_LABELS if spec.label_allotments else -_IN_LABELS
        evidence.append(Evidence("header", "allotments printed in the labels", points))
    who, said = scope
    if spec.scope and who:
        evidence.append(Evidence("scope", said, _SCOPE if who == spec.scope else -_SCOPE))
    return sum(e.points for e in evidence), evidence, missing


def _named(named: dict, role: Role, points: float) -> Evidence:
    cell = named.get(role)
    if cell is None:
        return Evidence("header", role.value, points, role.value)
    return Evidence("header", cell.text, points, role.value, cell.row, cell.col)


def classify(table: Table, context: TableContext | None = None) -> Classification:
    context = context or TableContext.of(table)
    for title in context.titles[:1]:
        if NOT_A_KIND.match(title.replace(" ", "")):
            return Classification("unknown", by="title", evidence=(Evidence("title", title, 0),))
    reading = _read(table.grid())
    scope = _scope(context, reading.keys)
    scored = []
    for spec in KINDS.values():
        points, evidence, missing = _score(spec, reading, context, scope)
        scored.append((points, spec.code, evidence, missing))
    scored.sort(key=lambda x: -x[0])
    points, code, evidence, missing = scored[0]
    if points < MIN_SCORE:
        return Classification(
            "unknown", points, "none", tuple(evidence), nearest=code, missing=missing
        )
    sources: dict[str, float] = {}
    for e in evidence:
        sources[e.source] = sources.get(e.source, 0) + e.points
    by = max(("title", "header", "section"), key=lambda k: sources.get(k, 0))
    return Classification(code, round(points, 2), by, tuple(evidence))
