"""Waivers: findings a reviewer has accepted, kept out of ``check --fail-on`` and shown as
waived.

The file is the one the reviewer's page exports, so its format is fixed::

    {"version": 1, "waivers": [{"fingerprint": "<16 hex>", "rule_id": "…", "reason": "…",
                                "source": "<file name, informative>"}]}

A waiver matches a finding by ``Finding.fingerprint`` and rule id, whatever the file: the
fingerprint already holds the printed values judged, and a report is often re-exported under
another name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, StringConstraints, ValidationError

from budgetlens.checks.findings import Finding
from budgetlens.errors import InputError


class Waiver(BaseModel):
    fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    rule_id: str
    reason: Annotated[str, StringConstraints(min_length=1)]
    source: str | None = None


class WaiverFile(BaseModel):
    version: Literal[1]
    waivers: list[Waiver]


def load_waivers(path: Path) -> dict[str, Waiver]:
    """The waivers of ``path`` by fingerprint; an unreadable or malformed file is an
    InputError naming the first problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the waivers: {exc}") from exc
    try:
        waivers = WaiverFile.model_validate(data).waivers
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise InputError(f"{path}: not a waiver file: {where}: {first['msg']}") from exc
    return {w.fingerprint: w for w in waivers}


def apply_waivers(findings: list[Finding], waivers: dict[str, Waiver]) -> list[Finding]:
    """The findings, each one a waiver matches marked ``waived`` with its reason."""
    marked = []
    for finding in findings:
        waiver = waivers.get(finding.fingerprint)
        if waiver is not None and waiver.rule_id == finding.rule_id:
            finding = finding.model_copy(update={"waived": waiver.reason})
        marked.append(finding)
    return marked
