"""Size and speed of the reviewer's HTML report on each seed export.

Run: .venv/bin/python bench/report_speed.py [--repeat N]

Prints per seed: blocks, tables and findings; the page's size; the fastest of N ``to_html``
calls; and, where Debian's chromium is installed, the fastest of N loads of the page in headless
Chromium (navigation start to the end of the load event, from the page's own timing). The
fastest run is reported because the machine is shared and slower runs measure the neighbours.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from budgetlens.pipeline import check_document
    from budgetlens.report.html import to_html

    pages = {}
    for seed in sorted((ROOT / "eval" / "corpus" / "seeds").glob("*.txt")):
        result = check_document(seed)
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            page = to_html(result)
            runs.append(time.perf_counter() - start)
        pages[seed.name] = page
        print(
            f"{seed.name}: {len(result.document.blocks)} blocks, "
            f"{len(result.document.tables)} tables, {len(result.findings)} findings; "
            f"page {len(page.encode()) / 1024:.0f} KiB, to_html {min(runs) * 1000:.0f} ms "
            f"(fastest of {args.repeat})"
        )

    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not installed: browser load times skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for name, page_text in pages.items():
            path = Path(tmp) / f"{name}.html"
            path.write_text(page_text, encoding="utf-8")
            loads = []
            for _ in range(args.repeat):
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(path.as_uri(), wait_until="load")
                loads.append(
                    page.evaluate(
                        "() => { const t = performance.getEntriesByType('navigation')[0];"
                        " return t.loadEventEnd - t.startTime; }"
                    )
                )
                page.close()
            print(f"{name}: loaded in Chromium in {min(loads):.0f} ms (fastest of {args.repeat})")
        browser.close()


if __name__ == "__main__":
    main()
