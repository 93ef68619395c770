"""Bulk runs: check many documents into one database (SQLite or PostgreSQL), resumably, on
this machine's processes or a Ray cluster, and export it. ``run`` is the Python API."""

from budgetlens.batch.export import export
from budgetlens.batch.runner import Batch, Outcome, Summary, run

__all__ = ["Batch", "Outcome", "Summary", "export", "run"]
