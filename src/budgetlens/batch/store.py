"""The results database, SQLite or PostgreSQL, through one SQLAlchemy Core schema.

One writer (the batch's driver) records each document in one transaction: its row, all its
item rows and its files commit together or not at all, so a run killed at any moment (even by
``kill -9``) leaves only whole documents, and a rerun carries on from there. Writes are
idempotent: a document is known by the sha256 of its bytes, and recording it again (a rerun,
a retried task, a newer pipeline) updates its row in place and replaces its items, never
adding a second copy. Every input file keeps a row in ``files``, pointing at the document of
its content, so a file whose bytes duplicate another's is an alias of the first.

SQLite runs in WAL mode with ``synchronous=NORMAL``: every commit survives a killed process;
only a power cut or an OS crash could lose the last commits, which a rerun then redoes.
Opening a database upgrades its schema to this version's (``migrate``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, delete, event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.sql.dml import Insert

from budgetlens.batch import schema
from budgetlens.batch.migrate import migrate
from budgetlens.errors import InputError


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def database_url(db: str | Path) -> URL:
    """A ``postgresql://`` URL (run on psycopg 3) or the path of an SQLite file."""
    text = str(db)
    if "://" not in text:
        return URL.create("sqlite", database=text)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise InputError(f"{text}: not a database URL") from exc
    if url.get_backend_name() != "postgresql":
        raise InputError(f"{text}: a database is an SQLite file or a postgresql:// URL")
    return url.set(drivername="postgresql+psycopg")


def beside(db: str | Path, suffix: str) -> Path:
    """``<db name><suffix>`` beside an SQLite database, or in the current folder for a
    server's (where the database is ``name`` of ``postgresql://host/name``)."""
    url = database_url(db)
    name = Path(url.database or "results")
    return (name.parent if url.drivername == "sqlite" else Path()) / f"{name.stem}{suffix}"


def shown(url: URL) -> str:
    """The URL as a message may show it: no password."""
    if url.drivername == "sqlite":
        return url.database or ""
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def open_database(db: str | Path, create: bool = True) -> Engine:
    """An engine on the results database at ``db``, its schema created or upgraded; anything
    else there (another SQLite file, an unreachable server) is an InputError."""
    url = database_url(db)
    if url.drivername == "sqlite":
        path = Path(url.database or "")
        if not create and not path.is_file():
            raise InputError(f"{path}: no such database")
        path.parent.mkdir(parents=True, exist_ok=True)  # like check's --out
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_settings)
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    else:
        engine = create_engine(url, pool_pre_ping=True)
    try:
        migrate(engine, create)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise InputError(f"{shown(url)}: cannot use this database ({reason})") from exc
    except InputError as exc:
        engine.dispose()
        raise InputError(f"{shown(url)}: {exc}") from exc
    return engine


def _sqlite_settings(connection: object, _: object) -> None:
    """Transactions are SQLAlchemy's (``BEGIN`` on its begin event), foreign keys enforced."""
    connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = connection.cursor()  # type: ignore[attr-defined]
    for pragma in ("busy_timeout = 10000", "foreign_keys = ON", "synchronous = NORMAL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


@dataclass(frozen=True)
class Stored:
    """A document already in the database: its id and its findings by severity."""

    id: int
    errors: int
    warnings: int
    notes: int


class Store:
    """The batch's writer: plans what to skip, records each document in one transaction."""

    def __init__(self, db: str | Path) -> None:
        self.engine = open_database(db)
        self.url = shown(self.engine.url)

    def done(self, pipeline: str) -> dict[str, Stored]:
        """Documents already checked by this pipeline, by content hash."""
        d = schema.documents
        query = select(d.c.sha256, d.c.id, d.c.errors, d.c.warnings, d.c.notes).where(
            d.c.status == "done", d.c.pipeline == pipeline
        )
        with self.engine.connect() as connection:
            return {sha: Stored(*rest) for sha, *rest in connection.execute(query)}

    def start_run(self, pipeline: str, engine: str, workers: int) -> int:
        runs = schema.runs
        with self.engine.begin() as connection:
            return connection.execute(
                runs.insert().returning(runs.c.id),
                {"started_at": now(), "pipeline": pipeline, "engine": engine, "workers": workers},
            ).scalar_one()

    def finish_run(self, run_id: int, done: int, skipped: int, failed: int) -> None:
        runs = schema.runs
        with self.engine.begin() as connection:
            connection.execute(
                update(runs).where(runs.c.id == run_id),
                {"finished_at": now(), "done": done, "skipped": skipped, "failed": failed},
            )

    def record(self, document: dict, items: dict[str, list[dict]], paths: list[str]) -> None:
        """A document (its row replacing any earlier row of the same content), its item rows
        and the files that hold it, in one transaction."""
        with self.engine.begin() as connection:
            document_id = self._document(connection, document)
            for name in reversed(schema.ITEM_TABLES):  # children before parents
                table = schema.metadata.tables[name]
                connection.execute(delete(table).where(table.c.document_id == document_id))
            for name in schema.ITEM_TABLES:
                if rows := items.get(name):
                    connection.execute(
                        schema.metadata.tables[name].insert(),
                        [{**row, "document_id": document_id} for row in rows],
                    )
            self._files(connection, document_id, paths, document["run_id"])

    def alias(self, document_id: int, paths: Iterable[str], run_id: int) -> None:
        """Files whose content is already stored: each keeps its row, naming that document."""
        with self.engine.begin() as connection:
            self._files(connection, document_id, list(paths), run_id)

    def _document(self, connection: Connection, document: dict) -> int:
        d = schema.documents
        if document["sha256"] is None:  # unreadable: known by its path alone
            connection.execute(
                delete(d).where(d.c.sha256.is_(None), d.c.source == document["source"])
            )
            return connection.execute(d.insert().returning(d.c.id), document).scalar_one()
        changed = {key: value for key, value in document.items() if key != "source"}
        insert = self._insert(d).values(document)
        upsert = insert.on_conflict_do_update(index_elements=[d.c.sha256], set_=changed)
        return connection.execute(upsert.returning(d.c.id)).scalar_one()

    def _files(self, connection: Connection, document_id: int, paths: list[str], run: int) -> None:
        f, d = schema.files, schema.documents
        if not paths:
            return
        rows = [
            {"path": p, "document_id": document_id, "run_id": run, "seen_at": now()} for p in paths
        ]
        insert = self._insert(f)
        connection.execute(
            insert.on_conflict_do_update(
                index_elements=[f.c.path],
                set_={c: insert.excluded[c] for c in ("document_id", "run_id", "seen_at")},
            ),
            rows,
        )
        # a failure no file names any more (the file was fixed) is gone
        connection.execute(
            delete(d).where(
                d.c.status == "failed",
                ~select(f.c.path).where(f.c.document_id == d.c.id).exists(),
            )
        )

    def _insert(self, table: Table) -> Insert:
        dialect = sqlite if self.engine.dialect.name == "sqlite" else postgresql
        return dialect.insert(table)

    def close(self) -> None:
        self.engine.dispose()
