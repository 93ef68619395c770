"""Field-level extraction metrics: extracted tables scored against the gold of eval/gold.

Gold tables and rows are matched to extracted ones by source line, or by document order where
the source has no line numbers (.docx, PDF). Every field of a matched pair is then compared
after text normalisation and counted as true positive, false positive or false negative per
(table kind, field), so precision, recall and F1 can be reported per document, per group (the
gold's folder: a variant, the real-world set) and source format, per kind and per field. A
statement's amounts are compared position by position.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

from budgetlens.document import MIN_CONFIDENCE
from budgetlens.errors import InputError
from budgetlens.numbers import parse_number
from budgetlens.textnorm import normalize, to_halfwidth

Json = dict[str, Any]
Pair = tuple[Json | None, Json | None]  # (gold, extracted); None where one side has no match

TABLE_FIELDS = ("kind", "form", "project", "total_score")
ROW_FIELDS = {
    "indicators": (
        "level1",
        "level2",
        "level3",
        "comparator",
        "target",
        "unit",
        "weight",
        "actual",
        "score",
    ),
    "items": ("level1", "level2", "level3", "allotted", "score"),
    "rows": ("label", "code", "group", "amounts"),
}
MAX_MISMATCHES = 200
_SECTIONS = ("per_seed", "per_group", "per_source", "per_kind", "per_field")
_METRICS = ("f1", "precision", "recall")


@dataclass
class Tally:
    """True positives, false positives and false negatives of one or more fields."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    # Nothing to count is a perfect score: a seed without, say, T7 tables must not drag the
    # T7 figures down.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> Json:
        # Rounded so that a committed baseline diffs cleanly.
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Mismatch:
    """One disagreement, located so a developer can find it in the source.

    ``field`` is a field name, or "table" / "row" for a whole table or row found on one side
    only (its fields are counted but not listed one by one). ``error`` is "wrong" (both sides
    have different values), "missing" (gold only) or "spurious" (extracted only). ``label``
    is the row's 三级指标 or the table's title. The comparison builds one with only its
    location filled in and completes a copy per error.
    """

    seed: str
    kind: str
    table_line: int | None
    row_line: int | None = None
    label: str | None = None
    field: str = ""
    error: str = ""
    gold: str | None = None
    extracted: str | None = None

    @property
    def key(self) -> str:
        """Where it is: document, table and row line, kind, field and label."""
        row = f":{self.row_line}" if self.row_line is not None else ""
        return f"{self.seed}:{self.table_line}{row} {self.kind}.{self.field} {self.label or ''}"

    @property
    def detail(self) -> str:
        return f"{self.error}: gold {self.gold!r}, extracted {self.extracted!r}"


@dataclass
class Counts:
    """Tallies per (table kind, field) and the mismatches behind them, for one document."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    # numbers read by OCR with high confidence from a cell the gold has: how many, how many wrong
    confident: int = 0
    confident_wrong: int = 0
    # tables: in the gold, found (paired with an extracted table), typed right, found only
    # by the extractor (with rows: a table cut wrongly, or not in the gold)
    tables: Counter[str] = field(default_factory=Counter)

    def tally(self, kind: str, name: str) -> Tally:
        return self.tallies.setdefault((kind, name), Tally())

    def total(self) -> Tally:
        return _total(self.tallies.values())

    def by_kind(self) -> dict[str, Tally]:
        return _sum((kind, t) for (kind, _), t in self.tallies.items())

    def by_field(self) -> dict[str, Tally]:
        return _sum((name, t) for (_, name), t in self.tallies.items())


def _total(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total


def _sum(keyed: Iterable[tuple[str, Tally]]) -> dict[str, Tally]:
    sums: dict[str, Tally] = {}
    for key, tally in keyed:
        sums.setdefault(key, Tally()).add(tally)
    return dict(sorted(sums.items()))


def _norm(value: object) -> str:
    """A cell's comparable form; None and "" are both empty."""
    return "" if value is None else to_halfwidth(normalize(str(value)))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _table_line(table: Json) -> int | None:
    return (table.get("location") or {}).get("line_start")


def _row_line(row: Json) -> int | None:
    return (row.get("location") or {}).get("line")


def _has_rows(table: Json) -> bool:
    return any(table.get(group) for group in ROW_FIELDS)


def _align_by_line(
    gold: Sequence[Json],
    extracted: Sequence[Json],
    gold_line: Callable[[Json], int | None],
    extracted_line: Callable[[Json], int | None],
) -> list[Pair]:
    """Pairs on equal lines, the rest alone; in line order, gold first on ties."""
    pending: dict[int | None, list[Json]] = {}
    for record in extracted:
        pending.setdefault(extracted_line(record), []).append(record)
    pairs: list[Pair] = []
    for record in gold:
        same_line = pending.get(gold_line(record))
        pairs.append((record, same_line.pop(0) if same_line else None))
    pairs += [(None, record) for rest in pending.values() for record in rest]

    def position(pair: Pair) -> tuple[bool, int]:
        g, e = pair
        line = gold_line(g) if g is not None else extracted_line(e) if e is not None else None
        return line is None, line or 0

    return sorted(pairs, key=position)


def _align_by_order(
    gold: Sequence[Json], extracted: Sequence[Json], key: Callable[[Json], str]
) -> list[Pair]:
    """Sequence alignment on ``key``; runs that differ are paired by position, so a row whose
    label was misread still has its other fields compared."""
    matcher = difflib.SequenceMatcher(
        None, [key(g) for g in gold], [key(e) for e in extracted], autojunk=False
    )
    pairs: list[Pair] = []
    for _, g0, g1, e0, e1 in matcher.get_opcodes():
        pairs += zip_longest(gold[g0:g1], extracted[e0:e1])
    return pairs


def _match_tables(gold: Sequence[Json], extracted: Sequence[Json]) -> list[Pair]:
    if all(g.get("line_start") is not None for g in gold) and any(
        _table_line(t) is not None for t in extracted
    ):
        pairs = _pair_near(_align_by_line(gold, extracted, lambda t: t["line_start"], _table_line))
        # Extracted tables without rows (目录, layout tables) are not in the gold by design.
        return [(g, e) for g, e in pairs if g is not None or _has_rows(e or {})]
    with_rows = [t for t in extracted if _has_rows(t)]
    return _align_by_order(gold, with_rows, lambda t: f"{t.get('kind')}:{t.get('form') or ''}")


_NEAR = 3  # lines a table's first row may be off: a caption line read as its first row or not


def _pair_near(pairs: list[Pair]) -> list[Pair]:
    """Tables left alone after pairing by first line, paired when the gold's first line is
    within a few lines of the extracted table's: whether a title line right above a table is
    its first row or its caption is a reading choice, not a missed table; its rows are then
    still matched by their own lines."""
    spare = [e for g, e in pairs if g is None and e is not None and _has_rows(e)]
    found: dict[int, Json] = {}  # gold's position in pairs → the extracted table it meets
    for index, (g, e) in enumerate(pairs):
        if g is not None and e is None:
            line = g["line_start"]
            near = next((x for x in spare if abs((_table_line(x) or 0) - line) <= _NEAR), None)
            if near is not None:
                spare.remove(near)
                found[index] = near
    taken = [id(x) for x in found.values()]
    return [
        (g, found.get(index, e))
        for index, (g, e) in enumerate(pairs)
        if not (g is None and e is not None and id(e) in taken)
    ]


def _row_label(row: Json) -> str | None:
    return _text(row.get("level3") if "level3" in row else row.get("label"))


_ROW_NEAR = 12  # lines: a Word-like export prints a row's cells one per line


def _match_rows(gold: Sequence[Json], extracted: Sequence[Json]) -> list[Pair]:
    if all(g.get("line") is not None for g in gold) and all(
        _row_line(e) is not None for e in extracted
    ):
        pairs = _align_by_line(gold, extracted, lambda g: g.get("line"), _row_line)
        return _pair_rows_near(pairs)
    return _align_by_order(gold, extracted, lambda r: _norm(_row_label(r)))


def _pair_rows_near(pairs: list[Pair]) -> list[Pair]:
    """Rows left alone after pairing by line, paired with the nearest lone row of the same
    label within a few lines: a gold written with another cell's line (the 三级指标's rather
    than the 一级指标's) still meets its row."""
    spare = [e for g, e in pairs if g is None and e is not None]
    paired: list[Pair] = []
    for g, e in pairs:
        if g is None or e is not None:
            paired.append((g, e))
            continue
        label, line = _norm(_row_label(g)), g["line"]
        near = [
            x
            for x in spare
            if label
            and _norm(_row_label(x)) == label
            and abs((_row_line(x) or 0) - line) <= _ROW_NEAR
        ]
        match = min(near, key=lambda x: abs((_row_line(x) or 0) - line), default=None)
        if match is not None:
            spare.remove(match)
        paired.append((g, match))
    return [(g, e) for g, e in paired if g is not None or any(e is x for x in spare)]


def _amounts(row: Json) -> list[object]:
    """A statement line's amounts in column order: the gold lists them, the extraction keys
    them by column."""
    if "amounts" in row:
        return list(row["amounts"] or [])
    return list((row.get("values") or {}).values())


def _compare_field(
    counts: Counts,
    where: Mismatch,
    name: str,
    gold: object,
    got: object,
    confidence: float | None = None,
) -> None:
    g, e = _norm(gold), _norm(got)
    if confidence is not None and confidence >= MIN_CONFIDENCE and g and parse_number(e):
        counts.confident += 1
        counts.confident_wrong += g != e
    tally = counts.tally(where.kind, name)
    if g == e:
        tally.tp += bool(g)
        return
    tally.fn += bool(g)
    tally.fp += bool(e)
    error = "wrong" if g and e else "missing" if g else "spurious"
    counts.mismatches.append(
        replace(where, field=name, error=error, gold=_text(gold), extracted=_text(got))
    )


def _count_alone(counts: Counts, kind: str, record: Json, names: Iterable[str], gold: bool) -> None:
    """Every non-empty field of a table or row found on one side only: FN if gold, else FP."""
    for name, value in _fields(record, names):
        if _norm(value):
            tally = counts.tally(kind, name)
            if gold:
                tally.fn += 1
            else:
                tally.fp += 1


def _fields(record: Json, names: Iterable[str]) -> list[tuple[str, object]]:
    """A record's (field, value) pairs; a statement line's amounts are one field each."""
    found: list[tuple[str, object]] = []
    for name in names:
        if name == "amounts":
            found += [("amount", value) for value in _amounts(record)]
        else:
            found.append((name, record.get(name)))
    return found


def _lone_mismatch(where: Mismatch, what: str, gold: Json | None, got: Json | None) -> Mismatch:
    return replace(
        where,
        field=what,
        error="missing" if gold is not None else "spurious",
        gold=_text(where.label) if gold is not None else None,
        extracted=_text(where.label) if got is not None else None,
    )


def _compare_rows(counts: Counts, where: Mismatch, gold: Json, got: Json) -> None:
    for group, names in ROW_FIELDS.items():
        for g, e in _match_rows(gold.get(group) or [], got.get(group) or []):
            row = g if g is not None else e
            assert row is not None  # an alignment never pairs nothing with nothing
            line = g.get("line") if g is not None else _row_line(row)
            at = replace(where, row_line=line, label=_row_label(row))
            if g is not None and e is not None:
                cells = e.get("cells") or {}
                for name in names:
                    if name == "amounts":
                        pairs = zip_longest(_amounts(g), _amounts(e))
                        for got_gold, got in pairs:
                            _compare_field(counts, at, "amount", got_gold, got)
                        continue
                    confidence = (cells.get(name) or {}).get("confidence")
                    _compare_field(counts, at, name, g.get(name), e.get(name), confidence)
            else:
                _count_alone(counts, where.kind, row, names, gold=g is not None)
                counts.mismatches.append(_lone_mismatch(at, "row", g, e))


def _compare_table(counts: Counts, seed: str, gold: Json | None, got: Json | None) -> None:
    table = gold if gold is not None else got
    assert table is not None  # an alignment never pairs nothing with nothing
    # A matched table is counted under its gold kind: a misread kind is one error, not two.
    kind = str(table.get("kind") or "?")
    line = gold.get("line_start") if gold is not None else _table_line(table)
    where = Mismatch(seed=seed, kind=kind, table_line=line, label=_text(table.get("title")))
    counts.tables["gold"] += gold is not None
    counts.tables["found"] += gold is not None and got is not None
    counts.tables["typed"] += bool(gold and got and gold.get("kind") == got.get("kind"))
    counts.tables["spurious"] += gold is None
    if gold is not None and got is not None:
        for name in TABLE_FIELDS:
            _compare_field(counts, where, name, gold.get(name), got.get(name))
        _compare_rows(counts, where, gold, got)
        return
    _count_alone(counts, kind, table, TABLE_FIELDS, gold=gold is not None)
    for group, names in ROW_FIELDS.items():
        for row in table.get(group) or []:
            _count_alone(counts, kind, row, names, gold=gold is not None)
    counts.mismatches.append(_lone_mismatch(where, "table", gold, got))


def compare_document(gold: Json, extracted: Json) -> Counts:
    """Match the extracted tables and rows of one document to its gold and count every field."""
    counts = Counts()
    seed = str(gold.get("seed", ""))
    for g, e in _match_tables(gold.get("tables", []), extracted.get("tables", [])):
        _compare_table(counts, seed, g, e)
    return counts


@dataclass
class Report:
    """The counts of every evaluated document and the metrics derived from them. A document
    is named "<group>/<seed>:<format>" where it is not a seed's own text export, so variants
    and formats of one seed are told apart."""

    seeds: dict[str, Counts]
    # what was measured: each document's source and gold file by content (sha256)
    sources: dict[str, str | None] = field(default_factory=dict)
    gold: dict[str, str] = field(default_factory=dict)

    @property
    def overall(self) -> Tally:
        return _total(c.total() for c in self.seeds.values())

    @property
    def per_seed(self) -> dict[str, Tally]:
        return {seed: counts.total() for seed, counts in sorted(self.seeds.items())}

    @property
    def per_group(self) -> dict[str, Tally]:
        """By the gold's folder (a variant, the real-world set); one group is left out."""
        sums = _sum((_group(name), c.total()) for name, c in self.seeds.items())
        return sums if len(sums) > 1 else {}

    @property
    def per_source(self) -> dict[str, Tally]:
        """By the format documents were read from (txt, docx, pdf); one format is left out."""
        sums = _sum((_format(name), c.total()) for name, c in self.seeds.items())
        return sums if len(sums) > 1 else {}

    @property
    def per_kind(self) -> dict[str, Tally]:
        return _sum(item for c in self.seeds.values() for item in c.by_kind().items())

    @property
    def per_field(self) -> dict[str, Tally]:
        return _sum(item for c in self.seeds.values() for item in c.by_field().items())

    @property
    def confident(self) -> tuple[int, int]:
        """OCR'd numbers read with high confidence, and how many of them are wrong."""
        counts = self.seeds.values()
        return sum(c.confident for c in counts), sum(c.confident_wrong for c in counts)

    @property
    def tables(self) -> Counter[str]:
        return sum((c.tables for c in self.seeds.values()), Counter())

    @property
    def mismatches(self) -> list[Mismatch]:
        return [m for _, c in sorted(self.seeds.items()) for m in c.mismatches]

    def to_json(self) -> Json:
        mismatches = self.mismatches
        return {
            "overall": self.overall.to_json(),
            **{
                section: {name: t.to_json() for name, t in getattr(self, section).items()}
                for section in _SECTIONS
            },
            "confident_numbers": dict(zip(("read", "wrong"), self.confident, strict=True)),
            "tables": {k: self.tables[k] for k in ("gold", "found", "typed", "spurious")},
            "mismatch_count": len(mismatches),
            "mismatches": [asdict(m) for m in mismatches[:MAX_MISMATCHES]],
            # every mismatch, keyed by where it is: what --compare reports newly wrong or right
            "wrong": {m.key: m.detail for m in mismatches},
            "provenance": {"sources": self.sources, "gold": self.gold},
        }


def _group(name: str) -> str:
    return name.rsplit("/", 1)[0] if "/" in name else "seeds"


def _format(name: str) -> str:
    return name.rsplit(":", 1)[1] if ":" in name else "txt"


def gold_files(gold_dir: Path) -> list[Path]:
    """Every gold file under ``gold_dir``: a JSON object with a ``tables`` list."""
    found = []
    for path in sorted(gold_dir.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("tables"), list):
            found.append(path)
    return found


def evaluate(
    gold_dir: Path,
    extract: Callable[[Path], Json],
    sources: Mapping[str, Path] | None = None,
    only_sources: bool = False,
    formats: Sequence[str] = (),
) -> Report:
    """Run ``extract`` on the source of every gold file under ``gold_dir`` (its subfolders too)
    and compare its output with the gold.

    A gold's ``source`` is relative to the gold file's own folder, unless ``sources`` names
    another file for that seed (its .docx rebuild, its scan); with ``only_sources``, seeds that
    ``sources`` does not name are left out. ``formats`` (".docx", ".pdf") also scores the same
    report in those formats where a file of that name lies beside the source.
    """
    if not gold_dir.is_dir():
        raise InputError(f"--gold {gold_dir}: no such folder")
    files = gold_files(gold_dir)
    if not files:
        raise InputError(
            f"--gold {gold_dir}: no gold file in it (a JSON object with a tables list, "
            "eval/gold/seeds/FORMAT.md): nothing to measure"
        )
    report = Report({})

    def score(label: str, gold: Json, source: Path) -> None:
        extracted = extract(source)
        report.seeds[label] = compare_document(gold, extracted)
        report.sources[label] = extracted.get("sha256")

    for path in files:
        text = path.read_text(encoding="utf-8")
        gold = json.loads(text)
        seed = str(gold.get("seed") or path.stem)
        if only_sources and seed not in (sources or {}):
            continue
        folder = path.parent.relative_to(gold_dir).as_posix()
        name = seed if folder == "." else f"{folder}/{seed}"
        if seed in (sources or {}):
            source = (sources or {})[seed]
        elif isinstance(gold.get("source"), str):
            source = (path.parent / gold["source"]).resolve()
        else:
            raise InputError(f"{path}: no source: the report it describes, relative to it")
        if not source.is_file():
            raise InputError(f"{path}: its source {source} is not a file")
        report.gold[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        suffix = source.suffix.lower()
        score(name if suffix in (".txt", ".md") else f"{name}:{suffix[1:]}", gold, source)
        for other in formats:
            twin = source.with_suffix(other)
            if other != suffix and twin.is_file():
                score(f"{name}:{other[1:]}", gold, twin)
    if not report.seeds:
        raise InputError(f"--gold {gold_dir}: no document scored (no gold names a source read)")
    return report


def _format_rows(title: str, tallies: Mapping[str, Tally]) -> list[str]:
    lines = [title]
    width = max([16, *(len(name) + 2 for name in tallies)])
    for name, t in tallies.items():
        lines.append(
            f"  {name:<{width}}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
            f"{t.tp:>7}{t.fp:>7}{t.fn:>7}"
        )
    return lines


def format_report(report: Report) -> str:
    """Precision, recall and F1 with their counts: overall, per seed, per kind, per field."""
    header = f"  {'':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}"
    lines = [header, *_format_rows("overall", {"all": report.overall})]
    lines += _format_rows("per seed", report.per_seed)
    if report.per_group:
        lines += _format_rows("per group", report.per_group)
    if report.per_source:
        lines += _format_rows("per source", report.per_source)
    lines += _format_rows("per kind", report.per_kind)
    lines += _format_rows("per field", report.per_field)
    tables = report.tables
    if tables["gold"]:
        lines.append(
            f"tables: {tables['found']} of {tables['gold']} found ({_share(tables, 'found')}), "
            f"{tables['typed']} typed right ({_share(tables, 'typed')}), "
            f"{tables['spurious']} found that the gold does not have"
        )
    read, wrong = report.confident
    if read:
        lines.append(
            f"OCR'd numbers read with confidence >= {MIN_CONFIDENCE}: {read}, wrong: {wrong}"
        )
    return "\n".join(lines)


def _share(tables: Counter[str], name: str) -> str:
    return f"{100 * tables[name] / tables['gold']:.1f}%"


def _metrics(report: Json) -> dict[str, float]:
    """Every P/R/F1 of a report's JSON, keyed like "overall.f1" or "per_kind.T3.recall"."""
    groups = {"overall": report.get("overall", {})}
    for section in _SECTIONS:
        groups |= {f"{section}.{name}": m for name, m in report.get(section, {}).items()}
    return {
        f"{group}.{metric}": values[metric]
        for group, values in groups.items()
        for metric in _METRICS
        if metric in values
    }


def provenance_changes(current: Json, baseline: Json) -> list[str]:
    """What makes two reports incomparable: another backend, model or prompt version, or
    other sources or gold (by content). Empty when they measured the same thing."""
    now, before = current.get("provenance") or {}, baseline.get("provenance")
    if not before:
        return ["the baseline records no provenance (made by an older budgetlens): rerun it"]
    changes = []
    for name in ("backend", "model", "prompts"):
        if now.get(name) != before.get(name):
            changes.append(f"{name} {before.get(name)} → {now.get(name)}")
    for name in ("sources", "gold"):
        old, new = before.get(name) or {}, now.get(name) or {}
        differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        if differ:
            shown = ", ".join(differ[:5]) + (", …" if len(differ) > 5 else "")
            changes.append(f"{name} differ: {shown}")
    return changes


_LISTED = 20  # newly wrong or right items printed; the JSON report has them all


def _items(title: str, keys: list[str], details: Mapping[str, str]) -> list[str]:
    if not keys:
        return []
    lines = [f"{title} ({len(keys)})"]
    lines += [f"  {key}: {details[key]}" for key in keys[:_LISTED]]
    if len(keys) > _LISTED:
        lines.append(f"  … {len(keys) - _LISTED} more")
    return lines


def compare_reports(current: Json, baseline: Json, max_drop: float) -> tuple[str, bool]:
    """Only what changed: each metric that moved as "name: baseline → current (Δ)", the items
    newly wrong and newly right; and whether no metric dropped by more than ``max_drop``."""
    now, before = _metrics(current), _metrics(baseline)
    lines: list[str] = []
    drops = 0
    for name, old in before.items():
        if name not in now or abs(now[name] - old) < 1e-9:
            continue
        delta = now[name] - old
        dropped = -delta > max_drop + 1e-9  # a drop of exactly max_drop passes despite rounding
        drops += dropped
        flag = "  DROP" if dropped else ""
        lines.append(f"{name}: {old:.3f} → {now[name]:.3f} ({delta:+.3f}){flag}")
    # A seed or kind present on one side only would otherwise vanish from the gate unnoticed.
    if unmatched := sorted(before.keys() ^ now.keys()):
        lines.append("in one report only: " + ", ".join(unmatched))
    wrong_now, wrong_before = current.get("wrong", {}), baseline.get("wrong", {})
    lines += _items("newly wrong", sorted(wrong_now.keys() - wrong_before.keys()), wrong_now)
    lines += _items("newly right", sorted(wrong_before.keys() - wrong_now.keys()), wrong_before)
    if not lines:
        lines.append("nothing changed")
    verdict = f"{drops} metric(s) dropped" if drops else "no metric dropped"
    lines.append(f"{verdict} by more than {max_drop:.3f}")
    return "\n".join(lines), drops == 0
