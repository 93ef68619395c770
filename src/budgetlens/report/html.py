"""The reviewer's report: one self-contained HTML page per checked document.

The page shows the coverage ledger and the counts by severity, then the document in order with
every finding's evidence highlighted in place (stated values and operands in two colours, table
cells in their grid), beside a findings panel grouped by severity and rule. CSS and script are
inlined and a Content-Security-Policy forbids any fetch, so the file works offline and alone.

Every string from the document or the findings reaches the page through Jinja's autoescaping;
the page builds no markup from text any other way.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from budgetlens.checks.catalog import FAMILIES
from budgetlens.checks.coverage import unread_tables
from budgetlens.checks.findings import EvidenceLocation, Finding
from budgetlens.document import Cell, Heading, Paragraph, Table
from budgetlens.pipeline import CheckResult
from budgetlens.report.highlights import Highlights, Marks, Run, locate, runs

SEVERITIES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
TIERS = {
    "mismatch": "mismatch",
    "suspect_rounding": "suspect rounding",
    "rounding": "within rounding",
    "undefined": "undefined ratio",
    "not_checked": "not checked",
}


@dataclass
class EvidenceView:
    role: str
    text: str
    where: str


@dataclass
class FindingView:
    key: str  # the id the page links by: "f1", "f2" … in the result's order
    number: int
    finding: Finding
    where: str
    evidence: list[EvidenceView]
    located: bool  # some evidence is highlighted in the document
    table: str  # for a rounding note: the table it is grouped under

    @property
    def tier(self) -> str:
        return TIERS[self.finding.tier]


@dataclass
class Group:
    label: str
    findings: list[FindingView]


@dataclass
class SeverityGroup:
    severity: str
    label: str
    rules: list[Group]
    rounding: list[Group]  # rounding notes, collapsed per table

    @property
    def count(self) -> int:
        return sum(len(g.findings) for g in self.rules + self.rounding)


@dataclass
class CellView:
    cell: Cell
    runs: list[Run]  # only when evidence is a span of the cell's text
    marks: Marks  # evidence that is the whole cell


@dataclass
class BlockView:
    kind: str
    id: str
    where: str
    level: int
    runs: list[Run]  # a heading's or paragraph's text; a table's title
    rows: list[list[CellView]]
    whole: Marks  # evidence that is the whole block
    margin: list[tuple[str, int, str]]  # (finding key, number, severity) pointing here


def to_html(result: CheckResult) -> str:
    """The reviewer's page for one checked document, as a complete HTML text."""
    keyed = {f"f{i}": finding for i, finding in enumerate(result.findings, 1)}
    placed = locate(result.document, keyed)
    titles = {t.id: t.text for t in result.document.tables}
    views = [
        _finding_view(key, n, f, placed, titles) for n, (key, f) in enumerate(keyed.items(), 1)
    ]
    numbers = {v.key: v.number for v in views}
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    document = result.document
    title = next((b.text for b in document.blocks if isinstance(b, Heading) and b.level == 0), "")
    return _template().render(
        title=title or Path(document.source).name,
        document=document,
        version=version("budgetlens"),
        severities=SEVERITIES,
        counts={s: sum(f.severity == s for f in result.findings) for s in SEVERITIES},
        totals=result.ledger.totals(),
        unread=unread_tables(document, result.extraction),
        ledger=sorted(
            result.ledger.families.items(),
            key=lambda kv: list(FAMILIES.values()).index(kv[0]),  # the ledger's rows in order
        ),
        groups=_groups(views),
        rules=sorted({f.rule_id for f in result.findings}),
        blocks=[_block_view(b, placed, numbers) for b in document.blocks],
        css=Markup(_asset("report.css")),
        script=Markup(script),
        script_hash=f"sha256-{digest}",
    )


@cache
def _template() -> Template:
    env = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["short"] = _short
    return env.from_string(_asset("report.html.j2"))


@cache
def _asset(name: str) -> str:
    return files("budgetlens.report").joinpath("assets", name).read_text(encoding="utf-8")


def _where(loc: EvidenceLocation) -> str:
    if loc.table_id and loc.row is not None:
        place = f"{loc.table_id} r{loc.row} c{loc.col}"
    else:
        place = loc.block_id or loc.table_id or ""
    line = f"L{loc.line}" if loc.line else f"page {loc.page}" if loc.page else ""
    return " · ".join(p for p in (line, place) if p)


def _finding_view(
    key: str, number: int, finding: Finding, placed: Highlights, titles: dict[str, str]
) -> FindingView:
    table = next((e.location.table_id for e in finding.evidence if e.location.table_id), None)
    return FindingView(
        key=key,
        number=number,
        finding=finding,
        where=_where(finding.evidence[0].location) if finding.evidence else "",
        evidence=[EvidenceView(e.role, e.text, _where(e.location)) for e in finding.evidence],
        located=key in placed.located,
        table=f"{table} {titles.get(table, '')}".strip() if table else "正文 (prose)",
    )


def _groups(views: list[FindingView]) -> list[SeverityGroup]:
    groups = []
    for severity, label in SEVERITIES.items():
        rules: dict[str, list[FindingView]] = {}
        tables: dict[str, list[FindingView]] = {}
        for view in views:
            if view.finding.severity != severity:
                continue
            if view.finding.tier == "rounding":
                tables.setdefault(view.table, []).append(view)
            else:
                rules.setdefault(view.finding.rule_id, []).append(view)
        groups.append(
            SeverityGroup(
                severity,
                label,
                [Group(k, v) for k, v in sorted(rules.items())],
                [Group(k, v) for k, v in tables.items()],
            )
        )
    return groups


_PLAIN = Marks()  # shared by the cells no evidence covers: most of them


def _block_view(
    block: Heading | Paragraph | Table, placed: Highlights, numbers: dict[str, int]
) -> BlockView:
    loc = block.location
    where = f"L{loc.line_start}" if loc.line_start else f"page {loc.page}" if loc.page else block.id
    margin = {(m.finding, numbers[m.finding], m.severity) for m in placed.margin.get(block.id, [])}
    rows: list[list[CellView]] = []
    if isinstance(block, Table):
        rows = [[] for _ in range(block.n_rows)]
        for cell in sorted(block.cells, key=lambda c: (c.row, c.col)):
            place = (block.id, cell.row, cell.col)
            marks = placed.cell_text.get(place)
            spans = runs(cell.text, marks) if marks else []  # most cells are plain text
            whole = placed.cells.get(place)
            rows[cell.row].append(CellView(cell, spans, Marks(tuple(whole)) if whole else _PLAIN))
    return BlockView(
        kind=block.kind,
        id=block.id,
        where=where,
        level=block.level if isinstance(block, Heading) else 0,
        runs=runs(block.text, placed.text.get(block.id, [])),
        rows=rows,
        whole=Marks(tuple(placed.whole.get(block.id, []))),
        margin=sorted(margin, key=lambda x: x[1]),
    )


def _short(value: Decimal) -> str:
    """An interval bound for display: at most six decimals (the JSON keeps the exact value)."""
    return format(value.quantize(Decimal("0.000001")).normalize(), "f")
