"""The versioned prompts of ``prompts/``: one file per table kind, one for the prose's claims
and one that asks a table's kind, its version in the front matter, recorded with every answer
it produced."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from budgetlens.errors import SetupError

CLAIMS_PROMPT = "claims"  # prompts/claims.md: the numeric claims of one paragraph
CLASSIFY_PROMPT = "classify"  # prompts/classify.md: which kind a table of no kind is
_FRONT_MATTER = re.compile(r"\A---\n(?P<head>.*?)\n---\n(?P<body>.*)\Z", re.S)


def prompts_dir() -> Path:
    """A wheel carries the prompts inside the package (hatch force-include); an editable
    install reads them where they are kept, at the repository root."""
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "prompts"
    return packaged if packaged.is_dir() else here.parents[3] / "prompts"


@dataclass(frozen=True)
class Prompt:
    kind: str
    version: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.kind}@{self.version}"


@cache
def load_prompt(kind: str) -> Prompt | None:
    """The prompt for a table kind (or ``CLAIMS_PROMPT``, ``CLASSIFY_PROMPT``), or None when
    the model is not asked about that kind."""
    path = prompts_dir() / f"{kind}.md"
    if not path.is_file():
        return None
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    head = dict(line.split(":", 1) for line in (match.group("head").splitlines() if match else []))
    version = head.get("version", "").strip()
    if not match or not version:
        raise SetupError(f"{path}: a prompt starts with front matter giving its version")
    return Prompt(kind, version, match.group("body").strip())
