"""What a check reports: a finding with its evidence, and the ledger of what was checked.

A finding is only as good as its evidence: it names its rule, the stated and the recomputed
values with their intervals, and every place in the source that a number it used came from.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, computed_field

from budgetlens.checks.catalog import Severity, family_of

Outcome = Literal["pass", "rounding", "suspect_rounding", "mismatch", "undefined", "not_checked"]


class EvidenceLocation(BaseModel):
    line: int | None = None
    page: int | None = None
    block_id: str | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None
    start: int | None = None  # character offsets in the block's text (the cell's, with row)
    end: int | None = None

    def where(self) -> str:
        """For a message: the line of a text export, the page of a PDF, else the block or cell
        (a .docx has neither lines nor pages)."""
        if self.line is not None:
            return f"第 {self.line} 行"
        if self.page is not None:
            return f"第 {self.page} 页"
        if self.table_id is not None and self.row is not None:
            return f"表 {self.table_id} 第 {self.row + 1} 行"
        return f"{self.block_id} 段" if self.block_id else self.table_id or "别处"


class Evidence(BaseModel):
    # the number judged, one it was checked against, or the label saying what the number is
    role: Literal["stated", "operand", "label"]
    text: str  # as printed
    location: EvidenceLocation


class Finding(BaseModel):
    rule_id: str
    rule_version: int
    severity: Severity
    tier: Outcome
    message: str  # Chinese, naming every operand
    stated: str | None = None
    stated_interval: tuple[Decimal, Decimal] | None = None
    computed: str | None = None
    computed_interval: tuple[Decimal, Decimal] | None = None
    difference: str | None = None
    evidence: list[Evidence] = []
    line: int | None = None  # where a reviewer looks first: the stated value's line
    page: int | None = None
    waived: str | None = None  # the reason of the waiver that accepted it (``--waivers``)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def family(self) -> str:
        return family_of(self.rule_id)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fingerprint(self) -> str:
        """Stable across re-exports of the same report: the rule and the printed values it
        judged, not their positions, so a waiver survives a line shifting."""
        parts = [self.rule_id, self.stated or "", self.computed or ""]
        parts += [f"{e.role}:{e.text}" for e in self.evidence]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


SEVERITY: dict[str, Severity] = {
    "mismatch": "error",
    "suspect_rounding": "warning",
    "rounding": "info",
    "undefined": "info",
}


class Count(BaseModel):
    run: int = 0
    passed: int = 0
    failed: int = 0  # a finding at error or warning severity
    noted: int = 0  # rounding notes and undefined ratios: reported at info
    not_checked: int = 0  # an input could not be read reliably


class Ledger(BaseModel):
    """Coverage: per family and per rule, how many checks ran and how they ended."""

    families: dict[str, Count] = {}
    rules: dict[str, Count] = {}

    def record(self, rule_id: str, outcome: Outcome) -> None:
        for count in (
            self.families.setdefault(family_of(rule_id), Count()),
            self.rules.setdefault(rule_id, Count()),
        ):
            count.run += 1
            if outcome == "pass":
                count.passed += 1
            elif outcome == "not_checked":
                count.not_checked += 1
            elif SEVERITY[outcome] == "info":
                count.noted += 1
            else:
                count.failed += 1

    def totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for count in self.families.values():
            total.update(count.model_dump())
        return total
