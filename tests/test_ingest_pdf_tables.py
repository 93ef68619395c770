"""Ruled statements as other provinces' PDFs draw them: frames, Word's cell paint, rows a page
break left open, rulings out of line. Small made PDFs (tests/data/pdf/make_pdfs.py) pin each
habit down; the real disclosures, where present, show it holds on the family."""

from __future__ import annotations

import functools
from itertools import pairwise
from pathlib import Path

import pytest

from budgetlens.ingest.grid import drop_idle_lines, grid
from budgetlens.ingest.pdf import PdfContent, read_pdf
from budgetlens.ingest.raw import RawLine, RawTable

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "pdf"
# The real 部门预算公开 PDFs: beside the checkout in CI, or copied into the corpus.
REAL_DIRS = [ROOT.parent / "shared" / "realworld", ROOT / "eval" / "corpus" / "realworld"]


@functools.cache
def _read(path: Path) -> PdfContent:
    return read_pdf(path)


def _real(prefix: str) -> PdfContent:
    """The real PDF whose name starts with ``prefix_``, read once; skips when it is absent."""
    for folder in REAL_DIRS:
        found = sorted(folder.glob(f"{prefix}_*.pdf"))
        if found:
            return _read(found[0])
    pytest.skip(f"real PDF {prefix}_*.pdf not in {' or '.join(map(str, REAL_DIRS))}")


def _tables(content: PdfContent) -> list[RawTable]:
    return [i for i in content.items if isinstance(i, RawTable)]


def _rows(table: RawTable) -> list[list[str]]:
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = "".join(cell.text.split())
    return rows


def _lines_before(content: PdfContent, table: RawTable) -> list[RawLine]:
    """The lines between ``table`` and the item before them that is not a line."""
    before: list[RawLine] = []
    for item in content.items[: content.items.index(table)]:
        before = [*before, item] if isinstance(item, RawLine) else []
    return before


def _titled(content: PdfContent, title: str) -> RawTable:
    """The table whose caption lines (just above it) include ``title``."""
    for table in _tables(content):
        if any(title in "".join(line.text.split()) for line in _lines_before(content, table)[-4:]):
            return table
    raise AssertionError(f"no table titled {title}")


# Made PDFs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [1, 2], ids=["stroked-frame", "white-sheet"])
def test_frame_around_title_and_table_is_no_cell(page: int) -> None:
    # Page 1 draws a frame around title and table; page 2 paints a white sheet behind them.
    content = _read(DATA / "framed.pdf")
    table = next(t for t in _tables(content) if t.page == page)
    assert _rows(table) == [
        ["项目", "金额", "项目", "金额"],
        ["一、财政拨款", "100.00", "一、基本支出", "80.00"],
        ["二、其他资金", "", "二、项目支出", "20.00"],
        ["收入合计", "100.00", "支出合计", "100.00"],
    ]
    assert table.bbox == pytest.approx((70, 150, 525, 230), abs=1)


@pytest.mark.parametrize("page", [1, 2], ids=["stroked-frame", "white-sheet"])
def test_title_inside_the_frame_is_a_caption_line(page: int) -> None:
    content = _read(DATA / "framed.pdf")
    table = next(t for t in _tables(content) if t.page == page)
    title, unit = _lines_before(content, table)[-2:]
    assert title.text == "收支预算总表"
    assert (title.page, unit.page) == (page, page)
    assert title.bbox == pytest.approx((249.5, 90, 345.5, 106), abs=0.5)
    assert [p.text for p in unit.pieces] == ["部门：测试部门", " 单位：万元"]
    assert unit.text == "部门：测试部门 单位：万元"


def test_row_left_open_by_a_page_break_continues_the_table() -> None:
    # Page 2 goes on without a header, without its first row's top border, and 1 pt to the
    # right; page 3 repeats the header, then starts a table of its own.
    content = _read(DATA / "continued.pdf")
    statement, other = _tables(content)
    rows = _rows(statement)
    assert rows[0] == ["科目编码", "科目名称", "金额"]
    assert rows[-3:] == [
        ["30299", "其他商品和服务支出", "1.00"],
        ["303", "对个人和家庭的补助", "2.00"],
        ["30301", "离休费", "3.00"],
    ]
    assert len(rows) == 2 + 31 + 2 + 1 and (statement.n_cols, other.n_cols) == (3, 4)
    assert {c.page for c in statement.cells} == {1, 2, 3}
    assert [n.split(":")[0] for n in statement.notes] == [
        "continues on page 2",
        "continues on page 3",
    ]
    assert other.page == 3 and _rows(other)[0] == ["项目", "上年", "本年", "增减"]
    assert not any(isinstance(i, RawLine) and "30299" in i.text for i in content.items)


def test_word_cell_paint_makes_no_grid_lines() -> None:
    # Every cell is painted white with its padding strips: none of those edges is a ruling.
    table = _tables(_read(DATA / "sparse.pdf"))[0]
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert all(c.bbox[3] - c.bbox[1] > 20 for c in table.cells if c.bbox)


def test_header_ruling_out_of_line_with_its_body_makes_no_column() -> None:
    # The header's ruling stands at x=200, the body's at x=214: one column boundary as printed.
    table = _tables(_read(DATA / "sparse.pdf"))[0]
    assert _rows(table) == [
        ["项目名称", "", "金额"],
        ["一般公共预算资金", "小计", "17.00"],
        ["", "专项收入", ""],
    ]
    spans = {c.text: (c.row, c.col, c.row_span, c.col_span) for c in table.cells if c.text}
    assert spans["一般公共预算资金"] == (1, 0, 2, 1)
    assert spans["项目名称"] == (0, 0, 1, 1)


def test_char_spilt_past_its_ruling_stays_in_its_cell() -> None:
    table = _tables(_read(DATA / "sparse.pdf"))[1]
    assert _rows(table) == [["采购物品名称", "采购组织形式", "总计"], ["合计", "", "1.50"]]


def test_printed_empty_rows_and_columns_stay() -> None:
    # A 3×3 grid whose middle row and column are printed empty: every band has cells of its own.
    edges = [0.0, 30.0, 60.0, 90.0]
    boxes = [(x0, y0, x1, y1) for x0, x1 in pairwise(edges) for y0, y1 in pairwise(edges)]
    built = grid(boxes, 1, 1.0)
    filled = {i for i, c in enumerate(built.cells) if c.row != 1 and c.col != 1}
    assert drop_idle_lines(built, filled) is built


def test_idle_band_goes_to_the_cell_with_text() -> None:
    # Header: 项目 [0,100] and an empty cell [100,200]; body: one cell [0,110] with text, one
    # [110,200]. The band [100,110] is nobody's own: the empty header cell gives it up.
    built = grid([(0, 0, 100, 20), (100, 0, 200, 20), (0, 20, 110, 40), (110, 20, 200, 40)], 1, 1)
    dropped = drop_idle_lines(built, {0, 2, 3})
    assert dropped.xs == [0, 110, 200]
    assert sorted((c.row, c.col, c.col_span) for c in dropped.cells) == [
        (0, 0, 1),
        (0, 1, 1),
        (1, 0, 1),
        (1, 1, 1),
    ]
    assert dropped.cells[0].bbox == (0, 0, 110, 20)


# The real disclosures ----------------------------------------------------------------------

STATEMENTS = {"H1": 9, "H3": 9, "H5": 9, "H7": 9, "T1": 9, "T3": 9, "J15": 0}
STATEMENTS |= {f"J{n:02d}": 12 for n in range(1, 22, 2) if n != 15}


@pytest.mark.parametrize(("prefix", "count"), sorted(STATEMENTS.items()))
def test_real_statements_are_one_table_each(prefix: str, count: int) -> None:
    content = _real(prefix)
    tables = _tables(content)
    assert len(tables) == count
    for table in tables:
        texts = [c.text for c in table.cells]
        # no title block in a cell: the 部门/单位 line is a caption, not a row
        assert not any("单位：" in t or "部门：" in t for t in texts), _rows(table)[0]
        # no sliver of a padding strip or a misaligned ruling as a row or column
        assert all(c.bbox[3] - c.bbox[1] > 6 and c.bbox[2] - c.bbox[0] > 6 for c in table.cells)
        # a table at the top of a page that continues one is part of it: none starts with data
        first = [t for t in _rows(table)[0] if t]
        assert first and not first[0].replace(",", "").replace(".", "").isdigit(), first
    boxes = [(t.page, t.bbox) for t in tables if t.bbox]
    for line in content.items:
        if isinstance(line, RawLine) and line.bbox:
            x, y = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
            assert not any(
                page == line.page and b[0] < x < b[2] and b[1] < y < b[3] for page, b in boxes
            ), line.text


def test_real_frame_title_is_a_caption() -> None:
    # J09 paints a white sheet behind title and statement, which made one cell of it all.
    content = _real("J09")
    table = _titled(content, "收入预算总表")
    assert table.page == 2 and table.n_cols == 3
    assert _rows(table)[:3] == [
        ["项目名称", "", "金额"],
        ["收入总计", "", "20,849.45"],
        ["一般公共预算资金", "小计", "20,702.25"],
    ]
    title, unit = [line for line in _lines_before(content, table) if line.page == 2][:2]
    assert title.text == "收入预算总表"
    assert [p.text for p in unit.pieces] == ["部门：中国共产党江苏省委员会办", " 单位：万元"]


def test_real_continuations_without_repeated_header_are_stitched() -> None:
    # J21 (Word) leaves the first row on a continued page without a top border.
    content = _real("J21")
    total = _tables(content)[0]
    assert (total.n_rows, total.n_cols) == (26, 6)
    assert {c.page for c in total.cells} == {11, 12}
    rows = {r[0]: r for r in _rows(total)}
    assert rows["二、财政专户管理资金"][2:4] == ["四、公共安全支出", "23,513.11"]
    grants = _tables(content)[4]
    assert {c.page for c in grants.cells} == {13, 14}
    assert _rows(grants)[-1] == ["2210202", "提租补贴", "1,959.99"]
    basic = _tables(content)[8]
    codes = [r[0] for r in _rows(basic)]
    assert {c.page for c in basic.cells} == {15, 16}
    assert codes[codes.index("30206") + 1] == "30207"


def test_real_header_ruling_out_of_line_makes_no_column() -> None:
    table = _titled(_real("J05"), "收入预算总表")
    assert table.n_cols == 3
    assert _rows(table)[2] == ["一般公共预算资金", "小计", "17,981.68"]


def test_real_clipped_header_keeps_its_last_char() -> None:
    table = _titled(_real("J13"), "政府采购预算表")
    rows = _rows(table)
    assert rows[0] == [
        "采购品目大类",
        "专项名称",
        "经济科目",
        "采购物品名称",
        "采购组织形式",
        "总计",
    ]
    assert rows[1] == ["合计", "", "", "", "", "1,422.50"]
