"""Readers for the two kinds of plain-text export reports circulate as.

Word-like: a table row is a run of lines each starting with a TAB (one cell per line), rows are
separated by blank lines, and a cell that spans several lines continues on lines without a TAB,
sometimes after a blank line of its own. OCR-like: markdown, where a table row is one line of
TAB-separated cells, a row can be broken over two lines and a row can lose its leading empty
cell so that every column shifts left.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from budgetlens.ingest.boundaries import split_points
from budgetlens.ingest.raw import Piece, RawCell, RawItem, RawLine, RawTable
from budgetlens.ingest.structure import heading_level, is_caption
from budgetlens.ingest.text_layout import has_columns, table_end, table_rows
from budgetlens.numbers import parse_number
from budgetlens.textnorm import normalize, parse_comparator

TextKind = Literal["text-word", "text-ocr", "text-layout"]
_LAYOUT_MIN_LINES = 10  # lines of space-separated columns that make a file's tables laid out


def sniff(lines: list[str]) -> TextKind:
    """Word-like exports put one cell per TAB-led line; OCR exports put TABs between cells;
    layout exports (pdftotext -layout) no TABs at all, their cells apart by runs of spaces."""
    inner = sum(1 for line in lines if "\t" in line.lstrip("\t").rstrip("\t"))
    led = sum(1 for line in lines if line.startswith("\t"))
    cells = sum(1 for line in lines if "\t" in line and line.strip())  # not a lone TAB
    laid_out = sum(map(has_columns, lines))
    if (cells == 0 and laid_out >= 2) or (
        cells < _LAYOUT_MIN_LINES and laid_out >= _LAYOUT_MIN_LINES
    ):
        return "text-layout"
    return "text-ocr" if inner > led / 2 else "text-word"


def read_text_export(text: str, kind: TextKind) -> list[RawItem]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if kind == "text-layout":
        return _read_layout_like(lines)
    return _read_word_like(lines) if kind == "text-word" else _read_ocr_like(lines)


# A page's footer as text exports of paginated reports print it: "— 12 —", "- 12 -", "第 12 页",
# "第12页 共40页" (a bare number is not taken for one: it may be a wrapped cell's digits).
_PAGE_FOOTER = re.compile(
    r"^\s*(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+)\s*$"
)


def _blank(line: str) -> bool:
    """Whitespace only (a form feed too), or a page's footer: layout, never content, so a
    table a page break cut goes on across it. A lone TAB is not blank but an empty cell."""
    if "\t" in line:
        return False
    return not line.strip() or bool(_PAGE_FOOTER.match(line))


# --- Word-like -------------------------------------------------------------------------------


def _read_word_like(lines: list[str]) -> list[RawItem]:
    items: list[RawItem] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line.strip("\t"):  # TABs between cells: an OCR-like table in a Word-like
            tables, i = _ocr_table(lines, i)  # export, where one was pasted from a scan
            items += tables
        elif line.startswith("\t"):
            table, i = _word_table(lines, i)
            items.append(table)
        else:
            if not _blank(line):
                items.append(_ocr_line(line, i + 1))  # a markdown heading pasted in too
            i += 1
    return items


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for k in range(start, len(lines)):
        if not _blank(lines[k]):
            return k
    return None


# TAB-less lines a cell may run on for after a blank line inside it; more, or a report's or a
# table's title among them, are prose between two tables, not a cell
MAX_CELL_LINES = 4


# a statement's number or unit line above its table ("公开02表", "附表3", "单位：万元")
_STATEMENT_LINE = re.compile(
    r"^(?:公开\s*\d{1,2}\s*表|附?表\s*\d{1,2}|(?:金额)?单位[：:]\s*[万亿]?元)$"
)


def _titles(text: str) -> bool:
    """Whether a line is a report's or a table's title, or a statement's number or unit line:
    never a cell's continuation (a cell's own words may end like a title: "自评依据⏎⏎及说明")."""
    if _STATEMENT_LINE.match(text):
        return True
    return len(text) >= 8 and (heading_level(text, styled=False) == 0 or is_caption(text))


def _continues_into_tab_line(lines: list[str], start: int, blanks: bool) -> bool:
    """Whether the TAB-less lines from ``start`` lead into a TAB-led line: directly, or with
    ``blanks`` across single blank lines (two blank lines in a row end a table), within
    MAX_CELL_LINES lines of text. A page break (its footer, a form feed) goes on to whatever
    follows it, blank lines or not."""
    previous_blank = False
    text_lines = 0
    for k in range(start, len(lines)):
        if lines[k].startswith("\t"):
            return True
        if blanks and (_PAGE_FOOTER.match(lines[k]) or "\f" in lines[k]):
            following = _next_nonblank(lines, k + 1)
            return following is not None and lines[following].startswith("\t")
        blank = _blank(lines[k])
        if blank and (previous_blank or not blanks):
            return False
        text_lines += not blank
        if text_lines > MAX_CELL_LINES or (not blank and _titles(lines[k].strip())):
            return False
        previous_blank = blank
    return False


def _word_table(lines: list[str], start: int) -> tuple[RawTable, int]:
    rows: list[list[RawCell]] = []
    row: list[RawCell] = []
    cell: RawCell | None = None
    j = start
    end = start
    while j < len(lines):
        line = lines[j]
        if line.startswith("\t"):
            cell = RawCell(len(rows), len(row), line[1:], line_start=j + 1, line_end=j + 1)
            row.append(cell)
            end = j
        elif not _blank(line) and cell is not None:
            cell.text += "\n" + line
            cell.line_end = j + 1
            end = j
        else:
            if row:
                rows.append(row)
                row, cell = [], None
            k = _next_nonblank(lines, j)
            if k is None or not rows:
                break
            if lines[k].startswith("\t"):
                j = k
                continue
            # A TAB-less line after a blank one ends the table, unless it leads straight into
            # more cells after a single blank line: a blank line inside a cell, as Word
            # exports write it. A first row of empty cells is continued across several.
            last = rows[-1]
            first_empty = len(rows) == 1 and not any(c.text.strip() for c in last)
            if (k == j + 1 and _continues_into_tab_line(lines, k, blanks=True)) or (
                first_empty and _continues_into_tab_line(lines, k, blanks=False)
            ):
                row = rows.pop()
                cell = row[-1]
                cell.text += "\n"
                j = k
                continue
            if _key_without_tab(lines, k):
                # a row's first cell that lost its TAB ("项目名称" then "\t区合中心…")
                cell = RawCell(len(rows), 0, lines[k].strip(), line_start=k + 1, line_end=k + 1)
                row, end, j = [cell], k, k + 1
                continue
            break
        j += 1
    if row:
        rows.append(row)
    rows = _split_run_on_rows(rows)
    width = max((len(r) for r in rows), default=0)
    rows = _reattach_orphans(rows, width)
    return _grid(rows, width, start + 1, end + 1), end + 1


_CLOSING = re.compile(r"^(?:合计|总计|总分|评价结论|存在问题|改进措施|项目负责人|填报人|审核人)")
_NAME_KEY = re.compile(r"^(?:项目|部门|单位)(?:[(（]单位[)）])?名称[：:]?$")


def _key_without_tab(lines: list[str], k: int) -> bool:
    """A key label on a line of its own right above a row's cells is that row's first cell,
    its TAB lost: a key never stands alone as a paragraph."""
    return (
        k + 1 < len(lines)
        and lines[k + 1].startswith("\t")
        and bool(_NAME_KEY.match(lines[k].strip()))
    )


def _split_run_on_rows(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """A table's closing row (合计, 改进措施, 项目负责人…) run on into the next table's opening
    key ("项目名称 | …"): two tables printed back to back with no blank line between their rows
    make one row of the two; it is cut at the key."""
    kept: list[list[RawCell]] = []
    for row in rows:
        cut = next(
            (
                i
                for i, cell in enumerate(row)
                if i > 0 and _NAME_KEY.match(re.sub(r"\s+", "", cell.text)) and i + 1 < len(row)
            ),
            None,
        )
        if cut is not None and _CLOSING.match(re.sub(r"\s+", "", row[0].text)):
            head, tail = row[:cut], row[cut:]
            for col, cell in enumerate(tail):
                cell.col = col
            kept += [head, tail]
        else:
            kept.append(row)
    for r, row in enumerate(kept):
        for cell in row:
            cell.row = r
    return kept


def _reattach_orphans(rows: list[list[RawCell]], width: int) -> list[list[RawCell]]:
    """A lone number on a row of its own is the score its row above was missing.

    Word exports sometimes push the last cell of a row (typically a score) onto a row of its
    own; it belongs to the row above when that row is one cell short.
    """
    kept: list[list[RawCell]] = []
    for row in rows:
        if (
            kept
            and len(row) == 1
            and len(kept[-1]) == width - 1
            and parse_number(normalize(row[0].text)) is not None
        ):
            orphan = row[0]
            orphan.row, orphan.col = kept[-1][0].row, width - 1
            kept[-1].append(orphan)
        else:
            for cell in row:
                cell.row = len(kept)
            kept.append(row)
    return kept


def _grid(rows: list[list[RawCell]], width: int, first: int, last: int) -> RawTable:
    """A short row's last cell spans to the right edge, as Word lays such rows out."""
    cells: list[RawCell] = []
    for row in rows:
        for cell in row:
            cell.text = normalize(cell.text)
            cells.append(cell)
        row[-1].col_span = width - row[-1].col
    return RawTable(cells, len(rows), width, line_start=first, line_end=last)


# --- OCR-like --------------------------------------------------------------------------------

_MD_SEPARATOR = re.compile(r"^[\s|:\-\t]*-{3,}[\s|:\-\t]*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_BULLET = re.compile(r"^[-*]\s+")


def _read_ocr_like(lines: list[str]) -> list[RawItem]:
    items: list[RawItem] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            tables, i = _ocr_table(lines, i)
            items += tables
            continue
        if not _blank(line) and not _MD_SEPARATOR.match(line):
            items.append(_ocr_line(line, i + 1))
        i += 1
    return items


def _ocr_line(line: str, number: int) -> RawLine:
    heading = _MD_HEADING.match(line) or _MD_BULLET.match(line)
    col = heading.end() if heading else 0
    styled = bool(heading and heading.group().startswith("#"))
    return RawLine([Piece(line[col:], number, col)], styled_heading=styled)


_TITLE_ROW = re.compile(r"^.{2,40}表(?:[（(][^）)]{0,12}[）)])?$")
_UNFINISHED = re.compile(r"[，,、；;：:（(\u4e00-\u9fff]$")  # a cell cut mid-sentence
MAX_CARRIED = 80  # characters of a line that may go on a cell: longer is a paragraph


def _cell_goes_on(row: list[RawCell], line: str, lines: list[str], at: int) -> bool:
    """Whether a line without TABs inside a table is the rest of the row's last cell: the cell
    stops mid-sentence, the line is short and no heading or title, and the rows go on below."""
    following = at + 1 < len(lines) and "\t" in lines[at + 1]
    text = line.strip()
    return (
        following
        and bool(row)
        and bool(_UNFINISHED.search(row[-1].text))
        and 0 < len(text) <= MAX_CARRIED
        and not _MD_HEADING.match(line)
        and not _TITLE_ROW.match(text)
        and parse_number(text) is None
    )


def _ocr_table(lines: list[str], start: int) -> tuple[list[RawTable], int]:
    rows: list[list[RawCell]] = []
    after_blank: list[bool] = []  # OCR leaves a blank line where a page broke a row
    blank_seen = False
    j = start
    end = start
    while j < len(lines):
        line = lines[j]
        if _MD_SEPARATOR.match(line):
            j += 1
            continue
        if _blank(line):
            k = _next_nonblank(lines, j)
            if k is None or "\t" not in lines[k]:
                break
            blank_seen = True
            j = k
            continue
        if "\t" not in line:
            if not (rows and _cell_goes_on(rows[-1], line, lines, j)):
                break
            last = rows[-1][-1]  # a long cell broken onto a line of its own
            rows[-1][-1] = replace(last, text=last.text + normalize(line), line_end=j + 1)
            j += 1
            continue
        texts = [normalize(t) for t in line.split("\t")]
        while texts and not texts[-1]:
            texts.pop()
        if rows and len([t for t in texts if t]) == 1 and _TITLE_ROW.match(texts[0]):
            break  # a table's title row: the next table starts here
        end = j
        j += 1
        if not texts:
            continue
        rows.append([RawCell(0, c, t, line_start=j, line_end=j) for c, t in enumerate(texts)])
        after_blank.append(blank_seen)
        blank_seen = False
    return _row_tables(rows, after_blank, start + 1), end + 1


def _row_tables(
    rows: list[list[RawCell]], after_blank: list[bool], first: int, laid_out: bool = False
) -> list[RawTable]:
    """Tables from rows of cells (one text line a row). Tables printed back to back are cut
    apart first: a row is rejoined and realigned by the columns of its own table, not of the
    one above it."""
    width = max((len(r) for r in rows), default=1)
    texts_grid = [[c.text for c in row] + [""] * (width - len(row)) for row in rows]
    bounds = [*split_points(texts_grid), len(rows)] if rows else [0, 0]
    return [
        _ocr_grid(rows[a:b], after_blank[a:b], first if a == 0 else rows[a][0].line_start, laid_out)
        for a, b in pairwise(bounds)
    ]


# --- laid out with spaces ----------------------------------------------------------------


def _read_layout_like(lines: list[str]) -> list[RawItem]:
    """Tables laid out with spaces (``text_layout.py``), read as OCR-like rows are: rows a page
    broke are rejoined, rows that lost their leading cells realigned; the rest is text."""
    items: list[RawItem] = []
    i = 0
    while i < len(lines):
        end = table_end(lines, i, _blank)
        if end > i:
            rows, after_blank = table_rows(lines, i, end, _blank)
            items += _row_tables(rows, after_blank, i + 1, laid_out=True)
            i = end
            continue
        if not _blank(lines[i]):
            items.append(_ocr_line(lines[i].strip(), i + 1))
        i += 1
    return items


def _ocr_grid(
    rows: list[list[RawCell]], after_blank: list[bool], first: int | None, laid_out: bool
) -> RawTable:
    rows = _join_broken_rows(rows, after_blank, laid_out)
    width = max((len(r) for r in rows), default=1)
    rows = _realign_shifted_rows(rows, width)
    width = max((len(r) for r in rows), default=1)
    cells = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            cell.row, cell.col = r, c
            cells.append(cell)
        for c in range(len(row), width):  # OCR does not say what is merged: pad, don't span
            cells.append(RawCell(r, c, "", line_start=row[0].line_start, line_end=row[0].line_end))
    last = max((c.line_end or 0 for c in cells), default=first)
    return RawTable(cells, len(rows), width, line_start=first, line_end=last)


@lru_cache(maxsize=8192)
def _kind(text: str) -> str:
    if not text:
        return "empty"
    if parse_comparator(text):
        return "cmp"
    if parse_number(text) is not None:
        return "num"
    return "text"


def _join_broken_rows(
    rows: list[list[RawCell]], after_blank: list[bool], laid_out: bool
) -> list[list[RawCell]]:
    """Rejoin a logical row that a page break split in two (OCR leaves a blank line there).

    The second half holds only text (no number, no comparator), each piece under a text cell
    of the row above, at the same column or, as OCR drops empty cells, one to the right. Text
    laid out with spaces has blank lines between whole rows too: there the second half must
    fill at most half the cells of the first.
    """
    kept: list[list[RawCell]] = []
    for row, broken in zip(rows, after_blank, strict=True):
        prev = kept[-1] if kept else None
        filled = [c for c in row if c.text]
        targets = [_text_cell_above(prev, c.col) for c in filled] if prev and broken else []
        if (
            filled
            and targets
            and all(targets)
            and len(filled) <= len([c for c in prev or [] if c.text]) // (2 if laid_out else 1)
            and all(_kind(c.text) == "text" for c in filled)
        ):
            for piece, target in zip(filled, targets, strict=True):
                assert target is not None
                target.text = normalize(target.text + piece.text)
                target.line_end = piece.line_end
            continue
        kept.append(row)
    return kept


def _text_cell_above(prev: list[RawCell], col: int) -> RawCell | None:
    for c in (col, col + 1):
        if c < len(prev) and _kind(prev[c].text) == "text":
            return prev[c]
    return None


_MAX_SHIFT = 2  # OCR drops one or two leading empty cells, not more


def _realign_shifted_rows(rows: list[list[RawCell]], width: int) -> list[list[RawCell]]:
    """Put back the leading empty cells OCR dropped, so that columns line up again.

    Each column's usual kinds (number, comparator, text) are learnt from the full-width rows;
    a shorter row is shifted right when that puts clearly more of its numbers and comparators
    in columns that usually hold them.
    """
    full = [r for r in rows if len(r) == width]
    if len(full) < 2:
        return rows
    usual: list[set[str]] = []  # the kinds that make up a quarter or more of a column
    for c in range(width):
        kinds = Counter(_kind(r[c].text) for r in full if r[c].text)
        total = sum(kinds.values())
        usual.append({k for k, n in kinds.items() if n * 4 >= total})

    def agreement(kinds: list[str], shift: int) -> int:
        return sum(
            1
            for c, k in enumerate(kinds)
            if k in ("num", "cmp") and c + shift < width and k in usual[c + shift]
        )

    for index, row in enumerate(rows):
        if len(row) < width - _MAX_SHIFT:
            continue
        kinds = [_kind(c.text) for c in row]
        best = max(range(width - len(row) + 1), key=lambda s: (agreement(kinds, s), -s))
        if best and agreement(kinds, best) >= agreement(kinds, 0) + 2:
            lead = next((i for i, c in enumerate(row) if c.text), 0)
            pad = [
                RawCell(0, 0, "", line_start=row[0].line_start, line_end=row[0].line_end)
                for _ in range(best)
            ]
            rows[index] = row[:lead] + pad + row[lead:]
    return rows
