"""Which tables go to the model besides those of a known kind the llm backend always sends.

Hybrid sends a table of known kind (title or header) when its rules reading
 - wrote a note (no header with the expected labels: an unknown header layout), or
 - found no indicator or score rows at all, or
 - holds a value whose digits OCR damage split and the rules had to rejoin, or
 - holds a weight, score or allotment that is printed but is not a number (failed validation).
Both backends ask which kind a table of no kind is when it holds figures: the tables the
coverage lists as unread (``checks/coverage.py``), so the same count decides both. Tables of no
kind without figures (目录, layout tables) and 决算 statements are never sent.
"""

from __future__ import annotations

from budgetlens.checks.coverage import unread_tables
from budgetlens.document import Document
from budgetlens.tables import schemas as s

_NUMERIC = ("weight", "score", "allotted")


def needs_model(table: s.ExtractedTable) -> str | None:
    """Why the rules' reading of ``table`` is not trusted, or None when it is."""
    if isinstance(table, s.GenericTable | s.Statement):
        return None
    if table.notes:
        return "rules: " + "; ".join(table.notes)
    rows: list[s.Indicator] | list[s.ScoreItem] = (
        table.indicators if isinstance(table, s._IndicatorTable) else table.items
    )
    if not rows:
        return "rules found no rows"
    for row in rows:
        for name in _NUMERIC:
            text = getattr(row, name, None)
            value: s.Parsed | None = getattr(row, f"{name}_value", None)
            if value is not None and value.repaired:
                return f"OCR damage repaired in {name} at line {row.location.line}"
            if text and value is None:
                return f"{name} {text!r} at line {row.location.line} is not a number"
    return None


def untyped_with_figures(document: Document, tables: list[s.ExtractedTable]) -> dict[str, str]:
    """Table id → why, for each table of no kind that holds figures no check will read."""
    extraction = s.Extraction(
        source=document.source, sha256=document.sha256, backend="rules", tables=tables
    )
    return {
        u.table_id: u.reason for u in unread_tables(document, extraction) if u.kind == "unknown"
    }
