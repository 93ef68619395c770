"""Which files a batch reads: files as named, folders recursively, and glob patterns."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from budgetlens.errors import InputError
from budgetlens.ingest import SUFFIXES


def discover(paths: Iterable[Path | str], exclude: Path | None = None) -> list[Path]:
    """Every input file, absolute, sorted and once each.

    A file named outright is taken whatever its type (an unsupported one is then recorded as
    failed). In folders, recursively, and among glob matches only supported types are taken,
    skipping hidden files and folders and Word's ``~$`` lock files. Files under ``exclude``
    (the batch's own reports) are never taken. A path or pattern that names nothing is an
    error, raised before any work starts.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.add(path.resolve())
        elif path.is_dir():
            found.update(_walk(path))
        elif glob.has_magic(str(given)):
            matches = [Path(m) for m in glob.glob(str(given), recursive=True)]
            if not matches:
                raise InputError(f"{given}: matches no file")
            for match in matches:
                found.update(_walk(match) if match.is_dir() else _walk(match.parent, [match]))
        else:
            raise InputError(f"{path}: no such file or folder")
    if exclude is not None:
        exclude = exclude.resolve()
        found = {p for p in found if not p.is_relative_to(exclude)}
    return sorted(found)


def _walk(root: Path, candidates: Iterable[Path] | None = None) -> set[Path]:
    """The supported, visible files among ``candidates`` (default: everything under root)."""
    taken = set()
    for path in root.rglob("*") if candidates is None else candidates:
        hidden = any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)
        if not hidden and path.suffix.lower() in SUFFIXES and path.is_file():
            taken.add(path.resolve())
    return taken
