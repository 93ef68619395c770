"""Ruled tables of a scanned page, from its ruling lines (OpenCV).

Ruling lines are long thin runs of ink, which no character has at scan resolution, so opening
the inked pixels with a long flat (or tall thin) kernel keeps the lines and drops the text. A
table is a connected set of lines with both directions in it; its cells are the closed paper
regions between them. Cells are returned with their edges moved to the middle of the lines
around them, so that two neighbours share an edge and ``grid`` can tell spans from cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

BBox = tuple[float, float, float, float]

# inches a horizontal (vertical) ruling line is at least long: longer than a stroke of table
# text, shorter than the side of a one-line cell
_MIN_LINE = (0.3, 0.22)
_MIN_TABLE = (150, 40)  # px: narrower or flatter line sets are rules or boxes, not tables
_MIN_CELL = 8  # px: a smaller closed region is a gap where lines cross, not a cell


@dataclass(slots=True)
class RuledTable:
    bbox: BBox  # px
    cells: list[BBox]  # px, edges in the middle of the ruling lines


def ink(page: np.ndarray) -> np.ndarray:
    """255 where a grey page is inked, by Otsu's threshold (bilevel scans pass unchanged)."""
    _, binary = cv2.threshold(page, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def ruling_lines(binary: np.ndarray, dpi: float) -> np.ndarray:
    """255 on the page's horizontal and vertical ruling lines, small breaks in them closed."""
    run, rise = int(_MIN_LINE[0] * dpi), int(_MIN_LINE[1] * dpi)
    flat = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1))
    )
    tall = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, rise))
    )
    # lines that stop a pixel short of the one they meet still close their cells
    flat = cv2.dilate(flat, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 3)))
    tall = cv2.dilate(tall, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 7)))
    return cv2.bitwise_or(flat, tall)


def tables(lines: np.ndarray) -> list[RuledTable]:
    """The ruled tables of a page, top to bottom, from its ruling-line mask."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if w < _MIN_TABLE[0] or h < _MIN_TABLE[1]:
            continue
        mask = labels[y : y + h, x : x + w] == label
        cells = _cells(mask, x, y)
        if len(cells) >= 2:
            found.append(RuledTable((float(x), float(y), float(x + w), float(y + h)), cells))
    found.sort(key=lambda t: t.bbox[1])
    return found


def _cells(mask: np.ndarray, x: int, y: int) -> list[BBox]:
    """Closed paper regions inside one table's lines, as boxes reaching to the lines' middles."""
    paper = np.where(mask, 0, 255).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(paper, connectivity=4)
    h, w = mask.shape
    cells = []
    for label in range(1, count):
        cx, cy, cw, ch, _ = stats[label]
        if cx == 0 or cy == 0 or cx + cw == w or cy + ch == h:
            continue  # open to the outside: margin around the table, not a cell
        if cw < _MIN_CELL or ch < _MIN_CELL:
            continue
        left, right = _half_line(mask[cy + ch // 2, :], cx, cx + cw)
        top, bottom = _half_line(mask[:, cx + cw // 2], cy, cy + ch)
        cells.append(
            (
                float(x + cx - left),
                float(y + cy - top),
                float(x + cx + cw + right),
                float(y + cy + ch + bottom),
            )
        )
    return cells


def _half_line(profile: np.ndarray, start: int, end: int) -> tuple[float, float]:
    """Half the thickness of the line before ``start`` and of the one from ``end`` on."""
    before = 0
    while start - before - 1 >= 0 and profile[start - before - 1]:
        before += 1
    after = 0
    while end + after < len(profile) and profile[end + after]:
        after += 1
    return before / 2, after / 2
