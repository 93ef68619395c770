"""Where each finding's evidence lies in the document: spans of text and whole cells.

Evidence of several findings may overlap or nest inside one paragraph ("3.05%" is the stated
value of one check and an operand of another). Markup cannot overlap, so a text is cut at every
span boundary into flat runs, each carrying every finding and role that covers it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from budgetlens.checks.findings import Finding
from budgetlens.document import Document, Table

_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Mark:
    """One piece of evidence: finding ``finding`` used ``[start, end)`` in ``role``."""

    finding: str
    role: str  # "stated", "operand" or "label"
    severity: str
    start: int
    end: int


@dataclass(frozen=True)
class Marks:
    """The evidence covering one stretch of text, one cell or one block, as the page needs it."""

    items: tuple[Mark, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def findings(self) -> str:
        """The findings' keys, space-separated: the page's ``data-f``."""
        return " ".join(dict.fromkeys(m.finding for m in self.items))

    @property
    def roles(self) -> str:
        return " ".join(sorted({m.role for m in self.items}))

    @property
    def severity(self) -> str:
        return min((m.severity for m in self.items), key=_RANK.__getitem__, default="info")


@dataclass(frozen=True)
class Run:
    """A stretch of text and the evidence covering all of it (none for plain text)."""

    text: str
    marks: Marks = Marks()


def runs(text: str, marks: list[Mark]) -> list[Run]:
    """``text`` cut into runs at every mark boundary; offsets outside the text are clamped."""
    if not marks:
        return [Run(text)]
    clamp = [(m, max(0, min(m.start, len(text))), max(0, min(m.end, len(text)))) for m in marks]
    cuts = sorted({0, len(text)} | {a for _, a, _ in clamp} | {b for _, _, b in clamp})
    out = []
    for a, b in pairwise(cuts):
        covering = tuple(m for m, start, end in clamp if start <= a and b <= end)
        out.append(Run(text[a:b], Marks(covering)))
    return out


def _marks() -> defaultdict:
    return defaultdict(list)


@dataclass
class Highlights:
    """Evidence placed in the document, as marks keyed by where they go."""

    text: dict[str, list[Mark]] = field(default_factory=_marks)  # spans of a block's text
    cells: dict[tuple[str, int, int], list[Mark]] = field(default_factory=_marks)  # whole cells
    cell_text: dict[tuple[str, int, int], list[Mark]] = field(default_factory=_marks)  # spans
    whole: dict[str, list[Mark]] = field(default_factory=_marks)  # a block, no finer place
    margin: dict[str, list[Mark]] = field(default_factory=_marks)  # all of a block's marks
    located: set[str] = field(default_factory=set)  # findings with some evidence placed


def locate(document: Document, findings: dict[str, Finding]) -> Highlights:
    """Place every finding's evidence; evidence naming no block of this document is left out."""
    blocks = {b.id: b for b in document.blocks}
    found = Highlights()
    for key, finding in findings.items():
        for evidence in finding.evidence:
            loc = evidence.location
            span = loc.start is not None and loc.end is not None
            mark = Mark(key, evidence.role, finding.severity, loc.start or 0, loc.end or 0)
            table = blocks.get(loc.table_id or "")
            if isinstance(table, Table) and loc.row is not None and loc.col is not None:
                cell = table.cell_at(loc.row, loc.col)
                if cell is None:
                    continue
                place = (table.id, cell.row, cell.col)
                (found.cell_text if span else found.cells)[place].append(mark)
                block_id = table.id
            elif loc.block_id in blocks:
                block_id = loc.block_id
                text_span = span and not isinstance(blocks[block_id], Table)
                (found.text if text_span else found.whole)[block_id].append(mark)
            else:
                continue
            found.margin[block_id].append(mark)
            found.located.add(key)
    return found
