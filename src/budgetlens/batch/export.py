"""Export a results database as tidy files: one row per document, table, indicator, claim or
finding, each item row led by its document's id, source and sha256.

CSV is written as UTF-8 with a byte-order mark, the only way Excel opens Chinese text in a CSV
correctly; pandas reads it too (``encoding="utf-8-sig"``). Rows are streamed in batches, so a
database of any size exports in flat memory.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from budgetlens.atomic import atomic_path
from budgetlens.batch.store import connect

What = Literal["documents", "tables", "indicators", "claims", "findings"]
Format = Literal["csv", "jsonl", "parquet"]
_BATCH = 10_000


def export(db_path: Path, what: What, fmt: Format, output: Path) -> int:
    """Write ``what`` of the database at ``db_path`` to ``output``; the number of rows."""
    db = connect(db_path, create=False)
    try:
        columns, types, cursor = _query(db, what)
        with atomic_path(output) as tmp:
            return _WRITERS[fmt](tmp, columns, types, _batches(cursor))
    finally:
        db.close()


def _query(db: sqlite3.Connection, what: What) -> tuple[list[str], list[str], sqlite3.Cursor]:
    """The rows of ``what`` with their column names and declared SQLite types."""
    info = [(r[1], r[2]) for r in db.execute(f"PRAGMA table_info({what})")]
    if what == "documents":
        sql = "SELECT * FROM documents ORDER BY source"
        columns = info
    else:
        own = [(name, kind) for name, kind in info if name != "document_id"]
        sql = (
            "SELECT d.id, d.source, d.sha256, "
            + ", ".join(f"t.{name}" for name, _ in own)
            + f" FROM {what} t JOIN documents d ON d.id = t.document_id"
            + " ORDER BY d.source, t.rowid"
        )
        columns = [("document_id", "INTEGER"), ("source", "TEXT"), ("sha256", "TEXT"), *own]
    return [c for c, _ in columns], [t for _, t in columns], db.execute(sql)


def _batches(cursor: sqlite3.Cursor) -> Iterator[list[tuple]]:
    while rows := cursor.fetchmany(_BATCH):
        yield rows


def _csv(path: Path, columns: list[str], _: list[str], batches: Iterator[list[tuple]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for rows in batches:
            writer.writerows(rows)
            count += len(rows)
    return count


def _jsonl(path: Path, columns: list[str], _: list[str], batches: Iterator[list[tuple]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for rows in batches:
            for row in rows:
                handle.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
                handle.write("\n")
            count += len(rows)
    return count


def _parquet(
    path: Path, columns: list[str], types: list[str], batches: Iterator[list[tuple]]
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema(
        [(c, kinds.get(t, pa.string())) for c, t in zip(columns, types, strict=True)]
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in batches:
            values = zip(*rows, strict=True)  # row tuples to columns
            arrays = [pa.array(v, f.type) for v, f in zip(values, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(rows)
    return count


_WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}
