"""PDFs through pdfplumber: ruled tables as grids, the rest as visual lines; scanned pages by OCR.

Lines are built from characters, not from pdfplumber's ``extract_text``: reports set numbers in
a Latin font whose boxes sit a few points lower than the Chinese around them, and grouping by
baseline would move every number of a sentence onto a line of its own. A table that a page break
cut in two is stitched back into one grid, so that its 合计 row meets the rows it sums. The
rulings are those that print (``pdf_ruling``): a frame around a statement and its title is no
cell, and the title inside it comes out as the caption line above the table.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.page import Page

from budgetlens.errors import InputError
from budgetlens.ingest.grid import Grid, drop_idle_lines, grid, nearest
from budgetlens.ingest.ocr import PageImage, ScannedTable, column_edges, read_pages
from budgetlens.ingest.pdf_ruling import Ruled, ruled_tables
from budgetlens.ingest.raw import Piece, RawCell, RawItem, RawLine, RawTable

# pdfminer warns once per glyph run about fonts it measures by default ("Could not get
# FontBBox…", hundreds for a Chromium-printed PDF): nothing a reader of the report can act on
logging.getLogger("pdfminer").setLevel(logging.ERROR)

Char = dict[str, Any]  # a pdfplumber char: text, x0, x1, top, bottom, size…
BBox = tuple[float, float, float, float]

_EDGE_SNAP = 1.0  # cell edges closer than this (pt) are one grid line
_STITCH_EDGE_TOLERANCE = 3.0  # column edges of the two halves of a cut table may differ this much
_WRAP_SLACK = 1.0  # pt of rounding allowed when testing whether a char fitted on a line
# On a scan, a line's ink is narrower than its glyphs' advances by their side bearings: 4 pt
# joins all but one of the rows Word split across a page in the scans of 004.
_SCAN_WRAP_SLACK = 4.0
# The confidence left to a cell at the foot of a scanned page, and to the cell under it at the
# top of the next, when the lower reads as the remainder of the upper (no room was left for its
# first character) but the rest of its row does not: the row was not joined, and the two may
# each hold part of one text (a "4" whose "%" went onto the next page), so checks skip them.
_CUT_CONFIDENCE = 0.5
_NO_LINE_START = set("、，。．：；！？）】》」』〕〉”’％%),.:;!?]}…·")
_SPACE_GAP = 0.25  # a gap wider than this share of the font size is a space
_CAPTION_GAP = 3.0  # a gap of this many font sizes parts the pieces of a caption line
_MARGIN = 0.1  # share of the page height at top and bottom where running headers/footers sit
_RUNNING_MIN_PAGES = 3  # a margin text repeated on this many pages is a running header/footer
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[-—–－\s]*$"
)


@dataclass(slots=True)
class PdfContent:
    """What ``read_pdf`` found: items in reading order, the page count, and what it skipped."""

    items: list[RawItem]
    pages: int
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _PageData:
    """What pdfplumber gives for one page, taken while the file is open."""

    number: int
    height: float
    chars: list[Char]
    has_images: bool
    tables: list[Ruled]


@dataclass(slots=True)
class _Grid:
    """A table being built, with what stitching it to its continuation needs to know."""

    table: RawTable
    xs: list[float]  # column edges
    last_page: int
    # id(cell) → (width of what must start its first line, width of its last line)
    extents: dict[int, tuple[float, float]]
    padding: float  # the least gap seen between a cell's text and its left or right edge
    scanned: bool = False  # its extents were measured on OCR'd ink, not on glyphs


def read_pdf(path: Path) -> PdfContent:
    """Lines and tables of every page in reading order: the text layer where a page has one,
    OCR where it is a scan."""
    pages = _load(path)
    scanned = [p.number for p in pages if not p.chars and p.has_images]
    read = dict(
        zip(scanned, read_pages([PageImage(path, n - 1, pdf=True) for n in scanned]), strict=True)
    )
    per_page = [
        _scanned_items(read[p.number]) if p.number in read else _page_items(p) for p in pages
    ]
    items = _stitch(per_page, _running_lines(pages, per_page))
    if not items:
        raise InputError(f"{path}: no text found on any of its {len(pages)} pages")
    warnings = []
    if scanned:
        listed = ", ".join(map(str, scanned))
        warnings.append(
            f"page {listed} has no text layer and was read by OCR"
            if len(scanned) == 1
            else f"pages {listed} have no text layer and were read by OCR"
        )
    return PdfContent(items, len(pages), warnings)


def read_images(path: Path, heights: list[float]) -> list[RawItem]:
    """The frames of a scanned image file (one, or a multi-page TIFF's), ``heights`` in points,
    read like the scanned pages of a PDF: tables stitched, running headers known."""
    read = read_pages([PageImage(path, i, pdf=False) for i in range(len(heights))])
    pages = [_PageData(n, h, [], True, []) for n, h in enumerate(heights, 1)]
    per_page = [_scanned_items(items) for items in read]
    return _stitch(per_page, _running_lines(pages, per_page))


def _scanned_items(items: list[RawLine | ScannedTable]) -> list[_Grid | RawLine]:
    """A scanned page's items, its tables ready to be stitched like those of a text page."""
    return [
        _Grid(
            i.table,
            column_edges(i.table),
            i.table.page or 0,
            {id(i.table.cells[j]): extent for j, extent in i.extents.items()},
            i.padding,
            scanned=True,
        )
        if isinstance(i, ScannedTable)
        else i
        for i in items
    ]


def _load(path: Path) -> list[_PageData]:
    try:
        with pdfplumber.open(path) as pdf:
            pages = []
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page_data(page, number))
                page.close()  # drop the page's parsed objects; a report has dozens of pages
            return pages
    except Exception as exc:  # pdfminer raises many kinds on damaged files, wrapped or not
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFEncryptionError):
            raise InputError(
                f"{path}: the PDF is encrypted (password-protected); save an unprotected copy"
            ) from exc
        detail = str(cause).replace("\n", " ") or type(cause).__name__
        raise InputError(f"{path}: not a readable PDF ({detail})") from exc


def _page_data(page: Page, number: int) -> _PageData:
    chars = [c for c in page.chars if c["text"].strip()]
    tables = ruled_tables(page) if chars else []
    return _PageData(number, float(page.height), chars, bool(page.images), tables)


def _page_items(page: _PageData) -> list[_Grid | RawLine]:
    """One page's lines and tables, top to bottom."""
    loose = page.chars
    placed: list[tuple[float, _Grid | RawLine]] = []
    headers: list[BBox] = []  # the part of each table's frame above its first ruled row
    for ruled in page.tables:
        grid, loose = _grid(ruled.bbox, ruled.cells, loose, page.number)
        if grid is not None:
            placed.append((ruled.bbox[1], grid))
            headers += [(f[0], f[1], f[2], ruled.bbox[1]) for f in ruled.frames]
    for line in _lines(loose):
        box = _bbox(line)
        caption = any(_within(box, header) for header in headers)
        pieces = _pieces(line) if caption else [Piece(_text(line))]
        placed.append((box[1], RawLine(pieces, page=page.number, bbox=box)))
    placed.sort(key=lambda p: p[0])
    return [item for _, item in placed]


def _within(box: BBox, area: BBox) -> bool:
    return (
        area[0] - _EDGE_SNAP <= box[0]
        and area[1] - _EDGE_SNAP <= box[1]
        and box[2] <= area[2] + _EDGE_SNAP
        and box[3] <= area[3] + _EDGE_SNAP
    )


def _pieces(line: list[Char]) -> list[Piece]:
    """A caption line cut where a wide gap parts its texts ("部门：…" at the left, "单位：万元"
    at the right), each later piece starting with the space the gap stands for."""
    groups = [[line[0]]]
    for previous, char in pairwise(line):
        if char["x0"] - previous["x1"] > _CAPTION_GAP * min(char["size"], previous["size"]):
            groups.append([])
        groups[-1].append(char)
    return [Piece((" " if i else "") + _text(group)) for i, group in enumerate(groups)]


def _grid(
    bbox: BBox, cell_boxes: list[BBox], chars: list[Char], page: int
) -> tuple[_Grid | None, list[Char]]:
    """The table's grid with merged cells as spans, and the chars left outside its cells.

    Grid lines are the distinct cell edges, so a cell covering several of them spans them; lines
    that only misaligned rulings made are dropped again. A table with no text in any cell is
    ruling without content and gives no grid.
    """
    built = grid(cell_boxes, page, _EDGE_SNAP)
    inside, outside = _place(built, chars)
    if not inside:
        return None, chars
    by_cell = {id(built.cells[i]): placed for i, placed in inside.items()}
    built = drop_idle_lines(built, set(inside))
    xs, cells = built.xs, built.cells
    extents: dict[int, tuple[float, float]] = {}
    padding = float("inf")
    for cell in cells:
        if id(cell) not in by_cell:
            continue
        lines = _lines(by_cell[id(cell)])
        cell.text = "\n".join(_text(line) for line in lines)
        last = lines[-1]
        extents[id(cell)] = (_unbreakable_width(lines[0]), last[-1]["x1"] - last[0]["x0"])
        x0, _, x1, _ = cell.bbox or bbox
        padding = min(padding, *(min(ln[0]["x0"] - x0, x1 - ln[-1]["x1"]) for ln in lines))
    cells.sort(key=lambda c: (c.row, c.col))
    table = RawTable(cells, len(built.ys) - 1, len(xs) - 1, page=page, bbox=bbox)
    return _Grid(table, xs, page, extents, max(padding, 0.0)), outside


def _place(built: Grid, chars: list[Char]) -> tuple[dict[int, list[Char]], list[Char]]:
    """The chars of each cell (by index), and those outside every cell.

    A char goes to the cell its centre is in, except the next line of a cell's text that
    overflowed the cell's bottom ruling (a clipped spreadsheet cell): it starts above that
    ruling, under the text above, which ends before the ruling; it goes with that text.
    """
    inside: dict[int, list[Char]] = {}
    outside = []
    spilled = []
    for char in chars:
        index = built.cell_index((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
        box = None if index is None else built.cells[index].bbox
        if index is None:
            outside.append(char)
        elif box is not None and char["top"] < box[1] - _EDGE_SNAP:
            spilled.append((char, index, box[1]))
        else:
            inside.setdefault(index, []).append(char)
    for char, index, ruling in spilled:
        above = built.cell_index((char["x0"] + char["x1"]) / 2, ruling - _EDGE_SNAP)
        if above is not None and _next_line(char, inside.get(above, []), ruling):
            index = above
        inside.setdefault(index, []).append(char)
    return inside, outside


def _next_line(char: Char, chars: list[Char], ruling: float) -> bool:
    """Whether ``char`` starts the line after the last of ``chars``, which ends above
    ``ruling``: no lower than a char's half height under it, and not beside it."""
    if not chars:
        return False
    bottom = max(c["bottom"] for c in chars)
    half = (char["bottom"] - char["top"]) / 2
    return bottom <= ruling and bottom - _EDGE_SNAP <= char["top"] <= bottom + half


def _unbreakable_width(line: list[Char]) -> float:
    """Width of the start of ``line`` that a line break cannot split: its first char, with the
    rest of its word if Latin, and the punctuation that may not begin a line (、，。）…)."""
    end = 1
    while end < len(line) and (
        line[end]["text"] in _NO_LINE_START
        or (
            line[end]["text"].isascii()
            and line[end]["text"].isalnum()
            and line[0]["text"].isascii()
        )
    ):
        end += 1
    return line[end - 1]["x1"] - line[0]["x0"]


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Chars grouped into visual lines by vertical overlap, each line sorted left to right.

    A char joins the line when at least half of the shorter of it and the line's band overlap:
    a number set 5 pt low in a 12 pt line overlaps its own line by 7 pt and the next one by 3.
    The band is the tallest char's, so a raised quote mark or footnote cannot narrow it.
    """
    lines: list[list[Char]] = []
    top = bottom = 0.0
    for char in sorted(chars, key=lambda c: c["top"] + c["bottom"]):
        height = char["bottom"] - char["top"]
        overlap = min(bottom, char["bottom"]) - max(top, char["top"])
        if lines and overlap >= 0.5 * min(height, bottom - top):
            lines[-1].append(char)
            if height > bottom - top:
                top, bottom = char["top"], char["bottom"]
        else:
            lines.append([char])
            top, bottom = char["top"], char["bottom"]
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def _text(line: list[Char]) -> str:
    """A line's text, with a space where the gap between two chars is wider than a space."""
    parts: list[str] = []
    previous: Char | None = None
    for char in line:
        if previous is not None:
            if char["text"] == previous["text"] and abs(char["x0"] - previous["x0"]) < 1:
                continue  # the same glyph printed twice, a PDF's way of making it bold
            gap = char["x0"] - previous["x1"]
            if gap > _SPACE_GAP * min(char["size"], previous["size"]):
                parts.append(" ")
        parts.append(char["text"])
        previous = char
    return "".join(parts)


def _bbox(chars: list[Char]) -> BBox:
    return (
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
    )


def _running_lines(pages: list[_PageData], per_page: list[list[_Grid | RawLine]]) -> set[int]:
    """The ids of page numbers and running headers/footers: lines a cut table may span.

    Such a line sits in the top or bottom margin and is a page number or a text that, digits
    aside, recurs in the margins of several pages.
    """
    margin: list[RawLine] = []
    for page, items in zip(pages, per_page, strict=True):
        low, high = _MARGIN * page.height, (1 - _MARGIN) * page.height
        margin += [
            i
            for i in items
            if isinstance(i, RawLine) and i.bbox and (i.bbox[3] <= low or i.bbox[1] >= high)
        ]
    pages_with = Counter(set((line.page, _digitless(line.text)) for line in margin))
    recurring = Counter(text for _, text in pages_with)
    return {
        id(line)
        for line in margin
        if _PAGE_NUMBER.match(_compact(line.text))
        or recurring[_digitless(line.text)] >= _RUNNING_MIN_PAGES
    }


def _compact(text: str) -> str:
    """Text without whitespace, for comparing what two places print."""
    return "".join(text.split())


def _digitless(text: str) -> str:
    return re.sub(r"\d+", "#", _compact(text))


def _stitch(per_page: list[list[_Grid | RawLine]], running: set[int]) -> list[RawItem]:
    """All items in order, each table that a page break cut joined to its continuation.

    A continuation is the first item of its page (running lines aside) that follows a table
    ending the previous page, with the same column edges.
    """
    out: list[RawItem] = []
    open_grid: _Grid | None = None  # the table that ended the previous page
    for items in per_page:
        body = [i for i in items if id(i) not in running]
        continuation = None
        for item in items:
            if (
                isinstance(item, _Grid)
                and open_grid
                and item is body[0]
                and _continues(open_grid, item)
            ):
                _append(open_grid, item)
                continuation = item
                continue
            out.append(item.table if isinstance(item, _Grid) else item)
        last = body[-1] if body else None
        if last is not continuation:
            open_grid = last if isinstance(last, _Grid) else None
    return out


def _continues(grid: _Grid, nxt: _Grid) -> bool:
    """Whether ``nxt`` has the column edges of ``grid``, allowing one to lack some of them.

    Word sets cell boundaries per row, so a page holding only some rows of a table shows only
    some of its column edges; the outer edges and the rest must agree.
    """
    coarse, fine = sorted((grid.xs, nxt.xs), key=len)
    matches = [nearest(fine, x) for x in coarse]
    return (
        nxt.last_page == grid.last_page + 1
        and matches[0] == 0
        and matches[-1] == len(fine) - 1
        and len(set(matches)) == len(matches)
        and all(_near(x, fine[i]) for x, i in zip(coarse, matches, strict=True))
    )


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= _STITCH_EDGE_TOLERANCE


def _append(grid: _Grid, nxt: _Grid) -> None:
    """Put ``nxt``'s rows under ``grid``'s, both on the finer of their column grids."""
    table, more = grid.table, nxt.table
    xs = max(grid.xs, nxt.xs, key=len)
    _regrid(table, grid.xs, xs)
    _regrid(more, nxt.xs, xs)
    grid.xs = xs
    repeated = _repeated_header_rows(table, more)
    joined = _join_split_row(grid, nxt, repeated)
    skip = repeated + joined
    for cell in more.cells:
        if cell.row >= skip:
            cell.row += table.n_rows - skip
            table.cells.append(cell)
    table.n_rows += more.n_rows - skip
    grid.last_page = nxt.last_page
    grid.extents |= nxt.extents
    grid.padding = min(grid.padding, nxt.padding)
    note = f"continues on page {nxt.last_page}: stitched across the page break"
    if repeated:
        note += f", dropping the {repeated} header row(s) repeated there"
    if joined:
        note += ", joining the two parts of the row the break split"
    table.notes.append(note)


def _join_split_row(grid: _Grid, nxt: _Grid, row: int) -> bool:
    """Join row ``row`` of ``nxt`` to the last row of ``grid`` when it is that row's remainder.

    Word and LibreOffice let a row break across pages, e.g. "1100" printed as "11" at the foot of
    one page and "00" at the top of the next. The remainder has the cells of the row above, and
    each of its filled cells continues a filled cell above whose last line had no room left for
    the remainder's first character: the text wrapped there. An empty row is left alone.
    """
    table = grid.table
    last = table.n_rows - 1
    above = {c.col: c for c in table.cells if c.row <= last < c.row + c.row_span}
    part = [c for c in nxt.table.cells if c.row == row]
    filled = [c for c in part if c.text.strip()]
    if not filled or not all(
        c.col in above
        and above[c.col].col_span == c.col_span
        and above[c.col].row + above[c.col].row_span == last + 1
        for c in part
    ):
        return False
    wrapped = [
        id(c) in nxt.extents and _wrapped(grid, above[c.col], nxt.extents[id(c)][0]) for c in filled
    ]
    if not all(wrapped):
        if grid.scanned:  # a cell and the one under it may each be half of one text
            doubtful = [c for c, w in zip(filled, wrapped, strict=True) if w]
            for cell in doubtful + [above[c.col] for c in doubtful]:
                if cell.confidence is not None:  # OCR'd, not on a text page
                    cell.confidence = min(cell.confidence, _CUT_CONFIDENCE)
        return False
    for cell in part:
        target = above[cell.col]
        if cell.text.strip():
            target.text += "\n" + cell.text
            grid.extents[id(target)] = (grid.extents[id(target)][0], nxt.extents[id(cell)][1])
        target.row_span += cell.row_span - 1
        nxt.extents.pop(id(cell), None)  # the cell goes away, and its id may be reused
    nxt.table.cells = [c for c in nxt.table.cells if c.row != row]
    return True


def _wrapped(grid: _Grid, cell: RawCell, next_char: float) -> bool:
    """Whether a char ``next_char`` wide had no room left on the last line of ``cell``."""
    if id(cell) not in grid.extents or cell.bbox is None:
        return False  # an empty cell above has nothing to continue
    room = cell.bbox[2] - cell.bbox[0] - 2 * grid.padding
    slack = _SCAN_WRAP_SLACK if grid.scanned else _WRAP_SLACK
    return grid.extents[id(cell)][1] + next_char > room - slack


def _regrid(table: RawTable, old: list[float], new: list[float]) -> None:
    """Re-index the columns of ``table`` from edges ``old`` to ``new``, which contain them."""
    for cell in table.cells:
        start, end = nearest(new, old[cell.col]), nearest(new, old[cell.col + cell.col_span])
        cell.col, cell.col_span = start, end - start
    table.n_cols = len(new) - 1


def _repeated_header_rows(first: RawTable, second: RawTable) -> int:
    """How many top rows of ``second`` repeat the top rows of ``first``, cell for cell."""
    for k in range(min(first.n_rows, second.n_rows - 1), 0, -1):
        top = _top_rows(first, k)
        if top and any(text for *_, text in top) and top == _top_rows(second, k):
            return k
    return 0


def _top_rows(table: RawTable, k: int) -> list[tuple[int, int, int, int, str]] | None:
    """The cells of the first ``k`` rows, or None when one of them reaches below them."""
    cells = [
        (c.row, c.col, c.row_span, c.col_span, _compact(c.text)) for c in table.cells if c.row < k
    ]
    if any(row + span > k for row, _, span, _, _ in cells):
        return None
    return sorted(cells)
