"""Layouts other counties print, each a small report and its expected reading (tests/layouts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlens.extract import extract_document
from budgetlens.ingest import read_document

LAYOUTS = Path(__file__).parent / "layouts"
CASES = sorted(LAYOUTS.glob("*.expected.json"))
ROWS = ("indicators", "items")


def _reading(table: dict, expected: dict) -> dict:
    """The extracted table in the expected file's shape: only the fields it gives."""
    found = {name: table.get(name) or None for name in ("kind", "title", "project", "total_score")}
    for group in ROWS:
        if group in expected:
            names = {n for row in expected[group] for n in row}
            found[group] = [
                {n: row.get(n) for n in sorted(names) if row.get(n) is not None}
                for row in table.get(group) or []
            ]
    if "budget" in expected:
        found["budget"] = [{"label": b["label"], **b["values"]} for b in table.get("budget", [])]
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_layout_is_read_as_expected(case: Path):
    expected = json.loads(case.read_text(encoding="utf-8"))
    extraction = extract_document(read_document(LAYOUTS / expected["source"]))
    tables = extraction.model_dump(mode="json")["tables"]
    assert len(tables) == len(expected["tables"])
    for table, wanted in zip(tables, expected["tables"], strict=True):
        wanted_rows = {g: [dict(sorted(r.items())) for r in wanted.get(g, [])] for g in ROWS}
        got = _reading(table, wanted)
        assert {k: got[k] for k in ("kind", "title", "project", "total_score")} == {
            k: wanted.get(k) for k in ("kind", "title", "project", "total_score")
        }
        for group in ROWS:
            if group in wanted:
                assert got[group] == wanted_rows[group], f"{table['id']} {group}"
        if "budget" in wanted:
            assert got["budget"] == wanted["budget"]


def test_every_fixture_has_its_expected_reading():
    reports = {
        p.name for p in LAYOUTS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
    }
    expected = {json.loads(p.read_text(encoding="utf-8"))["source"] for p in CASES}
    assert reports == expected
