"""Assemble raw lines and grids into the document model.

This is where the family's conventions live: the numbering that makes a line a heading and
gives its level, paragraphs that OCR or PDF layout broke mid-sentence, and the caption lines
that name a table. Every reader's output goes through here, so a docx, a PDF and a text
export of the same report come out alike.
"""

from __future__ import annotations

import re

from budgetlens.document import (
    Cell,
    Document,
    Heading,
    Location,
    Paragraph,
    SourceMap,
    Table,
)
from budgetlens.ingest.boundaries import split_table
from budgetlens.ingest.raw import RawCell, RawItem, RawLine, RawTable
from budgetlens.textnorm import normalize, normalize_mapped

_CN_NUM = "一二三四五六七八九十百零〇"
# Level by numbering style, the order of Chinese official documents.
_NUMBERING = [
    (re.compile(rf"^第[{_CN_NUM}\d]+部分"), 1),
    (re.compile(rf"^[{_CN_NUM}]+[、．.]"), 2),
    (re.compile(rf"^[（(][{_CN_NUM}]+[）)]"), 3),
    (re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))"), 4),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 5),
]
_MAX_HEADING = 40  # characters after which a numbered line is a paragraph, not a heading
_SENTENCE_INSIDE = re.compile(r"[。；;，,：:！？!?].")  # sentence punctuation before the end
_REPORT_TITLE = re.compile(r"(?:报告|说明|决算|自评|评价|公开)(?:[（(][^）)]{1,12}[）)])?$")
_TABLE_TITLE = re.compile(r"^(?P<title>.{2,60}?表)(?:[（(][^）)]{0,12}[）)])?")
_TERMINAL = "。！？；：!?;:》"
# the label a report of several prints before each part's title: "报告二：", "附件3："
_REPORT_LABEL = re.compile(rf"^(?:报告|附件)[{_CN_NUM}\d]{{1,3}}[：:]\s*(?=\S{{6}})")


def heading_level(text: str, styled: bool) -> int | None:
    """The heading level of a line, or None for running text.

    A numbered line is a heading when it is short and has no sentence inside it
    ("（一）设立背景及基本情况。根据…" is a paragraph that starts with a number).
    """
    text = _REPORT_LABEL.sub("", text)  # "报告二：…绩效自评报告" is that report's title
    if len(text) > _MAX_HEADING + 8 or _SENTENCE_INSIDE.search(text.rstrip("。")):
        return None
    level = numbering_level(text)
    if level is not None:
        return level
    if _TABLE_TITLE.fullmatch(text):
        return None  # a table's caption, attached to the table below
    if len(text) <= _MAX_HEADING and _REPORT_TITLE.search(text) and not text.endswith("。"):
        return 0
    return 2 if styled else None


def numbering_level(text: str) -> int | None:
    """The level its numbering gives a line ("（一）" 3, "1." 4), heading or run-in head of a
    paragraph ("（1）决策程序（6分）。项目立项…"); None when it is not numbered."""
    return next((level for pattern, level in _NUMBERING if pattern.match(text)), None)


_TITLE_PREFIX = re.compile(
    r"^(?:[-*•]\s*)?(?:附[表件]?\d*[：:、]?\s*)?(?:\d{1,2}[、.．]\s*|[一二三四五六七八九十]{1,3}[、.．]\s*)?"
)
_QUOTED_TITLE = re.compile(r"《(?P<title>[^》]{2,60}?表)")


def is_caption(text: str) -> bool:
    """Whether a line is a table's title and nothing else ("项目绩效目标设置表")."""
    return bool(_TABLE_TITLE.fullmatch(_TITLE_PREFIX.sub("", text)))


def table_title(text: str) -> str | None:
    """The table name a caption line gives ("附表：1、《…自评表》（2023年度）" → "…自评表")."""
    if form_code(text):
        return None  # "公开表一" numbers a table, it does not name it
    text = _TITLE_PREFIX.sub("", text)
    match = _QUOTED_TITLE.search(text) or _TABLE_TITLE.match(text)
    return match.group("title") if match else None


_PARTICULAR = re.compile(r"^(?:填报人|填表人|职务|联系电话|电话|填报日期|日期|单位|部门)[：:]")
_FORM_CODE = re.compile(r"^(?:公开|附)?表?\s*[\d一二三四五六七八九十]{1,3}\s*表?$")


def _own_title(table: Table) -> tuple[str | None, str | None]:
    """The title a table prints in its first rows (one cell, a form's particulars aside), and
    otherwise the short text of its first row, a weaker name."""
    for row in range(min(table.n_rows - 1, 3)):
        texts = [c.text for c in table.cells if c.row == row and c.text]
        # a title row may carry its form's particulars: "填报人：… | 职务：… | 联系电话：…"
        texts = texts[:1] + [t for t in texts[1:] if not _PARTICULAR.match(t)]
        if len(texts) != 1:
            return None, None
        named = table_title(texts[0])
        if named and not form_code(named):
            return named, None
        if not form_code(texts[0]):
            plain = len(texts[0]) <= 50 and not _SENTENCE_INSIDE.search(texts[0])
            return None, texts[0] if plain else None
    return None, None


def form_code(text: str) -> bool:
    """A table's number in a series of forms ("公开01表", "附表3", "表一"), not its name."""
    return bool(_FORM_CODE.match(text.replace(" ", "")))


def _starts_item(text: str) -> bool:
    return any(p.match(text) for p, _ in _NUMBERING) or text[:1] in "•●-*"


MAX_TOC = 80  # a 目录 longer than this is not one: the body was taken for it
MAX_TOC_ENTRY = 60  # a longer line is the body's prose, after a 目录 that did not end clearly
_TOC_LEADER = re.compile(r"(?:[.…·．]{2,}|\s{2,}|\t)\s*(?:第\s*\d+\s*页|\d+)\s*$|[.…·．]{3,}$")


class _Builder:
    def __init__(self, source: str, join_broken: bool) -> None:
        self.source = source
        self.join_broken = join_broken
        self.blocks: list[Heading | Paragraph | Table] = []
        self.counts = {"h": 0, "p": 0, "t": 0}
        self.stack: list[tuple[int, str]] = []
        # the entries of a 目录 being read: its lines name the headings to come, they open no
        # section; it ends where one of them is printed again (the body), or after MAX_TOC
        self.toc: list[str] | None = None

    def _in_toc(self, text: str) -> bool:
        """Whether a line is an entry of the 目录 just above it (and note it as one)."""
        key = _TOC_LEADER.sub("", re.sub(r"\s", "", text))
        if key == "目录":
            self.toc = []
            return False
        if self.toc is None:
            return False
        entry = len(text) <= MAX_TOC_ENTRY and (
            heading_level(text, styled=False) is not None or _TOC_LEADER.search(text) is not None
        )
        if not entry or key in self.toc or len(self.toc) >= MAX_TOC:
            self.toc = None
            return False
        self.toc.append(key)
        return True

    def _id(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]}"

    def _section(self) -> list[str]:
        return [text for _, text in self.stack]

    def add_line(self, raw: RawLine) -> None:
        text, anchors = _mapped(raw)
        if not text:
            return
        runs = [] if raw.confidence is None else [(0, len(text), raw.confidence)]
        level = None if self._in_toc(text) else heading_level(text, raw.styled_heading)
        if self.join_broken and level is not None and level >= 4 and len(text) >= 20:
            level = None  # a long numbered item in wrapped text is a list item, not a heading
        location = _line_location(raw, self.source)
        if level is not None:
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            block = Heading(
                id=self._id("h"),
                text=text,
                level=level,
                section=self._section(),
                location=location,
                source_map=SourceMap(anchors=anchors),
                confidence=runs,
            )
            self.stack.append((level, text))
            self.blocks.append(block)
            return
        last = self.blocks[-1] if self.blocks else None
        if (
            self.join_broken
            and not raw.styled_heading
            and isinstance(last, Paragraph)
            and _is_broken(last.text, text)
        ):
            shift = len(last.text)
            last.text += text
            last.source_map.anchors.extend((o + shift, ln, c) for o, ln, c in anchors)
            last.confidence.extend((s + shift, e + shift, c) for s, e, c in runs)
            last.location = _merge(last.location, location)
            return
        self.blocks.append(
            Paragraph(
                id=self._id("p"),
                text=text,
                section=self._section(),
                location=location,
                source_map=SourceMap(anchors=anchors),
                confidence=runs,
            )
        )

    def add_table(self, raw: RawTable) -> None:
        # Locations are frozen, so the cells of a text row share one (16,000 cells in the
        # OCR export 001: building a Location per cell was a fifth of its reading time).
        locations: dict[tuple, Location] = {}

        def location(c: RawCell) -> Location:
            key = (c.page, c.line_start, c.line_end, c.bbox)
            if key not in locations:
                locations[key] = Location(
                    page=c.page, line_start=c.line_start, line_end=c.line_end, bbox=c.bbox
                )
            return locations[key]

        cells = [
            Cell(
                row=c.row,
                col=c.col,
                row_span=c.row_span,
                col_span=c.col_span,
                text=normalize(_rejoin_number(c.text) if self.join_broken else c.text),
                location=location(c),
                confidence=c.confidence,
            )
            for c in raw.cells
        ]
        table = Table(
            id=self._id("t"),
            text="",
            section=self._section(),
            location=Location(
                file=self.source,
                page=raw.page,
                line_start=raw.line_start,
                line_end=raw.line_end,
                bbox=raw.bbox,
            ),
            n_rows=raw.n_rows,
            n_cols=raw.n_cols,
            cells=cells,
        )
        self._caption(table)
        self.blocks.append(table)

    def _caption(self, table: Table) -> None:
        """Name the table from its own title row, else from the caption lines just above it.

        A form code ("公开01表", "附表3") names no table: the name is looked for further, in
        the lines above it or the first rows of the table (statements often print their title
        inside their frame, before "部门：…单位：万元"). A title row of the table's own beats
        a caption: a list of attachments above a table names other tables too."""
        after = ""  # the line below the one looked at: the rest of a title wrapped onto it
        for block in reversed(self.blocks[-4:]):
            if isinstance(block, Heading):
                # a statement titled by a heading ("一、收支预算总表", then "部门：… 单位：万元"),
                # or by a heading wrapped onto a short line ("…支出预" + "算表")
                for text in (block.text, block.text + after if len(after) <= 4 else ""):
                    name = _TITLE_PREFIX.sub("", text)
                    if text and not table.text and _TABLE_TITLE.fullmatch(name):
                        table.text = table_title(text) or ""
                break
            if not isinstance(block, Paragraph):
                break
            table.caption_ids.insert(0, block.id)
            title = table_title(block.text)
            if title and (not table.text or form_code(table.text)):
                table.text = title
            after = block.text
        if table.text:  # only lines from the title down name the table
            while table.caption_ids and not table_title(self._text_of(table.caption_ids[0])):
                table.caption_ids.pop(0)
        else:
            table.caption_ids = []
        own, plain = _own_title(table)
        if own:
            table.text = own
        elif not table.text or form_code(table.text):
            table.text = plain or table.text

    def _text_of(self, block_id: str) -> str:
        return next(b.text for b in self.blocks if b.id == block_id)


_WRAPPED_NUMBER = re.compile(r"(?<=[\d.])\n(?=[\d.%])")


def _rejoin_number(text: str) -> str:
    """A cell's number that a narrow column wrapped ("80⏎00", "4⏎%") as one number again."""
    return _WRAPPED_NUMBER.sub("", text)


def _mapped(raw: RawLine) -> tuple[str, list[tuple[int, int, int]]]:
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    length = 0
    for piece in raw.pieces:
        text, local = normalize_mapped(piece.text)
        if not text:
            continue
        if piece.line is not None:
            anchors.extend((length + new, piece.line, piece.col + old) for new, old in local)
        parts.append(text)
        length += len(text)
    return "".join(parts), anchors


def _is_broken(previous: str, following: str) -> bool:
    """Whether ``following`` continues a sentence that layout broke after ``previous``."""
    return (
        len(previous) >= 20
        and previous[-1] not in _TERMINAL
        and not _TABLE_TITLE.fullmatch(previous)
        and not table_title(following)
        and not _starts_item(following)
    )


def _line_location(raw: RawLine, source: str) -> Location:
    lines = [p.line for p in raw.pieces if p.line is not None]
    return Location(
        file=source,
        page=raw.page,
        line_start=min(lines) if lines else None,
        line_end=max(lines) if lines else None,
        bbox=raw.bbox,
    )


def _merge(a: Location, b: Location) -> Location:
    def lo(x: int | None, y: int | None) -> int | None:
        return min(v for v in (x, y) if v is not None) if (x or y) else None

    def hi(x: int | None, y: int | None) -> int | None:
        return max(v for v in (x, y) if v is not None) if (x or y) else None

    return Location(
        file=a.file,
        page=a.page if a.page is not None else b.page,
        line_start=lo(a.line_start, b.line_start),
        line_end=hi(a.line_end, b.line_end),
        bbox=a.bbox,
    )


def assemble(
    items: list[RawItem],
    *,
    source: str,
    fmt: str,
    sha256: str,
    pages: int | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """The document model for a reader's items; OCR and PDF text gets broken lines rejoined."""
    builder = _Builder(source, join_broken=fmt in ("text-ocr", "text-layout", "pdf", "image"))
    items = [
        part
        for item in items
        for part in (split_table(item) if isinstance(item, RawTable) else [item])
    ]
    for item in items:
        if isinstance(item, RawTable):
            builder.add_table(item)
        else:
            builder.add_line(item)
    notes = [f"{t.id}: {note}" for t, raw in _tables_with_raw(builder, items) for note in raw.notes]
    return Document(
        source=source,
        format=fmt,  # type: ignore[arg-type]
        sha256=sha256,
        pages=pages,
        blocks=builder.blocks,
        warnings=[*(warnings or []), *notes],
    )


def _tables_with_raw(builder: _Builder, items: list[RawItem]) -> list[tuple[Table, RawTable]]:
    tables = [b for b in builder.blocks if isinstance(b, Table)]
    raws = [i for i in items if isinstance(i, RawTable)]
    return list(zip(tables, raws, strict=True))
