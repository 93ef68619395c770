"""The whole job on one document: ingest → tables → claims → checks. The CLI's ``check``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from budgetlens.checks import run_checks
from budgetlens.checks.findings import Finding, Ledger
from budgetlens.checks.positions import Locator
from budgetlens.claims import extract_claims
from budgetlens.claims.model import Claim, ParagraphUse
from budgetlens.document import Document
from budgetlens.extract import extract_document
from budgetlens.ingest import read_document
from budgetlens.tables.schemas import Extraction

if TYPE_CHECKING:
    from budgetlens.llm.backend import ModelBackend


@dataclass
class CheckResult:
    document: Document
    extraction: Extraction
    claims: list[Claim]
    findings: list[Finding]
    ledger: Ledger
    llm_paragraphs: list[ParagraphUse] = field(default_factory=list)  # with a model backend


def check_document(path: Path | str, model: ModelBackend | None = None) -> CheckResult:
    return check_read(read_document(path), model)


def check_read(document: Document, model: ModelBackend | None = None) -> CheckResult:
    """Everything after reading: a document model changed in memory (a mutant) is checked
    without reading its source again."""
    extraction = extract_document(document, model)
    claims = extract_claims(document)
    paragraphs: list[ParagraphUse] = []
    if model is not None:
        from budgetlens.llm.claims import read_with_model  # openai, only with a model

        claims, paragraphs = read_with_model(model, document, claims)
        # the document's use of the model: its paragraphs' questions besides its tables'
        extraction.llm = model.totals(extraction.tables, paragraphs)
    findings, ledger = run_checks(document, extraction, claims)
    findings = [f for f, _ in Locator(document).in_order(findings)]
    return CheckResult(document, extraction, claims, findings, ledger, paragraphs)


@cache
def pipeline_version() -> str:
    """What a stored result depends on: budgetlens's version, a hash of its files (any rule,
    reader, extractor or report change) and the versions of the readers' libraries. A batch
    reuses a stored result only when this is unchanged."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for source in sorted(package.rglob("*")):
        if source.is_file() and source.suffix != ".pyc":
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
    for library in ("unstructured", "pdfplumber"):
        digest.update(f"{library}=={version(library)}".encode())
    return f"{version('budgetlens')}+{digest.hexdigest()[:12]}"
