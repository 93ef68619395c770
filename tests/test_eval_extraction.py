"""`budgetlens eval extraction`: the figures issue #3 promises, and the CI gate."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from budgetlens.cli import cli

# Field F1 the rules must keep on the hand-checked gold (Word-like seeds, OCR seed 001).
FLOORS = {"000": 0.98, "002": 0.98, "004": 0.98, "001": 0.95}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("eval") / "report.json"
    result = CliRunner().invoke(cli, ["eval", "extraction", "--gold", "eval/gold", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "per field" in result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_field_f1_per_seed_meets_its_floor(report):
    for seed, floor in FLOORS.items():
        if seed in report["per_seed"]:
            assert report["per_seed"][seed]["f1"] >= floor, seed


def test_compare_passes_against_itself_and_fails_on_a_drop(report, tmp_path):
    same = tmp_path / "same.json"
    same.write_text(json.dumps(report), encoding="utf-8")
    args = ["eval", "extraction", "--gold", "eval/gold", "--compare", str(same)]
    assert CliRunner().invoke(cli, args).exit_code == 0

    better = json.loads(json.dumps(report))
    better["overall"]["f1"] = min(1.0, report["overall"]["f1"] + 0.05)
    better["overall"]["f1"] = (
        1.0 if better["overall"]["f1"] == report["overall"]["f1"] else better["overall"]["f1"]
    )
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(better), encoding="utf-8")
    result = CliRunner().invoke(cli, [*args[:-1], str(baseline), "--max-drop", "0.001"])
    assert result.exit_code == 1
    assert "overall.f1" in result.output
