"""Detection metrics: known contradictions found, mutants caught, numbers perturbed in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlens.evaluation.detection import (
    evaluate_known,
    evaluate_mutations,
    evaluate_precision,
    format_mutations,
    format_precision,
    perturb,
)
from budgetlens.numbers import find_numbers

from .conftest import SEEDS, seed_findings

KNOWN = Path(__file__).resolve().parents[1] / "eval" / "known_contradictions.json"


def test_known_report_finds_every_high_confidence_entry():
    report = evaluate_known({name: seed_findings(name) for name in SEEDS}, KNOWN)
    high = report.per_confidence["high"]
    assert (high.detected, high.total) == (14, 14)
    assert not [m for m in report.missed if m["confidence"] == "high"]
    assert sum(t.total for t in report.per_seed.values()) == 60
    # the stricter count: a label found only through a neighbour's finding is listed, not counted
    window = sum(t.detected for t in report.per_confidence.values())
    own = sum(t.detected for t in report.on_line.values())
    assert own + len(report.by_neighbour) == window and report.on_line["high"].detected == 14


@pytest.fixture(scope="module")
def mutants():
    return evaluate_mutations({"000": SEEDS["000"]}, 10, seed=0)


def test_small_mutation_run_detects_and_stays_silent(mutants):
    assert len(mutants.mutations) == 10
    assert mutants.overall.rate >= 0.8, format_mutations(mutants)
    assert mutants.false_alarms == []
    assert all(m.number != m.mutated_number for m in mutants.mutations)


def test_mutation_run_is_reproducible(mutants):
    again = evaluate_mutations({"000": SEEDS["000"]}, 10, seed=0)
    assert again.to_json() == mutants.to_json()
    other = evaluate_mutations({"000": SEEDS["000"]}, 10, seed=1)
    assert [m.line for m in other.mutations] != [m.line for m in mutants.mutations]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("3081.49", "3389.64"),
        ("3,081.49", "3,389.64"),
        ("93.19%", "102.51%"),
        ("-26.65%", "-29.32%"),
        ("９８．５", "１０８．４"),
        ("１，２３４", "１，３５７"),
        ("5", "6"),  # 10% is under one printed unit: moved by one unit
        ("0.00", "0.01"),
        ("增加17.51万元，", "增加19.26万元，"),
    ],
)
def test_perturb_moves_the_value_and_keeps_the_format(printed, expected):
    assert perturb(printed) == expected
    before, after = find_numbers(printed)[0], find_numbers(expected)[0]
    assert after.decimals == before.decimals and after.percent == before.percent
    assert abs(after.value) > abs(before.value)


LABELS = KNOWN.parent / "labelled_findings.json"


def test_precision_counts_labelled_findings_and_lists_the_rest(tmp_path):
    findings = {"004": seed_findings("004")}
    report = evaluate_precision(findings, LABELS)
    assert (report.overall.true, report.overall.labelled) == (6, 6) and not report.unlabelled
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    mine = [f for f in labels["findings"] if f["seed"] == "004"]
    mine[0]["true"] = False  # one false alarm, one finding no one labelled
    labels["findings"] = mine[:3]
    edited = tmp_path / "labels.json"
    edited.write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    report = evaluate_precision(findings, edited)
    assert (report.overall.true, report.overall.labelled) == (2, 3)
    assert [f["line"] for f in report.false] == [mine[0]["line"]]
    assert len(report.unlabelled) == 3
    assert "  overall 2/3 (66.7%)" in format_precision(report).splitlines()


def test_every_flagged_finding_of_the_seeds_is_labelled_true():
    report = evaluate_precision({name: seed_findings(name) for name in SEEDS}, LABELS)
    assert report.overall.labelled == 65 and report.overall.true == 65, format_precision(report)
