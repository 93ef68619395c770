"""The whole job on one document: ingest → tables → claims → checks. The CLI's ``check``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from budgetlens.checks import run_checks
from budgetlens.checks.findings import Finding, Ledger
from budgetlens.claims import extract_claims
from budgetlens.claims.model import Claim
from budgetlens.document import Document
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.tables.schemas import Extraction

if TYPE_CHECKING:
    from budgetlens.extract.llm.backend import ModelBackend


@dataclass
class CheckResult:
    document: Document
    extraction: Extraction
    claims: list[Claim]
    findings: list[Finding]
    ledger: Ledger


def check_document(path: Path | str, model: ModelBackend | None = None) -> CheckResult:
    document = read_document(path)
    extraction = extract_document(document, model)
    claims = extract_claims(document)
    findings, ledger = run_checks(document, extraction, claims)
    return CheckResult(document, extraction, claims, findings, ledger)
