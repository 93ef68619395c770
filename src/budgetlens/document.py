"""The document model every reader produces: ordered, located blocks.

A block is a heading, a paragraph or a table. Each has a stable id (its kind's letter and its
ordinal among blocks of that kind, so the same input always gives the same ids), a location in
the source, and the section path of headings above it. A table is a grid of cells with spans.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Location(BaseModel):
    """Where something is in the source: page where known, 1-based lines for text inputs."""

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # points: x0, top, x1, bottom


# OCR confidence below which a value read from a scan is not trusted: checks that use it are
# "not checked". At and above it, every number cell of the scanned seeds was read right.
MIN_CONFIDENCE = 0.95


class Cell(BaseModel):
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    location: Location = Location()
    confidence: float | None = None  # OCR's, for a cell read from a scan; None when not OCR'd


class SourceMap(BaseModel):
    """Maps offsets in a block's repaired text back to (line, column) in the source.

    ``anchors`` holds ``[offset, line, column]`` triples, sorted by offset; each starts a run of
    text copied verbatim from that source position, so any offset maps by linear interpolation
    from the anchor at or before it.
    """

    anchors: list[tuple[int, int, int]] = []

    def locate(self, offset: int) -> tuple[int, int] | None:
        """(line, 0-based column) of the character at ``offset``, or None without anchors."""
        if not self.anchors:
            return None
        i = max(bisect_right(self.anchors, (offset, 1 << 30, 0)) - 1, 0)
        start, line, col = self.anchors[i]
        return line, col + max(offset - start, 0)


class _BlockBase(BaseModel):
    id: str
    text: str
    section: list[str] = []
    location: Location
    # for text read from a scan: [start, end, confidence] runs of ``text``, one per OCR'd line
    confidence: list[tuple[int, int, float]] = []

    def confidence_of(self, start: int, end: int) -> float | None:
        """The least OCR confidence of the text in [start, end), or None when not OCR'd."""
        scores = [c for s, e, c in self.confidence if s < end and start < e]
        return min(scores) if scores else None


class Heading(_BlockBase):
    kind: Literal["heading"] = "heading"
    level: int  # 0 report title, 1 第X部分, 2 一、, 3 （一）, 4 1., 5 （1）
    source_map: SourceMap = SourceMap()


class Paragraph(_BlockBase):
    kind: Literal["paragraph"] = "paragraph"
    source_map: SourceMap = SourceMap()


class Table(_BlockBase):
    """A grid; ``text`` is its title when one was found above it, else empty."""

    kind: Literal["table"] = "table"
    n_rows: int
    n_cols: int
    cells: list[Cell]
    caption_ids: list[str] = []  # the paragraphs above the table that name it

    def grid(self) -> list[list[str]]:
        """Rows of cell texts, a merged cell's text at its top-left position only."""
        rows = [[""] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell.text
        return rows

    @cached_property
    def _covering(self) -> dict[tuple[int, int], Cell]:
        """Grid position → the cell covering it; built once, as a table's cells are not
        changed once read."""
        return {
            (r, c): cell
            for cell in reversed(self.cells)  # the first cell listed wins an overlap
            for r in range(cell.row, cell.row + cell.row_span)
            for c in range(cell.col, cell.col + cell.col_span)
        }

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col), merged cells included."""
        return self._covering.get((row, col))


Block = Annotated[Heading | Paragraph | Table, Field(discriminator="kind")]


class Document(BaseModel):
    source: str
    format: Literal["docx", "pdf", "html", "text-word", "text-ocr", "text-layout", "image"]
    sha256: str
    pages: int | None = None
    blocks: list[Block]
    warnings: list[str] = []

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def block(self, block_id: str) -> Heading | Paragraph | Table:
        for b in self.blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)
