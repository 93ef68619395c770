"""The results database's schema: one SQLAlchemy Core definition for SQLite and PostgreSQL.

Every printed value keeps its text (``target``: "≥95%") beside its number (``target_value``:
95), so a comparison is numeric: NUMERIC (exact) in PostgreSQL, REAL in SQLite, which has no
exact decimal type. Each item table's primary key is its natural one (the document and the
item's id or place in it), so that a rerun or a retried task rewrites rows rather than adding
them. The data dictionary is ``docs/batch-database.md``; ``VIEWS`` answer the usual questions.

A change here needs a migration in ``migrations/versions/`` that makes it on an existing
database; revision 0001 builds these tables with ``create_all``, so that change must also
freeze 0001's own copy of the definitions it replaces.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine


class Number(TypeDecorator):
    """An exact decimal given as text ("12.50"): NUMERIC in PostgreSQL (read back as a
    Decimal), REAL in SQLite (read back as a float)."""

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Float())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: object, dialect: Dialect) -> Decimal | float | None:
        if value is None:
            return None
        number = Decimal(str(value))
        return float(number) if dialect.name == "sqlite" else number


metadata = MetaData()
_CASCADE = {"ondelete": "CASCADE"}


def _document_id() -> Column:
    return Column("document_id", ForeignKey("documents.id", **_CASCADE), primary_key=True)


def _printed(*names: str) -> list[Column]:
    """For each name, its printed text and its number (``<name>_value``)."""
    return [c for n in names for c in (Column(n, Text), Column(f"{n}_value", Number))]


runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),  # NULL: killed, or still going
    Column("pipeline", Text, nullable=False),
    Column("engine", String(16), nullable=False),
    Column("workers", Integer, nullable=False),
    Column("done", Integer),
    Column("skipped", Integer),
    Column("failed", Integer),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), unique=True),  # NULL only for a file that could not be read
    Column("source", Text, nullable=False),  # the first file with this content
    Column("bytes", BigInteger),
    Column("format", Text),
    Column("pipeline", Text, nullable=False),
    Column("status", String(8), CheckConstraint("status IN ('done', 'failed')"), nullable=False),
    Column("error", Text),
    Column("traceback", Text),
    Column("errors", Integer),
    Column("warnings", Integer),
    Column("notes", Integer),
    Column("checks_run", Integer),
    Column("checks_not_checked", Integer),
    Column("reader_warnings", Text),
    Column("report", Text),
    Column("seconds", Float),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL")),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

files = Table(
    "files",
    metadata,
    Column("path", Text, primary_key=True),
    Column("document_id", ForeignKey("documents.id", **_CASCADE), nullable=False, index=True),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL")),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

tables = Table(
    "tables",
    metadata,
    _document_id(),
    Column("table_id", String(32), primary_key=True),
    Column("kind", Text, nullable=False),
    Column("title", Text),
    Column("project", Text),
    Column("page", Integer),
    Column("line_start", Integer),
    Column("line_end", Integer),
    Column("items", Integer),
    *_printed("total_score"),
    Column("notes", Text),
)

indicators = Table(
    "indicators",
    metadata,
    _document_id(),
    Column("table_id", String(32), primary_key=True),
    Column(
        "item", String(16), CheckConstraint("item IN ('indicator', 'score_item')"), primary_key=True
    ),
    Column("row", Integer, primary_key=True),
    Column("table_kind", Text, nullable=False),
    Column("level1", Text),
    Column("level2", Text),
    Column("level3", Text),
    Column("comparator", String(16)),
    Column("unit", Text),
    *_printed("target", "weight", "actual", "allotted", "score"),
    Column("note", Text),
    Column("line", Integer),
    Column("page", Integer),
    ForeignKeyConstraint(
        ["document_id", "table_id"], ["tables.document_id", "tables.table_id"], **_CASCADE
    ),
)

claims = Table(
    "claims",
    metadata,
    _document_id(),
    Column("claim_id", String(32), primary_key=True),
    Column("type", Text, nullable=False),
    Column("subject", Text),
    Column("text", Text, nullable=False),  # the quantity as printed
    Column("value", Number, nullable=False),
    Column("decimals", Integer),
    Column("unit", Text),
    Column("percent", Boolean),
    Column("comparator", String(16)),
    Column("qualifier", Text),
    Column("direction", Text),
    Column("year", Integer),
    Column("claim_group", Text),
    Column("role", Text),
    Column("ref", Text),
    Column("block_id", String(32)),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("line", Integer),
    Column("page", Integer),
    Column("section", Text),
)


# A finding's place: line and page where the reader knows them (text exports, PDFs), and for
# every format the block or table cell of its first located evidence (a .docx has no lines).
def _place() -> list[Column]:
    return [
        Column("line", Integer),
        Column("page", Integer),
        Column("block_id", String(32)),
        Column("table_id", String(32)),
        Column("row", Integer),
        Column("col", Integer),
    ]


findings = Table(
    "findings",
    metadata,
    _document_id(),
    Column("finding", Integer, primary_key=True),  # its place in the document's list
    Column("rule_id", Text, nullable=False),
    Column("rule_version", Integer, nullable=False),
    Column("family", Text, nullable=False),
    Column("severity", String(8), nullable=False),
    Column("tier", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("fingerprint", String(32)),
    Column("stated", Text),
    Column("stated_lo", Number),
    Column("stated_hi", Number),
    Column("computed", Text),
    Column("computed_lo", Number),
    Column("computed_hi", Number),
    Column("difference", Number),
    *_place(),
)

evidence = Table(
    "evidence",
    metadata,
    _document_id(),
    Column("finding", Integer, primary_key=True),
    Column("n", Integer, primary_key=True),  # its place in the finding's evidence
    Column("role", Text, nullable=False),
    Column("text", Text),
    *_place(),
    Column("span_start", Integer),
    Column("span_end", Integer),
    ForeignKeyConstraint(
        ["document_id", "finding"], ["findings.document_id", "findings.finding"], **_CASCADE
    ),
)

ITEM_TABLES = ("tables", "indicators", "claims", "findings", "evidence")  # in insert order

# Whether an indicator's actual value falls short of its target, by its comparator.
_SHORT = """CASE i.comparator
    WHEN '>=' THEN i.actual_value < i.target_value
    WHEN '>' THEN i.actual_value <= i.target_value
    WHEN '<=' THEN i.actual_value > i.target_value
    WHEN '<' THEN i.actual_value >= i.target_value
    WHEN '=' THEN i.actual_value <> i.target_value
END"""

VIEWS = {
    "all_errors": """
SELECT d.source, d.sha256, f.document_id, f.finding, f.rule_id, f.family, f.tier, f.message,
       f.stated, f.computed, f.difference, f.line, f.page, f.block_id, f.table_id, f.row, f.col
FROM findings f JOIN documents d ON d.id = f.document_id
WHERE f.severity = 'error'""",
    "indicator_shortfalls": f"""
SELECT d.source, d.sha256, i.document_id, i.table_id, i.row, i.level1, i.level2, i.level3,
       i.comparator, i.target, i.target_value, i.actual, i.actual_value, i.unit,
       i.actual_value - i.target_value AS gap, i.line, i.page
FROM indicators i JOIN documents d ON d.id = i.document_id
WHERE i.item = 'indicator' AND i.actual_value IS NOT NULL AND i.target_value IS NOT NULL
  AND {_SHORT}""",
    # A score sheet's printed total against the sum of its items' scores (a hundredth of a
    # point allowed, for SQLite's binary floats).
    "score_total_disagreements": """
SELECT d.source, d.sha256, t.document_id, t.table_id, t.title, t.total_score,
       t.total_score_value, s.items_sum, s.items
FROM tables t
JOIN (SELECT document_id, table_id, SUM(score_value) AS items_sum, COUNT(*) AS items
      FROM indicators WHERE score_value IS NOT NULL GROUP BY document_id, table_id) s
  ON s.document_id = t.document_id AND s.table_id = t.table_id
JOIN documents d ON d.id = t.document_id
WHERE t.total_score_value IS NOT NULL AND ABS(s.items_sum - t.total_score_value) > 0.005""",
}
