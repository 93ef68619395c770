"""`budgetlens batch` and `export`: discovery, failures recorded, resuming after kill -9,
a crashed worker isolated, the index page, tidy exports."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, suppress
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetlens.batch import Batch, export
from budgetlens.batch.discover import discover
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
    assert (batch.done, batch.failed, batch.skipped) == (4, 3, 0)
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
        assert (len(again.todo), again.skipped) == (3, 4)
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
    assert (batch.done, batch.failed) == (4, 1)
    assert "worker process died" in (outcomes["copy001.txt"].error or "")


def database_rows(db: Path) -> dict[str, set[tuple]]:
    """Every row, with document ids replaced by content hashes and run-specific columns
    (ids, runs, times, report folders) left out."""
    con = sqlite3.connect(db)
    volatile = {"id", "run_id", "seconds", "checked_at", "report"}
    tables = {}
    for table in ("documents", "tables", "indicators", "claims", "findings"):
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in columns if c not in volatile and c != "document_id"]
        select = ", ".join(f"t.{c}" for c in keep)
        if table == "documents":
            sql = f"SELECT {select} FROM documents t"
        else:
            sql = (
                f"SELECT d.sha256, {select} FROM {table} t JOIN documents d ON d.id = t.document_id"
            )
        tables[table] = set(con.execute(sql))
    return tables


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
def test_kill_9_loses_nothing_and_a_rerun_completes(tmp_path):
    """SIGKILL a batch once some documents are committed, rerun it: the database holds the
    same rows as an uninterrupted run's."""
    paths = copies(tmp_path / "in", SEEDS["000"], 24)
    command = [str(BUDGETLENS), "batch", str(tmp_path / "in"), "--workers", "2"]
    killed = tmp_path / "killed.sqlite"

    batch = subprocess.Popen(
        [*command, "--db", str(killed)], start_new_session=True, stderr=subprocess.DEVNULL
    )
    try:
        committed = 0
        deadline = time.monotonic() + 120
        while committed < 3 and time.monotonic() < deadline and batch.poll() is None:
            time.sleep(0.05)
            if killed.exists():
                con = sqlite3.connect(killed)
                with closing(con), suppress(sqlite3.OperationalError):  # no schema yet
                    committed = con.execute("SELECT count(*) FROM documents").fetchone()[0]
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

    rerun = subprocess.run([*command, "--db", str(killed)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    done, skipped, failed = map(int, re.findall(r"(\d+) (?:done|skipped|failed)", rerun.stdout))
    assert skipped >= 3 and done + skipped == len(paths) and failed == 0

    whole = tmp_path / "whole.sqlite"
    subprocess.run([*command, "--db", str(whole)], check=True, capture_output=True)
    assert database_rows(killed) == database_rows(whole)
    assert len(database_rows(whole)["documents"]) == len(paths)
    assert len(database_rows(whole)["findings"]) > len(paths)


def test_export_writes_tidy_csv_jsonl_and_parquet(tmp_path, mixed):
    db = tmp_path / "r.sqlite"
    with Batch([mixed], db, workers=2) as batch:
        list(batch.run())
    con = sqlite3.connect(db)
    for what in ("documents", "tables", "indicators", "claims", "findings"):
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
    assert table.schema.field("score_value").type == "string"  # exact decimals stay text
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
    ):
        run = subprocess.run([str(BUDGETLENS), *args], capture_output=True, text=True)
        assert run.returncode == 2, (args, run.stderr)
        assert run.stderr.startswith("budgetlens: error: ") and run.stderr.count("\n") == 1
    assert not (tmp_path / "new.sqlite").exists()
