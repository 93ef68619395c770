"""The reviewer's report: one self-contained HTML page per checked document.

The page shows how the document was read, the coverage ledger and the counts by severity, then
the document in order with every finding's evidence highlighted in place (stated values and
operands in two colours, table cells in their grid), beside a findings panel grouped by
severity and rule where each value is named by its source and a reviewer confirms, dismisses
or comments a finding. Its labels are in one language (``labels.py``). CSS and script are
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

from budgetlens.checks.catalog import FAMILIES, describe
from budgetlens.checks.coverage import unread_tables
from budgetlens.checks.findings import Finding
from budgetlens.document import Cell, Heading, Paragraph, Table
from budgetlens.pipeline import CheckResult
from budgetlens.report.highlights import Highlights, Marks, Run, locate, runs
from budgetlens.report.labels import LABELS, Lang
from budgetlens.report.sources import place, printed_interval, source_of

SEVERITIES = ("error", "warning", "info")
_MODEL_FAILED = ("not_reached", "invalid", "error")  # a model's answer that was not used


@dataclass
class EvidenceView:
    role: str
    text: str
    source: str  # "正文 第57行", "表 t2 行20 列9 第303行"
    interval: tuple[Decimal, Decimal] | None  # what its printed digits stand for


@dataclass
class FindingView:
    key: str  # the id the page links by: "f1", "f2" … in the result's order
    number: int
    finding: Finding
    where: str
    evidence: list[EvidenceView]
    located: bool  # some evidence is highlighted in the document
    table: str  # for a rounding note: the table it is grouped under
    explanation: str  # what its rule checks


@dataclass
class Group:
    label: str
    findings: list[FindingView]


@dataclass
class SeverityGroup:
    severity: str
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


@dataclass
class ModelView:
    """How the document was read: by the rules alone, or with a model, and what failed."""

    reading: str
    failure: str  # empty when every question sent to the model was answered
    errors: list[str]  # the distinct reasons given


def to_html(result: CheckResult, lang: Lang = "zh") -> str:
    """The reviewer's page for one checked document, as a complete HTML text, its labels in
    ``lang`` (the findings' messages stay as the checks wrote them)."""
    t = LABELS[lang]
    keyed = {f"f{i}": finding for i, finding in enumerate(result.findings, 1)}
    placed = locate(result.document, keyed)
    titles = {table.id: table.text for table in result.document.tables}
    views = [
        _finding_view(key, n, f, placed, titles, t, lang)
        for n, (key, f) in enumerate(keyed.items(), 1)
    ]
    numbers = {v.key: v.number for v in views}
    named = {v.key: f"#{v.number} {v.finding.rule_id}" for v in views}

    def hover(marks: Marks) -> str:
        """A highlight's title: each finding it belongs to and the role it plays there."""
        roles = (f"{named[m.finding]} · {t['role_' + m.role]}" for m in marks.items)
        return "\n".join(dict.fromkeys(roles))

    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    document = result.document
    title = next((b.text for b in document.blocks if isinstance(b, Heading) and b.level == 0), "")
    return _template().render(
        t=t,
        title=title or Path(document.source).name,
        document=document,
        source_name=Path(document.source).name,
        version=version("budgetlens"),
        severities=SEVERITIES,
        counts={s: sum(f.severity == s for f in result.findings) for s in SEVERITIES},
        totals=result.ledger.totals(),
        model=_model_view(result, t),
        unread=unread_tables(document, result.extraction),
        ledger=sorted(
            result.ledger.families.items(),
            key=lambda kv: list(FAMILIES.values()).index(kv[0]),  # the ledger's rows in order
        ),
        groups=_groups(views),
        rules=sorted({f.rule_id for f in result.findings}),
        blocks=[_block_view(b, placed, numbers, t) for b in document.blocks],
        hover=hover,
        flag_titles={v.key: f"{named[v.key]}：{v.finding.message}" for v in views},
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


def _finding_view(
    key: str,
    number: int,
    finding: Finding,
    placed: Highlights,
    titles: dict[str, str],
    t: dict[str, str],
    lang: Lang,
) -> FindingView:
    table = next((e.location.table_id for e in finding.evidence if e.location.table_id), None)
    return FindingView(
        key=key,
        number=number,
        finding=finding,
        where=source_of(finding.evidence[0].location, t) if finding.evidence else "",
        evidence=[
            EvidenceView(e.role, e.text, source_of(e.location, t), printed_interval(e.text))
            for e in finding.evidence
        ],
        located=key in placed.located,
        table=f"{table} {titles.get(table, '')}".strip() if table else t["prose"],
        explanation=describe(finding.rule_id, lang),
    )


def _groups(views: list[FindingView]) -> list[SeverityGroup]:
    groups = []
    for severity in SEVERITIES:
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
                [Group(k, v) for k, v in sorted(rules.items())],
                [Group(k, v) for k, v in tables.items()],
            )
        )
    return groups


def _model_view(result: CheckResult, t: dict[str, str]) -> ModelView:
    totals = result.extraction.llm
    if totals is None:
        return ModelView(t["offline"], "", [])
    paragraphs = result.llm_paragraphs
    uses = [table.llm for table in result.extraction.tables if table.llm] + list(paragraphs)
    sent = t["llm_use"].format(tables=totals.tables_sent, paragraphs=totals.paragraphs_sent)
    failed_paragraphs = sum(u.status in _MODEL_FAILED for u in paragraphs)
    failure = (
        t["llm_failed"].format(tables=totals.tables_kept_rules, paragraphs=failed_paragraphs)
        if totals.tables_kept_rules or failed_paragraphs
        else ""
    )
    return ModelView(
        f"{result.extraction.backend} · {totals.model} · {sent}",
        failure,
        list(dict.fromkeys(u.error for u in uses if u.error)),
    )


_PLAIN = Marks()  # shared by the cells no evidence covers: most of them


def _block_view(
    block: Heading | Paragraph | Table,
    placed: Highlights,
    numbers: dict[str, int],
    t: dict[str, str],
) -> BlockView:
    where = place(block.location.line_start, block.location.page, t) or block.id
    margin = {(m.finding, numbers[m.finding], m.severity) for m in placed.margin.get(block.id, [])}
    rows: list[list[CellView]] = []
    if isinstance(block, Table):
        rows = [[] for _ in range(block.n_rows)]
        for cell in sorted(block.cells, key=lambda c: (c.row, c.col)):
            at = (block.id, cell.row, cell.col)
            marks = placed.cell_text.get(at)
            spans = runs(cell.text, marks) if marks else []  # most cells are plain text
            whole = placed.cells.get(at)
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
