"""HTML reports, and the HTML-table-to-grid conversion the docx reader shares.

unstructured's ``partition_html`` rebuilds tables without their ``rowspan``/``colspan``, which
is how these reports encode 一级/二级指标, so HTML is read with lxml directly.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from budgetlens.ingest.raw import Piece, RawCell, RawItem, RawLine, RawTable

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"p", "li", "div", "section", "article", "blockquote", "pre", "caption"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


def _span(value: str | None) -> int:
    try:
        return max(int(value or 1), 1)
    except ValueError:
        return 1


def table_from_element(table: lxml_html.HtmlElement) -> RawTable:
    """A grid with spans: each cell is placed at the first grid position not yet covered."""
    covered: set[tuple[int, int]] = set()
    cells: list[RawCell] = []
    rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, c) in covered:
                c += 1
            row_span, col_span = _span(td.get("rowspan")), _span(td.get("colspan"))
            row_span = min(row_span, len(rows) - r)
            for dr in range(row_span):
                for dc in range(col_span):
                    covered.add((r + dr, c + dc))
            cells.append(RawCell(r, c, td.text_content(), row_span=row_span, col_span=col_span))
            c += col_span
    n_cols = max((c + 1 for _, c in covered), default=0)
    return RawTable(cells, len(rows), n_cols)


def _owner_table(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def table_from_html(markup: str) -> RawTable:
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    return table_from_element(next(root.iter("table")))


_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def _encoding(data: bytes) -> str:
    """The declared charset, else UTF-8 when the bytes are UTF-8, else GB18030."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        return declared.group(1).decode("ascii")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def read_html(data: bytes) -> list[RawItem]:
    parser = lxml_html.HTMLParser(encoding=_encoding(data))
    root = lxml_html.document_fromstring(data, parser=parser)
    items: list[RawItem] = []
    _walk(root, items)
    return items


def _walk(element: lxml_html.HtmlElement, items: list[RawItem]) -> None:
    _loose_text(element.text, items)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""  # comments have no str tag
        if tag == "table":
            items.append(table_from_element(child))
        elif tag in _BLOCKS and not any(
            isinstance(d.tag, str) and d.tag in _BLOCKS | {"table"} for d in child.iterdescendants()
        ):
            _loose_text(_text(child), items, heading=tag in _HEADINGS)
        elif tag and tag not in _SKIP:
            _walk(child, items)
        _loose_text(child.tail, items)


def _loose_text(text: str | None, items: list[RawItem], heading: bool = False) -> None:
    if text and text.strip():
        items.append(RawLine([Piece(text)], styled_heading=heading))


def _text(element: lxml_html.HtmlElement) -> str:
    """Text content without script or style bodies, with <br> as a line break."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIP:
            parts.append("\n" if child.tag == "br" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)
