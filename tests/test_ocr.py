"""Scanned pages through OCR: the mixed PDF of seed 004 (pages 8-12 scanned, grey JPEG; made
by eval/make_scans.py), the whole scan of sample 000, a page image, a multi-page TIFF, and low
confidence in the checks."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from budgetlens.checks import run_checks
from budgetlens.document import MIN_CONFIDENCE, Document, Paragraph, Table
from budgetlens.ingest import pdf, read_document
from budgetlens.ingest.raw import RawCell, RawTable
from budgetlens.pipeline import CheckResult, check_document

from .conftest import CORPUS, SAMPLES

MIXED = CORPUS / "scans" / "004_2f0070b463f791c7.mixed.pdf"
TEXT = CORPUS / "pdf" / "004_2f0070b463f791c7.pdf"
SCANNED = {8, 9, 10, 11, 12}  # eval/make_scans.py MIXED_SCANNED


@cache
def checked(path: Path) -> CheckResult:
    return check_document(path)


def high(result: CheckResult) -> set[tuple[str, int | None]]:
    """The errors and warnings: the contradictions a reviewer must see, by rule and page."""
    return {(f.rule_id, f.page) for f in result.findings if f.severity in ("error", "warning")}


def on_pages(document: Document, pages: set[int]) -> list:
    return [b for b in document.blocks if b.location.page in pages]


def test_scanned_pages_are_read_by_ocr_and_text_pages_by_their_text_layer():
    document = checked(MIXED).document
    assert document.warnings[0] == "pages 8, 9, 10, 11, 12 have no text layer and were read by OCR"
    for block in on_pages(document, SCANNED):
        if isinstance(block, Table):
            cells = [c for c in block.cells if c.text and c.location.page in SCANNED]
            assert all(c.confidence is not None for c in cells)
        else:
            assert block.confidence, block.text
    text_pages = set(range(1, 52)) - SCANNED
    assert not any(b.confidence for b in on_pages(document, text_pages))
    scanned_text = "".join(b.text for b in on_pages(document, SCANNED))
    assert "年初预算收入1179.47万元" in scanned_text


def test_scanned_pages_read_as_their_text_layer_does():
    """The blocks of the scanned pages say what the text PDF's blocks of those pages say."""
    ocr = "".join("".join(b.text.split()) for b in on_pages(checked(MIXED).document, SCANNED))
    text = "".join("".join(b.text.split()) for b in on_pages(read_document(TEXT), SCANNED))
    common = sum((_chars(ocr) & _chars(text)).values())
    assert common / len(text) > 0.97 and common / len(ocr) > 0.97


def _chars(text: str):
    from collections import Counter

    return Counter(text)


def test_scanned_cells_keep_page_box_and_confidence():
    tables = [t for t in on_pages(checked(MIXED).document, SCANNED) if isinstance(t, Table)]
    assert tables
    for table in tables:
        for cell in table.cells:
            if cell.location.page not in SCANNED:
                assert cell.confidence is None  # a continuation on a text page
                continue
            assert cell.confidence is not None or not cell.text
            x0, top, x1, bottom = cell.location.bbox
            assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 792  # points on a Letter page


def test_check_finds_the_contradictions_of_the_text_pdf_on_the_scanned_pages():
    """Seed 004's 节资率 contradictions (known_contradictions.json, high) are on pages 9 and 11,
    scanned here: the scan gives the errors and warnings the text PDF gives there."""
    scanned = {f for f in high(checked(MIXED)) if f[1] in SCANNED}
    from_text = {f for f in high(checked(TEXT)) if f[1] in SCANNED}
    assert ("RATE.savings", 9) in from_text and ("RATE.savings", 11) in from_text
    assert scanned == from_text


def test_check_on_a_whole_scan_finds_the_contradictions_of_its_docx():
    """The scan of sample 000 (27 pages, no text layer) against the .docx it was printed from:
    the three high-confidence contradictions of known_contradictions.json (lines 17, 171 and
    183 of the seed) are errors on both, and OCR adds no error or warning of its own."""

    def said(result: CheckResult) -> set[tuple[str, str, str]]:
        return {(f.rule_id, f.severity, f.message) for f in result.findings}

    scan, docx = (
        said(checked(CORPUS / "scans" / "000_8bbc2e346d9430aa.pdf")),
        said(checked(SAMPLES["000"])),
    )
    known = {
        "RESTATE.none_stated_but_amount",  # line 17: 无预算结转结余, yet 72.17万元 carried over
        "RESTATE.stated_total_of_weights",  # line 171: 总分100分, weights add to 80
        "RESTATE.indicator_actual",  # line 183: 资金到位率 90.02% in prose, 100% in the table
    }
    assert known <= {rule for rule, severity, _ in scan & docx if severity == "error"}
    high = {f for f in scan if f[1] in ("error", "warning")}
    assert high <= docx, high - docx


def test_a_number_read_with_low_confidence_is_not_checked():
    result = checked(MIXED)
    savings = [f for f in result.findings if f.rule_id == "RATE.savings" and f.page == 9]
    assert savings
    stated = savings[0].evidence[0].location
    document = result.document.model_copy(deep=True)
    block = document.block(stated.block_id)
    assert isinstance(block, Paragraph)
    block.confidence = [(0, len(block.text), MIN_CONFIDENCE - 0.1)]
    findings, ledger = run_checks(document, result.extraction, result.claims)
    assert not [f for f in findings if f.rule_id == "RATE.savings" and f.page == 9]
    _, before = run_checks(result.document, result.extraction, result.claims)
    assert ledger.families["rates"].not_checked > before.families["rates"].not_checked


@pytest.fixture(scope="module")
def page_image(tmp_path_factory) -> Path:
    """The top of scanned page 9 as a PNG (an excerpt keeps the OCR short)."""
    document = pypdfium2.PdfDocument(MIXED)
    image = document[8].render(scale=200 / 72, grayscale=True).to_pil()
    path = tmp_path_factory.mktemp("images") / "page9.png"
    image.crop((0, 0, image.width, image.height // 3)).save(path, dpi=(200, 200))
    return path


def test_a_page_image_is_read_offline(page_image: Path, tmp_path: Path):
    """OCR of an image with every socket call refused: the models ship inside the wheel."""
    script = tmp_path / "guard.py"
    script.write_text(
        "import socket, sys\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError(f'network call: {a}')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from budgetlens.ingest import read_document\n"
        "d = read_document(sys.argv[1])\n"
        "print(d.format, d.pages)\n"
        "print(''.join(b.text for b in d.blocks))\n"
    )
    result = subprocess.run(
        [sys.executable, str(script), str(page_image)],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    kind, text = result.stdout.split("\n", 1)
    assert kind == "image 1"
    assert "年初预算收入1179.47万元" in text


def test_a_multi_page_tiff_is_read_page_by_page(page_image: Path, tmp_path: Path):
    with Image.open(page_image) as image:
        top = image.crop((0, 0, image.width, image.height // 2))
        bottom = image.crop((0, image.height // 2, image.width, image.height))
    path = tmp_path / "two.tiff"
    top.save(path, save_all=True, append_images=[bottom], dpi=(200, 200))
    document = read_document(path)
    assert document.format == "image" and document.pages == 2
    assert {b.location.page for b in document.blocks} == {1, 2}


def _scanned_grid(texts: list[str], lines: list[float], row: int) -> pdf._Grid:
    """A one-row scanned grid of 20-pt-wide cells; ``lines``: the ink width of each cell's
    last line (first line for a row continued from above)."""
    cells = [
        RawCell(row, c, t, bbox=(20.0 * c, 0.0, 20.0 * (c + 1), 10.0), confidence=1.0)
        for c, t in enumerate(texts)
    ]
    extents = {
        id(cell): (width, width) for cell, width in zip(cells, lines, strict=True) if cell.text
    }
    return pdf._Grid(RawTable(cells, row + 1, len(texts)), [], 1, extents, 5.4, scanned=True)


def test_a_row_a_page_break_may_have_cut_is_joined_or_left_unread():
    """Rows Word split across a page are joined when every part continues a full line above;
    when only some do, the cells may hold part of their text, so no check uses them."""
    full = _scanned_grid(["4", "规"], [8.0, 8.0], 0)  # 9.2 pt of room: a char no longer fits
    rest = _scanned_grid(["%", "划合理"], [7.0, 7.0], 0)
    assert pdf._join_split_row(full, rest, 0)
    assert [c.text for c in full.table.cells] == ["4\n%", "规\n划合理"] and not rest.table.cells

    above = _scanned_grid(["4", "目标"], [8.0, 2.0], 0)  # 目标's line has room: a new row?
    below = _scanned_grid(["%", "完成"], [7.0, 1.0], 0)
    assert not pdf._join_split_row(above, below, 0)
    confidences = [c.confidence for c in above.table.cells + below.table.cells]
    assert confidences == [pdf._CUT_CONFIDENCE, 1.0, pdf._CUT_CONFIDENCE, 1.0]
    assert pdf._CUT_CONFIDENCE < MIN_CONFIDENCE
