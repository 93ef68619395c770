"""The LLM extraction backend: an OpenAI-compatible model fills the same table schemas as
the rules, every value grounded in a cited cell (config, prompts, grid, answers, client,
cache, selection, tables, backend: one module per concern). Nothing is imported here, so the
rules backend never loads openai or instructor."""
