"""Write the small ruled-statement PDFs the PDF reader's tests read (run from anywhere).

Each page is a hand-written content stream, so that it has exactly the drawing habits of the
real disclosures the tests stand for: a stroked frame around title and table, a white sheet
painted behind everything, Word's white cell and padding fills with thin black rects for
borders, a row continued on the next page without its top border, a header ruling drawn apart
from its body's, a clipped spreadsheet cell whose last character spills past its ruling.
Text is set in STSong-Light (a PDF reader's own CJK font, not embedded), 1 em per Chinese
character and 1/2 em per ASCII one, so every glyph box is known: a size-10 glyph whose box
top is ``top`` has its baseline 8.8 pt lower.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
WIDTH, HEIGHT = 595, 842
BLACK, WHITE = 0.0, 1.0


class Page:
    """Drawing operations in pdfplumber's coordinates: x from the left, top from the top."""

    def __init__(self) -> None:
        self.ops: list[str] = []

    def text(self, x: float, top: float, text: str, size: float = 10) -> None:
        baseline = HEIGHT - top - 0.88 * size
        code = text.encode("utf-16-be").hex()
        self.ops.append(f"BT /F1 {size:g} Tf {x:g} {baseline:g} Td <{code}> Tj ET")

    def fill(self, x0: float, top: float, x1: float, bottom: float, gray: float) -> None:
        """A filled rect with no stroke."""
        self.ops.append(f"{gray:g} g {x0:g} {HEIGHT - bottom:g} {x1 - x0:g} {bottom - top:g} re f")

    def frame(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A stroked rect, 0.5 pt black."""
        height = bottom - top
        self.ops.append(f"0 G 0.5 w {x0:g} {HEIGHT - bottom:g} {x1 - x0:g} {height:g} re S")

    def line(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A stroked line, 0.5 pt black."""
        self.ops.append(f"0 G 0.5 w {x0:g} {HEIGHT - top:g} m {x1:g} {HEIGHT - bottom:g} l S")

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A border as Word draws one: a thin black filled rect."""
        self.fill(x0, top, x1, bottom, BLACK)


def grid(page: Page, xs: list[float], ys: list[float], top_border: bool = True) -> None:
    """Stroked rulings at every column and row edge; the first row left open at the top."""
    for y in ys if top_border else ys[1:]:
        page.line(xs[0], y, xs[-1], y)
    for x in xs:
        page.line(x, ys[0], x, ys[-1])


def cells(page: Page, xs: list[float], ys: list[float], rows: list[list[str]]) -> None:
    """Each row's texts, left-aligned 4 pt into their cells, 5 pt below the row's top."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                page.text(xs[c] + 4, ys[r] + 5, text)


def framed() -> list[Page]:
    """Page 1: a stroked frame around title, 部门/单位 line and the ruled table, wider than the
    table but sharing its lower right corner. Page 2: the same statement on a white sheet painted
    behind it all, rulings as thin filled rects."""
    xs, ys = [70, 200, 300, 420, 525], [150, 170, 190, 210, 230]
    rows = [
        ["项目", "金额", "项目", "金额"],
        ["一、财政拨款", "100.00", "一、基本支出", "80.00"],
        ["二、其他资金", "", "二、项目支出", "20.00"],
        ["收入合计", "100.00", "支出合计", "100.00"],
    ]
    pages = [Page(), Page()]
    for page in pages:
        if page is pages[1]:
            page.fill(40, 40, xs[-1], ys[-1], WHITE)
        page.text(249.5, 90, "收支预算总表", 16)
        page.text(70, 125, "部门：测试部门")
        page.text(475, 125, "单位：万元")
        cells(page, xs, ys, rows)
    pages[0].frame(60, 80, xs[-1], ys[-1])  # it shares a corner with the table: one table
    grid(pages[0], xs, ys)
    for x in xs:
        pages[1].rule(x - 0.25, ys[0], x + 0.25, ys[-1])
    for y in ys:
        pages[1].rule(xs[0], y - 0.25, xs[-1], y + 0.25)
    return pages


def continued() -> list[Page]:
    """A 基本支出 statement cut by two page breaks. Page 2 goes on without a header and
    without the top border of its first row, its column edges 1 pt right of page 1's; page 3
    ends it with a repeated header, and then starts a different table (four columns)."""
    xs = [80, 180, 400, 515]
    first = Page()
    first.text(247.5, 60, "基本支出预算表", 14)
    first.text(465, 90, "单位：万元")
    body = [["科目编码", "科目名称", "金额"], ["", "合计", "300.00"]]
    body += [[f"302{k:02d}", "办公费", f"{k}.00"] for k in range(1, 32)]
    ys = [110 + 20 * r for r in range(len(body) + 1)]
    grid(first, xs, ys)
    cells(first, xs, ys, body)
    first.text(295, 810, "1")
    second = Page()
    rest = [["30299", "其他商品和服务支出", "1.00"], ["303", "对个人和家庭的补助", "2.00"]]
    shifted = [x + 1 for x in xs]
    ys = [50 + 20 * r for r in range(len(rest) + 1)]
    grid(second, shifted, ys, top_border=False)
    cells(second, shifted, ys, rest)
    second.text(295, 810, "2")
    third = Page()
    last = [["科目编码", "科目名称", "金额"], ["30301", "离休费", "3.00"]]
    ys = [50, 70, 90]
    grid(third, xs, ys)
    cells(third, xs, ys, last)
    other = [["项目", "上年", "本年", "增减"], ["会议费", "1.00", "2.00", "1.00"]]
    wide = [80, 200, 300, 400, 515]
    ys = [130, 150, 170]
    grid(third, wide, ys)
    cells(third, wide, ys, other)
    third.text(295, 810, "3")
    return [first, second, third]


def word_cell(page: Page, x0: float, top: float, x1: float, bottom: float) -> None:
    """Word's paint for one cell: white padding strips and content area, then its borders."""
    page.fill(x0, top, x1, top + 3.6, WHITE)
    page.fill(x0, bottom - 3.6, x1, bottom, WHITE)
    page.fill(x0, top + 3.6, x0 + 5.2, bottom - 3.6, WHITE)
    page.fill(x1 - 5.2, top + 3.6, x1, bottom - 3.6, WHITE)
    page.fill(x0 + 5.2, top + 3.6, x1 - 5.2, bottom - 3.6, WHITE)
    for x in (x0, x1):
        page.rule(x - 0.25, top, x + 0.25, bottom)
    for y in (top, bottom):
        page.rule(x0, y - 0.25, x1, y + 0.25)


def sparse() -> list[Page]:
    """Word's cell paint around a 收入预算总表 whose header ruling stands 14 pt left of its
    body's, and a spreadsheet header cell that spills its last character past its ruling."""
    page = Page()
    page.text(247.5, 60, "收入预算总表", 14)
    top = [(90, 200, "项目名称"), (200, 390, ""), (390, 505, "金额")]
    for x0, x1, text in top:
        word_cell(page, x0, 100, x1, 123)
        if text:
            page.text(x0 + 8, 107, text)
    word_cell(page, 90, 123, 214, 169)
    page.text(98, 141, "一般公共预算资金")
    for r, (name, amount) in enumerate([("小计", "17.00"), ("专项收入", "")]):
        y = 123 + 23 * r
        word_cell(page, 214, y, 390, y + 23)
        word_cell(page, 390, y, 505, y + 23)
        page.text(222, y + 7, name)
        if amount:
            page.text(398, y + 7, amount)
    xs, ys = [80, 240, 380, 515], [250, 265, 290]
    grid(page, xs, ys)
    page.text(84, 253, "采购物品名称")
    page.text(244, 251, "采购组织形")
    page.text(244, 262, "式")  # the next line, its centre past the ruling at 265
    page.text(384, 253, "总计")
    page.text(84, 272, "合计")
    page.text(384, 272, "1.50")
    return [page]


def write(path: Path, pages: list[Page]) -> None:
    """A PDF of ``pages``, uncompressed: the font, then each page's contents and page."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode() if isinstance(body, str) else body)
        return len(objects)

    descriptor = add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [-25 -254 1000 880]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    cid = add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
        f" << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor {descriptor} 0 R"
        " /DW 1000 /W [1 95 500] >>"
    )
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        f" /DescendantFonts [{cid} 0 R] >>"
    )
    parent = len(objects) + 2 * len(pages) + 1
    kids = []
    for page in pages:
        data = "\n".join(page.ops).encode()
        contents = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        kids.append(
            add(
                f"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}]"
                f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>"
            )
        )
    refs = " ".join(f"{k} 0 R" for k in kids)
    add(f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>")
    catalog = add(f"<< /Type /Catalog /Pages {parent} 0 R >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, catalog)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


if __name__ == "__main__":
    write(HERE / "framed.pdf", framed())
    write(HERE / "continued.pdf", continued())
    write(HERE / "sparse.pdf", sparse())
