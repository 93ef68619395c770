"""One document's work, done in a worker process: check it, write its reports (the JSON
result and the reviewer's HTML page), make its rows.

Everything heavy happens here (reading, checking, JSON), so the parent only writes to the
database. What comes back is a plain dict, cheap to pickle: the document's row and its items.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import parent_process
from pathlib import Path

from budgetlens.batch.rows import item_rows
from budgetlens.errors import InputError
from budgetlens.pipeline import check_document
from budgetlens.process import collect_less
from budgetlens.report import write_results
from budgetlens.report.labels import Lang


@dataclass(frozen=True)
class Job:
    source: str  # absolute path
    sha256: str | None  # None: the parent could not read the file
    size: int | None
    reports: str  # folder for the report
    timeout: float | None = None  # seconds, after which the document is recorded as failed
    lang: Lang = "zh"  # of the reviewer's page


Work = Callable[[Job], dict]  # what a worker does with one document: check_one, or a test's


class Timeout(BaseException):
    """A document's time is up. Not an Exception, so that no ``except Exception`` in the
    pipeline can swallow it."""


def report_name(source: str, sha256: str) -> str:
    """``<stem>-<hash prefix>`` (then .json, .html): same-named files in different folders
    never clash."""
    return f"{Path(source).stem}-{sha256[:8]}"


def failure(job: Job, error: str) -> dict:
    """The result of a document that could not be checked."""
    row = dict.fromkeys(_COLUMNS) | {"sha256": job.sha256, "source": job.source}
    return {"document": row | {"bytes": job.size, "status": "failed", "error": error}, "items": {}}


_COLUMNS = (
    *("sha256", "source", "bytes", "format", "status", "error", "traceback"),
    *("errors", "warnings", "notes", "checks_run", "checks_not_checked"),
    *("reader_warnings", "report", "seconds"),
)


def check_one(job: Job) -> dict:
    """The document row (``status`` done or failed) and, when done, its item rows; a document
    not done within ``job.timeout`` seconds is failed."""
    start = time.perf_counter()
    try:
        _alarm(job.timeout)
        try:
            outcome = _check(job)
        finally:
            _alarm(None)
    except Timeout:  # wherever it struck, even while a failure was being recorded
        outcome = failure(job, f"took longer than {job.timeout:g} s (the --timeout)")
    outcome["document"]["seconds"] = round(time.perf_counter() - start, 3)
    return outcome


def _check(job: Job) -> dict:
    try:
        result = check_document(job.source)
        name = report_name(job.source, result.document.sha256)
        data, page = write_results(result, Path(job.reports), name, job.lang)
        totals = data["coverage"]["total"]
        document = dict.fromkeys(_COLUMNS) | {
            "sha256": data["sha256"],
            "source": job.source,
            "bytes": job.size,
            "format": data["format"],
            "status": "done",
            "errors": data["summary"]["error"],
            "warnings": data["summary"]["warning"],
            "notes": data["summary"]["info"],
            "checks_run": totals.get("run", 0),
            "checks_not_checked": totals.get("not_checked", 0),
            "reader_warnings": "\n".join(data["warnings"]) or None,
            "report": str(page),
        }
        return {"document": document, "items": item_rows(data)}
    except InputError as exc:
        return failure(job, " ".join(str(exc).removeprefix(f"{job.source}: ").split()))
    except Exception as exc:  # a budgetlens bug on this document: record it, carry on
        outcome = failure(job, " ".join(f"{type(exc).__name__}: {exc}".split()))
        outcome["document"]["traceback"] = traceback.format_exc()
        return outcome


def _alarm(seconds: float | None) -> None:
    """Raise Timeout in this (the worker's main) thread after ``seconds``; None: no alarm. Pure
    Python is interrupted at once, a call into a C library when it returns."""
    if seconds is None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    signal.signal(signal.SIGALRM, _time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _time_up(*_: object) -> None:
    raise Timeout


def watch_parent() -> None:
    """Worker initializer: exit when the batch's process dies (even by ``kill -9``), so that
    no orphaned worker lingers; the pool itself never notices. Tunes the cycle collector as
    the CLI does."""
    collect_less()
    parent = parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True).start()
