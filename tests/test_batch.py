"""`budgetlens batch` and `export`: discovery, failures recorded, resuming after kill -9,
a crashed worker isolated, the index page, tidy exports."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from budgetlens.batch import Batch, export, run, schema
from budgetlens.batch.discover import discover
from budgetlens.batch.store import database_url, now
from budgetlens.batch.work import Job, check_one
from budgetlens.cli import cli
from budgetlens.errors import InputError

from .conftest import SAMPLES, SEEDS

BUDGETLENS = Path(sys.executable).with_name("budgetlens")


def copies(folder: Path, seed: Path, n: int) -> list[Path]:
    """``n`` copies of a seed with distinct bytes (and so distinct hashes)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = seed.read_text(encoding="utf-8")
    paths = [folder / f"copy{i:03}.txt" for i in range(n)]
    for i, path in enumerate(paths):
        path.write_text(text + "\n" * (i + 1), encoding="utf-8")
    return paths


@pytest.fixture
def mixed(tmp_path) -> Path:
    """Two seeds; in a subfolder, a file of the same name as one and one with dots in its
    name; and three files that are not reports."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("000", "004"):
        shutil.copy(SEEDS[name], folder)
    for n, name in enumerate((SEEDS["000"].name, "report.v2.txt"), 1):
        (folder / "sub" / name).write_text(
            SEEDS["000"].read_text(encoding="utf-8") + "\n" * n, encoding="utf-8"
        )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.docx").write_bytes(SAMPLES["000"].read_bytes()[:3000])
    (folder / "<img src=x onerror=alert(1)>.md").write_text("an English note", encoding="utf-8")
    return folder


def test_discover_takes_folders_globs_and_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    names = ("a/x.docx", "a/b/y.txt", "a/s.png", "a/z.xls", "a/~$x.docx", ".hidden/h.txt", "w.pdf")
    for name in names:
        (tmp_path / name).write_text("x")
    reports = tmp_path / "a" / "reports"
    reports.mkdir()
    (reports / "index.html").write_text("x")
    found = discover([tmp_path / "a"], exclude=reports)
    assert found == [tmp_path / "a" / p for p in ("b/y.txt", "s.png", "x.docx")]
    assert discover([f"{tmp_path}/**/*.txt"]) == [tmp_path / "a" / "b" / "y.txt"]
    assert discover([tmp_path / "a" / "z.xls"]) == [tmp_path / "a" / "z.xls"]  # named: taken
    with pytest.raises(InputError, match="no such file or folder"):
        discover([tmp_path / "missing"])
    with pytest.raises(InputError, match="matches no file"):
        discover([f"{tmp_path}/*.md"])


def test_failed_documents_are_recorded_and_the_run_goes_on(tmp_path, mixed):
    db = tmp_path / "r.sqlite"
    with Batch([mixed], db, workers=2) as batch:
        outcomes = list(batch.run())
    assert (batch.summary.done, batch.summary.failed, batch.summary.skipped) == (4, 3, 0)
    errors = {Path(o.source).name: o.error for o in outcomes if o.status == "failed"}
    assert errors == {
        "empty.txt": "the file is empty",
        "corrupt.docx": "corrupt .docx (not a valid zip archive)",
        "<img src=x onerror=alert(1)>.md": "does not look like a Chinese budget report "
        "(no Chinese text)",
    }
    rows = sqlite3.connect(db).execute("SELECT source, status, report FROM documents").fetchall()
    assert len(rows) == 7
    # same-named files in two folders get two reports; a dotted name keeps its dots
    pages = sorted(Path(r).name for _, s, r in rows if s == "done")
    assert len(set(pages)) == 4 and sum(r.startswith("000_") for r in pages) == 2
    assert any(r.startswith("report.v2-") for r in pages)
    for page in (batch.reports / name for name in pages):
        assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        assert data["summary"]["error"] >= 1

    index = batch.index.read_text(encoding="utf-8")
    assert "onerror=alert(1)&gt;" in index and "<img" not in index
    for name in pages:
        assert f'href="{name}"' in index

    with Batch([mixed], db, workers=2) as again:  # a rerun: done skipped, failures retried
        assert (len(again.todo), again.summary.skipped) == (3, 4)
        assert all(o.status == "failed" for o in again.run())
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone() == (7,)


def crash_on_second_copy(job: Job) -> dict:
    """A worker that dies on one document, as a parser's segfault would kill it."""
    if job.source.endswith("copy001.txt"):
        os._exit(1)
    return check_one(job)


def test_a_crashed_worker_fails_only_its_own_document(tmp_path):
    copies(tmp_path / "in", SEEDS["000"], 5)
    with Batch([tmp_path / "in"], tmp_path / "r.sqlite", 2, work=crash_on_second_copy) as batch:
        outcomes = {Path(o.source).name: o for o in batch.run()}
    assert (batch.summary.done, batch.summary.failed) == (4, 1)
    assert "worker process died" in (outcomes["copy001.txt"].error or "")


def database_rows(db: Path | str) -> dict[str, set[tuple]]:
    """Every row of an SQLite or PostgreSQL results database, with document ids replaced by
    content hashes, numbers as floats (PostgreSQL's are Decimals), and run-specific columns
    (ids, runs, times, report folders) left out: equal for equal work, whatever the store."""
    volatile = {"id", "run_id", "seconds", "checked_at", "report", "seen_at", "document_id"}
    d = schema.documents
    engine = create_engine(database_url(db))
    tables = {}
    with engine.connect() as connection:
        for name in ("documents", "files", *schema.ITEM_TABLES):
            table = schema.metadata.tables[name]
            keep = [c for c in table.columns if c.name not in volatile]
            if name == "documents":
                query = select(*keep)
            else:
                query = select(d.c.sha256, *keep).join(d, d.c.id == table.c.document_id)
            tables[name] = {
                tuple(float(v) if isinstance(v, Decimal) else v for v in row)
                for row in connection.execute(query)
            }
    engine.dispose()
    return tables


def stored_documents(db: Path | str) -> int:
    """Documents committed so far (0 before the schema is made), read beside a running batch."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(schema.documents)
            return connection.execute(query).scalar_one()
    except DBAPIError:  # no schema yet
        return 0
    finally:
        engine.dispose()


def session_processes(sid: int) -> list[int]:
    """Live processes of a session (the batch and the workers it started)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("store", ["sqlite", "postgresql"])
def test_kill_9_loses_nothing_and_a_rerun_completes(tmp_path, store, request):
    """SIGKILL a batch once some documents are committed, rerun it: the database holds the
    same rows as an uninterrupted run's, on either store."""
    paths = copies(tmp_path / "in", SEEDS["000"], 16)
    command = [str(BUDGETLENS), "batch", str(tmp_path / "in"), "--workers", "2"]
    if store == "sqlite":
        killed: Path | str = tmp_path / "killed.sqlite"
    else:
        killed = request.getfixturevalue("postgres_db")

    batch = subprocess.Popen(  # in tmp_path: a server database's reports go to the cwd
        [*command, "--db", str(killed)],
        start_new_session=True,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        committed = 0
        deadline = time.monotonic() + 120
        while committed < 3 and time.monotonic() < deadline and batch.poll() is None:
            time.sleep(0.05)
            committed = stored_documents(killed)
        batch.send_signal(signal.SIGKILL)
        batch.wait()
        assert 3 <= committed < len(paths), "the batch was not killed mid-run"
        deadline = time.monotonic() + 30  # workers notice their parent died and exit
        while session_processes(batch.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_processes(batch.pid) == []
    finally:
        for pid in session_processes(batch.pid):
            os.kill(pid, signal.SIGKILL)

    rerun = subprocess.run(
        [*command, "--db", str(killed)], capture_output=True, text=True, cwd=tmp_path
    )
    assert rerun.returncode == 0, rerun.stderr
    done, skipped, failed = map(int, re.findall(r"(\d+) (?:done|skipped|failed)", rerun.stdout))
    assert skipped >= 3 and done + skipped == len(paths) and failed == 0

    whole = tmp_path / "whole.sqlite"  # the reference run: SQLite, whichever store was killed
    subprocess.run([*command, "--db", str(whole)], check=True, capture_output=True)
    assert database_rows(killed) == database_rows(whole)
    assert (
        len(database_rows(whole)["documents"]) == len(paths) == len(database_rows(whole)["files"])
    )
    assert len(database_rows(whole)["findings"]) > len(paths)


def test_export_writes_tidy_csv_jsonl_and_parquet(tmp_path, mixed):
    db = tmp_path / "r.sqlite"
    with Batch([mixed], db, workers=2) as batch:
        list(batch.run())
    con = sqlite3.connect(db)
    for what in ("documents", "files", *schema.ITEM_TABLES):
        count = con.execute(f"SELECT count(*) FROM {what}").fetchone()[0]
        assert count > 0
        for fmt in ("csv", "jsonl", "parquet"):
            assert export(db, what, fmt, tmp_path / f"{what}.{fmt}") == count

    raw = (tmp_path / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0].keys() >= {"document_id", "source", "sha256", "rule_id", "message", "stated"}
    assert any("万元" in row["message"] or "%" in row["message"] for row in rows)

    claims = [json.loads(line) for line in (tmp_path / "claims.jsonl").read_text().splitlines()]
    assert {"source", "claim_id", "type", "value", "line"} <= claims[0].keys()

    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "indicators.parquet")
    assert table.schema.field("row").type == "int64"
    assert table.schema.field("score").type == "string"  # as printed
    assert table.schema.field("score_value").type == "double"  # and as a number
    assert set(table.column("item").to_pylist()) <= {"indicator", "score_item"}


def test_cli_batch_and_export_and_bad_databases(tmp_path, mixed):
    db = tmp_path / "new folder" / "r.sqlite"  # made, like check's --out
    result = CliRunner().invoke(cli, ["batch", str(mixed), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output  # failed documents do not fail the run
    assert "4 done, 0 skipped, 3 failed" in result.stdout
    assert "empty.txt: failed: the file is empty" in result.stderr
    result = CliRunner().invoke(cli, ["export", str(db), "--what", "claims", "--format", "jsonl"])
    assert result.exit_code == 0 and (db.parent / "r-claims.jsonl").exists()

    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("not a database")
    for args in (
        ["batch", str(mixed), "--db", str(not_a_db)],
        ["export", str(not_a_db)],
        ["export", str(tmp_path / "missing.sqlite")],
        ["batch", str(tmp_path / "nowhere"), "--db", str(tmp_path / "new.sqlite")],
        ["batch", str(mixed), "--db", "mysql://root@localhost/results"],
        ["export", "postgresql://budgetlens@127.0.0.1:9/nothing-listens-here"],
        ["batch", str(mixed), "--db", str(db), "--address", "auto"],  # not --engine ray
    ):
        failed = subprocess.run([str(BUDGETLENS), *args], capture_output=True, text=True)
        assert failed.returncode == 2, (args, failed.stderr)
        assert failed.stderr.startswith("budgetlens: error: ") and failed.stderr.count("\n") == 1
    assert not (tmp_path / "new.sqlite").exists()


SHORT = {
    ">=": lambda actual, target: actual < target,
    ">": lambda actual, target: actual <= target,
    "<=": lambda actual, target: actual > target,
    "<": lambda actual, target: actual >= target,
    "=": lambda actual, target: actual != target,
}


def test_the_schema_is_typed_keyed_and_answers_its_views(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS["000"], inputs)
    shutil.copy(SAMPLES["000"], inputs)
    shutil.copy(SEEDS["000"], inputs / "again.txt")  # the same bytes: an alias of the first
    db = tmp_path / "r.sqlite"
    seen = []
    summary = run([inputs], db, workers=2, on_document=seen.append)
    assert (summary.done, summary.skipped, summary.failed, len(seen)) == (2, 0, 0, 2)

    engine = create_engine(database_url(db))
    inspector = inspect(engine)
    for name in schema.metadata.tables:
        assert inspector.get_pk_constraint(name)["constrained_columns"], name
        assert name in ("runs", "documents") or inspector.get_foreign_keys(name), name
    with engine.connect() as connection:
        sql = lambda query: connection.execute(text(query)).all()  # noqa: E731
        files = sql("SELECT f.path, d.source FROM files f JOIN documents d ON d.id = f.document_id")
        assert len(files) == 3 and len({source for _, source in files}) == 2
        assert sql("SELECT DISTINCT typeof(target_value) FROM indicators") == [("real",), ("null",)]

        reports = [Path(r).with_suffix(".json") for (r,) in sql("SELECT report FROM documents")]
        results = [json.loads(path.read_text(encoding="utf-8")) for path in reports]
        findings = [f for data in results for f in data["findings"]]
        assert sql("SELECT count(*) FROM evidence") == [
            (sum(len(f["evidence"]) for f in findings),)
        ]
        errors = sum(f["severity"] == "error" for f in findings)
        assert sql("SELECT count(*) FROM all_errors") == [(errors,)] and errors > 0

        # the view's shortfalls are Decimal's, however the numbers are printed
        indicators = [
            i for data in results for t in data["tables"] for i in t.get("indicators", [])
        ]
        short = sorted(
            (i["location"]["table_id"], i["location"]["row"])
            for i in indicators
            if i.get("comparator") in SHORT and i.get("target_value") and i.get("actual_value")
            and SHORT[i["comparator"]](
                Decimal(i["actual_value"]["value"]), Decimal(i["target_value"]["value"])
            )
        )  # fmt: skip
        assert sorted(sql("SELECT table_id, row FROM indicator_shortfalls")) == short and short

        # a .docx has no lines: its findings are placed by the block or cell of their evidence
        docx = sql(
            "SELECT f.block_id, f.table_id, f.line FROM findings f "
            "JOIN documents d ON d.id = f.document_id WHERE d.source LIKE '%.docx'"
        )
        assert docx and all((block or table) and line is None for block, table, line in docx)
        assert sql("SELECT count(*) FROM score_total_disagreements") == [(0,)]
    engine.dispose()


def test_recording_a_document_again_changes_nothing(tmp_path):
    """A rerun or a retried task writes the same document twice: no row is added."""
    source = tmp_path / "in" / "a.txt"
    source.parent.mkdir()
    shutil.copy(SEEDS["004"], source)
    db = tmp_path / "r.sqlite"
    run([source], db, workers=1)
    before = database_rows(db)
    with Batch([source], db, workers=1) as batch:
        data = source.read_bytes()
        job = Job(str(source), hashlib.sha256(data).hexdigest(), len(data), str(batch.reports))
        result = check_one(job)
        for _ in range(2):
            document = result["document"] | {"pipeline": batch.pipeline, "run_id": None}
            batch.store.record(document | {"checked_at": now()}, result["items"], [str(source)])
    assert database_rows(db) == before


def test_a_database_of_the_unversioned_schema_is_upgraded(tmp_path):
    """A database made before migrations (decimals as text, evidence as JSON) is converted in
    place when it is next opened, and a batch carries on with it."""
    db = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(db)) as old:
        old.executescript((Path(__file__).parent / "data" / "batch-v1.sql").read_text("utf-8"))
        indicators = old.execute("SELECT actual_value, target_value FROM indicators").fetchall()
        evidence = [json.loads(e) for (e,) in old.execute("SELECT evidence FROM findings")]
        counts = {
            name: old.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("documents", "tables", "indicators", "claims", "findings")
        }
    pairs = [(Decimal(a), Decimal(t)) for a, t in indicators if a is not None and t is not None]
    assert export(db, "indicators", "csv", tmp_path / "i.csv") == counts["indicators"]

    with closing(sqlite3.connect(db)) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        for name, count in counts.items():
            assert new.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == count
        assert new.execute("SELECT count(*) FROM files").fetchone()[0] == counts["documents"]
        assert new.execute("SELECT count(*) FROM evidence").fetchone()[0] == sum(map(len, evidence))
        less = "SELECT count(*) FROM indicators WHERE actual_value < target_value"
        assert new.execute(less).fetchone()[0] == sum(a < t for a, t in pairs)

    (tmp_path / "in").mkdir()
    for name in ("000", "004"):
        shutil.copy(SEEDS[name], tmp_path / "in")
    summary = run([tmp_path / "in"], db, workers=1)  # a newer pipeline: 000 checked again
    assert (summary.done, summary.skipped) == (2, 0)
    rows = database_rows(db)
    assert len(rows["documents"]) == 3 and len(rows["files"]) == 4  # 000 known by two paths


def test_postgresql_holds_the_same_rows_and_resumes(tmp_path, mixed, postgres_db):
    run([mixed], tmp_path / "r.sqlite", workers=2)
    reports = tmp_path / "pg-reports"
    first = run([mixed], postgres_db, workers=2, reports=reports)
    assert (first.done, first.failed) == (4, 3)
    rows = database_rows(postgres_db)
    assert rows == database_rows(tmp_path / "r.sqlite")
    again = run([mixed], postgres_db, workers=2, reports=reports)
    assert (again.done, again.skipped, again.failed) == (0, 4, 3)
    assert again.findings == first.findings
    assert database_rows(postgres_db) == rows

    engine = create_engine(database_url(postgres_db))
    columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("indicators")}
    assert type(columns["target_value"]).__name__ == "NUMERIC"
    with engine.connect() as connection:
        errors = connection.execute(text("SELECT count(*) FROM all_errors")).scalar_one()
    engine.dispose()
    assert errors == first.findings["error"] > 0
    exported = export(postgres_db, "evidence", "parquet", tmp_path / "evidence.parquet")
    assert exported == len(rows["evidence"]) > 0


def test_cli_logs_json_lines_fails_on_errors_and_times_out(tmp_path):
    copies(tmp_path / "in", SEEDS["000"], 2)
    db = tmp_path / "r.sqlite"
    args = ["batch", str(tmp_path / "in"), "--db", str(db), "--workers", "1"]
    result = CliRunner().invoke(cli, [*args, "--log-format", "json", "--fail-on", "error"])
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [line["done"] for line in lines] == [1, 2] and lines[-1]["eta_s"] == 0
    assert all(line["docs_per_min"] > 0 and line["status"] == "done" for line in lines)
    errors = sum(line["findings"]["error"] for line in lines)
    assert f"2 documents: 2 done, 0 skipped, 0 failed; findings: {errors} errors" in result.stdout
    assert "docs/min" in result.stdout

    copies(tmp_path / "slow", SEEDS["004"], 1)
    result = CliRunner().invoke(
        cli, ["batch", str(tmp_path / "slow"), "--db", str(db), "--timeout", "0.01"]
    )
    assert result.exit_code == 0
    assert "copy000.txt: failed: took longer than 0.01 s" in result.stderr


RAY_KILLED = "ray-killed-{}"


def die_on_first_try(job: Job) -> dict:
    """A worker that dies the first time it is given copy001, as the OOM killer would kill
    it; its retry succeeds."""
    marker = Path(job.reports).parent / RAY_KILLED.format(Path(job.source).name)
    if job.source.endswith("copy001.txt") and not marker.exists():
        marker.touch()
        os._exit(1)
    return check_one(job)


def test_ray_writes_the_pool_s_rows_even_when_a_worker_dies_and_times_out(tmp_path):
    ray = pytest.importorskip("ray")
    copies(tmp_path / "in", SEEDS["000"], 4)
    run([tmp_path / "in"], tmp_path / "pool.sqlite", workers=2)
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    try:
        with Batch(
            [tmp_path / "in"], tmp_path / "ray.sqlite", 2, engine="ray", work=die_on_first_try
        ) as batch:
            assert all(outcome.status == "done" for outcome in batch.run())
        slow = run([tmp_path / "in"], tmp_path / "slow.sqlite", engine="ray", timeout=0.01)
        assert slow.failed == 4  # the timeout strikes in Ray's workers too
    finally:
        ray.shutdown()
    assert (tmp_path / RAY_KILLED.format("copy001.txt")).exists()  # it did die, and was retried
    assert database_rows(tmp_path / "ray.sqlite") == database_rows(tmp_path / "pool.sqlite")


def test_the_data_dictionary_names_every_column():
    page = (Path(__file__).parents[1] / "docs" / "batch-database.md").read_text("utf-8")
    sections = re.split(r"^## ", page, flags=re.MULTILINE)
    named = {s.split("\n", 1)[0]: set(re.findall(r"^\| (\w+) \|", s, re.M)) for s in sections}
    for table in schema.metadata.sorted_tables:
        assert named.get(table.name, set()) - {"column"} == set(table.columns.keys()), table.name
    assert named["Views"] - {"view"} == set(schema.VIEWS)


def test_batch_pages_and_index_are_in_the_language_asked_for(tmp_path):
    """Chinese by default, English with --lang en: the index and every page alike."""
    copies(tmp_path / "in", SEEDS["004"], 1)
    for lang, heading, page_lang in (("zh", "份文档", "zh-CN"), ("en", " documents", "en")):
        reports = tmp_path / f"reports-{lang}"
        args = ["batch", str(tmp_path / "in"), "--db", str(tmp_path / f"{lang}.sqlite")]
        result = CliRunner().invoke(cli, [*args, "--reports", str(reports), "--lang", lang])
        assert result.exit_code == 0, result.output
        index = (reports / "index.html").read_text("utf-8")
        assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in index and heading in index
        (page,) = reports.glob("copy000-*.html")
        assert f'<html lang="{page_lang}"' in page.read_text("utf-8")
