"""How fast ``segment`` reads reports, against unstructured's own ``partition_docx``.

Run: .venv/bin/python bench/segment_speed.py [--repeat N]

For each seed export: the in-process read time (median of N) and the wall time of the whole
``budgetlens segment --json`` command. For each .docx sample: ``partition_docx`` alone, with
the arguments budgetlens passes it, against budgetlens's whole read (partition_docx included),
interleaved in one process so both see the same machine load; the ratio of medians and the
ratio of minimums (the least disturbed runs) are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "corpus"


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from unstructured.partition.docx import partition_docx

    from budgetlens.ingest import read_document

    for seed in sorted((CORPUS / "seeds").glob("*.txt")):
        read_document(seed)  # warm imports and caches
        lines = len(seed.read_text(encoding="utf-8").splitlines())
        runs = [seconds(lambda s=seed: read_document(s)) for _ in range(args.repeat)]
        command = [sys.executable, "-m", "budgetlens.cli", "segment", str(seed), "--json"]
        whole = seconds(lambda c=command: subprocess.run([*c, "-o", "/dev/null"], check=True))
        print(
            f"{seed.name} ({lines} lines): {statistics.median(runs):.3f} s in process,"
            f" {whole:.3f} s as a command"
        )

    for docx in sorted((CORPUS / "samples").glob("*.docx")):
        read_document(docx)
        alone, ours = [], []
        for _ in range(args.repeat):
            alone.append(
                seconds(
                    lambda d=docx: partition_docx(
                        filename=str(d), languages=["zho"], include_page_breaks=True
                    )
                )
            )
            ours.append(seconds(lambda d=docx: read_document(d)))
        a, b = statistics.median(alone), statistics.median(ours)
        print(
            f"{docx.name}: partition_docx {a:.3f} s, budgetlens {b:.3f} s (medians);"
            f" ratio {b / a:.2f} of medians, {min(ours) / min(alone):.2f} of minimums"
        )


if __name__ == "__main__":
    main()
