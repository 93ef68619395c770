"""Which rules' findings ``check`` reports: ``select`` and ``ignore`` by rule id or id prefix,
from the command line or from the nearest configuration file, as ruff does.

A selector names a rule id (``FOOT.indicator_weights``) or a prefix of ids at a dot
(``STMT`` covers ``STMT.column_total``); ``ALL`` covers every id. Of the selectors that cover
an id, the longest decides, and ``ignore`` wins a tie; without ``select`` every rule is
selected. The configuration is the first ``budgetlens.toml`` (top-level keys) or
``pyproject.toml`` with a ``[tool.budgetlens]`` table found from the input's folder upward; a
setting given on the command line replaces the file's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from budgetlens.checks import catalog
from budgetlens.errors import InputError

CONFIG_NAMES = ("budgetlens.toml", "pyproject.toml")


def covers(selector: str, rule_id: str) -> bool:
    return selector == "ALL" or rule_id == selector or rule_id.startswith(f"{selector}.")


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None  # the file the settings came from, if any

    def chooses(self, rule_id: str) -> bool:
        best = (0, True) if not self.select else (-1, False)  # (specificity, selected)
        for selected, selectors in ((True, self.select), (False, self.ignore)):
            for selector in selectors:
                if covers(selector, rule_id):
                    rank = 0 if selector == "ALL" else len(selector)
                    if rank > best[0] or (rank == best[0] and not selected):
                        best = (rank, selected)
        return best[1]


# a family prefix in capitals, then dot-separated names: STMT, FOOT.indicator_weights
_SELECTOR = re.compile(r"[A-Z]+(\.[A-Za-z0-9_]+)*")


def _selectors(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: expected a list of rule ids or prefixes")
    for selector in value:
        if not _SELECTOR.fullmatch(selector):
            raise InputError(f"{where}: {selector!r} is no rule id or prefix (e.g. STMT)")
        # a misspelt id would otherwise select nothing and pass quietly
        if not any(covers(selector, r.id) for r in catalog.rules()):
            raise InputError(f"{where}: {selector!r} names no rule (`budgetlens rules` lists them)")
    return tuple(value)


def parse_option(values: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    """``--select`` / ``--ignore`` as given (repeatable, comma-separated), checked; None when
    the option was not given, so that the configuration's setting applies."""
    if not values:
        return None
    parts = tuple(p.strip() for value in values for p in value.split(",") if p.strip())
    return _selectors(parts, option)


def _settings(path: Path) -> dict[str, object] | None:
    """The budgetlens settings of a configuration file; None for a pyproject.toml without a
    ``[tool.budgetlens]`` table (the search goes on above it)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read the configuration: {exc}") from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("budgetlens")
    return data


def find_config(folder: Path) -> tuple[Path | None, dict[str, object]]:
    """The nearest configuration file at or above ``folder`` and its settings."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = directory / name
            if path.is_file() and (settings := _settings(path)) is not None:
                return path, settings
    return None, {}


def selection_for(
    source: Path, select: Iterable[str] | None, ignore: Iterable[str] | None
) -> Selection:
    """The selection that applies to ``source``: the command line's settings (None where not
    given) over those of the nearest configuration file."""
    path, settings = find_config(source.resolve().parent)
    chosen: dict[str, tuple[str, ...]] = {}
    for key, given in (("select", select), ("ignore", ignore)):
        if given is not None:
            chosen[key] = tuple(given)
        elif key in settings:
            chosen[key] = _selectors(settings[key], f"{path}: {key}")
    return Selection(chosen.get("select", ()), chosen.get("ignore", ()), path)
