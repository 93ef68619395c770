"""Shared fixtures: the bundled corpus, read once per test session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing
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


# --- a PostgreSQL server for the batch's store ------------------------------------------------


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free local port (Debian's ``postgresql`` package);
    its URL without a database. Run as the ``postgres`` user when the tests run as root, which
    PostgreSQL refuses to run as."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        pytest.skip("no PostgreSQL server could start: no /usr/lib/postgresql/*/bin/pg_ctl")
    bin_dir = found[-1].parent
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="budgetlens-pg-"))
    if as_user:
        shutil.chown(home, "postgres", "postgres")
    port, data = _free_port(), home / "data"
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "budgetlens", "--auth=trust"]
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-o", options]
    commands = [[*initdb, "-E", "UTF8"], [*start, "start"]]
    try:
        for command in commands:
            done = subprocess.run([*as_user, *command], capture_output=True, text=True)
            if done.returncode != 0:
                reason = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
                pytest.skip(f"no PostgreSQL server could start: {reason[-1]}")
        yield f"postgresql://budgetlens@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_db(postgres: str, request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database on the test server."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:60].lower()
    with psycopg.connect(f"{postgres}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres}/{name}"
