"""A checked document's JSON result as tidy rows: one per table, indicator, claim, finding and
piece of evidence.

The keys are the columns of ``schema``'s tables; numbers are given as their exact decimal
text, which the schema's ``Number`` type stores as a number.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def item_rows(data: dict) -> dict[str, list[dict]]:
    """The item rows of ``budgetlens.report.to_json``'s result, by table of the database."""
    return {
        "tables": [_table(t) for t in data["tables"]],
        "indicators": [
            _indicator(t, row, item)
            for t in data["tables"]
            for item, rows in (
                ("indicator", t.get("indicators", [])),
                ("score_item", t.get("items", [])),
            )
            for row in rows
        ],
        "claims": [_claim(c) for c in data["claims"]],
        "findings": [_finding(n, f) for n, f in enumerate(data["findings"], 1)],
        "evidence": [
            evidence_row(n, m, e)
            for n, f in enumerate(data["findings"], 1)
            for m, e in enumerate(f["evidence"], 1)
        ],
    }


def number(text: str | None) -> str | None:
    """A printed total ("100") as a decimal, None where it is not one."""
    try:
        return str(Decimal(text)) if text is not None and Decimal(text).is_finite() else None
    except InvalidOperation:
        return None


def _value(parsed: dict | None) -> str | None:
    return parsed["value"] if parsed else None


def _table(table: dict) -> dict:
    location = table["location"]
    return {
        "table_id": table["id"],
        "kind": table["kind"],
        "title": table["title"],
        "project": table.get("project"),
        "page": location.get("page"),
        "line_start": location.get("line_start"),
        "line_end": location.get("line_end"),
        "items": len(table.get("indicators", table.get("items", []))),
        "total_score": table.get("total_score"),
        "total_score_value": number(table.get("total_score")),
        "notes": "\n".join(table["notes"]) or None,
    }


def _indicator(table: dict, row: dict, item: str) -> dict:
    fields = ("target", "weight", "actual", "allotted", "score")
    return {
        "table_id": table["id"],
        "table_kind": table["kind"],
        "row": row["location"]["row"],
        "item": item,
        "level1": row.get("level1"),
        "level2": row.get("level2"),
        "level3": row.get("level3"),
        "comparator": row.get("comparator"),
        "unit": row.get("unit"),
        **{f: row.get(f) for f in fields},
        **{f"{f}_value": _value(row.get(f"{f}_value")) for f in fields},
        "note": row.get("note", row.get("basis")),
        "line": row["location"].get("line"),
        "page": row["location"].get("page"),
    }


def _claim(claim: dict) -> dict:
    quantity, span = claim["quantity"], claim["span"]
    return {
        "claim_id": claim["id"],
        "type": claim["type"],
        "subject": claim["subject"],
        "text": quantity["text"],
        "value": quantity["value"],
        "decimals": quantity["decimals"],
        "unit": quantity["unit"],
        "percent": bool(quantity["percent"]),
        "comparator": claim["comparator"],
        "qualifier": claim["qualifier"],
        "direction": claim["direction"],
        "year": claim["year"],
        "claim_group": claim["group"],
        "role": claim["role"],
        "ref": claim["ref"],
        "block_id": span["block_id"],
        "span_start": span["start"],
        "span_end": span["end"],
        "line": span["line"],
        "page": span["page"],
        "section": " > ".join(claim["section"]) or None,
    }


def _finding(n: int, finding: dict) -> dict:
    stated = finding["stated_interval"] or (None, None)
    computed = finding["computed_interval"] or (None, None)
    return {
        "finding": n,
        "rule_id": finding["rule_id"],
        "rule_version": finding["rule_version"],
        "family": finding["family"],
        "severity": finding["severity"],
        "tier": finding["tier"],
        "message": finding["message"],
        "fingerprint": finding["fingerprint"],
        "stated": finding["stated"],
        "stated_lo": stated[0],
        "stated_hi": stated[1],
        "computed": finding["computed"],
        "computed_lo": computed[0],
        "computed_hi": computed[1],
        "difference": finding["difference"],
        **place(finding),
    }


_PLACE = ("line", "page", "block_id", "table_id", "row", "col")


def place(finding: dict) -> dict:
    """A finding's line and page, and the block or table cell of its first located piece of
    evidence: the only place a .docx finding has, which has no lines or pages."""
    where = dict.fromkeys(_PLACE)
    for item in finding["evidence"]:
        location = item.get("location") or {}
        if location.get("block_id") or location.get("table_id"):
            where = {key: location.get(key) for key in _PLACE}
            break
    for key in ("line", "page"):
        if finding[key] is not None:
            where[key] = finding[key]
    return where


def evidence_row(finding: int, n: int, item: dict) -> dict:
    """The ``n``th number a finding used, with its place: a span of a block or a table cell."""
    location = item.get("location") or {}
    return {
        "finding": finding,
        "n": n,
        "role": item["role"],
        "text": item.get("text"),
        **{key: location.get(key) for key in _PLACE},
        "span_start": location.get("start"),
        "span_end": location.get("end"),
    }
