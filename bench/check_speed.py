"""End-to-end time of ``budgetlens check`` on each seed export, as a whole command.

Run: .venv/bin/python bench/check_speed.py [--repeat N]

Prints the median wall time of N runs of the command per seed (process start, imports, reading,
extraction, claims, checks, writing the JSON and the HTML report), and the in-process time of
the pipeline alone. One run first, not counted, may write the package's bytecode as any
installation has it (some environments set PYTHONDONTWRITEBYTECODE, and compiling budgetlens's
sources on every start would add a tenth of a second that no user pays).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from budgetlens.pipeline import check_document

    with tempfile.TemporaryDirectory() as out:
        for seed in sorted((ROOT / "eval" / "corpus" / "seeds").glob("*.txt")):
            lines = len(seed.read_text(encoding="utf-8").splitlines())
            command = [sys.executable, "-m", "budgetlens.cli", "check", str(seed), "--out", out]
            installed = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            subprocess.run(command, check=True, capture_output=True, env=installed)
            runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                runs.append(time.perf_counter() - start)
            check_document(seed)  # warm
            start = time.perf_counter()
            check_document(seed)
            inside = time.perf_counter() - start
            print(
                f"{seed.name} ({lines} lines): {statistics.median(runs):.2f} s as a command "
                f"(median of {args.repeat}), {inside:.2f} s in process"
            )


if __name__ == "__main__":
    main()
