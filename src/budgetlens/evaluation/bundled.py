"""The evaluation data kept in the repository (``eval/``), found from the package rather than
the working directory, so the eval commands run the same from anywhere."""

from __future__ import annotations

from pathlib import Path

from budgetlens.errors import InputError

# src/budgetlens/evaluation/bundled.py → the repository root, in a checkout or editable install
EVAL_DIR = Path(__file__).resolve().parents[3] / "eval"


def bundled(relative: str, option: str) -> Path:
    """``eval/<relative>`` of the repository budgetlens runs from; an installed wheel has none,
    so the user must name the data with ``option``."""
    path = EVAL_DIR / relative
    if not path.exists():
        raise InputError(
            f"no bundled eval/{relative} (budgetlens is not run from its repository): give {option}"
        )
    return path
