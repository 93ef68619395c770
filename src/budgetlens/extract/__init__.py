"""Fill the table schemas from a document: the extraction backends."""

from __future__ import annotations

from typing import Protocol

from budgetlens.document import Document
from budgetlens.extract.rules import extract_table
from budgetlens.tables.schemas import ExtractedTable, Extraction, ModelTotals


class TableReviser(Protocol):
    """A backend that rereads the rules' tables (``budgetlens.llm.backend.ModelBackend``):
    declared here so that extraction never imports the LLM package."""

    @property
    def name(self) -> str: ...

    def revise(
        self, document: Document, tables: list[ExtractedTable]
    ) -> tuple[list[ExtractedTable], ModelTotals]: ...


def extract_document(document: Document, model: TableReviser | None = None) -> Extraction:
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
