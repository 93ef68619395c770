"""Export a results database as tidy files: one row per document, file, table, indicator,
claim, finding or piece of evidence, each item row led by its document's id, source and
sha256.

CSV is written as UTF-8 with a byte-order mark, the only way Excel opens Chinese text in a CSV
correctly; pandas reads it too (``encoding="utf-8-sig"``). Rows are streamed in batches, so a
database of any size exports in flat memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from sqlalchemy import Boolean, Column, Float, Integer, Numeric, Result, select

from budgetlens.atomic import atomic_path
from budgetlens.batch import schema
from budgetlens.batch.store import open_database

What = Literal["documents", "files", "tables", "indicators", "claims", "findings", "evidence"]
Format = Literal["csv", "jsonl", "parquet"]
_BATCH = 10_000


def export(db: str | Path, what: What, fmt: Format, output: Path) -> int:
    """Write ``what`` of the database ``db`` (an SQLite file or a postgresql:// URL) to
    ``output``; the number of rows."""
    engine = open_database(db, create=False)
    try:
        with engine.connect() as connection:
            columns = _columns(what)
            query = _query(what, columns)
            result = connection.execution_options(stream_results=True).execute(query)
            names = [c.name for c in columns]
            kinds = [_kind(c) for c in columns]
            with atomic_path(output) as tmp:
                return _WRITERS[fmt](tmp, names, kinds, _batches(result))
    finally:
        engine.dispose()


def _columns(what: What) -> list[Column]:
    """Item rows are led by their document's id, source and sha256."""
    table = schema.metadata.tables[what]
    if what == "documents":
        return list(table.columns)
    d = schema.documents
    own = [c for c in table.columns if c.name != "document_id"]
    return [table.c.document_id, d.c.source, d.c.sha256, *own]


def _query(what: What, columns: list[Column]):  # type: ignore[no-untyped-def]
    table = schema.metadata.tables[what]
    if what == "documents":
        return select(*columns).order_by(table.c.source)
    join = table.join(schema.documents, schema.documents.c.id == table.c.document_id)
    return (
        select(*columns).select_from(join).order_by(schema.documents.c.source, *table.primary_key)
    )


def _kind(column: Column) -> str:
    """What a value of the column is written as: integer, number, boolean or text."""
    if isinstance(column.type, Boolean):
        return "boolean"
    if isinstance(column.type, Integer):
        return "integer"
    if isinstance(column.type, Float | Numeric | schema.Number):
        return "number"
    return "text"


def _plain(value: object) -> object:
    """PostgreSQL's Decimals as SQLite's floats; times as ISO 8601 text."""
    if isinstance(value, Decimal):
        return float(value)
    return value.isoformat() if isinstance(value, datetime) else value


def _batches(result: Result) -> Iterator[list[tuple]]:
    while rows := result.fetchmany(_BATCH):
        yield [tuple(_plain(v) for v in row) for row in rows]


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

    kinds = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
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
