"""A gold file drafted from budgetlens's own extraction (``budgetlens eval init-gold``), in the
format of ``eval/gold/seeds/FORMAT.md`` (statements: ``eval/gold/realworld/FORMAT.md``), for a
person to correct against the report. Until corrected it measures budgetlens against itself,
so the draft says so in its ``note``.
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

NOTE = (
    "Drafted by `budgetlens eval init-gold` from budgetlens's own reading: correct every "
    "value against the report, then delete this note."
)
_INDICATOR = ("level1", "level2", "level3", "comparator", "target", "unit", "weight", "actual")
_ITEM = ("level1", "level2", "level3", "allotted", "score")


def _row(row: Json, names: tuple[str, ...]) -> Json:
    return {"line": (row.get("location") or {}).get("line")} | {n: row.get(n) for n in names}


def _statement_line(row: Json) -> Json:
    return {
        "label": row.get("label"),
        "code": row.get("code"),
        "group": row.get("group"),
        "amounts": list((row.get("values") or {}).values()),
        "side": row.get("side"),
    }


def _table(table: Json) -> Json:
    location = table.get("location") or {}
    where = (
        {"line_start": location["line_start"]}
        if location.get("line_start") is not None
        else {"page": location.get("page")}
    )
    drafted = where | {
        "kind": table.get("kind"),
        "form": table.get("form"),
        "title": table.get("title"),
        "project": table.get("project"),
        "total_score": table.get("total_score"),
    }
    if table.get("kind") == "statement":
        drafted["unit"] = table.get("unit")
        drafted["rows"] = [_statement_line(r) for r in table.get("rows") or []]
        return drafted
    drafted["indicators"] = [
        _row(r, _INDICATOR) | {"score": r.get("score")} for r in table.get("indicators") or []
    ]
    drafted["items"] = [_row(r, _ITEM) for r in table.get("items") or []]
    return drafted


def gold_skeleton(extraction: Json, seed: str, source: str) -> Json:
    """The gold of one report: every table that has rows (indicator rows, score items,
    statement lines), in document order. ``source`` is the report relative to where the gold
    file will be written."""
    tables = [
        t
        for t in extraction.get("tables", [])
        if t.get("indicators") or t.get("items") or t.get("rows")
    ]
    return {"seed": seed, "source": source, "note": NOTE, "tables": [_table(t) for t in tables]}
