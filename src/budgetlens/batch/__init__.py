"""Bulk runs: check many documents into one SQLite database, resumably, and export it."""

from budgetlens.batch.export import export
from budgetlens.batch.runner import Batch, Outcome

__all__ = ["Batch", "Outcome", "export"]
