"""A batch's progress as it goes: one JSON line per document (for logs, CI, a scheduler), or a
bar on a terminal, both with the throughput and the time left; then a summary."""

from __future__ import annotations

import json
import time

from budgetlens.batch.runner import Outcome, Summary


class Progress:
    """Counts documents as they are committed; the rate is over this run's wall time."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.start = time.perf_counter()

    def advance(self) -> None:
        self.count += 1

    @property
    def per_minute(self) -> float:
        elapsed = time.perf_counter() - self.start
        return 60 * self.count / elapsed if elapsed else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at the rate so far; None before the first document."""
        rate = self.per_minute
        return 60 * (self.total - self.count) / rate if rate else None

    def line(self, outcome: Outcome) -> str:
        """One JSON object: the document, what became of it, and where the batch stands."""
        eta = self.eta_seconds
        return json.dumps(
            {
                "source": outcome.source,
                "status": outcome.status,
                "error": outcome.error,
                "findings": {
                    "error": outcome.errors,
                    "warning": outcome.warnings,
                    "info": outcome.notes,
                },
                "seconds": outcome.seconds,
                "done": self.count,
                "total": self.total,
                "docs_per_min": round(self.per_minute, 1),
                "eta_s": None if eta is None else round(eta),
            },
            ensure_ascii=False,
        )

    def status(self) -> str:
        """The bar's text after the count."""
        eta = self.eta_seconds
        left = "" if eta is None else f", {eta / 60:.1f} min left"
        return f"{self.per_minute:.1f} docs/min{left}"


def summary_line(summary: Summary) -> str:
    found = summary.findings
    return (
        f"{summary.documents} documents: {summary.done} done, {summary.skipped} skipped, "
        f"{summary.failed} failed; findings: {found['error']} errors, {found['warning']} "
        f"warnings, {found['info']} notes; {summary.per_minute:.1f} docs/min"
    )
