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


def drop_idle_lines(built: Grid, filled: set[int]) -> Grid:
    """``built`` without the grid lines that only misaligned rulings made.

    When one row's cell boundary sits a little left of another row's (the header of a column
    drawn apart from its body), the grid gains a band that no cell has to itself: every cell
    over it reaches into a neighbouring band. Such a band is merged into a neighbour across one
    of its lines, provided that no two cells holding text (``filled``: indices into
    ``built.cells``) meet at that line; where an empty cell meets one with text, the empty cell
    gives up the band. A band that some cell has to itself, a printed empty row among them,
    stays. The cells are the same objects, renumbered; one left with no band is dropped.
    """
    cells = built.cells
    alive = set(range(len(cells)))
    edges = {"col": list(built.xs), "row": list(built.ys)}
    if not _drop_one(cells, alive, edges, filled):
        return built
    while _drop_one(cells, alive, edges, filled):
        pass
    xs, ys = edges["col"], edges["row"]
    kept = [cells[i] for i in sorted(alive)]
    owner = {
        (r, c): i
        for i, cell in enumerate(kept)
        for r in range(cell.row, cell.row + cell.row_span)
        for c in range(cell.col, cell.col + cell.col_span)
    }
    page = kept[0].page if kept else None
    for r in range(len(ys) - 1):  # a cell that gave up a band where no neighbour took it
        for c in range(len(xs) - 1):
            if (r, c) not in owner:
                owner[(r, c)] = len(kept)
                kept.append(RawCell(r, c, "", page=page, bbox=(xs[c], ys[r], xs[c + 1], ys[r + 1])))
    return Grid(xs, ys, kept, owner)


def _drop_one(
    cells: list[RawCell], alive: set[int], edges: dict[str, list[float]], filled: set[int]
) -> bool:
    """Drop one line that bounds an idle band, if there is one; whether one was dropped."""
    for axis in ("col", "row"):
        lines = edges[axis]
        own = {_span(cells[i], axis)[0] for i in alive if _span(cells[i], axis)[1] == 1}
        for band in range(len(lines) - 1):
            if band in own:
                continue
            for line in (band, band + 1):
                if 0 < line < len(lines) - 1 and _mergeable(cells, alive, axis, line, filled):
                    _merge(cells, alive, axis, line, band, filled)
                    del lines[line]
                    _fit_boxes(cells, alive, axis, lines)
                    return True
    return False


def _span(cell: RawCell, axis: str) -> tuple[int, int]:
    return (cell.col, cell.col_span) if axis == "col" else (cell.row, cell.row_span)


def _set_span(cell: RawCell, axis: str, start: int, span: int) -> None:
    if axis == "col":
        cell.col, cell.col_span = start, span
    else:
        cell.row, cell.row_span = start, span


def _meeting(cells: list[RawCell], alive: set[int], axis: str, line: int) -> list[tuple[int, int]]:
    """The pairs of distinct cells that meet at ``line``: one ends there, the other starts."""
    other = "row" if axis == "col" else "col"
    before: dict[int, int] = {}
    after: dict[int, int] = {}
    for i in alive:
        start, span = _span(cells[i], axis)
        across, width = _span(cells[i], other)
        if start + span == line:
            before.update((p, i) for p in range(across, across + width))
        elif start == line:
            after.update((p, i) for p in range(across, across + width))
    return [(before[p], after[p]) for p in before if p in after]


def _mergeable(
    cells: list[RawCell], alive: set[int], axis: str, line: int, filled: set[int]
) -> bool:
    return not any(a in filled and b in filled for a, b in _meeting(cells, alive, axis, line))


def _merge(
    cells: list[RawCell], alive: set[int], axis: str, line: int, idle: int, filled: set[int]
) -> None:
    """Renumber the cells for the bands on either side of ``line`` becoming one band.

    Of two cells that meet at the line, the empty one gives up the merged band, or, both
    being empty, the one on the idle band's side.
    """
    losers = set()
    for a, b in _meeting(cells, alive, axis, line):
        if b not in filled and (a in filled or idle == line):
            losers.add(b)
        else:
            losers.add(a)
    for i in list(alive):
        start, span = _span(cells[i], axis)
        end = start + span
        if start >= line:  # bands from ``line`` on move down by one
            start, end = start - 1, end - 1
            if i in losers:
                start += 1  # gives up the merged band, now numbered line - 1
        elif end > line:
            end -= 1  # spans the line: one band fewer
        elif end == line and i in losers:
            end -= 1
        if end <= start:
            alive.discard(i)
        else:
            _set_span(cells[i], axis, start, end - start)


def _fit_boxes(cells: list[RawCell], alive: set[int], axis: str, lines: list[float]) -> None:
    """Each cell's box along ``axis`` from the grid lines it now spans."""
    for i in alive:
        cell = cells[i]
        if cell.bbox is None:
            continue
        start, span = _span(cell, axis)
        x0, top, x1, bottom = cell.bbox
        if axis == "col":
            cell.bbox = (lines[start], top, lines[start + span], bottom)
        else:
            cell.bbox = (x0, lines[start], x1, lines[start + span])
