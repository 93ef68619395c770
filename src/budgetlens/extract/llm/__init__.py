"""The LLM extraction backend: an OpenAI-compatible model fills the same table schemas as
the rules, every value grounded in a cited cell (config, prompts, grid, answers, client,
cache, selection, tables, backend: one module per concern)."""

from budgetlens.extract.llm.backend import BackendName, ModelBackend
from budgetlens.extract.llm.config import LLMConfig, load_config

__all__ = ["BackendName", "LLMConfig", "ModelBackend", "load_config"]
