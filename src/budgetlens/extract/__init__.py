"""Fill the table schemas from a document: the extraction backends."""

from __future__ import annotations

from budgetlens.document import Document
from budgetlens.extract.rules import extract_table
from budgetlens.tables.schemas import Extraction


def extract_document(document: Document) -> Extraction:
    """Every table of ``document`` as its typed schema (unknown kinds as grids), by rules."""
    return Extraction(
        source=document.source,
        sha256=document.sha256,
        backend="rules",
        tables=[extract_table(table, document) for table in document.tables],
    )
