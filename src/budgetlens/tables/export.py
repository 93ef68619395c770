"""The JSON Schemas in ``schemas/`` are generated from the pydantic models, never by hand."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from budgetlens.tables.kinds import KINDS
from budgetlens.tables.schemas import Extraction, GenericTable


def schema_texts() -> dict[str, str]:
    """File name → JSON Schema text, for every table kind of the registry, a table of no
    kind, and the extraction output."""
    models: dict[str, type[BaseModel]] = {
        "Extraction": Extraction,
        **{spec.schema.__name__: spec.schema for spec in KINDS.values()},
        "GenericTable": GenericTable,
    }
    return {
        f"{name}.schema.json": json.dumps(
            model.model_json_schema(), ensure_ascii=False, indent=1, sort_keys=True
        )
        + "\n"
        for name, model in models.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
