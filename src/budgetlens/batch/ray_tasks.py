"""The Ray engine: the same per-document work as the local pool, as Ray tasks, for a batch
larger than one machine.

The driver (this process) stays the database's only writer; workers only read, check and
write their document's reports (so on a cluster of several machines ``--reports`` must be a
folder every node sees, such as an NFS mount, as must the inputs). At most two tasks per
worker are in flight, so memory stays flat however many documents there are. A task whose
worker dies (a crash, the OOM killer, a lost node) is retried by Ray up to ``RETRIES`` times,
then recorded as failed; a document that takes too long is failed by its own timeout, as in
the local pool. Ray is imported only here, so the local pool never pays for it.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Iterable, Iterator

from budgetlens.batch.work import Job, Work, failure
from budgetlens.errors import InputError
from budgetlens.process import collect_less

RETRIES = 3


def connect(address: str | None, workers: int | None) -> bool:
    """Join the cluster at ``address`` (``auto``: the one ``ray start`` runs on this machine;
    ``ray://host:10001``: a remote one through Ray Client), or a Ray already started in this
    process, or else start a local one with ``workers`` CPUs; whether this call started it."""
    import ray

    if ray.is_initialized():
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Ray Client warns of a timeout it then raises
            ray.init(
                address=address,
                num_cpus=workers if address is None else None,
                include_dashboard=False,
                logging_level="ERROR",
                log_to_driver=False,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise InputError(f"Ray at {address}: cannot connect ({exc})") from exc
    return True


def ray_results(jobs: Iterable[Job], work: Work, workers: int | None) -> Iterator[dict]:
    """Results as they finish, on the Ray that ``connect`` joined."""
    import ray
    from ray.exceptions import RayError

    limit = 2 * (workers or int(ray.cluster_resources().get("CPU", 1)))
    task = ray.remote(num_cpus=1, max_retries=RETRIES)(_in_worker)
    queue, running = deque(jobs), {}
    while queue or running:
        while queue and len(running) < limit:
            job = queue.popleft()
            running[task.remote(work, job)] = job
        ready, _ = ray.wait(list(running), num_returns=1)
        for ref in ready:
            job = running.pop(ref)
            try:
                yield ray.get(ref)
            except RayError as exc:  # the worker died on every try
                reason = str(exc).strip().splitlines()[0]
                yield failure(job, f"its Ray task failed {RETRIES + 1} times ({reason})")


def _in_worker(work: Work, job: Job) -> dict:
    """A Ray task: the work, in a worker tuned as the pool's are (a no-op after the first)."""
    collect_less()
    return work(job)
