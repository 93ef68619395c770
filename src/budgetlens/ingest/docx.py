"""Word reports, through unstructured's ``partition_docx``.

unstructured is configured here to run offline: no telemetry ping, no notice, and its English
text-type heuristics served by the blank spaCy pipeline in ``offline/en_core_web_sm`` instead
of a model it would download. Headings come from Word's paragraph styles; tables come with
their merged cells as ``rowspan``/``colspan`` in ``text_as_html``.
"""

from __future__ import annotations

import os
from pathlib import Path

from budgetlens.errors import InputError, SetupError
from budgetlens.ingest.html import table_from_html
from budgetlens.ingest.raw import Piece, RawCell, RawItem, RawLine, RawTable

os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("UNSTRUCTURED_DISABLE_NOTICE", "1")

_SKIPPED = {"Header", "Footer", "PageNumber"}


def _check_offline_pipeline() -> None:
    import spacy.util

    if not spacy.util.is_package("en_core_web_sm"):
        raise SetupError(
            "unstructured needs a spaCy pipeline named en_core_web_sm and would download it: "
            "install budgetlens with ./offline/en_core_web_sm as the README says"
        )


def read_docx(path: Path) -> tuple[list[RawItem], int | None]:
    """Items in document order, and the page count when Word saved page breaks."""
    _check_offline_pipeline()
    from unstructured.partition.docx import partition_docx

    try:
        elements = partition_docx(filename=str(path), languages=["zho"], include_page_breaks=True)
    except Exception as exc:  # python-docx and zipfile raise many kinds on damaged files
        raise InputError(f"{path}: not a readable .docx ({type(exc).__name__}: {exc})") from exc
    items: list[RawItem] = []
    page = 1
    saw_break = False
    for element in elements:
        kind = type(element).__name__
        if kind == "PageBreak":
            page += 1
            saw_break = True
            continue
        if kind in _SKIPPED:
            continue
        known_page = page if saw_break else None
        if kind == "Table":
            html = element.metadata.text_as_html
            table = table_from_html(html) if html else RawTable([RawCell(0, 0, element.text)], 1, 1)
            table.page = known_page
            items.append(table)
        elif element.text.strip():
            items.append(
                RawLine([Piece(element.text)], page=known_page, styled_heading=kind == "Title")
            )
    return items, page if saw_break else None
