"""The results database: one row per document, and its tables, indicators, claims, findings.

SQLite in WAL mode, written by one process only (the batch's parent). Each document is one
transaction: its row and all its item rows commit together or not at all, so a run killed at
any moment (even ``kill -9``) leaves only whole documents, and a rerun carries on from there.
``synchronous=NORMAL`` keeps every commit across a killed process; only a power cut or an OS
crash could lose the last commits, which a rerun then redoes.

A document is known by the sha256 of its bytes: its row replaces any earlier row of the same
content (a failure retried, a result of an older pipeline), so the database holds one row per
distinct content. Exact decimals are stored as text, as printed or as computed, never as floats.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from budgetlens.errors import InputError

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,  -- NULL: the run was killed or is still going
    pipeline TEXT NOT NULL,
    workers INTEGER NOT NULL,
    done INTEGER, skipped INTEGER, failed INTEGER
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT UNIQUE,  -- NULL only for a file that could not be read at all
    source TEXT NOT NULL,
    bytes INTEGER,
    format TEXT,
    pipeline TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    error TEXT,  -- why it failed: one line
    traceback TEXT,  -- for a failure that is a budgetlens bug rather than bad input
    errors INTEGER, warnings INTEGER, notes INTEGER,  -- findings by severity
    checks_run INTEGER, checks_not_checked INTEGER,
    reader_warnings TEXT,
    report TEXT,  -- the reviewer's page (.html); the JSON result is beside it (.json)
    seconds REAL,
    run_id INTEGER REFERENCES runs (id),
    checked_at TEXT NOT NULL
);
CREATE TABLE tables (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT, project TEXT,
    page INTEGER, line_start INTEGER, line_end INTEGER,
    items INTEGER,  -- indicator or score rows read from it
    total_score TEXT,
    notes TEXT
);
CREATE TABLE indicators (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    table_kind TEXT NOT NULL,
    row INTEGER NOT NULL,
    item TEXT NOT NULL CHECK (item IN ('indicator', 'score_item')),
    level1 TEXT, level2 TEXT, level3 TEXT,
    comparator TEXT, target TEXT, target_value TEXT, unit TEXT,
    weight TEXT, weight_value TEXT, actual TEXT, actual_value TEXT,
    allotted TEXT, allotted_value TEXT, score TEXT, score_value TEXT,
    note TEXT,
    line INTEGER, page INTEGER
);
CREATE TABLE claims (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    type TEXT NOT NULL,
    subject TEXT,
    text TEXT NOT NULL, value TEXT NOT NULL, decimals INTEGER, unit TEXT, percent INTEGER,
    comparator TEXT, qualifier TEXT, direction TEXT, year INTEGER,
    claim_group TEXT, role TEXT, ref TEXT,
    block_id TEXT, span_start INTEGER, span_end INTEGER, line INTEGER, page INTEGER,
    section TEXT
);
CREATE TABLE findings (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    finding INTEGER NOT NULL,  -- its place in the document's list
    rule_id TEXT NOT NULL, rule_version INTEGER NOT NULL, family TEXT NOT NULL,
    severity TEXT NOT NULL, tier TEXT NOT NULL, message TEXT NOT NULL,
    stated TEXT, stated_lo TEXT, stated_hi TEXT,
    computed TEXT, computed_lo TEXT, computed_hi TEXT, difference TEXT,
    line INTEGER, page INTEGER,
    evidence TEXT  -- JSON: every number used, with its place
);
CREATE INDEX tables_document ON tables (document_id);
CREATE INDEX indicators_document ON indicators (document_id);
CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX findings_document ON findings (document_id);
"""

ITEM_TABLES = ("tables", "indicators", "claims", "findings")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (or create) a results database; anything else at ``path`` is an InputError."""
    if not create and not path.is_file():
        raise InputError(f"{path}: no such database")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)  # like check's --out
    try:
        db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        empty = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: not an SQLite database ({exc})") from exc
    if version != SCHEMA_VERSION and not (empty and create):
        raise InputError(f"{path}: not a budgetlens results database")
    if empty:
        db.execute("PRAGMA journal_mode = WAL")
        db.executescript(f"BEGIN; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    if not db.in_transaction:
        db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class Store:
    """The batch's writer: plans what to skip, records each document in one transaction."""

    def __init__(self, path: Path) -> None:
        self.db = connect(path)
        self._inserts = {
            table: _insert_statement(self.db, table) for table in ("documents", *ITEM_TABLES)
        }

    def done(self, pipeline: str) -> set[str]:
        """Hashes of documents already checked by this pipeline."""
        rows = self.db.execute(
            "SELECT sha256 FROM documents WHERE status = 'done' AND pipeline = ?", (pipeline,)
        )
        return {sha for (sha,) in rows}

    def start_run(self, pipeline: str, workers: int) -> int:
        with transaction(self.db):
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, pipeline, workers) VALUES (?, ?, ?)",
                (now(), pipeline, workers),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, done: int, skipped: int, failed: int) -> None:
        with transaction(self.db):
            self.db.execute(
                "UPDATE runs SET finished_at = ?, done = ?, skipped = ?, failed = ? WHERE id = ?",
                (now(), done, skipped, failed, run_id),
            )

    def record(self, document: dict, items: dict[str, list[dict]]) -> None:
        """One document and its item rows, replacing an earlier row of the same content (or an
        earlier failure of the same file), in one transaction."""
        with transaction(self.db):
            self.db.execute(
                "DELETE FROM documents WHERE sha256 = :sha256 "
                "OR (status = 'failed' AND source = :source)",
                document,
            )
            document_id = self.db.execute(self._inserts["documents"], document).lastrowid
            for table, rows in items.items():
                self.db.executemany(
                    self._inserts[table], ({**row, "document_id": document_id} for row in rows)
                )

    def close(self) -> None:
        self.db.close()


def _insert_statement(db: sqlite3.Connection, table: str) -> str:
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "id"]
    names = ", ".join(columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in columns)})"
