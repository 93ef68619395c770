"""The LLM backend: an OpenAI-compatible model fills the same table schemas as the rules, types
the tables they gave no kind, and reads the prose's claims they left unread, every value
grounded in a cited cell or in the paragraph (one module per concern).

It depends on ``extract`` and ``claims``, never the other way round, and nothing is imported
here, so the rules backend never loads openai or instructor."""
