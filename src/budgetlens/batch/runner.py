"""Run a batch: hash the inputs, skip what is stored, check the rest in worker processes.

Workers do all the reading, checking and serialising (``work.check_one``); the parent is the
database's only writer and commits each document as it comes back. Workers are forked from a
fork server that has imported the pipeline once (not from the parent, whose threads make a
plain fork unsafe), so starting one costs milliseconds, not seconds of imports. They live for
the whole run: ``max_tasks_per_child`` would recycle them, but it can deadlock the pool on
Python 3.11 (cpython gh-115634), and bench/batch_speed.py shows memory flat without it.

A worker that dies (a crash in a parser, the OOM killer) breaks the pool: the documents it
may have been reading are each rerun alone, and one that kills its worker again is recorded
as failed; the run goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from budgetlens.batch.discover import discover
from budgetlens.batch.index import write_index
from budgetlens.batch.store import Store, now
from budgetlens.batch.work import Job, check_one, failure, watch_parent
from budgetlens.pipeline import pipeline_version

Work = Callable[[Job], dict]


@dataclass
class Outcome:
    """A document just committed."""

    source: str
    status: str  # done | failed
    error: str | None


class Batch:
    """Check many documents into one database; ``run()`` yields each as it is committed::

        with Batch(["reports/"], Path("results.sqlite"), workers=2) as batch:
            print(len(batch.todo), "to check,", batch.skipped, "already stored")
            for outcome in batch.run():
                ...
        print(batch.done, batch.failed, batch.index)

    ``workers`` defaults to the CPUs this process may use; ``reports`` (the folder of the
    per-document reports and the index) to ``<db stem>-reports`` beside the database;
    ``work`` is what a worker does with one document (tests inject a crash).
    """

    def __init__(
        self,
        paths: Iterable[Path | str],
        db: Path | str,
        workers: int | None = None,
        reports: Path | None = None,
        work: Work = check_one,
    ) -> None:
        db = Path(db)
        self.workers = workers or len(os.sched_getaffinity(0))
        self.reports = Path(reports or db.parent / f"{db.stem}-reports").resolve()
        self.index = self.reports / "index.html"
        self.work = work
        self.pipeline = pipeline_version()
        self.done = self.failed = 0
        files = discover(paths, exclude=self.reports)  # before the database: a bad path
        self.store = Store(db)  # leaves no empty database behind
        self.todo, self.skipped = self._plan(files)

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *_: object) -> None:
        self.store.close()

    def _plan(self, files: list[Path]) -> tuple[list[Job], int]:
        """Jobs for the files not yet stored by this pipeline, largest first (so that workers
        do not wait on one long document at the end); identical files count once."""
        seen = self.store.done(self.pipeline)
        todo, skipped = [], 0
        for path in files:
            try:
                data = path.read_bytes()
            except OSError:  # the worker reports why, with the file's name
                todo.append(Job(str(path), None, None, str(self.reports)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in seen:
                skipped += 1
                continue
            seen.add(sha)
            todo.append(Job(str(path), sha, len(data), str(self.reports)))
        todo.sort(key=lambda job: -(job.size or 0))
        return todo, skipped

    def run(self) -> Iterator[Outcome]:
        """Check every job, committing each document before yielding it; then write the index
        of every document in the database."""
        run_id = self.store.start_run(self.pipeline, self.workers)
        for result in self._results():
            document = result["document"]
            document |= {"pipeline": self.pipeline, "run_id": run_id, "checked_at": now()}
            self.store.record(document, result["items"])
            if document["status"] == "done":
                self.done += 1
            else:
                self.failed += 1
            yield Outcome(document["source"], document["status"], document["error"])
        self.store.finish_run(run_id, self.done, self.skipped, self.failed)
        write_index(self.store.db, self.index)

    def _results(self) -> Iterator[dict]:
        """Results as they finish, at most two jobs per worker queued, so that memory stays
        flat however many documents there are."""
        queue = deque(self.todo)
        context = _context()
        while queue:
            suspects: list[Job] = []
            pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=watch_parent)
            try:
                running: dict[Future, Job] = {}
                while running or (queue and not suspects):
                    while queue and len(running) < 2 * self.workers and not suspects:
                        job = queue.popleft()
                        running[pool.submit(self.work, job)] = job
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in finished:
                        job = running.pop(future)
                        try:
                            yield future.result()
                        except BrokenProcessPool:
                            suspects.append(job)
            finally:  # on Ctrl-C, drop the queued jobs rather than wait for them
                pool.shutdown(cancel_futures=True)
            yield from (self._alone(job, context) for job in suspects)

    def _alone(self, job: Job, context: multiprocessing.context.BaseContext) -> dict:
        """Rerun one document that was in a pool when a worker died, in a pool of its own."""
        with ProcessPoolExecutor(1, mp_context=context, initializer=watch_parent) as pool:
            try:
                return pool.submit(self.work, job).result()
            except BrokenProcessPool:
                return failure(job, "its worker process died while checking it (a crash)")


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that has imported the pipeline and the Word reader's
    libraries (which the pipeline imports lazily, some 3 s of unstructured and spaCy)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["budgetlens.batch.work", "unstructured.partition.docx"])
    return context
