"""The llm and hybrid backends: which tables to ask about, asked concurrently under a limit,
answered from the cache where possible, and the rules' reading kept wherever the model gave
no usable answer, with the reason recorded on the table."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from budgetlens.document import Document, Table
from budgetlens.extract.llm.answers import ANSWERS, schema_hash
from budgetlens.extract.llm.cache import AnswerCache, cache_key
from budgetlens.extract.llm.client import ModelClient, ModelFailure, Reply, Usage
from budgetlens.extract.llm.config import LLMConfig
from budgetlens.extract.llm.grid import render
from budgetlens.extract.llm.prompts import load_prompt
from budgetlens.extract.llm.selection import needs_model
from budgetlens.extract.llm.tables import apply_answer
from budgetlens.tables import schemas as s
from budgetlens.tables.schemas import Ungrounded

BackendName = Literal["llm", "hybrid"]


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

    def _reason(self, table: s.ExtractedTable) -> str | None:
        if load_prompt(table.kind) is None:
            return None
        return "backend llm" if self.name == "llm" else needs_model(table)

    def revise(
        self, document: Document, tables: list[s.ExtractedTable]
    ) -> tuple[list[s.ExtractedTable], s.ModelTotals]:
        """``tables`` (the rules' reading) with those the backend sends replaced by the
        model's reading, and the document's totals."""
        sources = {t.id: t for t in document.tables}
        jobs = [(i, t, r) for i, t in enumerate(tables) if (r := self._reason(t))]
        revised = list(tables)
        with ThreadPoolExecutor(max_workers=max(self.config.concurrency, 1)) as pool:
            futures = [
                (i, pool.submit(self._table, rules, sources[rules.id], reason))
                for i, rules, reason in jobs
            ]
            for i, future in futures:
                revised[i] = future.result()
        return revised, self._totals(revised)

    def _table(self, rules: s.ExtractedTable, table: Table, reason: str) -> s.ExtractedTable:
        prompt = load_prompt(rules.kind)
        assert prompt is not None  # _reason sends only kinds with a prompt
        answer_type = ANSWERS[rules.kind]
        grid = render(table)
        key = cache_key(
            self.config.model, prompt.label, schema_hash(answer_type), self.config.mode, grid
        )
        use = s.ModelUse(
            model=self.config.model, prompt=prompt.label, status="answered", reason=reason
        )
        if (entry := self.cache.get(key)) is not None:
            use.status = "cached"
            if "invalid" in entry:  # at temperature 0 the same question gets the same answer
                use.error = entry["invalid"]
                return rules.model_copy(update={"llm": use})
            reply = Reply(
                answer_type.model_validate(entry["answer"]),
                [Ungrounded.model_validate(u) for u in entry["ungrounded"]],
            )
        elif self._down.is_set():
            use.status, use.error = "not_reached", self._down_reason
            return rules.model_copy(update={"llm": use})
        else:
            usage = Usage()
            try:
                reply = self.client.ask(prompt, grid, answer_type, table, usage)
            except ModelFailure as failure:
                if failure.endpoint_down:
                    self._down_reason = str(failure)
                    self._down.set()
                if failure.status == "invalid":
                    self.cache.put(key, {"invalid": str(failure)})
                use.status, use.error = failure.status, str(failure)
                self._count(use, usage)
                return rules.model_copy(update={"llm": use})
            self._count(use, usage)
            self.cache.put(
                key,
                {
                    "answer": reply.answer.model_dump(mode="json"),
                    "ungrounded": [u.model_dump() for u in reply.ungrounded],
                },
            )
        use.ungrounded = reply.ungrounded
        return apply_answer(rules, table, reply.answer).model_copy(update={"llm": use})

    def _count(self, use: s.ModelUse, usage: Usage) -> None:
        use.calls, use.reasks, use.retries = usage.calls, usage.reasks, usage.retries
        use.prompt_tokens, use.completion_tokens = usage.prompt_tokens, usage.completion_tokens
        use.cost = self._cost(usage.prompt_tokens, usage.completion_tokens)

    def _cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        prices = (self.config.price_prompt_per_1k, self.config.price_completion_per_1k)
        if None in prices:
            return None
        return round((prompt_tokens * prices[0] + completion_tokens * prices[1]) / 1000, 6)

    def _totals(self, tables: list[s.ExtractedTable]) -> s.ModelTotals:
        uses = [t.llm for t in tables if t.llm is not None]
        kinds = {t.kind: t.llm.prompt.split("@", 1)[1] for t in tables if t.llm is not None}
        totals = s.ModelTotals(
            model=self.config.model,
            prompts=dict(sorted(kinds.items())),
            tables_sent=len(uses),
            tables_cached=sum(u.status == "cached" for u in uses),
            tables_not_reached=sum(u.status == "not_reached" for u in uses),
            tables_kept_rules=sum(u.error is not None for u in uses),
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
