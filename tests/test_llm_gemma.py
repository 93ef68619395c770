"""The LLM backend replayed from answers recorded from gemma3-270m (Q4_K_M) served by
llama-cpp-python's server (cassettes/test_llm_gemma/README.md says how). The model is tiny and
its answers poor: these tests check the pipeline (every kept value grounded in its cell, the
rest rejected, usage and calls recorded, the cache), never the quality of an answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetlens.cli import cli
from budgetlens.extract import extract_document
from budgetlens.extract.rules import extract_table
from budgetlens.ingest import read_document
from budgetlens.llm.backend import ModelBackend
from budgetlens.llm.config import LLMConfig
from budgetlens.pipeline import check_document
from budgetlens.tables import schemas as s
from budgetlens.textnorm import normalize, to_halfwidth
from tests.conftest import SEEDS
from tests.test_llm_classify import REPORT

ROOT = Path(__file__).resolve().parents[1]
# The settings the cassettes were recorded with: a request must match its recording byte for
# byte. md_json: llama-cpp-python's grammar-constrained tool calls ran too slowly to record
# on two shared cores; max_tokens 120 keeps a recording to about half a minute a call.
SETTINGS = {
    "model": "gemma3-270m",
    "base_url": "http://127.0.0.1:8765/v1",
    "mode": "md_json",
    "max_tokens": 120,
    "reasks": 1,
    "retries": 0,
    "timeout": 600,
    "concurrency": 2,
}
# One table of each kind the seeds hold, beyond T1 and T2 (seed 000's, in the eval test).
KINDS = {"001": ("T3", "T4", "T5"), "002": ("T7", "T8", "T9", "T10", "T11"), "004": ("T12",)}


def _config(tmp_path: Path) -> LLMConfig:
    return LLMConfig(**SETTINGS, cache_dir=tmp_path / "cache")


def _norm(text: str) -> str:
    return to_halfwidth(normalize(text)).replace(" ", "")


def _assert_grounded(table: s.ExtractedTable, document) -> None:
    """Every value the model's reading kept is in the cell it cites."""
    source = document.block(table.id)
    rows = table.indicators if isinstance(table, s._IndicatorTable) else table.items
    for row in rows:
        for name, ref in row.cells.items():
            cell = source.cell_at(ref.row, ref.col)
            assert cell is not None and _norm(getattr(row, name)) in _norm(cell.text), name


@pytest.mark.vcr
def test_one_table_of_each_kind(tmp_path, seed):
    backend = ModelBackend(_config(tmp_path), "llm")
    sent = []
    for name, kinds in KINDS.items():
        document = seed(name)
        rules = [extract_table(t, document) for t in document.tables]
        picked = [next(t for t in rules if t.kind == kind) for kind in kinds]
        revised, totals = backend.revise(document, picked)
        assert totals.tables_sent == len(kinds)
        assert totals.calls == sum(t.llm.calls for t in revised)
        for before, after in zip(picked, revised, strict=True):
            use = after.llm
            assert use.prompt == f"{after.kind}@1" and use.calls >= 1
            assert use.prompt_tokens > 0  # usage is recorded, re-asks included
            assert use.status in ("answered", "invalid"), use.error
            if use.status == "invalid":  # no usable answer: the rules' reading stands
                assert use.error and after.model_dump(exclude={"llm"}) == before.model_dump(
                    exclude={"llm"}
                )
            else:
                _assert_grounded(after, document)
            sent.append(use)
    assert {u.prompt.split("@")[0] for u in sent} == {k for ks in KINDS.values() for k in ks}


def _gold_000(tmp_path: Path) -> Path:
    """eval/gold with seed 000 only (its source made absolute, as the folder moves)."""
    gold = json.loads((ROOT / "eval" / "gold" / "seeds" / "000.json").read_text(encoding="utf-8"))
    gold["source"] = str(SEEDS["000"])
    folder = tmp_path / "eval" / "gold"
    folder.mkdir(parents=True)
    (folder / "000.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def _eval(tmp_path: Path, backend: str, name: str) -> dict:
    config = tmp_path / "budgetlens.toml"
    settings = SETTINGS | {"cache_dir": str(tmp_path / "cache")}
    config.write_text(
        "[llm]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in settings.items()),
        encoding="utf-8",
    )
    out = tmp_path / f"{name}.json"
    args = ["eval", "extraction", "--gold", str(_gold_000(tmp_path) if name == "first" else
            tmp_path / "eval" / "gold"), "--backend", backend, "--config", str(config), "-o",
            str(out)]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "per field" in result.output and f"{backend} (gemma3-270m)" in result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.vcr
def test_eval_extraction_llm_then_cached_then_hybrid(tmp_path):
    first = _eval(tmp_path, "llm", "first")
    assert first["backend"] == "llm" and first["llm"]["tables_sent"] == 7
    assert first["llm"]["calls"] >= 7 and first["llm"]["prompt_tokens"] > 0
    assert set(first["per_kind"]) == {"T1", "T2"} and "f1" in first["overall"]

    again = _eval(tmp_path, "llm", "again")  # the same inputs: every answer from the cache
    assert again["llm"]["calls"] == 0 and again["llm"]["prompt_tokens"] == 0
    assert again["llm"]["tables_cached"] == 7
    assert again["overall"] == first["overall"]

    hybrid = _eval(tmp_path, "hybrid", "hybrid")  # the rules read seed 000 with confidence
    assert hybrid["llm"]["tables_sent"] == 0 and hybrid["llm"]["calls"] == 0
    assert hybrid["per_field"].keys() == first["per_field"].keys()


@pytest.mark.vcr
def test_hybrid_on_the_seeds(tmp_path, seed):
    """The calls hybrid makes per document and the tokens per table (README, LLM backend)."""
    backend = ModelBackend(_config(tmp_path), "hybrid")
    sent = {}
    for name in ("000", "001", "002", "004"):
        extraction = extract_document(seed(name), backend)
        assert extraction.backend == "hybrid" and extraction.llm is not None
        sent[name] = {t.id: t.llm for t in extraction.tables if t.llm is not None}
        assert extraction.llm.calls == sum(u.calls for u in sent[name].values())
    assert {name: sorted(uses) for name, uses in sent.items()} == {
        "000": [], "001": ["t46", "t50", "t62", "t66", "t68", "t72"], "002": [], "004": []
    }  # fmt: skip
    for uses in sent.values():
        for use in uses.values():
            assert use.calls >= 1 and use.prompt_tokens > 0 and use.reason


@pytest.mark.vcr
def test_prose_claims_of_the_opening_of_seed_000(tmp_path):
    """``check --backend llm`` on seed 000's first 16 lines: two paragraphs print amounts, so
    two questions; whatever the model answers, the rules' claims stand, each claim it adds is
    printed where its span says, and a second run asks nothing."""
    lines = SEEDS["000"].read_text(encoding="utf-8").splitlines()[:16]
    report = tmp_path / "opening.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules = check_document(report).claims
    result = check_document(report, ModelBackend(_config(tmp_path), "llm"))
    assert [u.block_id for u in result.llm_paragraphs] == ["p5", "p6"]
    for use in result.llm_paragraphs:
        assert use.prompt == "claims@1" and use.calls >= 1 and use.prompt_tokens > 0
        assert use.status in ("answered", "invalid"), use.error
    assert [c for c in result.claims if c.source == "rules"] == rules
    for claim in (c for c in result.claims if c.source == "llm"):
        text = result.document.block(claim.span.block_id).text
        assert text[claim.span.start : claim.span.end] == claim.quantity.text
        assert _norm(claim.subject) in _norm(text)
    totals = result.extraction.llm
    assert totals.paragraphs_sent == 2
    assert totals.calls == sum(u.calls for u in result.llm_paragraphs)
    again = check_document(report, ModelBackend(_config(tmp_path), "llm"))
    assert again.extraction.llm.calls == 0
    assert again.claims == result.claims


@pytest.mark.vcr
def test_a_table_of_no_kind_is_asked_its_kind(tmp_path):
    """The classification question on tests/test_llm_classify.py's report, whose one table the
    rules cannot type: whatever the model answers, the kind it names is kept only with grounded
    cells, the table stays a grid otherwise, and a second run asks nothing."""
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    document = read_document(report)
    extraction = extract_document(document, ModelBackend(_config(tmp_path), "llm"))
    (table,) = extraction.tables
    use = table.llm
    classification = use.classification or use
    assert classification.prompt == "classify@1" and classification.calls >= 1
    assert classification.prompt_tokens > 0 and classification.reason.startswith("no kind")
    assert extraction.llm.tables_classified == 1
    if isinstance(table, s.GenericTable):  # no kind, or no usable answer: its llm says why
        assert use.error and extraction.llm.tables_typed == 0
    else:
        assert table.typing.by == "model" and table.typing.evidence
        source = document.block(table.id)
        for evidence in table.typing.evidence:
            cell = source.cell_at(evidence.row, evidence.col)
            assert _norm(evidence.text) in _norm(cell.text)
        _assert_grounded(table, document)
    again = extract_document(document, ModelBackend(_config(tmp_path), "llm"))
    assert again.llm.calls == 0
    assert [t.model_dump(exclude={"llm"}) for t in again.tables] == [
        table.model_dump(exclude={"llm"})
    ]
