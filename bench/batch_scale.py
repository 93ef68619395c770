"""Throughput of ``budgetlens batch`` on each engine and store: the local pool and Ray, at 1
and 2 workers, into SQLite and PostgreSQL.

Run: .venv/bin/python bench/batch_scale.py [--copies 28] [--workers 1 2]
                                           [--stores sqlite postgresql] [--engines local ray]

The seed exports and the .docx samples, ``--copies`` + 1 copies of each (distinct bytes, so
none is skipped: 7 × 29 = 203 documents by default), are checked into a fresh database by each
combination, as a whole command (``budgetlens batch``, start-up included: Ray's start of a
local cluster is part of its cost). Prints for each: wall time, documents per minute, and the
peak RSS of any one worker process (pool workers are forks of the fork server; Ray's are the
``ray::`` processes other than its agents), sampled from /proc every 0.5 s; then Ray's
overhead, (Ray's time − the pool's) ÷ the pool's, at each worker count and store.
PostgreSQL is a throwaway server (tests/postgres_server.py) on a free local port.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path

from batch_speed import BUDGETLENS, CORPUS, corpus, tree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.postgres_server import throwaway_server

RAY_AGENTS = ("ray::DashboardAgent", "ray::RuntimeEnvAgent")


def worker_rss(pids: list[int]) -> list[int]:
    """RSS in kB of each worker process among ``pids``."""
    sizes = []
    for pid in pids:
        with suppress(OSError):  # the process ended meanwhile
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]
            parent_command = Path(f"/proc/{parent}/cmdline").read_bytes()
            pool_worker = "forkserver" in command and b"forkserver" in parent_command
            ray_worker = command.startswith("ray::") and not command.startswith(RAY_AGENTS)
            if pool_worker or ray_worker:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
    return sizes


def batch(folder: Path, db: str, reports: Path, engine: str, workers: int) -> tuple[float, int]:
    """Wall time of the command and the peak RSS of one worker (kB)."""
    command = [str(BUDGETLENS), "batch", str(folder), "--db", db, "--reports", str(reports)]
    command += ["--engine", engine, "--workers", str(workers), "--log-format", "json"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    peak = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.is_set():
            peak = max([peak, *worker_rss(tree(process.pid))])
            time.sleep(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - start
    finished.set()
    sampler.join()
    assert process.returncode == 0, "the batch failed"
    assert " 0 failed" in out.decode(), out.decode()
    return seconds, peak


def new_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=28)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stores", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    args = parser.parse_args()
    sources = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "samples").glob("*"))
    with tempfile.TemporaryDirectory() as tmp, throwaway_server() as server:
        files = corpus(Path(tmp) / "in", sources, args.copies)
        print(f"{len(files)} documents ({len(sources)} reports, {args.copies} copies)")
        times: dict[tuple[str, str, int], float] = {}
        for store, workers, engine in itertools.product(args.stores, args.workers, args.engines):
            name = f"{store}_{engine}_{workers}"
            db = (
                str(Path(tmp) / f"{name}.sqlite")
                if store == "sqlite"
                else new_database(server, name)
            )
            seconds, peak = batch(Path(tmp) / "in", db, Path(tmp) / name, engine, workers)
            times[store, engine, workers] = seconds
            print(
                f"  {store:10} {engine:5} --workers {workers}: {seconds:6.1f} s, "
                f"{len(files) / seconds * 60:6.1f} docs/min, peak worker RSS {peak / 1024:.0f} MB",
                flush=True,
            )
        for store, workers in itertools.product(args.stores, args.workers):
            pool, ray = times.get((store, "local", workers)), times.get((store, "ray", workers))
            if pool and ray:
                print(f"  Ray's overhead, {store}, {workers} workers: {(ray - pool) / pool:+.1%}")


if __name__ == "__main__":
    main()
