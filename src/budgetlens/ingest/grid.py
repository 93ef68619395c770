"""Cells from their boxes: grid lines, spans and who owns each grid position.

A ruled table, whether pdfplumber found its cells in a text PDF or the ruling lines of a scan
gave them, is a set of cell boxes. The grid lines are their distinct edges, and a cell covering
several of them spans them. Both readers build their grids here.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from budgetlens.ingest.raw import RawCell

BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Grid:
    xs: list[float]  # column edges
    ys: list[float]  # row edges
    cells: list[RawCell]  # every grid position covered, empty cells included
    owner: dict[tuple[int, int], int]  # (row, col) → index into cells

    def cell_index(self, x: float, y: float) -> int | None:
        """The index of the cell a point falls in, if any."""
        key = (bisect_right(self.ys, y) - 1, bisect_right(self.xs, x) - 1)
        return self.owner.get(key)


def grid(boxes: list[BBox], page: int | None, snap: float) -> Grid:
    """The grid of ``boxes``, edges closer than ``snap`` counted as one line."""
    xs = snap_edges([x for b in boxes for x in (b[0], b[2])], snap)
    ys = snap_edges([y for b in boxes for y in (b[1], b[3])], snap)
    owner: dict[tuple[int, int], int] = {}
    cells: list[RawCell] = []
    for box in boxes:
        col, col_end = nearest(xs, box[0]), nearest(xs, box[2])
        row, row_end = nearest(ys, box[1]), nearest(ys, box[3])
        if col_end <= col or row_end <= row:
            continue  # thinner than the snap distance: a double rule, not a cell
        for r in range(row, row_end):
            for c in range(col, col_end):
                owner.setdefault((r, c), len(cells))
        cells.append(RawCell(row, col, "", row_end - row, col_end - col, page=page, bbox=box))
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if (r, c) not in owner:
                owner[(r, c)] = len(cells)
                cells.append(
                    RawCell(r, c, "", page=page, bbox=(xs[c], ys[r], xs[c + 1], ys[r + 1]))
                )
    return Grid(xs, ys, cells, owner)


def snap_edges(values: list[float], snap: float) -> list[float]:
    """Sorted distinct values, those within ``snap`` of each other counted once."""
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > snap:
            snapped.append(value)
    return snapped


def nearest(edges: list[float], value: float) -> int:
    i = bisect_right(edges, value)
    if i == len(edges) or (i > 0 and value - edges[i - 1] <= edges[i] - value):
        return i - 1
    return i
