"""Shared fixtures: the bundled corpus, read once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from budgetlens.document import Document
from budgetlens.ingest import read_document

from .postgres_server import Unavailable, throwaway_server

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"
SEEDS = {p.name[:3]: p for p in sorted((CORPUS / "seeds").glob("*.txt"))}
SAMPLES = {p.name[:3]: p for p in sorted((CORPUS / "samples").glob("*.docx"))}


@cache
def read(path: Path) -> Document:
    return read_document(path)


def findings_of(tmp_path: Path, text: str, rule: str) -> tuple[list, object]:
    """One rule's findings on ``text`` checked as a text export, and its ledger line (None
    where the rule never ran)."""
    from budgetlens.pipeline import check_document

    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    result = check_document(report)
    return [f for f in result.findings if f.rule_id == rule], result.ledger.rules.get(rule)


@cache
def seed_findings(seed: str) -> list:
    """Every finding of a seed's whole check (ingest, tables, claims, checks), once."""
    from budgetlens.pipeline import check_document

    return check_document(SEEDS[seed]).findings


@pytest.fixture
def seed() -> object:
    """``seed("000")`` is the document read from that seed's text export."""
    return lambda name: read(SEEDS[name])


@pytest.fixture
def sample() -> object:
    """``sample("000")`` is the document read from that seed's .docx rebuild."""
    return lambda name: read(SAMPLES[name])


# --- recorded HTTP exchanges of the LLM backend (pytest-recording) ------------------------------

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes"
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "cookie"]


@pytest.fixture(autouse=True)
def _no_model_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's model settings must not turn the rules tests into LLM runs."""
    for name in (
        "BUDGETLENS_LLM_MODEL",
        "OPENAI_BASE_URL",
        "OPENAI_API_KEY",
        "BUDGETLENS_LLM_MODE",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    # Requests are told apart by their body (the table and prompt they carry), so replay does
    # not depend on the order in which concurrent requests were sent.
    return {
        "filter_headers": SECRET_HEADERS,
        "match_on": ["method", "scheme", "host", "port", "path", "body"],
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.rsplit(".", 1)[-1])


# --- a PostgreSQL server for the batch's store ------------------------------------------------


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free local port; its URL without a database."""
    try:
        with throwaway_server() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server could start: {exc}")


@pytest.fixture
def postgres_db(postgres: str, request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database on the test server."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60].lower()
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres}/{name}"
