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
