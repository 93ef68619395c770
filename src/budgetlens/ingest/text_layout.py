"""Text exports whose tables are laid out with spaces: one row a line, each column starting at
the same place on every line of its table (what ``pdftotext -layout`` and copying from a PDF
viewer give). An empty cell is only spaces, so cells are found by where they start, not by
what separates them: a table's columns are the places its cells start at, and every piece of
text goes to the column it starts in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from budgetlens.ingest.raw import RawCell

_GAP = re.compile(r"\S+(?: \S+)*")  # text with single spaces inside; two or more part cells
_MIN_ROWS = 2  # a block of aligned lines this long is a table
_SLACK = 1  # display columns a cell may start off its column (rounding of centred text)


@dataclass(frozen=True)
class _Segment:
    text: str
    start: int  # display column: CJK characters count 2, as the layout was printed
    col: int  # character offset in the line


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def segments(line: str) -> list[_Segment]:
    line = line.replace("\u3000", "  ").rstrip()
    return [_Segment(m.group(), _width(line[: m.start()]), m.start()) for m in _GAP.finditer(line)]


def has_columns(line: str) -> bool:
    """Two or more pieces of text apart by two or more spaces."""
    return len(segments(line)) >= 2


def _indented(line: str) -> bool:
    return line.startswith("  ") and bool(line.strip())


Blank = Callable[[str], bool]


def table_end(lines: list[str], start: int, blank: Blank) -> int:
    """The end of the table starting at ``start``: lines of columns, and indented lines whose
    text starts on one of those columns (a row whose leading cells are empty); a single blank
    line inside is kept when a line of columns follows it."""
    if not has_columns(lines[start]):
        return start
    columns = {s.start for s in segments(lines[start])}
    end = start + 1
    k = start + 1
    while k < len(lines):
        line = lines[k]
        if blank(line):
            nxt = next((n for n in range(k + 1, len(lines)) if not blank(lines[n])), len(lines))
            following = lines[nxt] if nxt < len(lines) else ""
            aligned = _aligned(following, columns, 2 if nxt > k + 1 else 1)
            if (has_columns(following) or _indented(following)) and aligned:
                k = nxt  # a blank line inside a table; several, where the columns go on
                continue
            break
        starts = {s.start for s in segments(line)}
        joins = has_columns(line) or _indented(line) or _lone_cell(lines, k, columns)
        if joins and _aligned(line, columns):
            columns |= starts
            end = k + 1
            k += 1
            continue
        break
    rows = [r for r in range(start, end) if not blank(lines[r])]
    return end if len(rows) >= _MIN_ROWS else start


_SHORT = 20  # characters of a row holding only its first cell ("项目类型")


def _lone_cell(lines: list[str], k: int, columns: set[int]) -> bool:
    """A short line between two rows of the table: a row whose other cells are empty."""
    following = k + 1 < len(lines) and has_columns(lines[k + 1])
    return len(lines[k].strip()) <= _SHORT and following and _aligned(lines[k + 1], columns)


def _aligned(line: str, columns: set[int], cells: int = 1) -> bool:
    """A line belongs to a table when ``cells`` of its cells start where columns do."""
    on = [s for s in segments(line) if any(abs(s.start - c) <= _SLACK for c in columns)]
    return len(on) >= cells


def table_rows(
    lines: list[str], start: int, end: int, blank: Blank
) -> tuple[list[list[RawCell]], list[bool]]:
    """The rows of the table in ``lines[start:end]``: each cell in the column it starts in,
    trailing empty cells left off (as OCR-like rows), and for each row whether a blank line
    came before it."""
    starts = sorted({s.start for k in range(start, end) for s in segments(lines[k])})
    columns: list[int] = []
    for position in starts:  # starts a character or two apart are one column
        if not columns or position - columns[-1] > _SLACK:
            columns.append(position)
    rows: list[list[RawCell]] = []
    after_blank: list[bool] = []
    blank_seen = False
    for k in range(start, end):
        if blank(lines[k]):
            blank_seen = True
            continue
        texts = [""] * len(columns)
        for segment in segments(lines[k]):
            col = max(c for c, position in enumerate(columns) if position <= segment.start + _SLACK)
            texts[col] = f"{texts[col]} {segment.text}".strip()
        while texts and not texts[-1]:
            texts.pop()
        rows.append(
            [RawCell(0, c, t, line_start=k + 1, line_end=k + 1) for c, t in enumerate(texts)]
        )
        after_blank.append(blank_seen)
        blank_seen = False
    return rows, after_blank
