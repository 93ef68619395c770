"""Run a batch: hash the inputs, skip what is stored, check the rest on an engine (the local
process pool, or Ray), and record each document as it comes back.

Engines do all the reading, checking and serialising (``work.check_one``); this process, the
driver, is the database's only writer and commits each document as it comes back.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from budgetlens.batch.discover import discover
from budgetlens.batch.index import write_index
from budgetlens.batch.pool import pool_results
from budgetlens.batch.store import Store, beside, now
from budgetlens.batch.work import Job, Work, check_one
from budgetlens.errors import InputError
from budgetlens.pipeline import pipeline_version
from budgetlens.report.labels import Lang

Engine = Literal["local", "ray"]


@dataclass
class Outcome:
    """A document just committed."""

    source: str
    status: str  # done | failed
    error: str | None
    errors: int = 0  # findings by severity
    warnings: int = 0
    notes: int = 0
    seconds: float = 0.0


@dataclass
class Summary:
    """A batch's totals: its documents (those checked now and those already stored), their
    findings by severity, and the rate at which this run checked them."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    seconds: float = 0.0  # wall time of the run

    @property
    def documents(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def per_minute(self) -> float:
        """Documents checked (done or failed) per minute of this run."""
        return 60 * (self.done + self.failed) / self.seconds if self.seconds else 0.0

    def add(self, errors: int, warnings: int, notes: int) -> None:
        for severity, n in zip(self.findings, (errors, warnings, notes), strict=True):
            self.findings[severity] += n


class Batch:
    """Check many documents into one database; ``run()`` yields each as it is committed::

        with Batch(["reports/"], "results.sqlite", workers=2) as batch:
            print(len(batch.todo), "to check,", batch.summary.skipped, "already stored")
            for outcome in batch.run():
                ...
        print(batch.summary, batch.index)

    ``db`` is an SQLite file or a ``postgresql://`` URL; ``workers`` defaults to the CPUs
    this process may use (with Ray and an ``address``: the cluster's); ``reports`` (the folder
    of the per-document reports and the index) to ``<db name>-reports`` beside an SQLite
    database, or in the current folder; ``timeout`` is each document's limit in seconds; ``lang``
    the language of the pages and the index;
    ``work`` is what a worker does with one document (tests inject crashes).
    """

    def __init__(
        self,
        paths: Iterable[Path | str],
        db: Path | str,
        workers: int | None = None,
        reports: Path | None = None,
        *,
        engine: Engine = "local",
        address: str | None = None,
        timeout: float | None = None,
        lang: Lang = "zh",
        work: Work = check_one,
    ) -> None:
        self.engine, self.timeout, self.lang = engine, timeout, lang
        self.workers = workers or (None if address else len(os.sched_getaffinity(0)))
        self.reports = Path(reports or beside(db, "-reports")).resolve()
        self.index = self.reports / "index.html"
        self.work = work
        self.pipeline = pipeline_version()
        self.summary = Summary()
        files = discover(paths, exclude=self.reports)  # before the database: a bad path
        self.store = Store(db)  # leaves no empty database behind
        self._ray_started = False
        if engine == "ray":
            from budgetlens.batch.ray_tasks import connect

            try:
                self._ray_started = connect(address, self.workers)
            except InputError:
                self.store.close()
                raise
        self.todo: list[Job] = []
        self._aliases: dict[str, list[str]] = {}  # content hash: the files holding it
        self._stored: dict[int, list[str]] = {}  # stored document id: its files
        self._plan(files)

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *_: object) -> None:
        self.store.close()
        if self._ray_started:
            import ray

            ray.shutdown()

    def _plan(self, files: list[Path]) -> None:
        """Jobs for the contents not yet stored by this pipeline, largest first (so that
        workers do not wait on one long document at the end); identical files are checked
        once, and every file is recorded."""
        stored = self.store.done(self.pipeline)
        for path in files:
            try:
                data = path.read_bytes()
            except OSError:  # the worker reports why, with the file's name
                self.todo.append(self._job(path, None, None))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in stored:
                known = stored[sha]
                self._stored.setdefault(known.id, []).append(str(path))
                self.summary.skipped += 1
                self.summary.add(known.errors, known.warnings, known.notes)
            elif sha in self._aliases:
                self._aliases[sha].append(str(path))
            else:
                self._aliases[sha] = [str(path)]
                self.todo.append(self._job(path, sha, len(data)))
        self.todo.sort(key=lambda job: -(job.size or 0))

    def _job(self, path: Path, sha: str | None, size: int | None) -> Job:
        return Job(str(path), sha, size, str(self.reports), self.timeout, self.lang)

    def run(self) -> Iterator[Outcome]:
        """Check every job, committing each document before yielding it; then write the index
        of every document in the database."""
        start = time.perf_counter()
        workers = self.workers or 0  # 0: a Ray cluster's
        run_id = self.store.start_run(self.pipeline, self.engine, workers)
        for document_id, paths in self._stored.items():
            self.store.alias(document_id, paths, run_id)
        for result in self._results():
            document = result["document"]
            document |= {"pipeline": self.pipeline, "run_id": run_id, "checked_at": now()}
            paths = self._aliases.get(document["sha256"], [document["source"]])
            self.store.record(document, result["items"], paths)
            counts = [document[key] or 0 for key in ("errors", "warnings", "notes")]
            if document["status"] == "done":
                self.summary.done += 1
                self.summary.add(*counts)
            else:
                self.summary.failed += 1
            self.summary.seconds = time.perf_counter() - start
            yield Outcome(
                document["source"],
                document["status"],
                document["error"],
                *counts,
                document["seconds"] or 0.0,
            )
        self.summary.seconds = time.perf_counter() - start
        s = self.summary
        self.store.finish_run(run_id, s.done, s.skipped, s.failed)
        write_index(self.store.engine, self.index, self.lang)

    def _results(self) -> Iterator[dict]:
        if self.engine == "ray":
            from budgetlens.batch.ray_tasks import ray_results

            return ray_results(self.todo, self.work, self.workers)
        return pool_results(self.todo, self.work, self.workers or 1)


def run(
    paths: Iterable[Path | str],
    db: Path | str,
    *,
    workers: int | None = None,
    reports: Path | None = None,
    engine: Engine = "local",
    address: str | None = None,
    timeout: float | None = None,
    lang: Lang = "zh",
    on_document: Callable[[Outcome], object] | None = None,
) -> Summary:
    """Check every report in ``paths`` (files, folders, glob patterns) into ``db`` (an SQLite
    file or a ``postgresql://`` URL), resuming where an earlier run stopped; the totals.
    ``on_document`` is called with each document as it is committed. A bad path or database
    raises ``budgetlens.errors.InputError`` before any work starts::

        from budgetlens.batch import run
        summary = run(["/data/2024/"], "postgresql://budget@db/results", engine="ray",
                      address="auto", timeout=300)
        print(summary.done, summary.failed, summary.findings["error"])
    """
    with Batch(
        paths, db, workers, reports, engine=engine, address=address, timeout=timeout, lang=lang
    ) as batch:
        for outcome in batch.run():
            if on_document is not None:
                on_document(outcome)
        return batch.summary
