"""Reporting a checked document: the JSON result and the linter-style summary."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from budgetlens.atomic import write_atomically
from budgetlens.checks.coverage import unread_tables
from budgetlens.pipeline import CheckResult
from budgetlens.report.html import to_html
from budgetlens.report.labels import Lang

_SEVERITIES = ("error", "warning", "info")


def to_json(result: CheckResult) -> dict:
    """The document's tables, claims, findings and coverage ledger, JSON-serialisable."""
    counts = Counter(f.severity for f in result.findings)
    unread = unread_tables(result.document, result.extraction)
    return {
        "source": result.document.source,
        "sha256": result.document.sha256,
        "format": result.document.format,
        "summary": {severity: counts.get(severity, 0) for severity in _SEVERITIES},
        "coverage": {
            "families": {k: v.model_dump() for k, v in result.ledger.families.items()},
            "rules": {k: v.model_dump() for k, v in result.ledger.rules.items()},
            "total": dict(result.ledger.totals()),
            "tables_read": len(result.extraction.tables) - len(unread),
            "tables_not_read": [t.model_dump() for t in unread],
        },
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "claims": [c.model_dump(mode="json") for c in result.claims],
        "tables": result.extraction.model_dump(mode="json")["tables"],
        "backend": result.extraction.backend,
        "llm": result.extraction.llm.model_dump() if result.extraction.llm else None,
        "llm_paragraphs": [u.model_dump() for u in result.llm_paragraphs],
        "warnings": result.document.warnings,
    }


def write_results(
    result: CheckResult, folder: Path, name: str, lang: Lang = "zh"
) -> tuple[dict, Path]:
    """``folder/name.json`` (``to_json``) and ``folder/name.html`` (the reviewer's page, its
    labels in ``lang``), each written whole or not at all; the JSON data and the page's path."""
    data = to_json(result)
    # no indent: json's C encoder, 7x faster than the indenting one on a 2 MB result
    write_atomically(folder / f"{name}.json", json.dumps(data, ensure_ascii=False))
    page = folder / f"{name}.html"
    write_atomically(page, to_html(result, lang))
    return data, page


def summary_lines(result: CheckResult, minimum: str = "warning") -> list[str]:
    """``file:line: rule_id severity message`` for each finding at ``minimum`` or above."""
    keep = _SEVERITIES[: _SEVERITIES.index(minimum) + 1]
    lines = []
    for finding in result.findings:
        if finding.severity not in keep:
            continue
        first = finding.evidence[0].location if finding.evidence else None
        # A .docx has no lines or pages: point at the block or table cell instead.
        where = (
            f"{finding.line}"
            if finding.line
            else f"page{finding.page}"
            if finding.page
            else (first.block_id or first.table_id or "?")
            if first
            else "?"
        )
        lines.append(
            f"{result.document.source}:{where}: {finding.rule_id} {finding.severity} "
            f"{finding.message}"
        )
    return lines
