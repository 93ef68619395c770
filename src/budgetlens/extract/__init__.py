"""Fill the table schemas from a document: the extraction backends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from budgetlens.document import Document
from budgetlens.extract.rules import extract_table
from budgetlens.tables.schemas import Extraction

if TYPE_CHECKING:
    from budgetlens.extract.llm.backend import ModelBackend


def extract_document(document: Document, model: ModelBackend | None = None) -> Extraction:
    """Every table of ``document`` as its typed schema (unknown kinds as grids): by rules,
    then, with a ``model`` backend, the tables it takes over read by the model."""
    tables = [extract_table(table, document) for table in document.tables]
    if model is None:
        return Extraction(
            source=document.source, sha256=document.sha256, backend="rules", tables=tables
        )
    tables, totals = model.revise(document, tables)
    return Extraction(
        source=document.source,
        sha256=document.sha256,
        backend=model.name,
        tables=tables,
        llm=totals,
    )
