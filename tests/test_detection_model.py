"""Document-model mutants: a number changed in the reading of a real PDF, checked from there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetlens.cli import _short_names, cli
from budgetlens.evaluation.detection import (
    ModelSubject,
    MutationReport,
    Site,
    Spot,
    evaluate_mutations,
    format_mutations,
    moved_findings,
    mutate_sites,
    spot_sites,
)
from budgetlens.pipeline import CheckResult, check_document

from .conftest import CORPUS

# a Jiangsu 预算公开 PDF with three published contradictions (its 变动幅度 sentences)
J07 = next((CORPUS / "realworld").glob("J07_*.pdf"))


@pytest.fixture(scope="module")
def j07() -> CheckResult:
    return check_document(J07)


@pytest.fixture(scope="module")
def sites(j07: CheckResult) -> list[Site]:
    return spot_sites(j07)


def _report() -> MutationReport:
    return MutationReport(seed=0, requested=1)


def test_a_broken_statement_identity_is_caught_at_its_cell(j07, sites):
    site = next(
        s
        for s in sites
        if s.cells and any(f.family == "statements" for f in moved_findings(j07, s))
    )
    report = _report()
    mutate_sites(ModelSubject("J07", j07), [site], report)
    [mutation] = report.mutations
    assert isinstance(site.place, Spot) and site.place.cell is not None
    assert mutation.family == "statements" and mutation.detected, format_mutations(report)
    assert any(r.startswith("STMT.") and r.endswith(" error") for r in mutation.reported)
    assert mutation.number != mutation.mutated_number
    assert mutation.false_alarms == []


def test_a_move_that_breaks_nothing_is_not_counted(j07, sites):
    site = next(s for s in sites if not moved_findings(j07, s))
    report = _report()
    mutate_sites(ModelSubject("J07", j07), [site], report)
    assert report.tried == 1
    assert report.mutations == [] and report.tolerated == []
    [silent] = report.silent
    assert silent.number == site.number.text


def test_a_small_run_on_a_pdf_is_caught_and_reproducible():
    report = evaluate_mutations({"J07": J07}, 4, seed=0, mode="model")
    assert len(report.mutations) == 4
    assert report.overall.rate == 1.0 and report.false_alarms == [], format_mutations(report)
    # the unmutated report's errors are its three published 变动幅度 contradictions
    assert [e["rule_id"] for e in report.original_errors["J07"]] == ["CHANGE.rate_of_prior"] * 3
    again = evaluate_mutations({"J07": J07}, 4, seed=0, mode="model")
    assert again.to_json() == report.to_json()


def test_eval_mutants_prints_and_writes_its_report(tmp_path):
    out = tmp_path / "mutants.json"
    args = ["eval", "mutants", str(J07), "--mutations", "2", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "  detected 2/2 (100.0%)" in result.output.splitlines()
    assert json.loads(out.read_text(encoding="utf-8"))["overall"]["total"] == 2


def test_documents_are_named_short_where_that_tells_them_apart():
    paths = (Path("a/J07_x.pdf"), Path("b/H1_y.pdf"))
    assert list(_short_names(paths)) == ["J07", "H1"]
    assert list(_short_names((Path("000_a.txt"), Path("000_a.pdf")))) == ["000_a.txt", "000_a.pdf"]
