"""Answers kept on disk, addressed by what determines them: model, prompt (version and text),
answer schema, request mode and the table as sent. A second run over the same inputs asks
nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from budgetlens.atomic import write_atomically


def cache_key(*parts: str) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


class AnswerCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent, or a damaged entry: ask again

    def put(self, key: str, entry: dict) -> None:
        write_atomically(self._path(key), json.dumps(entry, ensure_ascii=False))
