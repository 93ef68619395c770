"""The PDF reader on a real 决算公开 PDF, on Word reports printed to PDF, and on bad input."""

from __future__ import annotations

import functools
import io
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader, PdfWriter

from budgetlens.errors import InputError
from budgetlens.ingest.pdf import PdfContent, read_pdf
from budgetlens.ingest.raw import RawLine, RawTable
from budgetlens.numbers import parse_number

CORPUS = Path(__file__).parent.parent / "eval" / "corpus"
SHANGHAI = CORPUS / "external" / "shanghai-putuo-finance-2024-final-accounts.pdf"
# Made from samples/*.docx with `soffice --headless --convert-to pdf` (LibreOffice 7.4).
WORD_PDFS = ["000_8bbc2e346d9430aa", "004_2f0070b463f791c7"]

STATEMENTS = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
]


def _compact(text: str) -> str:
    return "".join(text.split())


def _titled(content: PdfContent) -> dict[str, RawTable]:
    """Tables by their title: a line among the three just above the table on its page."""
    found: dict[str, RawTable] = {}
    for i, item in enumerate(content.items):
        if not isinstance(item, RawTable):
            continue
        above = [
            _compact(line.text)
            for line in content.items[max(i - 3, 0) : i]
            if isinstance(line, RawLine) and line.page == item.page
        ]
        for title in STATEMENTS:
            if title in above:
                found[title] = item
    return found


def _rows(table: RawTable) -> list[list[str]]:
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = _compact(cell.text)
    return rows


def _numbers(texts: list[str]) -> list[Decimal]:
    return [n.value for n in map(parse_number, texts) if n is not None]


@pytest.fixture(scope="module")
def shanghai() -> PdfContent:
    return read_pdf(SHANGHAI)


@pytest.fixture(scope="module")
def shanghai_text() -> dict[int, str]:
    with pdfplumber.open(SHANGHAI) as pdf:
        return {i: page.extract_text() for i, page in enumerate(pdf.pages, 1)}


def test_shanghai_has_all_nine_statements_as_titled_tables(shanghai: PdfContent) -> None:
    assert shanghai.pages == 25
    assert shanghai.warnings == []
    assert sorted(_titled(shanghai)) == sorted(STATEMENTS)


@pytest.mark.parametrize(
    ("title", "pages"),
    [("收入支出决算总表", {6, 7}), ("财政拨款收入支出决算总表", {12, 13})],
)
def test_statement_stitched_across_pages_keeps_the_pdf_numbers(
    shanghai: PdfContent, shanghai_text: dict[int, str], title: str, pages: set[int]
) -> None:
    table = _titled(shanghai)[title]
    assert {cell.page for cell in table.cells} == pages
    assert any("stitched" in note for note in table.notes)
    numeric = [(c, parse_number(c.text)) for c in table.cells]
    numeric = [(c, n) for c, n in numeric if n is not None]
    assert len(numeric) > 10
    for cell, number in numeric:
        assert cell.page is not None
        assert number.text in shanghai_text[cell.page], (cell.row, cell.col, number.text)


def test_known_values_of_the_two_summary_statements(shanghai: PdfContent) -> None:
    tables = _titled(shanghai)
    total = {row[0]: row for row in _rows(tables["收入支出决算总表"])}
    assert total["本年收入合计"] == ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"]
    assert total["年初结转和结余"][1] == "49.14"
    assert total["总计"] == ["总计", "2,995.39", "总计", "2,995.39"]
    grant = tables["财政拨款收入支出决算总表"]
    assert grant.n_cols == 7
    assert grant.cells[0].text == "收入" and grant.cells[0].col_span == 2  # a merged header
    rows = {row[0]: row for row in _rows(grant)}
    assert rows["总计"] == ["总计", "2,961.68", "总计", "2,961.68", "2,961.68", "", ""]
    assert rows["年初财政拨款结转和结余"][1] == "21.63"


def test_merged_header_cells_are_spans(shanghai: PdfContent) -> None:
    table = _titled(shanghai)["财政拨款“三公”经费支出决算表"]
    spans = {_compact(c.text): (c.row_span, c.col_span) for c in table.cells if c.text}
    assert spans["财政拨款“三公”经费"] == (1, 12)
    assert spans["公务用车购置及运行费"] == (1, 6)
    assert spans["公务接待费"] == (3, 2)


def test_prose_numbers_stay_in_their_sentence(shanghai: PdfContent) -> None:
    lines = [_compact(i.text) for i in shanghai.items if isinstance(i, RawLine) and i.page == 24]
    assert lines[0] == "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是"
    assert "中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。" in lines


def test_table_text_is_not_repeated_as_lines(shanghai: PdfContent) -> None:
    boxes = [(t.page, t.bbox) for t in shanghai.items if isinstance(t, RawTable) and t.bbox]
    for line in shanghai.items:
        if isinstance(line, RawLine) and line.bbox:
            x0, top, x1, bottom = line.bbox
            assert not any(
                page == line.page and b[0] <= x0 and b[1] <= top and x1 <= b[2] and bottom <= b[3]
                for page, b in boxes
            ), line.text


@functools.cache
def _word_pdf(name: str) -> PdfContent:
    return read_pdf(CORPUS / "pdf" / f"{name}.pdf")


@pytest.fixture(scope="module", params=WORD_PDFS)
def word_pair(request: pytest.FixtureRequest) -> tuple[list, list[RawTable]]:
    docx = Document(str(CORPUS / "samples" / f"{request.param}.docx"))
    pdf = _word_pdf(request.param)
    # Word files carry empty 1×1 layout tables that print as nothing.
    tables = [t for t in docx.tables if any(c.text.strip() for r in t.rows for c in r.cells)]
    return tables, [i for i in pdf.items if isinstance(i, RawTable)]


def test_word_pdf_has_the_docx_tables(word_pair: tuple[list, list[RawTable]]) -> None:
    docx_tables, pdf_tables = word_pair
    assert len(pdf_tables) == len(docx_tables)


def test_word_pdf_tables_have_the_docx_numbers(word_pair: tuple[list, list[RawTable]]) -> None:
    for docx_table, pdf_table in zip(*word_pair, strict=True):
        seen: dict[int, object] = {}  # python-docx repeats a merged cell at each position
        texts = []
        for row in docx_table.rows:
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen[id(cell._tc)] = cell._tc  # keeps the element alive, its id unique
                    texts.append(cell.text)
        # LibreOffice wraps wide numbers in narrow cells ("129.24" as "12⏎9.2⏎4"): compare values.
        cells = sorted(pdf_table.cells, key=lambda c: (c.row, c.col))
        assert _numbers([c.text for c in cells]) == _numbers(texts)


def test_row_split_by_a_page_break_is_joined() -> None:
    # 004's "公共场所消毒 ≥ 1100 次" prints "11" at the foot of page 16 and "00" atop page 17.
    items = _word_pdf("004_2f0070b463f791c7").items
    table = next(t for t in items if isinstance(t, RawTable) and t.page == 15)
    row = next(r for r in _rows(table) if "公共场所消毒" in r)
    assert "1100" in row
    assert any("joining the two parts" in note for note in table.notes)


def _small_pdf(tmp_path: Path) -> Path:
    writer = PdfWriter()
    writer.add_page(PdfReader(CORPUS / "pdf" / "000_8bbc2e346d9430aa.pdf").pages[0])
    path = tmp_path / "one-page.pdf"
    writer.write(path)
    return path


def _image_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (595, 842), "white").save(path, "PDF")
    return path


def _one_line_error(exc: pytest.ExceptionInfo[InputError], path: Path) -> str:
    message = str(exc.value)
    assert "\n" not in message and str(path) in message
    return message


def test_encrypted_pdf_is_an_input_error(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=_small_pdf(tmp_path))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(InputError) as exc:
        read_pdf(path)
    assert "encrypted" in _one_line_error(exc, path)


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=_small_pdf(tmp_path))
    writer.encrypt("", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert read_pdf(path).items


@pytest.mark.parametrize("damage", ["truncated", "random"])
def test_corrupt_pdf_is_an_input_error(tmp_path: Path, damage: str) -> None:
    data = (CORPUS / "pdf" / "000_8bbc2e346d9430aa.pdf").read_bytes()
    path = tmp_path / f"{damage}.pdf"
    path.write_bytes(data[:2000] if damage == "truncated" else b"%PDF-1.4\n" + bytes(range(256)))
    with pytest.raises(InputError) as exc:
        read_pdf(path)
    assert "not a readable PDF" in _one_line_error(exc, path)


def test_blank_scan_is_an_input_error(tmp_path: Path) -> None:
    path = _image_pdf(tmp_path)
    with pytest.raises(InputError) as exc:
        read_pdf(path)
    assert "no text found on any of its 1 pages" in _one_line_error(exc, path)


def test_scanned_pages_among_text_pages_are_reported(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_page(PdfReader(_small_pdf(tmp_path)).pages[0])
    writer.add_page(PdfReader(_image_pdf(tmp_path)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buffer.getvalue())
    content = read_pdf(path)
    assert content.pages == 2
    assert content.items and all(item.page == 1 for item in content.items)
    assert content.warnings == ["page 2 has no text layer and was read by OCR"]


def test_blank_pdf_is_an_input_error(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "blank.pdf"
    writer.write(path)
    with pytest.raises(InputError) as exc:
        read_pdf(path)
    assert "no text found" in _one_line_error(exc, path)
