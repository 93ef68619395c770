"""The typed schema of ``schema.py``; a database of the unversioned SQLite schema is converted
in place: decimals from text to numbers, each finding's JSON evidence to evidence rows, and a
file row for each document.

Revision ID: 0001
"""

from __future__ import annotations

import json
from datetime import datetime

from alembic import op
from sqlalchemy import Connection, text

from budgetlens.batch import schema
from budgetlens.batch.migrate import unversioned
from budgetlens.batch.rows import evidence_row, number, place

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_LEGACY = ("runs", "documents", "tables", "indicators", "claims", "findings")


def upgrade() -> None:
    connection = op.get_bind()
    legacy = unversioned(connection)
    if legacy:
        for name in _LEGACY:
            op.rename_table(name, f"legacy_{name}")
        for index in ("tables_document", "indicators_document", "claims_document"):
            op.execute(f"DROP INDEX {index}")
        op.execute("DROP INDEX findings_document")
    schema.metadata.create_all(connection)
    for name, query in schema.VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {query}")
    if legacy:
        _convert(connection)
        for name in reversed(_LEGACY):
            op.drop_table(f"legacy_{name}")


def _rows(connection: Connection, name: str) -> list[dict]:
    return [
        dict(row) for row in connection.execute(text(f"SELECT * FROM legacy_{name}")).mappings()
    ]


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _insert(connection: Connection, name: str, rows: list[dict]) -> None:
    if rows:
        connection.execute(schema.metadata.tables[name].insert(), rows)


def _convert(connection: Connection) -> None:
    runs = _rows(connection, "runs")
    for run in runs:
        run |= {"engine": "local", "started_at": _time(run["started_at"])}
        run["finished_at"] = _time(run["finished_at"])
    _insert(connection, "runs", runs)
    documents = _rows(connection, "documents")
    for document in documents:
        document["checked_at"] = _time(document["checked_at"])
    _insert(connection, "documents", documents)
    _insert(
        connection,
        "files",
        [
            {
                "path": d["source"],
                "document_id": d["id"],
                "run_id": d["run_id"],
                "seen_at": d["checked_at"],
            }
            for d in documents
        ],
    )
    tables = _rows(connection, "tables")
    for table in tables:
        table["total_score_value"] = number(table["total_score"])
    _insert(connection, "tables", tables)
    _insert(connection, "indicators", _rows(connection, "indicators"))
    claims = _rows(connection, "claims")
    for claim in claims:
        claim["percent"] = bool(claim["percent"])
    _insert(connection, "claims", claims)
    findings, evidence = [], []
    for finding in _rows(connection, "findings"):
        items = json.loads(finding.pop("evidence") or "[]")
        findings.append(finding | place(finding | {"evidence": items}))
        evidence += [
            evidence_row(finding["finding"], n, item) | {"document_id": finding["document_id"]}
            for n, item in enumerate(items, 1)
        ]
    _insert(connection, "findings", findings)
    _insert(connection, "evidence", evidence)
