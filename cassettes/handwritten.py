"""What the hand-written cassettes are made of: an OpenAI-style chat completion whose message
holds an answer as ``md_json`` (a fenced JSON block), an error body, and a vcrpy interaction
whose request is a placeholder (the tests match hand-written exchanges by method and path, in
order). Used by each folder's write_cassettes.py; no response here came from a model."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

URI = "http://127.0.0.1:8765/v1/chat/completions"
REASONS = {200: "OK", 429: "Too Many Requests", 503: "Service Unavailable"}


def cited(text: str, cell: str) -> dict:
    return {"text": text, "cell": cell}


def answer(content: dict, prompt_tokens: int, completion_tokens: int) -> tuple[int, dict]:
    text = "```json\n" + json.dumps(content, ensure_ascii=False) + "\n```"
    return 200, {
        "id": "chatcmpl-handwritten",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def error(status: int, message: str) -> tuple[int, dict]:
    return status, {"error": {"message": message, "type": "server_error", "code": status}}


def interaction(status: int, body: dict) -> dict:
    return {
        "request": {
            "body": "(written by hand: matched by method and path)",
            "headers": {},
            "method": "POST",
            "uri": URI,
        },
        "response": {
            "status": {"code": status, "message": REASONS[status]},
            "headers": {"content-type": ["application/json"]},
            "body": {"string": json.dumps(body, ensure_ascii=False)},
        },
    }


def write(folder: Path, cassettes: dict[str, list[tuple[int, dict]]]) -> None:
    """One YAML file per test: its responses, replayed in order."""
    for name, responses in cassettes.items():
        data = {"interactions": [interaction(*r) for r in responses], "version": 1}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
