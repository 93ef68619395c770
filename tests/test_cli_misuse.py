"""Every misuse of the command line found so far: a message and exit status 2, no traceback,
run as a user would (a process of its own, from a folder outside the repository)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import budgetlens

from .conftest import SEEDS

SRC = Path(budgetlens.__file__).resolve().parents[1]
SEED = str(SEEDS["004"])


MISUSES = {
    "check --out <an existing file>": ["check", SEED, "--out", "a-file"],
    "check <a missing file>": ["check", "missing.txt", "--out", "out"],
    "check <a folder>": ["check", "empty", "--out", "out"],
    "check --format <unknown>": ["check", SEED, "--format", "xml"],
    "check --statistics --format json": ["check", SEED, "--statistics", "--format", "json"],
    "check --waivers <missing>": ["check", SEED, "--waivers", "missing.json"],
    "check --waivers <not JSON>": ["check", SEED, "--waivers", "not.json"],
    "check --config <missing>": ["check", SEED, "--config", "missing.toml"],
    "check --backend llm without a model": ["check", SEED, "--backend", "llm"],
    "check without a file": ["check"],
    "check --select <not a rule id>": ["check", SEED, "--select", "rate.savings"],
    "eval extraction --gold /nonexistent": ["eval", "extraction", "--gold", "/nonexistent"],
    "eval extraction --gold <no gold in it>": ["eval", "extraction", "--gold", "empty"],
    "eval extraction --compare <not JSON>": ["eval", "extraction", "--compare", "not.json"],
    "eval extraction --sources <missing>": ["eval", "extraction", "--sources", "missing"],
    "eval detection --seeds <no seeds>": ["eval", "detection", "--seeds", "empty"],
    "eval detection --known <missing>": ["eval", "detection", "--known", "missing.json"],
    "eval known <labels not JSON>": ["eval", "known", SEED, "not.json"],
    "eval known <labels missing>": ["eval", "known", SEED, "missing.json"],
    "eval init-gold <missing report>": ["eval", "init-gold", "missing.txt", "-o", "g.json"],
    "eval init-gold without -o": ["eval", "init-gold", SEED],
    "extract <missing>": ["extract", "missing.docx"],
    "segment <a folder>": ["segment", "empty"],
    "an unknown command": ["lint", SEED],
}


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the repository holding the files the misuses name."""
    (tmp_path / "a-file").write_text("x", "utf-8")
    (tmp_path / "not.json").write_text("{", "utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


@pytest.mark.parametrize("name", MISUSES)
def test_misuse_is_a_message_and_status_2_never_a_traceback(name, elsewhere):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUDGETLENS_", "OPENAI_"))}
    result = subprocess.run(
        [sys.executable, "-m", "budgetlens.cli", *MISUSES[name]],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=elsewhere,
        env=env | {"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "budgetlens: error: " in result.stderr or "Error: " in result.stderr
