"""The LLM backend when answers are wrong or the endpoint fails: re-asks, grounding, retries,
fallback to the rules. The cassettes' responses are written by hand (cassettes/
test_llm_failures/README.md); no figure of model quality comes from them."""

from __future__ import annotations

import json
import socket
from decimal import Decimal
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
from tests.conftest import SEEDS

SETTINGS = {
    "model": "test-model",
    "base_url": "http://127.0.0.1:8765/v1",
    "mode": "md_json",
    "reasks": 1,
    "retries": 2,
    "backoff": 0.01,
    "concurrency": 1,  # one request at a time: hand-written answers are replayed in order
}


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    # Hand-written exchanges are matched by order, not by the exact request body.
    return {"filter_headers": ["authorization"], "match_on": ["method", "path"]}


def _revise(tmp_path: Path, seed, ids: tuple[str, ...] = ("t1",)):
    document = seed("000")
    backend = ModelBackend(LLMConfig(**SETTINGS, cache_dir=tmp_path / "cache"), "llm")
    rules = [extract_table(t, document) for t in document.tables if t.id in ids]
    tables, totals = backend.revise(document, rules)
    return rules, tables, totals


@pytest.mark.vcr
def test_an_invalid_answer_is_re_asked(tmp_path, seed):
    _, (table,), totals = _revise(tmp_path, seed)
    use = table.llm
    assert use.status == "answered" and use.calls == 2 and use.reasks == 1
    assert (use.prompt_tokens, use.completion_tokens) == (1450, 150)  # both answers counted
    assert [i.level3 for i in table.indicators] == [
        "完成上级交办的各项目标任务",
        "高标准完成工作任务",
    ]
    first = table.indicators[0]
    assert first.target_value is not None and first.target_value.value == 100
    assert (first.cells["target"].row, first.cells["target"].col) == (7, 5)
    assert table.indicators[1].level1 == "产出指标"  # carried down from the row above
    assert totals.reasks == 1 and totals.calls == 2


@pytest.mark.vcr
def test_an_ungrounded_value_is_re_asked_then_dropped(tmp_path, seed):
    _, (table,), totals = _revise(tmp_path, seed)
    use = table.llm
    assert use.status == "answered" and use.reasks == 1
    [dropped] = use.ungrounded
    assert (dropped.field, dropped.text, dropped.cell) == ("indicators[0].target", "99", "r7c5")
    assert "r7c5" in dropped.reason and "100" in dropped.reason
    first = table.indicators[0]
    # Dropped, so no check can use it; the grounded values of the same row are kept.
    assert first.target is None and first.target_value is None and "target" not in first.cells
    assert first.weight == "20" and first.actual == "100"
    assert totals.ungrounded == 1


@pytest.mark.vcr
def test_a_429_is_retried_then_answered(tmp_path, seed):
    _, (table,), _ = _revise(tmp_path, seed)
    use = table.llm
    assert use.status == "answered" and use.calls == 2 and use.retries == 1 and use.reasks == 0
    assert len(table.indicators) == 1


PARAGRAPH = "资金到位率为90.02，预算执行率100%。"  # OCR lost the first number's %


@pytest.mark.vcr
def test_a_paragraph_s_claims_are_grounded_then_added(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("一、项目绩效\n\n" + PARAGRAPH + "\n", encoding="utf-8")
    rules = check_document(report).claims
    assert [(c.subject, c.quantity.text) for c in rules] == [("预算执行率", "100%")]
    config = LLMConfig(**SETTINGS, cache_dir=tmp_path / "cache")
    result = check_document(report, ModelBackend(config, "llm"))
    [use] = result.llm_paragraphs
    assert (use.status, use.calls, use.reasks, use.prompt) == ("answered", 2, 1, "claims@1")
    assert use.reason == "backend llm" and use.claims_added == 1
    [dropped] = use.ungrounded
    assert dropped.field == "claims[2]" and "资金使用率" in dropped.reason
    # The rules' claim stands; the model adds the one the rules could not read, located.
    added, kept = result.claims  # in document order
    assert kept.model_dump() == rules[0].model_dump()
    assert (added.id, added.source, added.type, added.subject) == (
        "m1",
        "llm",
        "rate",
        "资金到位率",
    )
    assert PARAGRAPH[
        added.span.start : added.span.end
    ] == "90.02" and added.quantity.value == Decimal("90.02")
    assert added.span.block_id == use.block_id and added.span.line == 3
    totals = result.extraction.llm
    assert totals.paragraphs_sent == 1 and totals.claims_added == 1 and totals.ungrounded == 1
    assert totals.prompts == {"claims": "1"} and totals.calls == 2
    # From the cache, a second run asks nothing and reads the same claims.
    again = check_document(report, ModelBackend(config, "llm"))
    assert again.extraction.llm.calls == 0 and again.llm_paragraphs[0].status == "cached"
    assert [c.model_dump() for c in again.claims] == [c.model_dump() for c in result.claims]
    # Hybrid asks only where the rules left an amount or percentage unread: here none.
    hybrid = check_document(report, ModelBackend(config, "hybrid"))
    assert hybrid.llm_paragraphs == [] and hybrid.extraction.llm.calls == 0


@pytest.mark.vcr
def test_server_errors_that_persist_fall_back_to_the_rules(tmp_path, seed):
    rules, tables, totals = _revise(tmp_path, seed, ("t1", "t2"))
    first, second = (t.llm for t in tables)
    assert first.status == "not_reached" and first.calls == 3 and first.retries == 2
    assert "503" in first.error
    # The endpoint is known to be down: the next table is not even tried.
    assert second.status == "not_reached" and second.calls == 0
    for before, after in zip(rules, tables, strict=True):
        assert after.model_dump(exclude={"llm"}) == before.model_dump(exclude={"llm"})
    assert totals.tables_not_reached == 2 and totals.tables_kept_rules == 2
    assert not list((tmp_path / "cache").rglob("*.json"))  # a failure is never cached


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_endpoint_never_stops_the_run(tmp_path, monkeypatch):
    """A real refused connection (no cassette can hold one): the run ends on the rules."""
    monkeypatch.setenv("BUDGETLENS_LLM_MODEL", "test-model")
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{_closed_port()}/v1")
    monkeypatch.setenv("BUDGETLENS_LLM_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "llm.toml"
    settings = "retries = 1\nbackoff = 0.01\ntimeout = 5\nconcurrency = 2\n"
    config.write_text("[llm]\n" + settings, encoding="utf-8")
    out = tmp_path / "tables.json"
    args = ["extract", str(SEEDS["000"]), "--backend", "llm", "--config", str(config), "-o"]
    result = CliRunner().invoke(cli, [*args, str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    sent = [t for t in data["tables"] if t["llm"]]
    assert len(sent) == 7 and all(t["llm"]["status"] == "not_reached" for t in sent)
    # Bounded: the tables already in flight (concurrency 2) try twice each (one retry); once
    # the endpoint is known to be down, the others are not tried.
    calls = [t["llm"]["calls"] for t in sent]
    assert 2 <= sum(calls) <= 4 and calls.count(0) >= 5
    assert data["llm"]["tables_kept_rules"] == 7
    rules = extract_document(read_document(SEEDS["000"])).model_dump(mode="json")
    for got, expected in zip(data["tables"], rules["tables"], strict=True):
        got.pop("llm"), expected.pop("llm")
        assert got == expected
