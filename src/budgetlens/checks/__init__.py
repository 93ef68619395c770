"""Cross-validate a document's numbers: deterministic, rounding-aware checks."""

from __future__ import annotations

from budgetlens.checks import (
    adjustments,
    change_pairs,
    columns,
    completeness,
    compositions,
    criteria,
    deadlines,
    deductions,
    facts,
    fund_statements,
    funds,
    grades,
    identity,
    indicator_rows,
    lists,
    numbering,
    outlines,
    per_unit,
    project_tables,
    projects,
    prose,
    prose_scores,
    rate_claims,
    rates,
    restatements,
    score_formulas,
    scores,
    statement_restatements,
    statements,
    transpositions,
    words,
    years,
)
from budgetlens.checks.engine import CheckFamily, Context
from budgetlens.checks.findings import Finding, Ledger
from budgetlens.claims.model import Claim
from budgetlens.document import Document
from budgetlens.tables.schemas import Extraction

FAMILIES: list[CheckFamily] = [
    *scores.FAMILIES,
    *score_formulas.FAMILIES,
    *criteria.FAMILIES,
    *rates.FAMILIES,
    *rate_claims.FAMILIES,
    *per_unit.FAMILIES,
    *funds.FAMILIES,
    *statements.FAMILIES,
    *outlines.FAMILIES,
    *columns.FAMILIES,
    *fund_statements.FAMILIES,
    *prose.FAMILIES,
    *compositions.FAMILIES,
    *change_pairs.FAMILIES,
    *adjustments.FAMILIES,
    *prose_scores.FAMILIES,
    *grades.FAMILIES,
    *restatements.FAMILIES,
    *facts.FAMILIES,
    *deductions.FAMILIES,
    *projects.FAMILIES,
    *project_tables.FAMILIES,
    *statement_restatements.FAMILIES,
    *transpositions.FAMILIES,
    *years.FAMILIES,
    *words.FAMILIES,
    *identity.FAMILIES,
    *indicator_rows.FAMILIES,
    *deadlines.FAMILIES,
    *completeness.FAMILIES,
    *numbering.FAMILIES,
    *lists.FAMILIES,
]


def run_checks(
    document: Document, extraction: Extraction, claims: list[Claim]
) -> tuple[list[Finding], Ledger]:
    """Every check family over one document: its findings (in source order) and the ledger."""
    ctx = Context(document, extraction, claims)
    for family in FAMILIES:
        family(ctx)
    findings = sorted(ctx.findings, key=lambda f: (f.line or 0, f.page or 0, f.rule_id))
    return findings, ctx.ledger
