"""The llm and hybrid backends: which tables to ask about, asked concurrently under a limit,
answered from the cache where possible, and the rules' reading kept wherever the model gave
no usable answer, with the reason recorded on the table. A table of no kind is asked its kind
first, then, typed, its kind's question. ``ask`` is the one way any question
goes to the model (the prose's claims too: ``llm/claims.py``)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal, TypeVar, cast

from pydantic import BaseModel

from budgetlens.claims.model import ParagraphUse
from budgetlens.document import Document, Table
from budgetlens.llm.answers import ANSWERS, Answer, Grounding, schema_hash
from budgetlens.llm.cache import AnswerCache, cache_key
from budgetlens.llm.classify import (
    KindAnswer,
    KindGrounding,
    classify_prompt,
    refusal,
    typed_by_model,
)
from budgetlens.llm.client import Grounds, ModelClient, ModelFailure, Reply, Usage
from budgetlens.llm.config import LLMConfig
from budgetlens.llm.grid import render
from budgetlens.llm.prompts import CLASSIFY_PROMPT, Prompt, load_prompt
from budgetlens.llm.selection import needs_model, untyped_with_figures
from budgetlens.llm.tables import apply_answer, rows_of
from budgetlens.tables import schemas as s
from budgetlens.tables.kinds import KINDS
from budgetlens.tables.schemas import Ungrounded

BackendName = Literal["llm", "hybrid"]
_Job = TypeVar("_Job")
_Done = TypeVar("_Done")


class ModelBackend:
    """One per run: its client, cache and knowledge that the endpoint is down are shared by
    every document, so a dead endpoint costs one bounded attempt, not one per table."""

    def __init__(self, config: LLMConfig, name: BackendName) -> None:
        self.config = config
        self.name = name
        self.client = ModelClient(config)
        self.cache = AnswerCache(config.cache_dir)
        self._down = threading.Event()
        self._down_reason = ""

    def _reason(self, table: s.ExtractedTable, untyped: dict[str, str]) -> str | None:
        if isinstance(table, s.GenericTable):  # asked its kind first, with either backend
            return untyped.get(table.id)
        if table.kind not in ANSWERS:  # statements
            return None
        return "backend llm" if self.name == "llm" else needs_model(table)

    def revise(
        self, document: Document, tables: list[s.ExtractedTable]
    ) -> tuple[list[s.ExtractedTable], s.ModelTotals]:
        """``tables`` (the rules' reading) with those the backend sends replaced by the
        model's reading, and the document's totals."""
        sources = {t.id: t for t in document.tables}
        untyped = untyped_with_figures(document, tables)
        sent = [(i, reason) for i, t in enumerate(tables) if (reason := self._reason(t, untyped))]
        jobs = [(tables[i], sources[tables[i].id], reason) for i, reason in sent]
        revised = list(tables)
        for (i, _), table in zip(sent, self.concurrently(self._table, jobs), strict=True):
            revised[i] = table
        return revised, self.totals(revised)

    def concurrently(self, function: Callable[[_Job], _Done], jobs: list[_Job]) -> list[_Done]:
        """``function`` over ``jobs``, at most ``concurrency`` at a time, results in order."""
        with ThreadPoolExecutor(max_workers=max(self.config.concurrency, 1)) as pool:
            return list(pool.map(function, jobs))

    def ask(
        self,
        prompt: Prompt,
        message: str,
        answer_type: type[BaseModel],
        grounding: Grounds,
        reason: str,
    ) -> tuple[Reply | None, s.ModelUse]:
        """The model's grounded answer to ``message`` (None without a usable one) and what
        asking cost: from the cache where it holds the answer, not asked once the endpoint
        is known to be down."""
        key = cache_key(
            self.config.model,
            prompt.label,
            prompt.text,  # the classification prompt's list of kinds is generated
            schema_hash(answer_type),
            self.config.mode,
            message,
        )
        use = s.ModelUse(
            model=self.config.model, prompt=prompt.label, status="answered", reason=reason
        )
        if (entry := self.cache.get(key)) is not None:
            use.status = "cached"
            if "invalid" in entry:  # at temperature 0 the same question gets the same answer
                use.error = entry["invalid"]
                return None, use
            reply = Reply(
                answer_type.model_validate(entry["answer"]),
                [Ungrounded.model_validate(u) for u in entry["ungrounded"]],
            )
        elif self._down.is_set():
            use.status, use.error = "not_reached", self._down_reason
            return None, use
        else:
            usage = Usage()
            try:
                reply = self.client.ask(prompt, message, answer_type, grounding, usage)
            except ModelFailure as failure:
                if failure.endpoint_down:
                    self._down_reason = str(failure)
                    self._down.set()
                if failure.status == "invalid":
                    self.cache.put(key, {"invalid": str(failure)})
                use.status, use.error = failure.status, str(failure)
                self._count(use, usage)
                return None, use
            self._count(use, usage)
            self.cache.put(
                key,
                {
                    "answer": reply.answer.model_dump(mode="json"),
                    "ungrounded": [u.model_dump() for u in reply.ungrounded],
                },
            )
        use.ungrounded = reply.ungrounded
        return reply, use

    def _table(self, job: tuple[s.ExtractedTable, Table, str]) -> s.ExtractedTable:
        rules, table, reason = job
        if isinstance(rules, s.GenericTable):
            return self._untyped(rules, table, reason)
        filled, use = self._fill(rules, table, reason)
        return (filled or rules).model_copy(update={"llm": use})  # else the rules' reading

    def _fill(
        self, rules: s.ExtractedTable, table: Table, reason: str
    ) -> tuple[s.ExtractedTable | None, s.ModelUse]:
        """``rules`` filled with the model's grounded answer to its kind's question (None
        without a usable answer), and what asking did."""
        prompt = load_prompt(KINDS[rules.kind].prompt)
        assert prompt is not None  # every kind with an answer model has a prompt (tested)
        answer_type = ANSWERS[rules.kind]
        reply, use = self.ask(prompt, render(table), answer_type, Grounding(table), reason)
        if reply is None:
            return None, use
        return apply_answer(rules, table, cast(Answer, reply.answer)), use

    def _untyped(self, generic: s.GenericTable, table: Table, reason: str) -> s.ExtractedTable:
        """A table of no kind: asked which kind it is, then, given one with grounded
        evidence, filled as that kind; else it stays a grid, its ``llm`` saying why."""
        prompt = classify_prompt()
        reply, use = self.ask(prompt, render(table), KindAnswer, KindGrounding(table), reason)
        if reply is None:
            return generic.model_copy(update={"llm": use})
        answer = cast(KindAnswer, reply.answer)
        if refused := refusal(answer):
            use.error, invalid = refused
            if invalid and use.status == "answered":
                use.status = "invalid"
            return generic.model_copy(update={"llm": use})
        typed = typed_by_model(generic, answer, table)
        filled, fill_use = self._fill(typed, table, f"typed {answer.kind} by {prompt.label}")
        fill_use.classification = use
        if filled is not None and not rows_of(filled):
            fill_use.error = f"the model's {answer.kind} answer holds no row"
        if fill_use.error is not None:
            return generic.model_copy(update={"llm": fill_use})
        return cast(s.ExtractedTable, filled).model_copy(update={"llm": fill_use})

    def _count(self, use: s.ModelUse, usage: Usage) -> None:
        use.calls, use.reasks, use.retries = usage.calls, usage.reasks, usage.retries
        use.prompt_tokens, use.completion_tokens = usage.prompt_tokens, usage.completion_tokens
        use.cost = self._cost(usage.prompt_tokens, usage.completion_tokens)

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        prices = (self.config.price_prompt_per_1k, self.config.price_completion_per_1k)
        if None in prices:
            return None
        return round((prompt_tokens * prices[0] + completion_tokens * prices[1]) / 1000, 6)

    def totals(
        self, tables: list[s.ExtractedTable], paragraphs: Sequence[ParagraphUse] = ()
    ) -> s.ModelTotals:
        """One document's use of the model: its tables' and its paragraphs' questions (a
        table of no kind may have had two: its classification, then its fill)."""
        table_uses = [t.llm for t in tables if t.llm is not None]
        classifications = [u.classification for u in table_uses if u.classification]
        uses = [*table_uses, *classifications, *paragraphs]
        prompts = dict(sorted(use.prompt.split("@", 1) for use in uses))
        totals = s.ModelTotals(
            model=self.config.model,
            prompts=prompts,
            tables_sent=len(table_uses),
            tables_cached=sum(u.status == "cached" for u in table_uses),
            tables_not_reached=sum(u.status == "not_reached" for u in table_uses),
            tables_kept_rules=sum(u.error is not None for u in table_uses),
            tables_classified=sum(
                (u.classification or u).prompt.startswith(f"{CLASSIFY_PROMPT}@") for u in table_uses
            ),
            tables_typed=sum(t.typing is not None and t.typing.by == "model" for t in tables),
            paragraphs_sent=len(paragraphs),
            claims_added=sum(u.claims_added for u in paragraphs),
            calls=sum(u.calls for u in uses),
            reasks=sum(u.reasks for u in uses),
            retries=sum(u.retries for u in uses),
            prompt_tokens=sum(u.prompt_tokens for u in uses),
            completion_tokens=sum(u.completion_tokens for u in uses),
            ungrounded=sum(len(u.ungrounded) for u in uses),
        )
        totals.cost = self._cost(totals.prompt_tokens, totals.completion_tokens)
        return totals


def add_totals(totals: list[s.ModelTotals]) -> s.ModelTotals | None:
    """The totals of several documents (an evaluation run), or None without any."""
    if not totals:
        return None
    counts = {
        name: sum(getattr(t, name) for t in totals)
        for name, info in s.ModelTotals.model_fields.items()
        if info.annotation is int
    }
    costs = [t.cost for t in totals]
    return s.ModelTotals(
        model=totals[0].model,
        prompts={k: v for t in totals for k, v in t.prompts.items()},
        cost=None if None in costs else round(sum(c for c in costs if c is not None), 6),
        **counts,
    )
