"""Shared fixtures: the bundled corpus, read once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetlens.document import Document
from budgetlens.ingest import read_document

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"
SEEDS = {p.name[:3]: p for p in sorted((CORPUS / "seeds").glob("*.txt"))}
SAMPLES = {p.name[:3]: p for p in sorted((CORPUS / "samples").glob("*.docx"))}


@cache
def read(path: Path) -> Document:
    return read_document(path)


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
