"""Make the layout-variant corpus: the seeds rewritten the way other counties' reports differ.

Each variant rewrites every seed in ``eval/corpus/seeds`` (see ``eval/VARIANTS.md``) and moves
the seed's hand-checked gold (``eval/gold/seeds/<seed>.json``) along with it: table ``line_start``,
row ``line``, and the fields a variant changes (a dropped column, a removed or replaced title, a
new target-setting table). Nothing is read from budgetlens: the seeds are parsed here by a small
parser of their two text formats, the gold rows are pinned to the cells they were read from,
and every variant is written from that model, so each line number in the variant gold is the
line its cell was written to. After writing, every variant file is parsed again and each gold
row is checked against the text at its line (``self_check``); a wrong line fails loudly.

Deterministic: fixed seeds, the same inputs give byte-identical outputs. Run from the
repository root: ``python eval/make_variants.py`` (``--no-docx`` skips the .docx renderings,
``--pdf`` also converts them to PDF with LibreOffice when ``soffice`` is installed).

Lines are counted by ``\\n`` only (a form feed is an ordinary character of its line), as
budgetlens's text reader counts them.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from budgetlens.evaluation.extraction import ROW_FIELDS
from budgetlens.tables.kinds import KINDS

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "corpus" / "seeds"
GOLD = HERE / "gold" / "seeds"
OUT_CORPUS = HERE / "corpus" / "variants"
OUT_GOLD = HERE / "gold" / "variants"

WORD, OCR = "word", "ocr"
OCR_SEEDS = {"001"}
DOCX_SEEDS = ("000", "002", "004")
DOCX_VARIANTS = (
    "untitled",
    "caption_in_table",
    "synonyms",
    "reordered",
    "merged_header",
    "back_to_back",
    "target_setting",
)
VARIANTS = (
    "untitled",
    "caption_in_table",
    "synonyms",
    "reordered",
    "dropped",
    "merged_header",
    "blank_lines",
    "back_to_back",
    "spaces",
    "page_split",
    "target_setting",
    "retitled",
    "mixed",
)
# the kinds and gold fields the evaluator scores: the generator's gold must be the same
INDICATOR_KINDS = {code for code, spec in KINDS.items() if spec.shape == "indicators"}
SCORE_KINDS = {code for code, spec in KINDS.items() if spec.shape in ("score_items", "assessment")}
IND_FIELDS = ROW_FIELDS["indicators"]
ITEM_FIELDS = ROW_FIELDS["items"]


# --------------------------------------------------------------------------------------------
# text helpers

WS = re.compile(r"[\s\u3000\u00a0]+")


def squash(text: str | None) -> str:
    """Text with every kind of whitespace removed: what two renderings of a cell share."""
    return WS.sub("", text or "")


def cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def width(text: str) -> int:
    """Display width: East-Asian wide and full-width characters count 2."""
    return sum(2 if cjk(ch) else 1 for ch in text)


def rng_for(*parts: object) -> random.Random:
    """A random generator seeded from the parts' text (stable across runs and Python versions)."""
    digest = hashlib.sha256("/".join(str(p) for p in parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# --------------------------------------------------------------------------------------------
# the document model


@dataclass
class Cell:
    """One table cell. ``lines`` are its text lines as printed (the first without its TAB in
    Word-like exports; continuation lines and blank lines inside the cell follow)."""

    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def joined(self) -> str:
        """The cell on one line: its lines joined, whitespace runs folded to one space."""
        parts = [WS.sub(" ", ln).strip() for ln in self.lines]
        out = ""
        for part in parts:
            if not part:
                continue
            if out and not (cjk(out[-1]) or cjk(part[0])):
                out += " "
            out += part
        return out


@dataclass
class Row:
    cells: list[Cell]
    sep: int = 1  # blank lines written after the row (Word-like: 1 between rows)
    role: str = "body"  # body | caption | header | break (page footer) | tail (split row's rest)
    anchor: dict | None = None  # the gold row read from this row
    anchor_cell: int = 0  # the cell whose first line is the gold row's ``line``
    extra_gold: list = field(default_factory=list)  # (gold row, cell) pinned to other cells
    blank_in: dict = field(default_factory=dict)  # cell index -> line index: blank line inserted
    footer: list[str] = field(default_factory=list)  # role == break: the lines printed
    merge: dict | None = None  # a merged header's upper row: cells merged in a .docx

    def copy(self) -> Row:
        return Row(
            [Cell(list(c.lines)) for c in self.cells],
            self.sep,
            self.role,
            None,
            0,
            [],
            dict(self.blank_in),
            list(self.footer),
        )


@dataclass
class Pre:
    """A line printed between the previous content and a table, with its role: title, year
    (（2024年度）), unit (单位：万元), annex (附表1), project, info (单位名称：…), heading, blank,
    other."""

    text: str
    role: str


@dataclass
class Table:
    rows: list[Row]
    gold: dict | None = None  # the gold table (line numbers of the seed until written)
    pre: list[Pre] = field(default_factory=list)
    after: int = 0  # blank lines written after the table's last row
    sections: list = field(default_factory=list)  # column models, see find_sections
    tight: bool = False  # written directly under the previous table (back_to_back)


@dataclass
class Text:
    lines: list[str]


@dataclass
class Doc:
    seed: str
    name: str
    fmt: str
    blocks: list  # Text | Table
    final_newline: bool = True
    spaces: bool = False  # write tables as space-aligned text (the spaces variant)


# --------------------------------------------------------------------------------------------
# parsing the seeds


def strict_regions_word(lines: list[str]) -> list[tuple[int, int]]:
    """Word-like table regions (0-based, inclusive): a TAB-led line starts one; a single blank
    line inside continues it when a TAB-led line follows directly or after text lines that lead
    straight into a TAB-led line (a cell's second paragraph); two blank lines end it."""
    regions = []
    n = len(lines)
    i = 0
    while i < n:
        if not lines[i].startswith("\t"):
            i += 1
            continue
        start = i
        last = i
        j = i + 1
        while j < n:
            ln = lines[j]
            if ln == "":
                # blank run
                k = j
                while k < n and lines[k] == "":
                    k += 1
                if k >= n:
                    break
                if lines[k].startswith("\t"):
                    j = k
                    continue
                if k - j > 1:
                    break
                # text after one blank line: a cell's next paragraph only if it runs into a TAB
                m = k
                while m < n and lines[m] != "" and not lines[m].startswith("\t"):
                    m += 1
                if m < n and lines[m].startswith("\t") and m - k <= 6:
                    j = m
                    continue
                break
            last = j
            j += 1
        # last: the last non-blank line of the region
        while lines[last] == "":
            last -= 1
        regions.append((start, last))
        i = last + 1
    return regions


def parse_rows_word(lines: list[str], a: int, b: int) -> tuple[list[Row], list[int], list[int]]:
    """The rows of Word-like lines a..b (0-based, inclusive). A row starts at a TAB-led line
    after a blank line (or at a); a TAB-led line starts a cell; other lines (blank ones too)
    continue the cell. Returns rows, the line of each row's first cell, and per row the first
    line of each cell (flattened in order)."""
    rows: list[Row] = []
    row_lines: list[int] = []
    cell_lines: list[list[int]] = []
    i = a
    while i <= b:
        assert lines[i].startswith("\t"), (i + 1, lines[i])
        cells: list[Cell] = []
        firsts: list[int] = []
        row_start = i
        while i <= b:
            ln = lines[i]
            if ln.startswith("\t"):
                cells.append(Cell([ln[1:]]))
                firsts.append(i)
                i += 1
                continue
            if ln == "":
                k = i
                while k <= b and lines[k] == "":
                    k += 1
                if k > b or lines[k].startswith("\t"):
                    break  # row separator (or the region's end)
                cells[-1].lines.extend(lines[i:k])
                i = k
                continue
            cells[-1].lines.append(ln)
            i += 1
        k = i
        while k <= b and lines[k] == "":
            k += 1
        rows.append(Row(cells, sep=k - i))
        row_lines.append(row_start)
        cell_lines.append(firsts)
        i = k
    return rows, row_lines, cell_lines


def strict_regions_ocr(lines: list[str]) -> list[tuple[int, int]]:
    """OCR-like table regions: runs of lines holding a TAB, single blank lines allowed."""
    regions = []
    n = len(lines)
    i = 0
    while i < n:
        if "\t" not in lines[i]:
            i += 1
            continue
        start = last = i
        j = i + 1
        while j < n:
            if "\t" in lines[j]:
                last = j
                j += 1
            elif lines[j].strip() == "" and j + 1 < n and "\t" in lines[j + 1]:
                j += 1
            else:
                break
        regions.append((start, last))
        i = last + 1
    return regions


def parse_rows_ocr(
    lines: list[str], a: int, b: int
) -> tuple[list[Row], list[int], list[list[int]]]:
    rows, row_lines, cell_lines = [], [], []
    i = a
    while i <= b:
        assert lines[i].strip() != "", (i + 1,)
        cells = [Cell([c]) for c in lines[i].split("\t")]
        k = i + 1
        while k <= b and lines[k].strip() == "":
            k += 1
        rows.append(Row(cells, sep=k - i - 1))
        row_lines.append(i)
        cell_lines.append([i] * len(cells))
        i = k
    return rows, row_lines, cell_lines


MD = re.compile(r"^\s*(#+|[-*]\s)|</?b>|\*\*")


FOLD = str.maketrans("()：:", "（）：：")


def bare(line: str | None) -> str:
    """A caption line squashed, markdown and HTML emphasis removed, brackets folded to
    full width (for matching only)."""
    return squash(MD.sub("", line or "")).translate(FOLD)


YEAR_LINE = re.compile(r"^[（(]\d{4}年度?[)）]$")
UNIT_LINE = re.compile(r"^单位[:：]")
INFO_LINE = re.compile(r"^(部门（单位）名称|部门\(单位\)名称|单位名称|部门名称)[:：]")
ANNEX_LINE = re.compile(r"^(附表|附件)\d*$")


def caption_role(line: str, table: dict, have_title: bool) -> str | None:
    t = bare(line)
    if t == "":
        return "blank"
    title = bare(table["title"])
    if title and not have_title and (t == title or t.startswith(title)):
        return "title"
    if YEAR_LINE.match(t):
        return "year"
    if INFO_LINE.match(t):
        return "info"
    if UNIT_LINE.match(t):
        return "unit"
    if ANNEX_LINE.match(t):
        return "annex"
    project = bare(table.get("project"))
    if project and t in (project, f"（{project}）"):
        return "project"
    return None


def is_caption_row(row: Row, title: str | None) -> bool:
    filled = [c for c in row.cells if squash(c.text)]
    return bool(title) and len(filled) == 1 and bare(title) in bare(filled[0].text)


def parse_seed(path: Path, gold: dict) -> Doc:
    seed = gold["seed"]
    fmt = OCR if seed in OCR_SEEDS else WORD
    text = path.read_text(encoding="utf-8")
    final_newline = text.endswith("\n")
    lines = text.split("\n")
    if final_newline:
        lines = lines[:-1]
    regions = strict_regions_ocr(lines) if fmt == OCR else strict_regions_word(lines)

    def region_of(i: int) -> int:
        for k, (a, b) in enumerate(regions):
            if a <= i <= b:
                return k
        raise AssertionError(f"{seed}: line {i + 1} is in no table region")

    gtables = gold["tables"]
    starts = [t["line_start"] - 1 for t in gtables]
    extents = []
    for k, t in enumerate(gtables):
        a = starts[k]
        rows = t["indicators"] or t["items"]
        last = max(r["line"] - 1 for r in rows)
        b = regions[region_of(last)][1]
        if k + 1 < len(gtables):
            b = min(b, starts[k + 1] - 1)
        while lines[b].strip() == "":
            b -= 1
        assert a <= last <= b, (seed, t["line_start"])
        extents.append((a, b, t))
    # other tables (not in the gold): kept as tables for the space-aligned and .docx renderings
    for a, b in regions:
        if any(not (b < ga or a > gb) for ga, gb, _ in extents):
            continue
        extents.append((a, b, None))
    extents.sort(key=lambda e: e[0])

    blocks: list = []
    pos = 0
    for a, b, t in extents:
        if a > pos:
            blocks.append(Text(lines[pos:a]))
        parse = parse_rows_ocr if fmt == OCR else parse_rows_word
        rows, _row_lines, cell_lines = parse(lines, a, b)
        table = Table(rows, copy.deepcopy(t) if t else None)
        if t is not None:
            where = {}
            for r, firsts in enumerate(cell_lines):
                for c, ln in enumerate(firsts):
                    where.setdefault(ln, (r, c))
            for g in t["indicators"] or t["items"]:
                key = g["line"] - 1
                assert key in where, (
                    seed,
                    t["line_start"],
                    g["line"],
                    "not the first line of a cell",
                )
                r, c = where[key]
                grow = next(
                    x
                    for x in (table.gold["indicators"] or table.gold["items"])
                    if x["line"] == g["line"]
                )
                assert rows[r].anchor is None, (seed, g["line"], "two gold rows on one row")
                rows[r].anchor, rows[r].anchor_cell = grow, c
        blocks.append(table)
        pos = b + 1
    if pos < len(lines):
        blocks.append(Text(lines[pos:]))
    # the table's last row: the blank lines after it belong to the text that follows
    for blk in blocks:
        if isinstance(blk, Table):
            blk.rows[-1].sep = 0

    for blk in blocks:
        if isinstance(blk, Table) and blk.gold is not None:
            record_expectations(blk)
    doc = Doc(seed, path.name, fmt, blocks, final_newline)
    for k, blk in enumerate(blocks):
        if not isinstance(blk, Table) or blk.gold is None:
            continue
        title = blk.gold["title"]
        if is_caption_row(blk.rows[0], title):
            blk.rows[0].role = "caption"
        prev = blocks[k - 1] if k > 0 else None
        if isinstance(prev, Text):
            have_title = blk.rows[0].role == "caption"
            got: list[Pre] = []
            i = len(prev.lines) - 1
            while i >= 0 and len(got) < 14:
                role = caption_role(prev.lines[i], blk.gold, have_title)
                if role is None:
                    break
                if role == "title":
                    have_title = True
                got.append(Pre(prev.lines[i], role))
                i -= 1
            got.reverse()
            while got:
                nxt = [p.role for p in got[1:] if p.role != "blank"]
                if got[0].role == "blank" or (got[0].role == "project" and nxt[:1] == ["annex"]):
                    got.pop(0)  # a blank line, or the end of the list of attachments above
                else:
                    break
            if got:
                blk.pre = got
                del prev.lines[len(prev.lines) - len(got) :]
        roles = [p.role for p in blk.pre] + (["title"] if blk.rows[0].role == "caption" else [])
        assert (roles.count("title") == 1) == bool(title), (seed, blk.gold["line_start"], roles)
    return doc


def record_expectations(table: Table) -> None:
    """Note in each gold row (key ``_expect``) the printed text of the cells its fields were read
    from, as the self-check will look for them in a variant: a field whose value is not printed
    whole in one cell of the row (carried-down labels, cells joined or split by hand in the gold,
    allotments inside labels) is not noted and not checked."""
    fields = gold_fields(table.gold["kind"])
    widest = max(len(r.cells) for r in table.rows)
    for i, row in enumerate(table.rows):
        g = row.anchor
        if g is None:
            continue
        cells = row.cells[row.anchor_cell :]
        if len(row.cells) < widest and i + 1 < len(table.rows) and table.rows[i + 1].anchor is None:
            cells = cells + table.rows[i + 1].cells
        expect = {}
        for f in fields:
            v = g.get(f)
            if v is None:
                continue
            for c in cells:
                t = squash(c.text)
                if not t:
                    continue
                if (f == "comparator" and norm_cmp(t) == v) or (
                    f != "comparator" and t == squash(v)
                ):
                    expect[f] = t
                    break
        anchor = squash(row.cells[row.anchor_cell].text)
        g["_expect"] = {"fields": expect, "anchor": anchor}


# --------------------------------------------------------------------------------------------
# writing


@dataclass
class Written:
    text: str
    lines: list[str]
    tables: list  # (Table, line_start, {id(gold row): line}, last line)


def cell_out_lines(cell: Cell, word: bool, blank_at: int | None) -> list[str]:
    out = list(cell.lines)
    if blank_at is not None:
        out.insert(blank_at, "")
    if word:
        out[0] = "\t" + out[0]
    return out


def write_doc(doc: Doc) -> Written:
    out: list[str] = []
    tables = []
    word = doc.fmt == WORD
    for blk in doc.blocks:
        if isinstance(blk, Text):
            out.extend(blk.lines)
            continue
        for p in blk.pre:
            out.append(p.text)
        if doc.spaces:
            start, marks = write_table_spaces(blk, out, word)
        else:
            start, marks = write_table_tabs(blk, out, word)
        tables.append((blk, start, marks, len(out)))
        out.extend([""] * blk.after)
    text = "\n".join(out) + ("\n" if doc.final_newline else "")
    return Written(text, out, tables)


def write_table_tabs(table: Table, out: list[str], word: bool) -> tuple[int, dict]:
    marks: dict = {}
    start = len(out) + 1
    for row in table.rows:
        if row.role == "break":
            out.extend(row.footer)
            continue
        if word:
            firsts = []
            for c, cell in enumerate(row.cells):
                firsts.append(len(out) + 1)
                out.extend(cell_out_lines(cell, True, row.blank_in.get(c)))
            line_of = firsts
        else:
            line_of = [len(out) + 1] * len(row.cells)
            out.append("\t".join(cell.text for cell in row.cells))
        if row.anchor is not None:
            marks[id(row.anchor)] = line_of[row.anchor_cell]
        for g, c in row.extra_gold:
            marks[id(g)] = line_of[c]
        out.extend([""] * row.sep)
    return start, marks


def write_table_spaces(table: Table, out: list[str], word: bool) -> tuple[int, dict]:
    """Each row on one line, each column starting at the same display position on every line of
    the table (wide characters count 2), at least two spaces between cells, as
    ``pdftotext -layout`` prints a ruled table."""
    marks: dict = {}
    texts = []
    for row in table.rows:
        if row.role == "break":
            texts.append(None)
            continue
        cells = [cell.joined() for cell in row.cells]
        while cells and not cells[-1]:
            cells.pop()  # trailing empty cells print nothing
        texts.append(cells)
    ncol = max((len(t) for t in texts if t is not None), default=0)
    pos = [0] * (ncol + 1)
    for j in range(1, ncol + 1):
        need = pos[j - 1]
        for t in texts:
            if t is not None and len(t) > j:  # a row's last cell pushes nothing
                need = max(need, pos[j - 1] + width(t[j - 1]) + 2)
        pos[j] = max(need, pos[j - 1] + 2)
    start = len(out) + 1
    for row, t in zip(table.rows, texts, strict=False):
        if t is None:
            out.extend(row.footer)
            continue
        line = ""
        for j, cell in enumerate(t):
            if not cell:
                continue
            line += " " * (pos[j] - width(line)) + cell
        out.append(line)
        if row.anchor is not None:
            marks[id(row.anchor)] = len(out)
        for g, _c in row.extra_gold:
            marks[id(g)] = len(out)
        # rows follow each other; a Word-like export's row separator is not printed, an extra
        # blank line between rows is
        out.extend([""] * max(0, row.sep - (1 if word else 0)))
    return start, marks


def load_seeds() -> list[tuple[Doc, dict]]:
    docs = []
    for gpath in sorted(GOLD.glob("[0-9][0-9][0-9].json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        src = (gpath.parent / gold["source"]).resolve()
        docs.append((parse_seed(src, gold), gold))
    return docs


# --------------------------------------------------------------------------------------------
# column models: which column of a table section holds which field

CMP = [
    ("qualitative", ("定性",)),
    (">=", ("≥", "≧", ">=", "＞＝", "$\\geq$", "\\geq")),
    ("<=", ("≤", "≦", "<=", "＜＝", "$\\leq$", "\\leq")),
    ("=", ("=", "＝")),
    (">", (">", "＞")),
    ("<", ("<", "＜")),
]


def norm_cmp(text: str) -> str | None:
    t = squash(text)
    for name, forms in CMP:
        if t in forms:
            return name
    return None


def label_role(label: str, kind: str) -> str | None:
    """The gold field a header label names (None for columns no field is read from)."""
    t = bare(label)
    if not t:
        return None
    if kind == "T7":
        return {
            "考核内容": "level12",
            "计分标准": "level3",
            "分值": "allotted",
            "自评分数": "score",
        }.get(t)
    if t in ("一级指标", "一级"):
        return "level1"
    if t in ("二级指标", "二级"):
        return "level2"
    if t in ("三级指标", "三级"):
        return "level3"
    if t in ("年度绩效指标", "绩效指标") or re.fullmatch(r"绩效指标（\d+分）", t):
        return "side"
    if "性质" in t or t == "符号":
        return "comparator"
    if t.startswith("预算指标值执行结果") or t in (
        "实际完成指标值",
        "完成值",
        "实际完成值",
        "实际值",
    ):
        return "actual"
    if t.startswith("预算指标值（") or t in (
        "指标值",
        "绩效指标值",
        "年度指标值",
        "预期指标值",
        "目标值",
    ):
        return "target"
    if t in ("度量单位", "绩效度量单位", "计量单位", "单位"):
        return "unit"
    if t in ("权重", "权重（%）"):
        return "weight"
    if t in ("得分", "自评得分", "自评分数", "评分"):
        return "score"
    if t in ("指标分值", "分值", "满分", "标准分"):
        return "allotted"
    return None


TOTAL = re.compile(r"^(合计|评价得分|总分|总计)")


@dataclass
class Section:
    """Rows of a table that share one column layout: header rows, then data rows (all between
    the header and the last gold row, plus a total row right after). ``place`` maps each of
    these rows to its cells in the n columns (None where a column has no cell of its own: a
    cell the OCR lost, or one merged into its left neighbour); ``lost`` is how many leading
    cells an OCR row lost."""

    header: list[int]
    rows: list[int]
    n: int
    labels: list[str]
    roles: list[str | None]
    place: dict
    lost: dict
    fixed: int  # the leftmost columns that stay in place (side label, levels)


def gold_fields(kind: str) -> tuple:
    return IND_FIELDS if kind in INDICATOR_KINDS else ITEM_FIELDS


def fits(cells: list[str], roles: list[str | None], grow: dict, kind: str) -> bool:
    """Whether cells placed on the columns agree with the gold row read from them."""
    fields = gold_fields(kind)
    for col, role in enumerate(roles):
        if role is None or role == "side" or (role not in fields and role != "level12"):
            continue
        got = squash(cells[col]) if col < len(cells) else ""
        if role == "level12":
            continue
        want = grow.get(role)
        if role.startswith("level"):
            # a label may be printed empty (merged, carried down) or broken over two lines
            if got and want and not squash(want).startswith(got):
                return False
            continue
        if role == "comparator":
            if (norm_cmp(got) if got else None) != want and not (want and got and want == got):
                return False
            continue
        if want is None:
            if got:
                return False
            continue
        if squash(want) != got and not (
            got
            and len(got) < len(squash(want))
            and squash(want).startswith(got)
            and role == "target"
        ):
            return False
    return True


def placements(k: int, n: int) -> list[tuple[str, list[int | None]]]:
    """Candidate placements of a row of k cells on n columns: cell i -> column."""
    out = []
    out.append(("left", [i if i < n else None for i in range(k)]))
    for s in range(1, n - k + 1 + max(0, k - n) + 3):
        out.append((f"lost{s}", [i + s if i + s < n else None for i in range(k)]))
    out.append(("lost-1", [None] + [i - 1 if i - 1 < n else None for i in range(1, k)]))
    if 1 < k < n:
        out.append(("span", [0] + [n - k + i for i in range(1, k)]))
    return out


def first_text(row: Row) -> str:
    return next((bare(c.text) for c in row.cells if squash(c.text)), "")


def place_row(row: Row, n: int, roles, kind: str, gold_row: dict | None) -> tuple | None:
    cells = [c.text for c in row.cells]
    k = len(cells)
    options = []
    for name, cols in placements(k, n):
        # a cell beyond the last column must be empty; lost cells must have been empty ones
        if any(col is None and squash(cells[i]) for i, col in enumerate(cols)):
            continue
        laid = [""] * n
        for i, col in enumerate(cols):
            if col is not None:
                laid[col] = cells[i]
        if gold_row is None or fits(laid, roles, gold_row, kind):
            options.append((name, cols))
    if not options:
        return None
    if gold_row is None:
        if k >= n:
            return options[0] if options[0][0] == "left" else None
        first = squash(cells[0])
        if TOTAL.match(first_text(row)) or (first and all(not squash(c) for c in cells[1:])):
            for name, cols in options:
                if name == ("span" if k > 1 else "left"):
                    return name, cols
        return None
    return options[0]


def find_sections(table: Table, fmt: str) -> list[Section]:
    """The column models of a gold table, or [] where its layout is not regular enough to move
    its columns safely (then the column variants leave the table as it is)."""
    kind = table.gold["kind"]
    rows = table.rows
    anchored = [i for i, r in enumerate(rows) if r.anchor is not None]
    if not anchored:
        return []
    if fmt == WORD:
        # a gold row whose first cell was orphaned by a blank line (002 l.554): one row again
        width_of = max(len(r.cells) for r in rows)
        i = 0
        while i + 1 < len(rows):
            a, b = rows[i], rows[i + 1]
            if (
                a.anchor is not None
                and b.anchor is None
                and b.role == "body"
                and len(a.cells) + len(b.cells) == width_of
                and len(a.cells) < width_of
            ):
                a.cells += b.cells
                a.sep = b.sep
                del rows[i + 1]
            i += 1
        anchored = [i for i, r in enumerate(rows) if r.anchor is not None]
    sections = []
    groups: list[list[int]] = []
    # split the anchored rows at header rows: each header starts a section
    heads = []
    for i, r in enumerate(rows):
        roles = [label_role(c.text, kind) for c in r.cells]
        named = [x for x in roles if x not in (None,)]
        if (
            r.anchor is None
            and len(named) >= 2
            and (any(x and x.startswith("level") for x in named))
        ):
            heads.append(i)
    if not heads:
        return []
    for h_i, h in enumerate(heads):
        nxt = heads[h_i + 1] if h_i + 1 < len(heads) else len(rows)
        data = [i for i in anchored if h < i < nxt]
        if data:
            groups.append([h, data[0], data[-1], nxt])
    if sum(len([i for i in anchored if g[1] <= i <= g[2]]) for g in groups) != len(anchored):
        return []
    for h, first, last, nxt in groups:
        # header rows: h, plus the labelled rows between it and the first data row
        header = [h]
        up = h - 1
        while (
            up >= 0
            and rows[up].anchor is None
            and rows[up].role != "caption"
            and any(label_role(c.text, kind) for c in rows[up].cells)
            and up not in heads
        ):
            header.insert(0, up)
            up -= 1
        for i in range(h + 1, first):
            if any(label_role(c.text, kind) for c in rows[i].cells):
                header.append(i)
        n = max(len(rows[x].cells) for x in header)
        while n > 1 and all(
            len(rows[x].cells) >= n and not squash(rows[x].cells[n - 1].text) for x in header
        ):
            n -= 1
        labels = [""] * n
        roles: list[str | None] = [None] * n
        place, lost = {}, {}
        for x in header:
            k = len(rows[x].cells)
            pr = (
                ("span", [0] + [n - k + i for i in range(1, k)])
                if k < n
                else ("left", [i if i < n else None for i in range(k)])
            )
            if pr is None:
                return []
            place[x] = pr[1]
            lost[x] = 0
            for i, col in enumerate(pr[1]):
                if col is not None:
                    t = rows[x].cells[i].text
                    if squash(t):
                        labels[col] = (labels[col] + "\n" + t) if labels[col] else t
                        role = label_role(t, kind)
                        if role and (roles[col] in (None, "side") or role.startswith("level")):
                            roles[col] = role
        for col in range(n):
            # a label split over two header rows (实际完成 / 指标值) is read whole
            whole = label_role(labels[col], kind) if "\n" in labels[col] else None
            if whole and not (roles[col] or "").startswith("level"):
                roles[col] = whole
        # the fixed group: side label and levels, leftmost and contiguous
        fixed = 0
        while fixed < n and roles[fixed] in ("side", "level1", "level2", "level3", "level12"):
            fixed += 1
        if fixed == 0:
            return []
        if kind == "T7":
            # 考核内容 | 分值 | 计分标准 …: 计分标准 is the level; it joins 考核内容 on the left
            fixed = 1
        body = list(range(h + 1, last + 1))
        if kind in SCORE_KINDS:
            # rows of the sheet after its last scored one (扣分项 rows with "-", a total row)
            while (
                last + 1 < nxt
                and len(rows[last + 1].cells) >= n
                and place_row(rows[last + 1], n, roles, kind, None) is not None
            ):
                last += 1
                body.append(last)
        if last + 1 < nxt and last + 1 < len(rows) and TOTAL.match(first_text(rows[last + 1])):
            body.append(last + 1)
        ok_rows = []
        for x in body:
            if x in header:
                continue
            grow = rows[x].anchor
            pr = place_row(rows[x], n, roles, kind, grow)
            if pr is None:
                # a row that is part of the next logical row in Word-like exports (a cell
                # orphaned by a blank line) or a blank spacer: give up on this table
                return []
            name, cols = pr
            place[x] = cols
            lost[x] = int(name[4:]) if name.startswith("lost") else 0
            if name == "span":
                lost[x] = "span"
            ok_rows.append(x)
        sections.append(Section(header, ok_rows, n, labels, roles, place, lost, fixed))
    return sections


# --------------------------------------------------------------------------------------------
# the variants: each rewrites a Doc in place (a deep copy of the seed's) and returns a count of
# the tables it changed


def gold_tables(doc: Doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table) and b.gold is not None]


def title_span(line: str, title: str) -> tuple[int, int] | None:
    """Where ``title`` is printed in ``line``, spaces and bracket widths aside."""
    want = bare(title)
    if not want:
        return None
    for a in range(len(line)):
        if squash(line[a]) == "" or line[a].translate(FOLD) != want[0]:
            continue
        got = ""
        b = a
        while b < len(line) and len(got) < len(want):
            ch = line[b]
            if squash(ch):
                got += ch.translate(FOLD)
                if want[: len(got)] != got:
                    break
            b += 1
        if got == want:
            return a, b
    return None


def title_place(table: Table):
    """('pre', index) or ('row', cell line index) of the table's title, or None."""
    for i, p in enumerate(table.pre):
        if p.role == "title":
            return "pre", i
    if table.rows and table.rows[0].role == "caption":
        return "row", 0
    return None


def v_untitled(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        if t.gold["title"] is None:
            continue
        keep = []
        for p in t.pre:
            if p.role == "title":
                span = title_span(p.text, t.gold["title"])
                rest = (p.text[: span[0]] + p.text[span[1] :]).strip() if span else ""
                rest = MD.sub("", rest).strip()
                if squash(rest):
                    keep.append(Pre(rest, "info"))
                continue
            if p.role in ("year", "unit", "annex"):
                continue
            keep.append(p)
        while keep and keep[0].role == "blank":
            keep.pop(0)
        t.pre = keep
        if t.rows[0].role == "caption":
            del t.rows[0]
        t.gold["title"] = None
        n += 1
    return n


def caption_row(doc: Doc, text: str, width_like: Row) -> Row:
    if doc.fmt == OCR:
        return Row([Cell([text])] + [Cell([""]) for _ in range(3)], sep=0, role="caption")
    return Row([Cell([text])], sep=1, role="caption")


def v_caption_in_table(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        place = title_place(t)
        if place is None or place[0] != "pre":
            continue
        p = t.pre[place[1]]
        span = title_span(p.text, t.gold["title"])
        assert span, (doc.seed, t.gold["line_start"])
        caption = p.text[span[0] : span[1]]
        rest = MD.sub("", p.text[: span[0]] + p.text[span[1] :]).strip()
        if squash(rest):
            t.pre[place[1]] = Pre(rest, "info")
        else:
            del t.pre[place[1]]
        while t.pre and t.pre[-1].role == "blank":
            t.pre.pop()
        while t.pre and t.pre[0].role == "blank":
            t.pre.pop(0)
        t.rows.insert(0, caption_row(doc, caption, t.rows[0]))
        n += 1
    return n


RETITLE = {
    "T1": ["部门整体支出绩效自评表", "部门整体绩效目标自评表"],
    "T2": ["项目支出绩效自评表", "项目绩效目标自评表"],
    "T3": ["项目支出绩效自评表（{year}年度）"],
    "T5": ["项目支出绩效评价评分表", "项目绩效评价指标评分表"],
    "T10": ["项目支出绩效评价评分表", "项目绩效评价指标评分表"],
    "T4": ["部门整体支出绩效评价评分表", "部门整体绩效自评指标评分表"],
    "T8": ["部门整体支出绩效评价评分表", "部门整体绩效自评指标评分表"],
    "T12": ["部门整体支出绩效评价评分表", "部门整体绩效自评指标评分表"],
    "T7": ["预算绩效管理考核评分表"],
    "T9": ["部门整体支出绩效目标执行情况表"],
    "T11": ["项目支出绩效目标执行情况表"],
}


def new_title(old: str, kind: str, rng: random.Random) -> str:
    choice = rng.choice(RETITLE[kind])
    year = re.search(r"\d{4}", old)
    if kind == "T3":
        return choice.format(year=year.group(0) if year else "2023")
    m = re.match(r"^(\d{4}\s*年度?.*?)(?=部门|项目|预算|整体)", old)
    return (squash(m.group(1)) if m else "") + choice


def v_retitled(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        place = title_place(t)
        if place is None:
            continue
        old = t.gold["title"]
        title = new_title(old, t.gold["kind"], rng)
        if place[0] == "pre":
            p = t.pre[place[1]]
            span = title_span(p.text, old)
            t.pre[place[1]] = Pre(p.text[: span[0]] + title + p.text[span[1] :], "title")
        else:
            cell = next(c for c in t.rows[0].cells if squash(c.text))
            for i, ln in enumerate(cell.lines):
                span = title_span(ln, old)
                if span:
                    cell.lines[i] = ln[: span[0]] + title + ln[span[1] :]
                    break
            else:
                raise AssertionError((doc.seed, t.gold["line_start"], "caption not found"))
        t.gold["title"] = title
        n += 1
    return n


def v_back_to_back(doc: Doc, rng: random.Random) -> int:
    """Put a table directly under the one before it when only blank lines and its caption are
    between them: always for a score sheet and the project table next to it (T2→T5, T10→T11),
    for other pairs with probability 1/2."""
    n = 0
    k = 0
    while k < len(doc.blocks):
        b = doc.blocks[k]
        if not (isinstance(b, Table) and b.gold is not None):
            k += 1
            continue
        j = k + 1
        between = []
        if j < len(doc.blocks) and isinstance(doc.blocks[j], Text):
            between = doc.blocks[j].lines
            j += 1
        if j >= len(doc.blocks):
            break
        nxt = doc.blocks[j]
        if (
            not (isinstance(nxt, Table) and nxt.gold is not None)
            or any(ln.strip() for ln in between)
            or any(
                p.role not in ("title", "year", "unit", "annex", "project", "info", "blank")
                for p in nxt.pre
            )
        ):
            k += 1
            continue
        pair = (b.gold["kind"], nxt.gold["kind"])
        if "T6" in pair:
            k += 1
            continue
        paired = pair in (("T2", "T5"), ("T3", "T5"), ("T2", "T10"), ("T10", "T11"), ("T3", "T10"))
        if not paired and rng.random() < 0.5:
            k += 1
            continue
        if j == k + 2:
            del doc.blocks[k + 1]
        if any(p.role == "project" for p in nxt.pre):
            nxt.gold["project"] = None  # the project line above its title is gone with it
        nxt.pre = []
        if nxt.rows[0].role == "caption":
            del nxt.rows[0]
        nxt.gold["title"] = None
        nxt.tight = True
        b.rows[-1].sep = 0
        b.after = 0
        n += 1
        k += 1
    return n


def relayout(
    table: Table, sec: Section, order: list[int | None], header_rows: list[Row] | None = None
) -> None:
    """Rewrite the section's rows with their columns in ``order`` (old column indices; None is
    a new empty column). ``header_rows`` replaces the section's header rows when given."""
    rows = table.rows
    for x in sec.header + sec.rows:
        row = rows[x]
        cols = sec.place[x]
        laid: list[Cell | None] = [None] * sec.n
        for i, col in enumerate(cols):
            if col is not None:
                laid[col] = row.cells[i]
        last_placed = max((i for i, col in enumerate(cols) if col is not None), default=-1)
        trailing = len(row.cells) - 1 - last_placed  # empty cells past the last column
        anchor_col = cols[row.anchor_cell] if row.anchor is not None else None
        new = [laid[j] if j is not None and laid[j] is not None else Cell([""]) for j in order]
        lost = sec.lost.get(x, 0)
        drop = 0
        if isinstance(lost, int) and lost > 0:
            drop = 0
            while (
                drop < lost
                and drop < len(new)
                and not squash(new[drop].text)
                and (anchor_col is None or order.index(anchor_col) > drop)
            ):
                drop += 1
            new = new[drop:]
        elif lost == -1:
            new = [Cell([""]), *new]
            drop = -1
        new += [Cell([""]) for _ in range(trailing)]
        row.cells = new
        if anchor_col is not None:
            row.anchor_cell = order.index(anchor_col) - drop
    if header_rows is not None:
        first = sec.header[0]
        for x in sorted(sec.header, reverse=True):
            del rows[x]
        for i, hr in enumerate(header_rows):
            rows.insert(first + i, hr)


def level_first(sec: Section) -> list[int]:
    return [
        j for j in range(sec.n) if sec.roles[j] in ("side", "level1", "level2", "level3", "level12")
    ]


def sections_of(doc: Doc, t: Table) -> list[Section]:
    if not hasattr(t, "_sections"):
        t._sections = find_sections(t, doc.fmt)
    return t._sections


def v_reordered(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        secs = find_sections(t, doc.fmt)
        if not secs:
            continue
        # one permutation per table (every section of a multi-form table the same way)
        fixed = level_first(secs[0])
        rest = [j for j in range(secs[0].n) if j not in fixed]
        for _ in range(20):
            perm = rest[:]
            rng.shuffle(perm)
            if perm != rest:
                break
        if perm == rest:
            continue
        for sec in secs:
            if sec.n != secs[0].n or level_first(sec) != fixed:
                break
        else:
            for sec in reversed(secs):
                relayout(t, sec, fixed + perm)
            n += 1
    return n


def v_dropped(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        if t.gold["kind"] not in ("T1", "T2", "T3", "T6"):
            continue
        secs = find_sections(t, doc.fmt)
        if not secs:
            continue
        options = [r for r in ("unit", "weight", "comparator") if all(r in s.roles for s in secs)]
        if not options:
            continue
        role = rng.choice(options)
        for sec in reversed(secs):
            col = sec.roles.index(role)
            relayout(t, sec, [j for j in range(sec.n) if j != col])
        for g in t.gold["indicators"]:
            g[role] = None
            g["_expect"]["fields"].pop(role, None)
        for sec in find_sections(t, doc.fmt):
            assert role not in sec.roles, (doc.seed, t.gold["line_start"], role)
        n += 1
    return n


SYNONYMS = [
    ({"指标值", "绩效指标值"}, ["年度指标值", "预期指标值", "目标值"]),
    ({"实际完成指标值", "完成值"}, ["实际完成值", "实际值", "完成值"]),
    ({"指标分值", "分值"}, ["分值", "满分", "标准分"]),
    ({"权重"}, ["权重（%）", "分值"]),
    ({"得分", "自评分数", "自评得分"}, ["自评得分", "评分", "自评分数", "得分"]),
    ({"指标性质", "绩效指标性质"}, ["绩效指标性质", "符号", "指标性质"]),
    ({"度量单位", "绩效度量单位"}, ["计量单位", "单位"]),
]


def is_header_row(row: Row, kind: str, loose: bool = False) -> bool:
    """A row of column labels: two or more known labels (``loose``: one, in a row of three or
    more cells, as 004's score sheets print 自评得分 beside labels of their own)."""
    if row.anchor is not None or row.role == "caption":
        return False
    named = [label_role(c.text, kind) for c in row.cells]
    filled = sum(1 for c in row.cells if squash(c.text))
    return sum(1 for x in named if x) >= (1 if loose and filled >= 3 else 2)


def v_synonyms(doc: Doc, rng: random.Random) -> int:
    n = 0
    for t in gold_tables(doc):
        kind = t.gold["kind"]
        has_allotted = any(
            label_role(c.text, kind) == "allotted"
            for r in t.rows
            if is_header_row(r, kind)
            for c in r.cells
        )
        pick = {}
        for k, (_sources, alts) in enumerate(SYNONYMS):
            choices = [a for a in alts if not (a == "分值" and k == 3 and has_allotted)]
            pick[k] = rng.choice(choices)
        changed = False
        first = next(i for i, r in enumerate(t.rows) if r.anchor is not None)
        for i, row in enumerate(t.rows):
            if not is_header_row(row, kind, loose=i < first):
                continue
            for c in row.cells:
                label = bare(c.text)
                for k, (sources, alts) in enumerate(SYNONYMS):
                    if label in sources:
                        new = pick[k]
                        if new == label:
                            others = [
                                a
                                for a in alts
                                if a != label and not (a == "分值" and k == 3 and has_allotted)
                            ]
                            new = rng.choice(others) if others else new
                        c.lines = [new]
                        changed = True
                        break
        n += changed
    return n


def v_merged_header(doc: Doc, rng: random.Random) -> int:
    """A one-row header becomes two: a group row above (绩效指标 over the levels, 指标值 over a
    target next to its actual value) and the labels below; a label may be split over the two
    rows (实际完成 / 指标值); a column's own label stands in the upper row over an empty cell."""
    n = 0
    group_names = ["绩效指标", "指标名称", "评价指标"]
    for t in gold_tables(doc):
        secs = find_sections(t, doc.fmt)
        if not secs or any(len(s.header) != 1 for s in secs):
            continue
        sec0 = secs[0]
        levels = [j for j in range(sec0.n) if (sec0.roles[j] or "").startswith("level")]
        if len(levels) < 2 or "level12" in sec0.roles:
            continue
        taken = {bare(c.text) for c in t.rows[sec0.header[0]].cells}
        group = rng.choice([g for g in group_names if g not in taken])
        split = rng.random() < 0.7
        for sec in reversed(secs):
            hrow = t.rows[sec.header[0]]
            cols = sec.place[sec.header[0]]
            labels = [None] * sec.n
            for i, col in enumerate(cols):
                if col is not None:
                    labels[col] = hrow.cells[i]
            top, bottom = [], []
            hmerge, vmerge = [(levels[0], levels[-1])], []
            j = 0
            roles = sec.roles
            while j < sec.n:
                lab = labels[j] or Cell([""])
                text = bare(lab.text)
                if j in levels:
                    top.append(Cell([group if j == levels[0] else ""]))
                    bottom.append(Cell(list(lab.lines)))
                elif roles[j] == "target" and j + 1 < sec.n and roles[j + 1] == "actual":
                    hmerge.append((j, j + 1))
                    top += [Cell(["指标值"]), Cell([""])]
                    bottom += [
                        Cell(["年度指标值" if text in ("指标值", "绩效指标值") else lab.text]),
                        Cell(
                            [
                                "实际完成值"
                                if bare(labels[j + 1].text) in ("实际完成指标值", "完成值")
                                else labels[j + 1].text
                            ]
                        ),
                    ]
                    j += 1
                elif split and roles[j] == "actual" and text in ("实际完成指标值", "实际完成值"):
                    top.append(Cell(["实际完成"]))
                    bottom.append(Cell([text[len("实际完成") :]]))
                else:
                    top.append(Cell(list(lab.lines)))
                    bottom.append(Cell([""]))
                    vmerge.append(j)
                j += 1
            sep = hrow.sep
            rows = [
                Row(
                    top,
                    sep=1 if doc.fmt == WORD else 0,
                    role="header",
                    merge={"h": hmerge, "v": vmerge},
                ),
                Row(bottom, sep=sep, role="header"),
            ]
            relayout(t, sec, list(range(sec.n)), header_rows=rows)
        n += 1
    return n


def v_blank_lines(doc: Doc, rng: random.Random) -> int:
    """Blank lines inside tables: an extra one between some rows; in Word-like exports also one
    inside some multi-line cells (only where the lines meet between two CJK characters, so the
    cell's text reads the same)."""
    n = 0
    for t in gold_tables(doc):
        changed = False
        for _i, row in enumerate(t.rows[:-1]):
            if row.role == "break":
                continue
            if rng.random() < 0.3:
                row.sep += 1
                changed = True
        if doc.fmt == WORD:
            for row in t.rows:
                for c, cell in enumerate(row.cells):
                    spots = [
                        i
                        for i in range(1, len(cell.lines))
                        if cell.lines[i - 1].strip()
                        and cell.lines[i].strip()
                        and cjk(cell.lines[i - 1].rstrip()[-1])
                        and cjk(cell.lines[i].lstrip()[0])
                    ]
                    if spots and rng.random() < 0.4:
                        row.blank_in[c] = rng.choice(spots)
                        changed = True
        n += changed
    return n


LINES_PER_PAGE = 45


def footer_lines(doc: Doc, rng: random.Random, page: int, pages: int) -> list[str]:
    style = rng.choice(["— {p} —", "第 {p} 页", "- {p} -", "第{p}页 共{q}页"])
    text = style.format(p=page, q=pages)
    pad = " " * rng.randint(10, 30)
    if rng.random() < 0.5:
        return [pad + text, "\f"]
    return [pad + text, "", ""]


def v_page_split(doc: Doc, rng: random.Random) -> int:
    """Long tables broken over pages: after some row a page footer, a form feed or blank lines,
    the header row(s) again, then the rest; now and then a row is itself split over the break
    (its first cells before it, the rest, behind as many empty cells, after)."""
    n = 0
    before = write_doc(doc)  # where each table would start, for plausible page numbers
    starts = {id(t): start for t, start, _, _ in before.tables}
    pages = len(before.lines) // LINES_PER_PAGE + 2
    for t in gold_tables(doc):
        secs = find_sections(t, doc.fmt)
        anchored = [i for i, r in enumerate(t.rows) if r.anchor is not None]
        if not secs or len(anchored) < 6:
            continue
        nbreaks = 1 if len(anchored) < 20 else 2
        candidates = []
        for sec in secs:
            body = [x for x in sec.rows if t.rows[x].anchor is not None]
            candidates += [(sec, x) for x in body[1:-1]]  # break before x (x not the last row)
        if not candidates:
            continue
        picks = sorted(rng.sample(candidates, min(nbreaks, len(candidates))), key=lambda p: -p[1])
        for sec, x in picks:
            header = [t.rows[h].copy() for h in sec.header]
            for h in header:
                h.role = "header"
            header[-1].sep = 1 if doc.fmt == WORD else 0
            page = 1 + (starts[id(t)] + 3 * x) // LINES_PER_PAGE
            brk = Row([], sep=0, role="break", footer=footer_lines(doc, rng, page, pages))
            prev = t.rows[x - 1]
            target = t.rows[x]
            fixed = len(level_first(sec))
            split_at = None
            if rng.random() < 0.4 and len(target.cells) > fixed + 2 and x + 1 < len(t.rows):
                lo = max(target.anchor_cell + 1, fixed)
                if lo < len(target.cells) - 1:
                    split_at = rng.randint(lo, len(target.cells) - 1)
            if split_at is None:
                prev.sep = 1 if doc.fmt == WORD else rng.choice([0, 1])
                t.rows[x:x] = [brk, *header]
            else:
                tail = Row(
                    [Cell([""]) for _ in range(split_at)] + target.cells[split_at:],
                    sep=target.sep,
                    role="tail",
                )
                target.cells = target.cells[:split_at]
                target.sep = 1 if doc.fmt == WORD else 0
                t.rows[x + 1 : x + 1] = [brk, *header, tail]
        t._broken = True
        n += 1
    return n


def fmt_ref(target: str | None, rng: random.Random) -> str:
    """An invented 历史参考值 near the target (or empty)."""
    if target is None or rng.random() < 0.3:
        return ""
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?", target.strip())
    if not m:
        return target if rng.random() < 0.5 else ""
    decimals = len(m.group(2) or "")
    value = float(target) * rng.choice([1.0, 1.0, 0.9, 0.95, 0.8, 1.05])
    return f"{value:.{decimals}f}"


PRINT_CMP = {
    ">=": ["≥"],
    "<=": ["≤"],
    "=": ["＝", "="],
    ">": ["＞"],
    "<": ["＜"],
    "qualitative": ["定性"],
    None: [""],
}


def v_target_setting(doc: Doc, rng: random.Random) -> int:
    """Before each project self-evaluation table (T2, T3) a heading 项目绩效目标设置 and an
    untitled target-setting table (T6) of that project's indicators."""
    n = 0
    k = 0
    while k < len(doc.blocks):
        t = doc.blocks[k]
        if not (isinstance(t, Table) and t.gold is not None and t.gold["kind"] in ("T2", "T3")):
            k += 1
            continue
        # the first project's indicators (004's T3 holds five forms: the first one's)
        heads = [
            i
            for i, r in enumerate(t.rows)
            if is_header_row(r, t.gold["kind"])
            and any((label_role(c.text, t.gold["kind"]) or "").startswith("level") for c in r.cells)
        ]
        end = heads[1] if len(heads) > 1 else len(t.rows)
        source = [r.anchor for r in t.rows[:end] if r.anchor is not None]
        cols = [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "历史参考值",
            "指标值",
            "度量单位",
            "权重（%）",
            "备注",
        ]
        if rng.random() < 0.35:
            cols.remove("历史参考值")
        if rng.random() < 0.35:
            cols.remove("备注")
        merged = rng.random() < 0.5
        word = doc.fmt == WORD
        rows = [Row([Cell([c]) for c in cols], sep=1 if word else 0, role="header")]
        gold_rows = []
        carried = [None, None, None]
        prev_printed = [None, None, None]
        for g in source:
            levels = [g["level1"], g["level2"], g["level3"]]
            printed = []
            for i, v in enumerate(levels):
                if (
                    merged
                    and i < 2
                    and v is not None
                    and v == prev_printed[i]
                    and (i == 0 or printed[0] == "")
                ):
                    printed.append("")
                else:
                    printed.append(v or "")
            prev_printed = [v if v is not None else None for v in levels]
            for i in range(3):
                if printed[i]:
                    carried[i] = printed[i]
                elif i < 2:
                    pass  # an empty label is carried down from the row above
                else:
                    carried[i] = None
            cmp_printed = rng.choice(PRINT_CMP[g["comparator"]])
            values = {
                "一级指标": printed[0],
                "二级指标": printed[1],
                "三级指标": printed[2],
                "指标性质": cmp_printed,
                "历史参考值": fmt_ref(g["target"], rng),
                "指标值": g["target"] or "",
                "度量单位": g["unit"] or "",
                "权重（%）": g["weight"] or "",
                "备注": "",
            }
            grow = {
                "line": None,
                "level1": carried[0],
                "level2": carried[1],
                "level3": carried[2],
                "comparator": g["comparator"] if cmp_printed else None,
                "target": g["target"],
                "unit": g["unit"],
                "weight": g["weight"],
                "actual": None,
                "score": None,
            }
            expect = {
                f: squash(values[c])
                for f, c in (
                    ("level3", "三级指标"),
                    ("comparator", "指标性质"),
                    ("target", "指标值"),
                    ("unit", "度量单位"),
                    ("weight", "权重（%）"),
                )
                if squash(values[c])
            }
            grow["_expect"] = {"fields": expect, "anchor": squash(printed[0])}
            row = Row([Cell([values[c]]) for c in cols], sep=1 if word else 0)
            row.anchor, row.anchor_cell = grow, 0
            rows.append(row)
            gold_rows.append(grow)
        rows[-1].sep = 0
        table = Table(
            rows,
            {
                "line_start": None,
                "kind": "T6",
                "title": None,
                "project": t.gold["project"],
                "total_score": None,
                "indicators": gold_rows,
                "items": [],
            },
        )
        table.after = 2
        number = rng.choice(["（二）", "二、", "2.", "（三）"])
        heading = number + rng.choice(["项目绩效目标设置", "项目绩效目标设置情况"])
        if not word:
            heading = "**" + heading + "**"
        insert = [Text(["", heading, ""]), table]
        doc.blocks[k:k] = insert
        k += len(insert) + 1
        n += 1
    return n


def v_spaces(doc: Doc, rng: random.Random) -> int:
    doc.spaces = True
    return len(gold_tables(doc))


SIMPLE = {
    "untitled": v_untitled,
    "caption_in_table": v_caption_in_table,
    "synonyms": v_synonyms,
    "reordered": v_reordered,
    "dropped": v_dropped,
    "merged_header": v_merged_header,
    "blank_lines": v_blank_lines,
    "back_to_back": v_back_to_back,
    "spaces": v_spaces,
    "page_split": v_page_split,
    "target_setting": v_target_setting,
    "retitled": v_retitled,
}
# the order in which mixed applies its parts (column moves before labels are renamed, the
# header is merged after, pages are broken after the header is final, layout last)
MIX_ORDER = (
    "target_setting",
    "back_to_back",
    "untitled",
    "caption_in_table",
    "retitled",
    "reordered",
    "dropped",
    "synonyms",
    "merged_header",
    "page_split",
    "blank_lines",
    "spaces",
)


APPLIES = {  # the seeds a variant changes anything in (no T2/T3 in 002; no adjacent tables in
    # 000 and 004; no T1/T2/T3 in 002)
    "target_setting": {"000", "001", "004"},
    "back_to_back": {"001", "002"},
    "dropped": {"000", "001", "004"},
}


def mixed_plan(seed: str) -> list[str]:
    """A seeded mix of five or more variants for one seed; every variant is in some seed's mix."""
    plans = {s: _random_plan(s) for s in ("000", "001", "002", "004")}
    used = set().union(*plans.values())
    for name in MIX_ORDER:
        if name not in used:
            where = sorted(APPLIES.get(name, plans), key=lambda s: (len(plans[s]), s))[0]
            plans[where].append(name)
            used.add(name)
    plan = plans.get(seed) or _random_plan(seed)
    return [name for name in MIX_ORDER if name in plan]


def _random_plan(seed: str) -> list[str]:
    rng = rng_for("mixed-plan", seed)
    while True:
        plan = set()
        for name, p in (
            ("target_setting", 0.6),
            ("back_to_back", 0.5),
            ("merged_header", 0.5),
            ("synonyms", 0.7),
            ("page_split", 0.6),
            ("blank_lines", 0.5),
            ("spaces", 0.4),
        ):
            if rng.random() < p:
                plan.add(name)
        title = rng.choice(["untitled", "caption_in_table", "retitled", None])
        column = rng.choice(["reordered", "dropped", None])
        plan |= {title, column} - {None}
        plan = {p for p in plan if seed in APPLIES.get(p, {seed})}
        if len(plan) >= 5:
            return [name for name in MIX_ORDER if name in plan]


def make_variant(base: Doc, variant: str) -> tuple[Doc, dict]:
    doc = copy.deepcopy(base)
    plan = mixed_plan(doc.seed) if variant == "mixed" else [variant]
    counts = {}
    for name in plan:
        counts[name] = SIMPLE[name](doc, rng_for(variant, name, doc.seed))
    return doc, counts


def gold_of(doc: Doc, written: Written, variant: str, gold_path: Path, text_path: Path) -> dict:
    tables = []
    for table, start, marks, _ in written.tables:
        if table.gold is None:
            continue
        g = {k: v for k, v in table.gold.items()}
        g["line_start"] = start
        for key in ("indicators", "items"):
            rows = []
            for r in table.gold[key]:
                assert id(r) in marks, (doc.seed, variant, start, r.get("level3"))
                row = {k: v for k, v in r.items() if not k.startswith("_")}
                row["line"] = marks[id(r)]
                rows.append(row)
            g[key] = rows
        order = ["line_start", "kind", "title", "project", "total_score", "indicators", "items"]
        tables.append({k: g[k] for k in order})
    source = Path("..") / ".." / ".." / "corpus" / "variants" / variant / text_path.name
    assert (gold_path.parent / source).resolve() == text_path.resolve()
    return {"seed": doc.seed, "variant": variant, "source": source.as_posix(), "tables": tables}


def dump_gold(gold: dict) -> str:
    """The gold as JSON in the layout of eval/gold/seeds/000.json: one row a line."""
    out = ["{"]
    for key in ("seed", "variant", "source"):
        out.append(f'  "{key}": {json.dumps(gold[key], ensure_ascii=False)},')
    out.append('  "tables": [')
    for ti, t in enumerate(gold["tables"]):
        out.append("    {")
        for key in ("line_start", "kind", "title", "project", "total_score"):
            out.append(f'      "{key}": {json.dumps(t[key], ensure_ascii=False)},')
        for key in ("indicators", "items"):
            rows = t[key]
            end = "," if key == "indicators" else ""
            if not rows:
                out.append(f'      "{key}": []{end}')
                continue
            out.append(f'      "{key}": [')
            for ri, r in enumerate(rows):
                comma = "," if ri + 1 < len(rows) else ""
                out.append("        " + json.dumps(r, ensure_ascii=False) + comma)
            out.append(f"      ]{end}")
        out.append("    }" + ("," if ti + 1 < len(gold["tables"]) else ""))
    out.append("  ]")
    out.append("}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# the self-check: parse the written file again and look for every gold row at its line

FOOTER = re.compile(r"^\s*(—\s*\d+\s*—|-\s*\d+\s*-|第\s*\d+\s*页.*|\f)\s*$")
SPLIT_SPACES = re.compile(r" {2,}")


def cells_between(lines: list[str], a: int, b: int, mode: str) -> list[str]:
    """Squashed texts of the cells that start on lines a..b-1 (1-based), page footers aside:
    Word-like: a TAB-led line starts a cell, other lines continue it (across single blank lines
    when text follows); OCR-like: cells are TAB-separated; spaces: separated by 2+ spaces."""
    out: list[str] = []
    i = a - 1
    while i < b - 1 and i < len(lines):
        ln = lines[i]
        if FOOTER.match(ln):
            i += 1
            continue
        if mode == "word":
            if ln.startswith("\t"):
                out.append(squash(ln[1:]))
            elif ln.strip() and out:
                out[-1] += squash(ln)
        elif mode == "ocr":
            if ln.strip():
                out += [squash(c) for c in ln.split("\t")]
        else:
            if ln.strip():
                out += [squash(c) for c in SPLIT_SPACES.split(ln.strip())]
        i += 1
    return out


def row_end(lines: list[str], start: int, mode: str, limit: int) -> int:
    """The line after the physical row that starts at ``start`` (1-based)."""
    if mode != "word":
        return start + 1
    i = start  # 0-based index of the line after the first
    while i < len(lines) and i + 1 <= limit:
        ln = lines[i]
        if ln == "":
            k = i
            while k < len(lines) and lines[k] == "":
                k += 1
            if k >= len(lines) or lines[k].startswith("\t") or FOOTER.match(lines[k]) or k - i > 1:
                return i + 1
            m = k  # one blank line: the cell goes on only if its text runs into a TAB-led line
            while m < len(lines) and lines[m] != "" and not lines[m].startswith("\t"):
                m += 1
            if not (m < len(lines) and lines[m].startswith("\t") and m - k <= 6):
                return i + 1
            i = k
            continue
        if ln.startswith("\t") and lines[i - 1] == "":
            return i + 1
        i += 1
    return i + 1


@dataclass
class CheckStats:
    tables: int = 0
    rows: int = 0
    fields: int = 0
    unchecked: int = 0
    own: int = 0  # rows whose level3 was found on the physical row at their line


def self_check(doc: Doc, written: Written, gold: dict, where: str) -> CheckStats:
    lines = written.text.split("\n")
    mode = "spaces" if doc.spaces else doc.fmt
    st = CheckStats()
    models = [t for t, _, _, _ in written.tables if t.gold is not None]
    assert len(models) == len(gold["tables"])
    starts = [t["line_start"] for t in gold["tables"]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), where
    for ti, (model, g) in enumerate(zip(models, gold["tables"], strict=False)):
        st.tables += 1
        ls = g["line_start"]
        nxt = starts[ti + 1] if ti + 1 < len(starts) else len(lines) + 1
        first = lines[ls - 1]
        assert first.strip() or (mode == "word" and first), (
            where,
            ls,
            "line_start on a blank line",
        )
        if mode == "word":
            assert first.startswith("\t"), (where, ls, "line_start not a TAB-led row")
        if mode == "word":
            # the first line of the table's first cell, as the model holds it
            assert first == "\t" + model.rows[0].cells[0].lines[0], (where, ls, first)
        else:
            head = next((squash(c.text) for c in model.rows[0].cells if squash(c.text)), "")
            got = cells_between(lines, ls, ls + 1, mode)
            assert head in got, (where, ls, head, got[:4])
        rows = g["indicators"] or g["items"]
        model_rows = model.gold["indicators"] or model.gold["items"]
        row_lines = [r["line"] for r in rows]
        assert row_lines == sorted(row_lines) and len(set(row_lines)) == len(row_lines), (where, ls)
        assert all(ls < x < nxt for x in row_lines), (where, ls, "row outside its table")
        for ri, (r, m) in enumerate(zip(rows, model_rows, strict=False)):
            st.rows += 1
            ln = r["line"]
            end = row_lines[ri + 1] if ri + 1 < len(rows) else row_end(lines, ln, mode, nxt - 1)
            text = lines[ln - 1]
            assert text.strip() or mode == "word", (where, ln, "row on a blank line")
            if mode == "word":
                assert text.startswith("\t"), (where, ln, "row line is not a cell's first line")
            cells = cells_between(lines, ln, end, mode)
            exp = m["_expect"]
            # the row's own label is on the physical row that starts at its line (or, for a
            # label orphaned on a row of its own, the one after): a line one row off fails here
            own_end = row_end(lines, ln, mode, end)
            own = cells_between(lines, ln, min(own_end, end), mode)
            if len(own) <= 2 and own_end < end:
                second = own_end
                while second < end and lines[second - 1] == "":
                    second += 1
                own = cells_between(lines, ln, min(row_end(lines, second, mode, end), end), mode)
            if "level3" in exp["fields"] and r["level3"] is not None:
                assert exp["fields"]["level3"] in own, (where, ln, "level3 not on its row", own[:5])
                st.own += 1
            anchor = exp["anchor"]
            if anchor:
                if mode == "word":
                    assert cells and cells[0] == anchor, (where, ln, anchor, cells[:2])
                else:
                    assert anchor in cells_between(lines, ln, ln + 1, mode), (where, ln, anchor)
            fields = gold_fields(g["kind"])
            for f in fields:
                if r[f] is None:
                    continue
                want = exp["fields"].get(f)
                if want is None:
                    st.unchecked += 1
                    continue
                assert want in cells, (where, ln, f, want, cells)
                st.fields += 1
            for f in fields:  # the gold and the model agree, the line aside
                assert r[f] == m[f], (where, ln, f)
    if mode == "spaces":
        check_alignment(written, where)
    return st


def check_alignment(written: Written, where: str) -> None:
    """Every table written space-aligned: its cells start at no more distinct display columns
    than its widest row has cells."""
    lines = written.text.split("\n")
    for table, start, _, end in written.tables:
        ncol = max(len(r.cells) for r in table.rows if r.role != "break")
        starts = set()
        for ln in lines[start - 1 : end]:
            if FOOTER.match(ln) or not ln.strip():
                continue
            for m in re.finditer(r"\S+(?: \S+)*", ln):
                starts.add(width(ln[: m.start()]))
        assert len(starts) <= ncol, (where, start, sorted(starts), ncol)


def check_identity(base: Doc, gold: dict) -> None:
    """The model written back unchanged gives the seed byte for byte, and its gold the seed's
    gold: the parse and the line bookkeeping lose nothing."""
    written = write_doc(copy.deepcopy(base))
    src = GOLD / gold["source"]
    assert written.text == src.read_text(encoding="utf-8"), base.seed
    tables = [(t, s, m) for t, s, m, _ in written.tables if t.gold is not None]
    assert len(tables) == len(gold["tables"])
    for (t, start, marks), g in zip(tables, gold["tables"], strict=False):
        assert start == g["line_start"], (base.seed, start)
        model_rows = t.gold["indicators"] or t.gold["items"]
        for mr, gr in zip(model_rows, g["indicators"] or g["items"], strict=False):
            assert marks[id(mr)] == gr["line"], (base.seed, gr["line"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-docx", action="store_true", help="skip the .docx renderings")
    ap.add_argument("--pdf", action="store_true", help="also convert the .docx to PDF")
    ap.add_argument("--only", help="comma-separated variants to make (default: all)")
    args = ap.parse_args(argv)
    variants = args.only.split(",") if args.only else list(VARIANTS)
    seeds = load_seeds()
    for base, gold in seeds:
        check_identity(base, gold)
    summary = {}
    docx_checked: dict = {}
    for variant in variants:
        cdir = OUT_CORPUS / variant
        gdir = OUT_GOLD / variant
        for d in (cdir, gdir):
            d.mkdir(parents=True, exist_ok=True)
            for stale in d.iterdir():  # PDFs stay unless --pdf makes them again
                if stale.suffix in (".txt", ".docx", ".json") or (
                    args.pdf and stale.suffix == ".pdf"
                ):
                    stale.unlink()
        for base, _ in seeds:
            doc, counts = make_variant(base, variant)
            written = write_doc(doc)
            text_path = cdir / base.name
            gold_path = gdir / f"{base.seed}.json"
            text_path.write_text(written.text, encoding="utf-8")
            vgold = gold_of(doc, written, variant, gold_path, text_path)
            gold_path.write_text(dump_gold(vgold), encoding="utf-8")
            st = self_check(doc, written, vgold, f"{variant}/{base.seed}")
            summary[(variant, base.seed)] = (counts, st, len(vgold["tables"]))
            if not args.no_docx and base.seed in DOCX_SEEDS and variant in DOCX_VARIANTS:
                docx_path = cdir / (Path(base.name).stem + ".docx")
                write_docx(doc, docx_path)
                docx_checked[(variant, base.seed)] = check_docx(doc, docx_path, vgold)
        for base, _ in seeds:
            counts, st, ntables = summary[(variant, base.seed)]
            dx = docx_checked.get((variant, base.seed))
            print(
                f"{variant:17s} {base.seed}  tables {ntables:4d}"
                f" (changed {sum(counts.values()):3d})"
                f"  rows {st.rows:4d}  level3 on its row {st.own:4d}"
                f"  fields found {st.fields:5d} of {st.fields + st.unchecked:5d}"
                + (f"  docx fields {dx}" if dx is not None else "")
            )
    if args.pdf:
        make_pdfs(variants)
    return 0


def write_docx(doc: Doc, path: Path) -> None:
    """The variant as a .docx: running text as paragraphs (blank lines left out), tables as Word
    tables (a short row's last cell merged across to the right, as in eval/corpus/samples; a
    merged header with real merged cells); a table written right under the one before it
    (back_to_back) follows it with no paragraph between. Deterministic: fixed core properties and
    a fixed zip timestamp."""
    import docx

    out = docx.Document()
    last_was_table = False
    for blk in doc.blocks:
        if isinstance(blk, Text):
            for ln in blk.lines:
                if ln.strip():
                    out.add_paragraph(ln.strip("\f"))
                    last_was_table = False
            continue
        for p in blk.pre:
            if p.text.strip():
                out.add_paragraph(MD.sub("", p.text).strip())
                last_was_table = False
        if last_was_table and not blk.tight:
            out.add_paragraph("")
        rows = [r for r in blk.rows if r.role != "break"]
        ncol = max(len(r.cells) for r in rows)
        table = out.add_table(rows=len(rows), cols=ncol)
        table.style = out.styles["Table Grid"]
        grid = [table.rows[i].cells for i in range(len(rows))]  # before any merge
        for i, row in enumerate(rows):
            for j, cell in enumerate(row.cells):
                grid[i][j].text = "\n".join(cell.lines).strip("\n")
        for i, row in enumerate(rows):
            spans = []
            if len(row.cells) < ncol:
                spans.append((i, len(row.cells) - 1, i, ncol - 1))
            if row.merge:
                spans += [(i, a, i, b) for a, b in row.merge["h"]]
                spans += [(i, c, i + 1, c) for c in row.merge["v"]]
            for r0, c0, r1, c1 in spans:
                merged = grid[r0][c0].merge(grid[r1][c1])
                paragraphs = merged.paragraphs
                for extra in paragraphs[1:]:
                    if not extra.text:
                        extra._element.getparent().remove(extra._element)
        last_was_table = True
    core = out.core_properties
    core.author = core.last_modified_by = "eval/make_variants.py"
    core.title = path.stem
    fixed = __import__("datetime").datetime(2024, 1, 1)
    core.created = core.modified = fixed
    core.revision = 1
    out.save(str(path))
    _fix_zip_times(path)


def check_docx(doc: Doc, path: Path, gold: dict) -> int:
    """Read the .docx back and find every gold row's values in its table row, tables and rows
    taken in order (as a .docx is matched to the gold); returns the fields checked."""
    import docx

    d = docx.Document(str(path))
    models = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(d.tables) == len(models), (path, len(d.tables), len(models))
    checked = 0
    gi = 0
    for model, table in zip(models, d.tables, strict=False):
        if model.gold is None:
            continue
        g = gold["tables"][gi]
        gi += 1
        rows = [r for r in model.rows if r.role != "break"]
        assert len(table.rows) == len(rows), (path, g["line_start"])
        for i, row in enumerate(rows):
            if row.anchor is None:
                continue
            texts = {squash(c.text) for c in table.rows[i].cells}
            if i + 1 < len(rows) and rows[i + 1].anchor is None:
                texts |= {squash(c.text) for c in table.rows[i + 1].cells}
            for f, want in row.anchor["_expect"]["fields"].items():
                assert want in texts, (path, g["line_start"], f, want)
                checked += 1
    assert gi == len(gold["tables"])
    return checked


def _fix_zip_times(path: Path) -> None:
    """Rewrite the zip with a fixed timestamp on every member, so the bytes repeat."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        items = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


PDF_VARIANTS = ("merged_header", "back_to_back", "target_setting")  # the rest would pass 25 MB


def make_pdfs(variants: list[str]) -> None:
    """Text PDFs of the .docx renderings of PDF_VARIANTS via LibreOffice, made repeatable by
    overwriting the creation date, /ID and /DocChecksum in place (same lengths, so the xref
    table stays valid) with values fixed by the .docx's bytes."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("--pdf: soffice not found; no PDFs made", file=sys.stderr)
        return
    for variant in variants:
        if variant not in PDF_VARIANTS:
            continue
        folder = OUT_CORPUS / variant
        for path in sorted(folder.glob("*.docx")):
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                check=True,
                capture_output=True,
            )
            pdf = path.with_suffix(".pdf")
            digest = hashlib.sha256(path.read_bytes()).hexdigest().upper().encode()
            data = pdf.read_bytes()
            data = re.sub(
                rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})",
                lambda m: m.group(1) + b"20240101000000",
                data,
            )
            data = re.sub(
                rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
                lambda m, digest=digest: (
                    m.group(0)
                    .replace(m.group(1), digest[: len(m.group(1))])
                    .replace(m.group(2), digest[: len(m.group(2))])
                ),
                data,
            )
            data = re.sub(
                rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)",
                lambda m, digest=digest: m.group(1) + digest[: len(m.group(2))],
                data,
            )
            pdf.write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())
