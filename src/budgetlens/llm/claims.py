"""The prose's claims read by the model, where the rules left some unread.

With the hybrid backend a paragraph goes to the model when it prints an amount or a
percentage that no claim of the rules covers (phrasing the patterns do not know); with the llm
backend, every paragraph that prints one. The model lists the paragraph's numeric
claims, each quoting its subject and its number from the text; a claim whose subject or
number the paragraph does not hold is sent back, then dropped and recorded, never checked.
Of the grounded claims, those on a number the rules read are left to the rules (their claims
carry the groups the checks need: total, parts, shares); the others join them, ``source``
"llm", ids ``m1, m2 …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from budgetlens.claims.extract import claimable
from budgetlens.claims.model import (
    Claim,
    ClaimType,
    Comparator,
    Direction,
    ParagraphUse,
    Qualifier,
    Quantity,
    Span,
)
from budgetlens.document import Document, Paragraph
from budgetlens.llm.backend import ModelBackend
from budgetlens.llm.prompts import CLAIMS_PROMPT, load_prompt
from budgetlens.numbers import Number, find_numbers, parse_number
from budgetlens.tables.schemas import Ungrounded
from budgetlens.textnorm import to_halfwidth

# After a number: an amount (with percentages, what a report's checks turn on).
_AMOUNT = re.compile(r" ?(?:万元|亿元|元)")


class ProseClaim(BaseModel):
    type: ClaimType = Field(description="what kind of quantity the number states")
    subject: str = Field(description="the words naming the quantity, copied from the text")
    value: str = Field(description="the number exactly as printed, with its % if it has one")
    unit: str | None = Field(None, description="the unit printed after the number: 万元, 个 …")
    comparator: Comparator | None = Field(None, description="a target's ≥ ≤ = > <")
    qualifier: Qualifier | None = Field(None, description="近, 超, 余, 约, 以上 or 以内")
    direction: Direction | None = Field(None, description="a change's direction")


class ProseAnswer(BaseModel):
    """The numeric claims of one paragraph, in the order they are printed."""

    claims: list[ProseClaim]

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ProseAnswer:
        grounding = (info.context or {}).get("grounding")
        if isinstance(grounding, ProseGrounding):
            errors = [
                f"claims[{i}]: {error}"
                for i, claim in enumerate(self.claims)
                if isinstance(error := grounding.locate(claim), str)
            ]
            if errors:
                raise ValueError("; ".join(errors))
        return self


@dataclass(frozen=True)
class ProseGrounding:
    """The paragraph an answer must be grounded in."""

    paragraph: Paragraph

    def locate(self, claim: ProseClaim) -> Number | str:
        """The printed number ``claim`` states (the one nearest its subject), or why the
        paragraph does not hold the claim."""
        text = to_halfwidth(self.paragraph.text)  # same offsets as the block text
        subject = to_halfwidth(claim.subject).strip()
        if not subject or (at := text.find(subject)) < 0:
            return f"subject {claim.subject!r} is not in the paragraph"
        stated = parse_number(claim.value)
        if stated is None:
            return f"{claim.value!r} is not a number"
        printed = [
            n
            for n in find_numbers(self.paragraph.text)
            if n.value == stated.value and n.percent == stated.percent
        ]
        if not printed:
            return f"{claim.value!r} is not printed in the paragraph"
        number = min(printed, key=lambda n: abs(n.start - (at + len(subject))))
        unit = to_halfwidth(claim.unit or "").strip()
        if unit and unit != "%" and not text[number.end :].lstrip().startswith(unit):
            return f"{claim.value!r} is not followed by {claim.unit!r} in the paragraph"
        return number

    def drop(self, answer: ProseAnswer) -> tuple[ProseAnswer, list[Ungrounded]]:
        kept, dropped = [], []
        for i, claim in enumerate(answer.claims):
            if isinstance(error := self.locate(claim), str):
                dropped.append(Ungrounded(field=f"claims[{i}]", text=claim.value, reason=error))
            else:
                kept.append(claim)
        return answer.model_copy(update={"claims": kept}), dropped


def _covered(number: Number, spans: list[tuple[int, int]]) -> bool:
    return any(start < number.end and number.start < end for start, end in spans)


def _reason(model: ModelBackend, paragraph: Paragraph, read: list[tuple[int, int]]) -> str | None:
    """Why the model is asked for the paragraph's claims, or None when it is not: with the
    llm backend, any amount or percentage; with hybrid, one that no rules claim covers. The
    thresholds and unit prices the rules leave out on purpose count for neither."""
    text = paragraph.text
    amounts = [n for n in find_numbers(text) if n.percent or _AMOUNT.match(text, n.end)]
    if model.name == "llm":
        return "backend llm" if claimable(paragraph, amounts) else None
    unread = claimable(paragraph, [n for n in amounts if not _covered(n, read)])
    return "the rules read no claim of " + ", ".join(n.text for n in unread) if unread else None


def read_with_model(
    model: ModelBackend, document: Document, claims: list[Claim]
) -> tuple[list[Claim], list[ParagraphUse]]:
    """``claims`` with the grounded claims the model read that the rules had not, in document
    order, and what each paragraph's question did."""
    prompt = load_prompt(CLAIMS_PROMPT)
    if prompt is None:
        return claims, []
    read: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        read.setdefault(claim.span.block_id, []).append((claim.span.start, claim.span.end))
    jobs = [
        (block, reason)
        for block in document.blocks
        if isinstance(block, Paragraph)
        and (reason := _reason(model, block, read.get(block.id, [])))
    ]

    def ask(job: tuple[Paragraph, str]) -> tuple[ParagraphUse, list[Claim]]:
        paragraph, reason = job
        grounding = ProseGrounding(paragraph)
        reply, use = model.ask(prompt, paragraph.text, ProseAnswer, grounding, reason)
        spans, found = list(read.get(paragraph.id, [])), []
        for claim in reply.answer.claims if reply is not None else []:  # type: ignore[attr-defined]
            number = grounding.locate(claim)
            assert isinstance(number, Number)  # the answer passed grounding
            if not _covered(number, spans):
                spans.append((number.start, number.end))
                found.append(_claim(paragraph, claim, number))
        use = ParagraphUse(**use.model_dump(), block_id=paragraph.id, claims_added=len(found))
        return use, found

    answers = model.concurrently(ask, jobs)
    uses = [use for use, _ in answers]
    added = [claim for _, found in answers for claim in found]
    if not added:
        return claims, uses
    order = {block.id: i for i, block in enumerate(document.blocks)}
    merged = sorted(
        [*claims, *added],
        key=lambda c: (order[c.span.block_id], c.span.cell or (-1, -1), c.span.start),
    )
    for n, claim in enumerate(c for c in merged if c.source == "llm"):
        claim.id = f"m{n + 1}"
    return merged, uses


def _claim(paragraph: Paragraph, claim: ProseClaim, number: Number) -> Claim:
    located = paragraph.source_map.locate(number.start)
    line, col = located if located is not None else (paragraph.location.line_start, None)
    unit = "%" if number.percent else (claim.unit or "").strip() or None
    return Claim(
        id="m",  # numbered in document order once all are in
        type=claim.type,
        subject=claim.subject.strip(),
        quantity=Quantity(
            text=number.text,
            value=number.value,
            decimals=number.decimals,
            unit=unit,
            percent=number.percent,
        ),
        span=Span(
            block_id=paragraph.id,
            start=number.start,
            end=number.end,
            line=line,
            col=col,
            page=paragraph.location.page,
        ),
        comparator=claim.comparator,
        qualifier=claim.qualifier,
        direction=claim.direction,
        section=list(paragraph.section),
        source="llm",
    )
