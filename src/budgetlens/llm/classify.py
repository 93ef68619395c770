"""The classification question: which kind of the registry a table of no kind is.

The prompt (``prompts/classify.md``) lists every kind of ``tables/kinds.py``, generated here
at run time, so a kind added to the registry is offered without touching the prompt. The answer
names one code, or "none", and cites the cells that show it; each cited cell is grounded like a
table answer's values (``answers.grounding_error``), and a kind with no grounded cell is sent
back, then rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from budgetlens.document import Table
from budgetlens.errors import SetupError
from budgetlens.layout.roles import Role
from budgetlens.llm.answers import ANSWERS, Cited, grounding_error
from budgetlens.llm.grid import cited_cell
from budgetlens.llm.prompts import CLASSIFY_PROMPT, Prompt, load_prompt
from budgetlens.tables import schemas as s
from budgetlens.tables.kinds import KINDS, KindSpec

NO_KIND = "none"
_MARKER = "{kinds}"  # where the prompt takes the registry's kinds
_SCOPES = {"department": "a department's", "project": "a project's"}

KindCode = Literal[(*KINDS, NO_KIND)]  # type: ignore[valid-type]


def _roles(roles: frozenset[Role]) -> str:
    return ", ".join(role.value for role in Role if role in roles)  # declaration order: stable


def describe(spec: KindSpec) -> str:
    """One line of the prompt's list: code, template name, what its header holds."""
    holds = [
        f"{word} {_roles(roles)}"
        for word, roles in (
            ("needs", spec.required),
            ("one of", spec.any_of),
            ("often", spec.typical - spec.required - spec.any_of),
            ("never", spec.against),
        )
        if roles
    ]
    if spec.label_allotments:
        holds.append("allotments printed in the labels (投入（25分）)")
    if spec.scope:
        holds.append(f"{_SCOPES[spec.scope]} table")
    if spec.keys:
        holds.append("key cells " + ", ".join(spec.keys))
    return f"- {spec.code} {spec.name}: " + "; ".join(holds)


@cache
def classify_prompt() -> Prompt:
    """prompts/classify.md with the registry's kinds in place of its marker."""
    template = load_prompt(CLASSIFY_PROMPT)
    if template is None or _MARKER not in template.text:
        raise SetupError(f"prompts/{CLASSIFY_PROMPT}.md must exist and hold {_MARKER}")
    kinds = "\n".join(describe(spec) for spec in KINDS.values())
    return Prompt(template.kind, template.version, template.text.replace(_MARKER, kinds))


@dataclass(frozen=True)
class KindGrounding:
    """The table a classification's evidence must be grounded in."""

    table: Table

    def drop(self, answer: KindAnswer) -> tuple[KindAnswer, list[s.Ungrounded]]:
        """``answer`` with only the cited cells that hold what it quotes, and the others."""
        kept, dropped = [], []
        for i, cited in enumerate(answer.evidence):
            if error := grounding_error(self.table, cited):
                dropped.append(
                    s.Ungrounded(
                        field=f"evidence[{i}]", text=cited.text, cell=cited.cell, reason=error
                    )
                )
            else:
                kept.append(cited)
        return answer.model_copy(update={"evidence": kept}), dropped


class KindAnswer(BaseModel):
    """Which kind of the list the table is (or none), and the cells that show it."""

    kind: KindCode = Field(description="the code of the table's kind, or none")
    evidence: list[Cited] = Field(
        default_factory=list, description="the cells that show it is that kind, as printed"
    )

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> KindAnswer:
        grounding = (info.context or {}).get("grounding")
        if isinstance(grounding, KindGrounding):
            errors = [
                f"evidence[{i}]: {error}"
                for i, cited in enumerate(self.evidence)
                if (error := grounding_error(grounding.table, cited))
            ]
            if self.kind != NO_KIND and not self.evidence:
                errors.append(f"cite at least one cell that shows the table is {self.kind}")
            if errors:
                raise ValueError("; ".join(errors))
        return self


def refusal(answer: KindAnswer) -> tuple[str, bool] | None:
    """Why ``answer`` does not type the table, and whether that makes it invalid (a kind no
    grounded cell backs, once the last re-ask is spent); None when it types the table."""
    if answer.kind == NO_KIND:
        return "the model named none of the kinds", False
    if not answer.evidence:
        return f"the model named {answer.kind} but no cell it cited holds what it quotes", True
    if answer.kind not in ANSWERS:
        return f"the model named {answer.kind}, whose tables it is not asked to read", False
    return None


def typed_by_model(generic: s.GenericTable, answer: KindAnswer, table: Table) -> s.ExtractedTable:
    """An empty table of the kind the model named, its typing the model's cited cells (which
    carry no points: the model's choice is not scored like the classifier's)."""
    evidence = []
    for cited in answer.evidence:
        cell = cited_cell(table, cited.cell)
        assert cell is not None  # the evidence passed grounding
        evidence.append(
            s.TypingEvidence(source="model", text=cited.text, points=0, row=cell.row, col=cell.col)
        )
    typed = KINDS[answer.kind].schema(
        id=generic.id,
        title=generic.title,
        location=generic.location,
        typing=s.Typing(by="model", score=0, evidence=evidence),
    )
    return cast("s.ExtractedTable", typed)
