"""How fast and how well scanned pages are read: budgetlens's OCR against RapidOCR's defaults.

Run: .venv/bin/python bench/ocr_speed.py [--pages N] [--repeat N]

Takes the first N pages of each scanned rendering in eval/corpus/scans (made by
eval/make_scans.py) and reads them two ways: RapidOCR called on each whole page with its default
settings, one page after another, and budgetlens's reader (``read_pages``: detection once on a
reduced page, tables cut at their ruling lines, one process per core). It prints pages per
minute for each (the best of N repeats: the machine is shared) and character accuracy against
the text layer of the PDF the scan was made from: the F1 of the two texts' characters, counted
as multisets with whitespace removed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2

from budgetlens.ingest.ocr import DPI, PageImage, ScannedTable, read_pages
from budgetlens.ingest.raw import RawLine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "corpus"


def char_f1(read: str, truth: str) -> float:
    got, want = Counter("".join(read.split())), Counter("".join(truth.split()))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def item_text(items: list[RawLine | ScannedTable]) -> str:
    return "\n".join(
        "\n".join(c.text for c in i.table.cells) if isinstance(i, ScannedTable) else i.text
        for i in items
    )


def rapidocr_defaults(pages: list[PageImage]) -> list[str]:
    from rapidocr import RapidOCR

    engine = RapidOCR(params={"Global.log_level": "warning"})
    texts = []
    for page in pages:
        document = pypdfium2.PdfDocument(page.path)
        image = document[page.index].render(scale=DPI / 72).to_pil().convert("RGB")
        document.close()
        result = engine(np.asarray(image))
        texts.append("\n".join(result.txts or ()))
    return texts


def budgetlens_reader(pages: list[PageImage]) -> list[str]:
    return [item_text(items) for items in read_pages(pages)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=6, help="pages per scan")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    pages, truths = [], []
    for scan in sorted((CORPUS / "scans").glob("*.pdf")):
        if scan.stem.count(".") or not (CORPUS / "pdf" / scan.name).exists():
            continue  # the mixed PDF has text pages: its scans are the same pages again
        with pdfplumber.open(CORPUS / "pdf" / scan.name) as pdf:
            count = min(args.pages, len(pdf.pages))
            truths += [pdf.pages[i].extract_text() or "" for i in range(count)]
        pages += [PageImage(scan, i, pdf=True) for i in range(count)]
    print(f"{len(pages)} pages at {DPI} dpi")
    # budgetlens first: its workers are forked, and a fork of a process running ONNX can hang
    for name, read in (("budgetlens", budgetlens_reader), ("RapidOCR defaults", rapidocr_defaults)):
        best, texts = float("inf"), []
        for _ in range(args.repeat):
            start = time.perf_counter()
            texts = read(pages)
            best = min(best, time.perf_counter() - start)
        scores = [char_f1(text, truth) for text, truth in zip(texts, truths, strict=True)]
        print(
            f"{name:<18} {len(pages) / best * 60:6.1f} pages/min ({best:.1f} s)  "
            f"char F1 mean {np.mean(scores):.4f}, worst page {min(scores):.4f}"
        )


if __name__ == "__main__":
    main()
