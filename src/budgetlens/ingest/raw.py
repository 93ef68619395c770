"""What a reader hands to the assembler: source lines and grids, before any structure.

Readers know their format; the assembler (``structure.py``) knows Chinese reports: which lines
are headings, which paragraphs were broken, which paragraph names the table below it. Keeping
the two apart is what lets every format share one set of repairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Piece:
    """Text copied verbatim from one source position (1-based line, 0-based column)."""

    text: str
    line: int | None = None
    col: int = 0


@dataclass(slots=True)
class RawLine:
    """One unit of running text as the source laid it out: a line, or a Word paragraph."""

    pieces: list[Piece]
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    styled_heading: bool = False  # the source itself marks it as a heading (Word style, "#")
    confidence: float | None = None  # OCR's, for a line read from a scan

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(slots=True)
class RawCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    confidence: float | None = None  # OCR's, for a cell read from a scan


@dataclass(slots=True)
class RawTable:
    cells: list[RawCell]
    n_rows: int
    n_cols: int
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    notes: list[str] = field(default_factory=list)  # repairs made while reading it


RawItem = RawLine | RawTable
