"""Layouts other counties print, each a small report and its expected reading (tests/layouts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.pipeline import check_document

LAYOUTS = Path(__file__).parent / "layouts"
CASES = sorted(LAYOUTS.glob("*.expected.json"))
CHECKED = [c for c in CASES if "checked" in json.loads(c.read_text(encoding="utf-8"))]
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


@pytest.mark.parametrize("case", CHECKED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_layout_is_checked_by_the_rules_it_names(case: Path):
    """The rules an expected file names under "checked" run on the fixture, and pass."""
    expected = json.loads(case.read_text(encoding="utf-8"))
    result = check_document(LAYOUTS / expected["source"])
    for rule in expected["checked"]:
        ran = result.ledger.rules.get(rule)
        assert ran is not None and ran.passed >= 1 and ran.failed == 0, (rule, ran)


def test_money_paid_out_is_what_a_self_evaluation_executed(tmp_path: Path):
    """已完成拨付 under 预算执行情况 is the executed amount: a figure changed there is judged
    against the rate printed beside it, and cited where it is printed."""
    text = (LAYOUTS / "selfeval_disbursed_as_executed.txt").read_text(encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(text.replace("\t142.50\n", "\t135.00\n", 1), encoding="utf-8")
    found = [f for f in check_document(report).findings if f.rule_id == "RATE.budget_execution"]
    assert [(f.severity, f.stated, f.evidence[1].text) for f in found] == [
        ("error", "95.00%", "135.00")
    ]


def test_a_spending_column_is_executed_before_money_paid_out(tmp_path: Path):
    """A header with both 已拨付 (paid out to the unit) and 实际支出 (spent): the spending is
    what the 执行率 divides, whichever column comes first."""
    text = (LAYOUTS / "selfeval_disbursed_as_executed.txt").read_text(encoding="utf-8")
    text = text.replace("\t已完成拨付\n", "\t已拨付\n\t实际支出\n")
    text = text.replace("\t142.50\n", "\t150.00\n\t142.50\n", 2)
    text = text.replace("\t0.00\n\t0.00%\n", "\t0.00\n\t0.00\n\t0.00%\n")
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    (table,) = extract_document(read_document(report)).tables
    total = table.budget[0]  # type: ignore[union-attr]
    assert (total.values["executed"], total.values["已拨付"]) == ("142.50", "150.00")
    ran = check_document(report).ledger.rules["RATE.budget_execution"]
    assert (ran.passed, ran.failed) == (3, 0)


def test_every_fixture_has_its_expected_reading():
    reports = {
        p.name for p in LAYOUTS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
    }
    expected = {json.loads(p.read_text(encoding="utf-8"))["source"] for p in CASES}
    assert reports == expected
