"""One question to the model: an OpenAI-compatible request, retried by tenacity when the
endpoint is busy or unreachable, its answer validated and re-asked by instructor.

Two retry loops, each bounded: tenacity repeats a *request* after a 429, a 5xx, a timeout or
a lost connection (exponential backoff with jitter; the openai client's own retries are off
so that there is one policy); instructor sends an *answer* back with its validation errors,
grounding errors included, at most ``reasks`` times.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from budgetlens.llm.config import LLMConfig
from budgetlens.llm.prompts import Prompt
from budgetlens.tables.schemas import Ungrounded

_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
# instructor logs every failed attempt at ERROR; budgetlens records them in its output instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False

_FENCED = re.compile(r"```(?:json)?\s*(.*?)```", re.S)


@dataclass
class Usage:
    """What one table's question cost: requests, re-asks, retries, tokens."""

    calls: int = 0
    answers: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def reasks(self) -> int:
        return max(self.answers - 1, 0)


@dataclass
class Reply:
    answer: BaseModel
    ungrounded: list[Ungrounded] = field(default_factory=list)


class Grounds(Protocol):
    """What an answer must be grounded in (a table, a paragraph). The answer's validators
    find it in the validation context under "grounding"; ``drop`` removes, after the last
    re-ask, the values that still fail, and records them."""

    def drop(self, answer: Any) -> tuple[Any, list[Ungrounded]]: ...


class ModelFailure(Exception):
    """The question got no usable answer; ``status`` says how, for the output."""

    def __init__(self, status: str, message: str, endpoint_down: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.endpoint_down = endpoint_down


def _transient(exc: BaseException) -> bool:
    """Worth repeating the same request: rate-limited, a server error, timed out, no connection."""
    if isinstance(exc, openai.APIConnectionError):  # timeouts included
        return True
    return isinstance(exc, openai.APIStatusError) and (
        exc.status_code == 429 or exc.status_code >= 500
    )


def _answer_text(completion: object) -> str:
    """The JSON an answer carries: a tool call's arguments, or the (fenced) message text."""
    message = completion.choices[0].message  # type: ignore[attr-defined]
    if message.tool_calls:
        return message.tool_calls[0].function.arguments
    content = message.content or ""
    fenced = _FENCED.search(content)
    return fenced.group(1) if fenced else content


class ModelClient:
    """An OpenAI-compatible endpoint, asked through instructor."""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self._openai = openai.OpenAI(
            base_url=config.base_url,
            # Local servers (llama.cpp, vLLM, Ollama) take any key; the client insists on one.
            api_key=config.api_key or "unused",
            timeout=config.timeout,
            max_retries=0,
        )

    def _sender(self, usage: Usage) -> Callable[..., Any]:
        """The request function instructor calls: retried by tenacity, counted in ``usage``."""
        retrying = Retrying(
            stop=stop_after_attempt(self.config.retries + 1),
            wait=wait_random_exponential(multiplier=self.config.backoff, max=30),
            retry=retry_if_exception(_transient),
            reraise=True,
        )

        def send(*args: Any, **kwargs: Any) -> Any:
            for attempt in retrying:
                with attempt:
                    usage.calls += 1
                    usage.retries += attempt.retry_state.attempt_number > 1
                    response = self._openai.chat.completions.create(*args, **kwargs)
            usage.answers += 1
            if response.usage is not None:
                usage.prompt_tokens += response.usage.prompt_tokens
                usage.completion_tokens += response.usage.completion_tokens
            return response

        return send

    def ask(
        self,
        prompt: Prompt,
        message: str,
        answer_type: type[BaseModel],
        grounding: Grounds,
        usage: Usage,
    ) -> Reply:
        """The model's grounded answer to ``message``; raises ModelFailure without one."""
        create = instructor.patch(create=self._sender(usage), mode=_MODES[self.config.mode])
        try:
            answer = create(
                model=self.config.model,
                messages=[
                    {"role": "system", "content": prompt.text},
                    {"role": "user", "content": message},
                ],
                response_model=answer_type,
                context={"grounding": grounding},
                max_retries=self.config.reasks,
                max_tokens=self.config.max_tokens,
                temperature=self.config.temperature,
            )
            return Reply(answer)
        except IncompleteOutputException as exc:
            raise ModelFailure("invalid", "the answer was cut off at max_tokens") from exc
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, openai.APIError):
                raise _api_failure(cause) from exc
            return self._lenient(exc, answer_type, grounding)

    @staticmethod
    def _lenient(
        exc: InstructorRetryException, answer_type: type[BaseModel], grounding: Grounds
    ) -> Reply:
        """After the last re-ask: keep the answer's grounded values if its shape is valid."""
        if exc.last_completion is None:
            raise ModelFailure("invalid", str(exc)) from exc
        try:
            answer = answer_type.model_validate_json(_answer_text(exc.last_completion))
        except ValidationError as invalid:
            first = invalid.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ModelFailure("invalid", f"invalid answer: {where}: {first['msg']}") from exc
        answer, dropped = grounding.drop(answer)
        return Reply(answer, dropped)


def _api_failure(error: openai.APIError) -> ModelFailure:
    """Not reached: the endpoint is down, busy or refuses us, so the other tables would fail
    too. Any other refusal (a 400 for this request) concerns this table only."""
    if _transient(error):
        return ModelFailure("not_reached", f"model not reached: {error}", endpoint_down=True)
    status = getattr(error, "status_code", None)
    if status in (401, 403, 404):
        return ModelFailure("not_reached", f"model not reached: {error}", endpoint_down=True)
    return ModelFailure("error", f"the endpoint refused the request: {error}")
