"""The eval gates cannot pass on nothing: no gold, no document, a dead model endpoint, another
baseline, a missing bundle all exit 2 with one line; --compare prints only what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetlens.cli import main
from budgetlens.evaluation import bundled
from budgetlens.evaluation.extraction import compare_document, compare_reports

from .conftest import SEEDS


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``budgetlens ARGS`` through the entry point: its status, stdout and stderr."""
    with CliRunner().isolation(env=env) as (out, err, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue().decode(), err.getvalue().decode()


def one_line_failure(result: tuple[int, str, str], words: str) -> None:
    code, _, err = result
    assert code == 2, err
    assert len(err.splitlines()) == 1 and err.startswith("budgetlens: error:") and words in err


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    """A gold folder of seed 004 drafted by init-gold (its 11 tables), and a report of it."""
    folder = tmp_path_factory.mktemp("gold")
    code, out, err = run("eval", "init-gold", SEEDS["004"], "-o", folder / "004.json")
    assert code == 0, err
    assert out.startswith("11 tables → ")
    return folder


def test_init_gold_writes_the_format_and_never_overwrites(gold):
    data = json.loads((gold / "004.json").read_text(encoding="utf-8"))
    assert data["seed"] == SEEDS["004"].stem
    assert (gold / data["source"]).resolve() == SEEDS["004"].resolve()  # relative to the gold
    first = data["tables"][0]
    assert first["line_start"] == 259 and first["kind"] == "T12"
    assert set(first["items"][0]) == {"line", "level1", "level2", "level3", "allotted", "score"}
    one_line_failure(run("eval", "init-gold", SEEDS["004"], "-o", gold / "004.json"), "exists")


def test_a_gold_drafted_from_the_extraction_scores_it_perfectly_from_any_folder(
    gold, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # gold paths resolve against the gold file, not the cwd
    code, _, err = run("eval", "extraction", "--gold", gold, "-o", "r.json")
    assert code == 0, err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["overall"]["f1"] == 1.0 and report["overall"]["tp"] > 0
    assert report["provenance"]["backend"] == "rules"
    assert list(report["provenance"]["sources"]) == [SEEDS["004"].stem]


def test_no_gold_or_no_document_exits_2(tmp_path):
    one_line_failure(run("eval", "extraction", "--gold", "/nonexistent"), "no such folder")
    one_line_failure(run("eval", "extraction", "--gold", tmp_path), "no gold file")
    (tmp_path / "scans").mkdir()
    (tmp_path / "000.json").write_text(json.dumps({"seed": "000", "tables": []}), "utf-8")
    args = ("--gold", tmp_path, "--sources", tmp_path / "scans")
    one_line_failure(run("eval", "extraction", *args), "no document scored")
    one_line_failure(run("eval", "extraction", "--gold", tmp_path), "no source")
    (tmp_path / "000.json").write_text(json.dumps({"source": "gone.txt", "tables": []}), "utf-8")
    one_line_failure(run("eval", "extraction", "--gold", tmp_path), "is not a file")


def test_a_dead_model_endpoint_fails_the_gate(gold, tmp_path):
    config = tmp_path / "b.toml"
    config.write_text(
        '[llm]\nmodel = "dead"\nbase_url = "http://127.0.0.1:9/v1"\nretries = 0\ntimeout = 2\n'
        f'cache_dir = "{(tmp_path / "cache").as_posix()}"\n',
        "utf-8",
    )
    args = ("eval", "extraction", "--gold", gold, "--backend", "llm", "--config", config)
    one_line_failure(run(*args, env={"OPENAI_API_KEY": "x"}), "reached for none of the 11 tables")


def test_compare_refuses_another_provenance_and_prints_only_changes(gold, tmp_path):
    base = tmp_path / "base.json"
    assert run("eval", "extraction", "--gold", gold, "-o", base)[0] == 0
    code, out, _ = run("eval", "extraction", "--gold", gold, "--compare", base)
    assert code == 0 and out.splitlines()[-2:] == [
        "nothing changed",
        "no metric dropped by more than 0.005",
    ]
    report = json.loads(base.read_text(encoding="utf-8"))
    for change, words in [
        ({"backend": "llm"}, "backend llm → rules"),
        ({"sources": {"004": "0" * 64}}, "sources differ: 004"),
        ({"prompts": {"T1": "1"}}, "prompts {'T1': '1'} → None"),
    ]:
        other = tmp_path / "other.json"
        changed = report | {"provenance": report["provenance"] | change}
        other.write_text(json.dumps(changed), "utf-8")
        one_line_failure(run("eval", "extraction", "--gold", gold, "--compare", other), words)
    del report["provenance"]
    base.write_text(json.dumps(report), "utf-8")
    one_line_failure(run("eval", "extraction", "--gold", gold, "--compare", base), "no provenance")


def test_compare_reports_lists_metrics_that_moved_and_items_newly_wrong_or_right():
    before = {"overall": {"f1": 0.9}, "per_kind": {"T3": {"f1": 0.8}}, "wrong": {"a": "x"}}
    now = {"overall": {"f1": 0.9}, "per_kind": {"T3": {"f1": 0.7}}, "wrong": {"b": "y"}}
    text, ok = compare_reports(now, before, max_drop=0.05)
    assert not ok
    assert text.splitlines() == [
        "per_kind.T3.f1: 0.800 → 0.700 (-0.100)  DROP",
        "newly wrong (1)",
        "  b: y",
        "newly right (1)",
        "  a: x",
        "1 metric(s) dropped by more than 0.050",
    ]


def test_a_row_is_found_by_its_label_when_its_gold_line_is_another_cells():
    row = {"level1": "产出指标", "level3": "完成任务", "target": "100"}
    extracted_row = row | {"location": {"line": 10}}
    gold = {"tables": [{"line_start": 1, "kind": "T1", "indicators": [row | {"line": 13}]}]}
    extracted = {
        "tables": [{"location": {"line_start": 1}, "kind": "T1", "indicators": [extracted_row]}]
    }
    counts = compare_document(gold, extracted)
    assert counts.total().fn == 0 and counts.total().fp == 0 and counts.total().tp == 4
    far = {"tables": [{"line_start": 1, "kind": "T1", "indicators": [row | {"line": 40}]}]}
    assert compare_document(far, extracted).total().fn > 0


def test_outside_a_repository_the_eval_commands_ask_for_their_data(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "EVAL_DIR", tmp_path / "eval")
    one_line_failure(run("eval", "extraction"), "give --gold")
    one_line_failure(run("eval", "detection"), "give --seeds")
    one_line_failure(run("eval", "detection", "--seeds", tmp_path), "give --known")
