"""Throughput and memory of ``budgetlens batch``, as a whole command.

Run: .venv/bin/python bench/batch_speed.py [--copies 5] [--workers 1 2] [--repeat 1]
                                           [--memory-documents 1000]

Speed: the seed exports and the .docx samples plus ``--copies`` copies of each (distinct
bytes, so none is skipped), checked into a fresh database by each ``--workers`` count; prints
documents and MB per minute (wall time of the command, start-up included; the best of
``--repeat`` runs), the ratio to the first count, and the CPU time of the process tree with the
CPUs it kept busy on average. On a shared machine read the last figure first: Linux's
autogroup scheduling gives each session a fair share, so a batch among busy neighbours gets
about one CPU however many workers it has.

Memory: ``--memory-documents`` copies of seeds 000 and 004 with 2 workers; prints the peak
memory of the whole process tree (the batch, its fork server and workers) over the first 100
documents and over all of them. The tree is sampled from /proc every 0.5 s: the workers are
grandchildren (forked by the fork server), so ``getrusage(RUSAGE_CHILDREN)`` of this script
would not see them. Both the sum of RSS (counts pages shared with the fork server once per
process) and the sum of PSS (shares them out: the memory the tree really holds) are printed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from contextlib import closing, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "corpus"
BUDGETLENS = Path(sys.executable).with_name("budgetlens")


def copy(source: Path, target: Path, n: int) -> None:
    """A copy of ``source`` whose bytes differ by ``n``: trailing newlines for a text export,
    the zip comment for a .docx (which Word and the readers ignore)."""
    target.write_bytes(source.read_bytes())
    if source.suffix == ".docx":
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"copy {n}".encode()
    else:
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n" * n)


def corpus(folder: Path, sources: list[Path], copies: int) -> list[Path]:
    folder.mkdir(parents=True)
    files = []
    for source in sources:
        for n in range(copies + 1):
            files.append(folder / f"{source.stem}-{n}{source.suffix}")
            copy(source, files[-1], n)
    return files


def tree(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        for task in Path(f"/proc/{pids[i]}/task").glob("*"):
            with suppress(OSError):  # the process ended meanwhile
                pids += [int(c) for c in (task / "children").read_text().split()]
        i += 1
    return pids


def memory(pids: list[int]) -> tuple[int, int]:
    """Sum of RSS and of PSS over ``pids``, in kB."""
    rss = pss = 0
    for pid in pids:
        with suppress(OSError):  # the process ended meanwhile
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
    return rss, pss


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def batch(folder: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall time of the command, and the CPU time of its process tree (each process's last
    sample, every 0.1 s: at most 0.1 s per process is missed)."""
    command = [str(BUDGETLENS), "batch", str(folder), "--db", str(db), "--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu: dict[int, float] = {}
    while process.poll() is None:
        for pid in tree(process.pid):
            with suppress(OSError):
                cpu[pid] = cpu_seconds(pid)
        time.sleep(0.1)
    assert process.returncode == 0
    return time.perf_counter() - start, sum(cpu.values())


def speed(tmp: Path, copies: int, workers: list[int], repeat: int) -> None:
    sources = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "samples").glob("*"))
    files = corpus(tmp / "speed", sources, copies)
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"speed: {len(files)} documents, {mb:.1f} MB ({len(sources)} reports, {copies} copies)")
    base = None
    for count in workers:
        runs = []
        for r in range(repeat):
            db = tmp / f"speed-{count}-{r}.sqlite"
            runs.append(batch(tmp / "speed", db, count))
            with closing(sqlite3.connect(db)) as con:
                done = con.execute("SELECT count(*) FROM documents WHERE status = 'done'")
                assert done.fetchone()[0] == len(files), "a document failed"
        best, cpu = min(runs)
        base = base or best
        print(
            f"  --workers {count}: {best:.1f} s (best of {repeat}), "
            f"{len(files) / best * 60:.1f} documents/min, {mb / best * 60:.1f} MB/min, "
            f"{base / best:.2f}x --workers {workers[0]}; CPU {cpu:.1f} s, "
            f"{cpu / best:.2f} CPUs busy on average"
        )


def peak_memory(tmp: Path, documents: int) -> None:
    sources = [next((CORPUS / "seeds").glob(f"{s}_*.txt")) for s in ("000", "004")]
    folder = tmp / "memory"
    folder.mkdir()
    for i in range(documents):
        copy(sources[i % 2], folder / f"m{i:05}.txt", i // 2 + 1)
    db = tmp / "memory.sqlite"
    command = [str(BUDGETLENS), "batch", str(folder), "--db", str(db), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[str, tuple[int, int]] = {}
    done = threading.Event()

    def sample() -> None:
        checked = 0
        while not done.is_set():
            rss, pss = memory(tree(process.pid))
            if db.exists():
                con = sqlite3.connect(db)
                with closing(con), suppress(sqlite3.OperationalError):  # no schema yet
                    checked = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            for key in (
                ("first 100", f"all {documents}") if checked <= 100 else (f"all {documents}",)
            ):
                old = peaks.get(key, (0, 0))
                peaks[key] = (max(old[0], rss), max(old[1], pss))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.perf_counter()
    process.wait()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    print(f"memory: {documents} documents, --workers 2, {seconds:.0f} s")
    for key, (rss, pss) in peaks.items():
        print(f"  peak over the {key}: {rss / 1024:.0f} MB RSS, {pss / 1024:.0f} MB PSS (tree)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="none: skip")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--memory-documents", type=int, default=1000, help="0 to skip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.workers:
            speed(Path(tmp), args.copies, args.workers, args.repeat)
        if args.memory_documents:
            peak_memory(Path(tmp), args.memory_documents)


if __name__ == "__main__":
    main()
