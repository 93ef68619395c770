"""Where the model is and how to call it: environment variables over an optional TOML file.

The API key is read from the environment only (``OPENAI_API_KEY``), so a ``budgetlens.toml``
can be committed without a secret in it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from budgetlens.errors import InputError

CONFIG_FILE = "budgetlens.toml"

# Environment variable → setting. OPENAI_* are the names every OpenAI-compatible client reads.
_ENV = {
    "BUDGETLENS_LLM_MODEL": "model",
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "BUDGETLENS_LLM_TIMEOUT": "timeout",
    "BUDGETLENS_LLM_CONCURRENCY": "concurrency",
    "BUDGETLENS_LLM_MODE": "mode",
    "BUDGETLENS_LLM_CACHE": "cache_dir",
}


class LLMConfig(BaseModel):
    model: str
    base_url: str | None = None  # None: OpenAI's own endpoint
    api_key: str | None = None
    # How instructor asks for structure: "tools" (a forced function call) works with OpenAI,
    # DeepSeek, DashScope, vLLM, Ollama and llama.cpp's servers, which turn its JSON Schema
    # into a grammar; "json_schema" needs OpenAI-style structured outputs; "md_json" suits
    # endpoints with neither.
    mode: Literal["tools", "json_schema", "json", "md_json"] = "tools"
    timeout: float = 60.0  # seconds, for every request
    concurrency: int = 4  # requests in flight at once for one document
    retries: int = 3  # repeats of a request after a 429, a 5xx, a timeout or a lost connection
    backoff: float = 1.0  # seconds: exponential backoff with jitter starts here
    reasks: int = 2  # answers sent back with their validation errors before giving up
    max_tokens: int = 4096
    temperature: float = 0.0
    cache_dir: Path = Path(".budgetlens-cache")
    price_prompt_per_1k: float | None = None  # currency per 1000 tokens; None: cost unknown
    price_completion_per_1k: float | None = None


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> LLMConfig | None:
    """The settings of ``path`` (or ``./budgetlens.toml`` if present) under ``[llm]``, the
    environment over them; None when no model is named anywhere."""
    env = os.environ if env is None else env
    settings: dict[str, object] = {}
    file = path or (Path(CONFIG_FILE) if Path(CONFIG_FILE).is_file() else None)
    if file is not None:
        try:
            settings = dict(tomllib.loads(file.read_text(encoding="utf-8")).get("llm", {}))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{file}: cannot read the configuration: {exc}") from exc
        if "api_key" in settings:
            raise InputError(f"{file}: put the API key in OPENAI_API_KEY, not in the file")
    settings |= {name: env[var] for var, name in _ENV.items() if env.get(var)}
    if not settings.get("model"):
        return None
    try:
        return LLMConfig.model_validate(settings)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"LLM configuration: {where}: {first['msg']}") from exc
