"""A table as the model reads it: a compact grid with cell coordinates.

One line per row, each non-empty cell as ``c<col>:<text>`` after ``r<row>``, so an answer can
cite a cell as ``r<row>c<col>`` and costs few tokens (a merged cell appears once, at its
top-left position).
"""

from __future__ import annotations

import re

from budgetlens.document import Cell, Table

_CELL = re.compile(r"^r(?P<row>\d+)c(?P<col>\d+)$")


def render(table: Table) -> str:
    rows: dict[int, list[str]] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.text:
            text = " ".join(cell.text.split()).replace("|", "/")
            rows.setdefault(cell.row, []).append(f"c{cell.col}:{text}")
    title = f"title: {table.text}\n" if table.text else ""
    return title + "\n".join(f"r{r}|" + "|".join(cells) for r, cells in rows.items())


def coordinates(name: str) -> tuple[int, int] | None:
    """(row, col) of a cited cell name such as ``r5c6``."""
    match = _CELL.match(name.strip())
    return (int(match.group("row")), int(match.group("col"))) if match else None


def cited_cell(table: Table, name: str) -> Cell | None:
    """The non-empty cell a name points at (a merged cell from any position it covers)."""
    position = coordinates(name)
    if position is None:
        return None
    cell = table.cell_at(*position)
    return cell if cell is not None and cell.text else None
