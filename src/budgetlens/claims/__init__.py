"""Numeric claims of a report's prose (DOMAIN.md §3)."""

from budgetlens.claims.extract import extract_claims
from budgetlens.claims.model import Claim

__all__ = ["Claim", "extract_claims"]
