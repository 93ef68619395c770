"""Measure the current reader on the layout variants (eval/VARIANTS.md, "Baseline").

For each variant, runs ``budgetlens eval extraction --gold eval/gold/variants/V --sources DIR``
where DIR is a temporary folder holding links to that variant's .txt files (and, in a second
run, its .docx files): the variant folders hold .txt, .docx and .pdf renderings of one seed side
by side, and ``--sources`` takes one file per seed. Prints one Markdown row per variant and
format: overall field F1, F1 per seed, and the gold tables matched (the ``kind`` field's true
positives over the gold tables). Run from the repository root:
``python eval/variants_baseline.py [--budgetlens PATH] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("untitled", "caption_in_table", "synonyms", "reordered", "dropped", "merged_header",
            "blank_lines", "back_to_back", "spaces", "page_split", "target_setting", "retitled",
            "mixed")


def run(budgetlens: str, variant: str, suffix: str) -> dict | None:
    corpus = HERE / "corpus" / "variants" / variant
    files = sorted(corpus.glob(f"*{suffix}"))
    if not files:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for f in files:
            (src / f.name).symlink_to(f)
        out = Path(tmp) / "report.json"
        proc = subprocess.run(
            [budgetlens, "eval", "extraction", "--gold", str(HERE / "gold" / "variants" / variant),
             "--sources", str(src), "-o", str(out)],
            capture_output=True, text=True)
        if proc.returncode != 0 or not out.exists():
            return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:]}
        report = json.loads(out.read_text(encoding="utf-8"))
    gold_tables = 0
    for f in files:
        gold = json.loads((HERE / "gold" / "variants" / variant / f"{f.name[:3]}.json")
                          .read_text(encoding="utf-8"))
        gold_tables += len(gold["tables"])
    report["gold_tables"] = gold_tables
    return report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budgetlens", default="budgetlens")
    ap.add_argument("--json", type=Path, help="write every report here")
    args = ap.parse_args()
    reports = {}
    print("| variant | source | F1 | 000 | 001 | 002 | 004 | tables matched |")
    print("|---|---|---|---|---|---|---|---|")
    for variant in VARIANTS:
        for suffix in (".txt", ".docx", ".pdf"):
            report = run(args.budgetlens, variant, suffix)
            if report is None:
                continue
            reports[f"{variant}{suffix}"] = report
            if "error" in report:
                print(f"| {variant} | {suffix} | failed: {report['error']} | | | | | |")
                continue
            seeds = report["per_seed"]
            kind = report["per_field"].get("kind", {"tp": 0})
            cells = [f"{seeds[s]['f1']:.3f}" if s in seeds else "" for s in ("000", "001", "002", "004")]
            print(f"| {variant} | {suffix} | {report['overall']['f1']:.3f} | " + " | ".join(cells)
                  + f" | {kind['tp']}/{report['gold_tables']} |")
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
