"""The local engine: check documents in a pool of worker processes on this machine.

Workers are forked from a fork server that has imported the pipeline once (not from the
driver, whose threads make a plain fork unsafe), so starting one costs milliseconds, not
seconds of imports. They live for the whole run: ``max_tasks_per_child`` would recycle them,
but it can deadlock the pool on Python 3.11 (cpython gh-115634), and bench/batch_speed.py
shows memory flat without it.

A worker that dies (a crash in a parser, the OOM killer) breaks the pool: the documents it
may have been reading are each rerun alone, and one that kills its worker again is recorded
as failed; the run goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from budgetlens.batch.work import Job, Work, failure, watch_parent


def pool_results(jobs: Iterable[Job], work: Work, workers: int) -> Iterator[dict]:
    """Results as they finish, at most two jobs per worker queued, so that memory stays
    flat however many documents there are."""
    queue = deque(jobs)
    context = _context()
    while queue:
        suspects: list[Job] = []
        broken = False  # a worker died: submit no more, let the running jobs come back
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=watch_parent)
        try:
            running: dict[Future, Job] = {}
            while running or (queue and not broken):
                while queue and len(running) < 2 * workers and not broken:
                    try:
                        running[pool.submit(work, queue[0])] = queue[0]
                        queue.popleft()
                    except BrokenProcessPool:  # it died since the last results came back
                        broken = True
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    job = running.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        suspects.append(job)
                        broken = True
        finally:  # on Ctrl-C, drop the queued jobs rather than wait for them
            pool.shutdown(cancel_futures=True)
        yield from (_alone(work, job, context) for job in suspects)


def _alone(work: Work, job: Job, context: multiprocessing.context.BaseContext) -> dict:
    """Rerun one document that was in a pool when a worker died, in a pool of its own."""
    with ProcessPoolExecutor(1, mp_context=context, initializer=watch_parent) as pool:
        try:
            return pool.submit(work, job).result()
        except BrokenProcessPool:
            return failure(job, "its worker process died while checking it (a crash)")


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that has imported the pipeline and the Word reader's
    libraries (which the pipeline imports lazily, some 3 s of unstructured and spaCy)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["budgetlens.batch.work", "unstructured.partition.docx"])
    return context
