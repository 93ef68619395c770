"""Scanned pages through OCR (RapidOCR: PP-OCR's Chinese models, shipped inside its wheel).

A page is read the way a careful person would: undo the scan's skew, find the text lines once
on the whole page (at a reduced size, which is plenty to find lines and several times cheaper),
find the ruled tables from their lines, erase the lines, and recognise each text line, cut at
the cell borders it crosses so that every cell is read on its own. Lines and cells keep OCR's
confidence. Pages are shared out over the CPU cores, one process each.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from budgetlens.ingest.grid import grid, snap_edges
from budgetlens.ingest.raw import Piece, RawItem, RawLine, RawTable
from budgetlens.ingest.ruling import ink, ruling_lines, tables

DPI = 200  # scanned PDF pages are rendered at this resolution
DEFAULT_IMAGE_DPI = 200  # for an image that does not say its resolution
_DETECT_SIDE = 1000  # px: the longest side of the page as the line detector sees it
# below these, what was read is a speckle or a scrap of ruling, not text; a cell may hold one
# symbol (=, ≥) that reads with less confidence, and its confidence stays with it
_MIN_SCORE = {"line": 0.6, "cell": 0.5}
_MAX_SKEW = 2.0  # degrees: the most skew looked for (a page fed crooked by a few degrees)
_MIN_SKEW = 0.03  # degrees of skew not worth a rotation
_CELL_SNAP = 8.0  # px: cell edges closer than this are one grid line
_STACKED = 1.5  # a cell's text taller than this many lines is cut into its lines
_ONE_CHAR = 1.25  # runs of ink within this many characters' height are one character
_MIN_ROW = 6  # px: a thinner run of ink is a speck, not a line of text
_LATIN = "0123456789.%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_LATIN_WIDTH = 0.55  # a Latin letter or digit is about this share of a line's height wide
_PAD = 3  # px of paper kept around a line when cutting it out for recognition
_SPACE = 0.6  # a gap wider than this share of the line height between two pieces is a space


@dataclass(frozen=True, slots=True)
class PageImage:
    """Where to get one page's image: a PDF page or an image file's frame (0-based)."""

    path: Path
    index: int
    pdf: bool

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass(slots=True)
class ScannedTable:
    """A table read from a scan, with what stitching it to its continuation needs (points):
    per cell index, the width of its first unbreakable start and of its last line, as the PDF
    reader measures them from chars; and the least gap between a cell's text and its edges."""

    table: RawTable
    extents: dict[int, tuple[float, float]]
    padding: float


@dataclass(slots=True)
class _Piece:
    """A piece of text read in one box of the deskewed page (px)."""

    text: str
    score: float
    box: tuple[int, int, int, int]
    cell: int | None = None  # index into the page's table cells, None for running text


def read_pages(pages: list[PageImage]) -> list[list[RawLine | ScannedTable]]:
    """Each page's lines and tables, top to bottom, bboxes in points."""
    if not pages:
        return []
    cpus = len(os.sched_getaffinity(0))
    workers = min(cpus, len(pages))
    # Always in worker processes, so that this process never runs ONNX or OpenCV threads: a
    # process forked from one that does can hang. Fork, not spawn: spawn re-runs the caller's
    # main module, which a script need not guard.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(max(cpus // workers, 1),)
    ) as pool:
        return list(pool.map(_read, pages))


_ENGINE = None  # a worker's, made by _start


def _start(threads: int) -> None:
    global _ENGINE
    from rapidocr import RapidOCR

    _ENGINE = RapidOCR(
        params={
            "Global.log_level": "warning",
            "Global.use_cls": False,  # report pages are upright; deskew handles the rest
            "Global.max_side_len": 100_000,  # sizes are chosen here, not by RapidOCR
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        }
    )


def _read(page: PageImage) -> list[RawLine | ScannedTable]:
    image, dpi = _load(page)
    return read_page(image, page.number, 72 / dpi)


def _load(page: PageImage) -> tuple[np.ndarray, float]:
    """The page as a grey image, and its resolution."""
    if page.pdf:
        import pypdfium2

        document = pypdfium2.PdfDocument(page.path)
        try:
            bitmap = document[page.index].render(scale=DPI / 72, grayscale=True)
            return np.asarray(bitmap.to_pil().convert("L")), DPI
        finally:
            document.close()
    from PIL import Image

    with Image.open(page.path) as image:
        image.seek(page.index)
        dpi = float(image.info.get("dpi", (0, 0))[0] or DEFAULT_IMAGE_DPI)
        return np.asarray(image.convert("L")), dpi


def read_page(grey: np.ndarray, page: int, scale: float) -> list[RawLine | ScannedTable]:
    """One page's items; ``scale`` turns its pixels into points."""
    assert _ENGINE is not None, "_start() makes the engine"
    grey = _deskew(grey)
    boxes = _detect(grey)
    lines = ruling_lines(ink(grey), 72 / scale)
    ruled = tables(lines)
    clean = grey.copy()
    for table in ruled:  # a ruling line beside a digit reads as "1"; text outside stays whole
        x0, y0, x1, y1 = (int(v) for v in table.bbox)
        clean[y0:y1, x0:x1][lines[y0:y1, x0:x1] > 0] = 255
    grids = [grid(t.cells, page, _CELL_SNAP) for t in ruled]
    cell_boxes = [c.bbox for g in grids for c in g.cells]
    offsets = list(itertools.accumulate((len(g.cells) for g in grids), initial=0))
    cut = _cut(boxes, [t.bbox for t in ruled], cell_boxes)
    pieces = [_recognise(clean, p) for p in _unstack(clean, cut)]
    pieces = [
        p
        for p in pieces
        if p.text.strip() and p.score >= _MIN_SCORE["line" if p.cell is None else "cell"]
    ]
    placed: list[tuple[float, RawItem | ScannedTable]] = []
    for index, (ruled_table, built) in enumerate(zip(ruled, grids, strict=True)):
        extents: dict[int, tuple[float, float]] = {}
        padding = float("inf")
        for j, cell in enumerate(built.cells):
            inside = [p for p in pieces if p.cell == offsets[index] + j]
            if inside:
                cell.text, cell.confidence = _text(inside)
                first, last, (left, right) = _extents(clean, inside)
                extents[j] = (first * scale, last * scale)
                x0, _, x1, _ = cell.bbox  # type: ignore[misc]
                padding = min(padding, (left - x0) * scale, (x1 - right) * scale)
            cell.bbox = _points(cell.bbox, scale)  # type: ignore[arg-type]
        if not extents:
            continue
        order = sorted(
            range(len(built.cells)), key=lambda j: (built.cells[j].row, built.cells[j].col)
        )
        table = RawTable(
            [built.cells[j] for j in order],
            len(built.ys) - 1,
            len(built.xs) - 1,
            page=page,
            bbox=_points(ruled_table.bbox, scale),
        )
        moved = {j: i for i, j in enumerate(order)}
        scanned = ScannedTable(table, {moved[j]: e for j, e in extents.items()}, max(padding, 0.0))
        placed.append((ruled_table.bbox[1], scanned))
    for line in _visual_lines([p for p in pieces if p.cell is None]):
        text, confidence = _text(line)
        box = _union([p.box for p in line])
        placed.append(
            (
                box[1],
                RawLine([Piece(text)], page=page, bbox=_points(box, scale), confidence=confidence),
            )
        )
    placed.sort(key=lambda item: item[0])
    return [item for _, item in placed]


def _extents(page: np.ndarray, pieces: list[_Piece]) -> tuple[float, float, tuple[float, float]]:
    """Of a cell's text (px): the width a line break cannot split at its start (a character; a
    run of Latin letters and digits), the width of its last line, and its inked left and right.
    """
    spans = []
    for line in _visual_lines(pieces):
        x0, y0, x1, y1 = _union([p.box for p in line])
        columns = np.flatnonzero((page[y0:y1, x0:x1] < 128).any(axis=0))
        spans.append((x0 + columns[0], x0 + columns[-1] + 1) if columns.size else (x0, x1))
    height = float(np.median([p.box[3] - p.box[1] for p in pieces])) - 2 * _PAD
    text = _visual_lines(pieces)[0][0].text
    latin = len(text) - len(text.lstrip(_LATIN))
    first = _LATIN_WIDTH * height * latin if latin else height
    inked = (float(min(s[0] for s in spans)), float(max(s[1] for s in spans)))
    return first, float(spans[-1][1] - spans[-1][0]), inked


def column_edges(table: RawTable) -> list[float]:
    """A scanned table's column edges in points, as the PDF reader's stitching compares them."""
    edges = [x for c in table.cells if c.bbox for x in (c.bbox[0], c.bbox[2])]
    return snap_edges(edges, _CELL_SNAP * 72 / DPI)


def _detect(grey: np.ndarray) -> np.ndarray:
    """Text line quadrilaterals (n × 4 × 2, px of ``grey``), found on a reduced copy."""
    factor = min(1.0, _DETECT_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    # RapidOCR keeps the use_* flags of a call for the next one: every call names all three
    found = _ENGINE(
        cv2.cvtColor(small, cv2.COLOR_GRAY2BGR), use_det=True, use_cls=False, use_rec=False
    )
    if found.boxes is None or len(found.boxes) == 0:
        return np.zeros((0, 4, 2), dtype=np.float32)
    return np.asarray(found.boxes, dtype=np.float32) / factor


def _deskew(grey: np.ndarray) -> np.ndarray:
    """The page turned so that its lines of text and ruling are level.

    The skew is the turn that makes the rows of ink sharpest: the one maximising the variance
    of the inked pixels per row, searched on a reduced copy, coarsely, then finely.
    """
    factor = min(1.0, _DETECT_SIDE / max(grey.shape))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    inked = (small < 128).astype(np.uint8)

    def sharpness(angle: float) -> float:
        h, w = inked.shape
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        return float(cv2.warpAffine(inked, turn, (w, h), flags=cv2.INTER_NEAREST).sum(1).var())

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.1), key=sharpness)
    best = max(np.arange(best - 0.08, best + 0.09, 0.02), key=sharpness)
    if abs(best) < _MIN_SKEW:
        return grey
    h, w = grey.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), float(best), 1.0)
    return cv2.warpAffine(grey, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _cut(
    quads: np.ndarray,
    table_boxes: list[tuple[float, float, float, float]],
    cell_boxes: list[tuple[float, float, float, float] | None],
) -> list[_Piece]:
    """Each line's box, cut at the borders of the cells it crosses when it lies in a table."""
    pieces = []
    for quad in quads:
        x0, y0 = quad.min(axis=0)
        x1, y1 = quad.max(axis=0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        side = min(x1 - x0, y1 - y0)  # a line's height; a stacked label's width
        if not any(t[0] <= cx <= t[2] and t[1] <= cy <= t[3] for t in table_boxes):
            pieces.append(_Piece("", 0.0, _box(x0, y0, x1, y1)))
            continue
        for index, cell in enumerate(cell_boxes):
            if cell is None:
                continue
            ix0, iy0 = max(x0, cell[0]), max(y0, cell[1])
            ix1, iy1 = min(x1, cell[2]), min(y1, cell[3])
            if ix1 - ix0 >= 0.4 * side and iy1 - iy0 >= 0.5 * side:
                pieces.append(_Piece("", 0.0, _box(ix0, iy0, ix1, iy1), index))
    return pieces


def _unstack(page: np.ndarray, pieces: list[_Piece]) -> list[_Piece]:
    """Cell pieces regrouped into the rows of ink they cover; running text as it is.

    A narrow cell stacks its label one character a line (指/标/性/质), where the detector gives
    tall or overlapping boxes that the line recogniser cannot read. Overlapping boxes of a cell
    are joined, and a join taller than a line is cut at the blank rows between its lines.
    """
    line = float(np.median([p.box[3] - p.box[1] for p in pieces])) if pieces else 0.0
    out = [p for p in pieces if p.cell is None]
    cells: dict[int, list[tuple[int, int, int, int]]] = {}
    for piece in pieces:
        if piece.cell is not None:
            cells.setdefault(piece.cell, []).append(piece.box)
    for cell, boxes in cells.items():
        for x0, y0, x1, y1 in _joined(boxes):
            if y1 - y0 < _STACKED * line:
                out.append(_Piece("", 0.0, (x0, y0, x1, y1), cell))
                continue
            for top, bottom in _ink_rows(page[y0:y1, x0:x1]):
                out.append(_Piece("", 0.0, (x0, y0 + top, x1, y0 + bottom), cell))
    return out


def _joined(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Boxes with every overlapping pair joined into their union, until none overlap."""
    boxes = list(boxes)
    merged = True
    while merged:
        merged = False
        for i, j in itertools.combinations(range(len(boxes)), 2):
            a, b = boxes[i], boxes[j]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                boxes[i] = _union([a, b])
                del boxes[j]
                merged = True
                break
    return boxes


def _ink_rows(crop: np.ndarray) -> list[tuple[int, int]]:
    """[top, bottom) of the lines of text in ``crop``, one under the other.

    Runs of inked rows are characters' rows, or parts of a character whose strokes leave a blank
    row (二, 三); runs are joined while the join stays within the tallest run's height, the
    height of one character.
    """
    inked = (crop < 128).any(axis=1).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inked, [0]))))
    runs = [[int(t), int(b)] for t, b in zip(edges[::2], edges[1::2], strict=True)]
    if not runs:
        return []
    height = max(b - t for t, b in runs)
    rows = [runs[0]]
    for top, bottom in runs[1:]:
        if bottom - rows[-1][0] <= _ONE_CHAR * height:
            rows[-1][1] = bottom
        else:
            rows.append([top, bottom])
    return [(top, bottom) for top, bottom in rows if bottom - top >= _MIN_ROW]


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
    return int(x0), int(y0), math.ceil(x1), math.ceil(y1)


def _recognise(page: np.ndarray, piece: _Piece) -> _Piece:
    x0, y0, x1, y1 = piece.box
    h, w = page.shape
    crop = page[max(y0 - _PAD, 0) : min(y1 + _PAD, h), max(x0 - _PAD, 0) : min(x1 + _PAD, w)]
    if crop.size == 0 or crop.min() > 128:
        return piece  # nothing inked once the ruling lines are gone
    result = _ENGINE(
        cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True
    )
    if result.txts:
        piece.text, piece.score = result.txts[0], float(result.scores[0])
    return piece


def _visual_lines(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped into lines by vertical overlap, each line left to right."""
    lines: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.box[1] + p.box[3]) / 2):
        if lines:
            top, bottom = min(p.box[1] for p in lines[-1]), max(p.box[3] for p in lines[-1])
            overlap = min(bottom, piece.box[3]) - max(top, piece.box[1])
            if overlap >= 0.5 * min(bottom - top, piece.box[3] - piece.box[1]):
                lines[-1].append(piece)
                continue
        lines.append([piece])
    for line in lines:
        line.sort(key=lambda p: p.box[0])
    return lines


def _text(pieces: list[_Piece]) -> tuple[str, float]:
    """The text of pieces, a line per visual line, and the least confidence among them."""
    rows = []
    for line in _visual_lines(pieces):
        parts = [line[0].text]
        for before, piece in itertools.pairwise(line):
            gap = piece.box[0] - before.box[2]
            parts.append((" " if gap > _SPACE * (piece.box[3] - piece.box[1]) else "") + piece.text)
        rows.append("".join(parts))
    return "\n".join(rows), round(min(p.score for p in pieces), 4)


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _points(
    box: tuple[float, float, float, float], scale: float
) -> tuple[float, float, float, float]:
    return tuple(round(v * scale, 2) for v in box)  # type: ignore[return-value]
