"""Where a finding is, in terms a person can find in the source: line and column in a text
export, the page of a PDF or a scan, the paragraph or table cell of a Word file.

A finding is placed by its stated value (its first evidence). Word numbers neither lines nor
pages, so a .docx finding is placed by paragraph (段 N: the N-th non-empty paragraph, headings
included) or by table cell (表 N 行 R 列 C: the N-th table, 1-based grid row and column).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from budgetlens.checks.findings import Finding
from budgetlens.document import Document, Table


@dataclass(frozen=True)
class Position:
    line: int | None = None
    column: int | None = None  # 1-based, where the source has columns (text exports)
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None  # 1-based grid row and column of a table cell
    col: int | None = None
    order: int = 0  # the block's index in the document: ties of page or line, and .docx

    def label(self, word: bool) -> str:
        """``12:5`` (line and column), ``p12`` (page) or, for a Word file (``word``) or a
        source with neither, ``段12`` / ``表3行4列2``."""
        if self.line is not None:
            return f"{self.line}:{self.column}" if self.column else str(self.line)
        if self.page is not None and not word:
            return f"p{self.page}"
        if self.table is not None:
            cell = f"行{self.row}列{self.col}" if self.row is not None else ""
            return f"表{self.table}{cell}"
        return f"段{self.paragraph}" if self.paragraph is not None else "?"

    def sort_key(self) -> tuple[int, ...]:
        return (
            self.page or 0,
            self.line or 0,
            self.column or 0,
            self.order,
            self.row or 0,
            self.col or 0,
        )

    def to_json(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if v is not None and k != "order"}


class Locator:
    """Positions of findings within one document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._order = {b.id: i for i, b in enumerate(document.blocks)}
        tables = [b for b in document.blocks if isinstance(b, Table)]
        self._table = {t.id: n for n, t in enumerate(tables, 1)}
        texts = [b for b in document.blocks if not isinstance(b, Table)]
        self._paragraph = {b.id: n for n, b in enumerate(texts, 1)}
        self._blocks = {b.id: b for b in document.blocks}

    @property
    def word(self) -> bool:
        return self.document.format == "docx"

    def position(self, finding: Finding) -> Position:
        if not finding.evidence:
            return Position(line=finding.line, page=finding.page)
        where = finding.evidence[0].location
        block_id = where.table_id or where.block_id or ""
        line, column = finding.line or where.line, None
        block = self._blocks.get(where.block_id or "")
        source_map = getattr(block, "source_map", None)
        if source_map is not None and where.start is not None and where.row is None:
            found = source_map.locate(where.start)
            if found is not None:
                line, column = found[0], found[1] + 1
        in_table = where.table_id is not None and where.row is not None
        return Position(
            line=line,
            column=column,
            page=finding.page or where.page,
            paragraph=None if in_table else self._paragraph.get(block_id),
            table=self._table.get(where.table_id or ""),
            row=where.row + 1 if in_table and where.row is not None else None,
            col=where.col + 1 if in_table and where.col is not None else None,
            order=self._order.get(block_id, len(self._order)),
        )

    def in_order(self, findings: list[Finding]) -> list[tuple[Finding, Position]]:
        """Each finding with its position, sorted by position (then rule id)."""
        placed = [(f, self.position(f)) for f in findings]
        return sorted(placed, key=lambda fp: (fp[1].sort_key(), fp[0].rule_id))
