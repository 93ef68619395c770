"""Header-driven column mapping: which grid column holds which field.

Reports of the family name the same column a dozen ways (指标值, 绩效指标值, 预算指标值（包含
数字及文字描述）…), order them differently per table type, split a header over two rows, and
OCR splits labels ("二级指 标"). Labels are compared after width and whitespace normalisation,
exactly first, then by the longest alias they start with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlens.numbers import parse_number
from budgetlens.textnorm import to_halfwidth

ALIASES: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "tier": ("分层指标",),  # a level above 一级, where a sheet has one (004's 指标体系)
    "level2": ("二级指标",),
    "level3": ("三级指标",),
    # 一/二/三级指标 with its first character lost: OCR drops a lone 一 (a single stroke, like
    # a rule). Which level it is follows from its position among the others.
    "level": ("级指标",),
    "comparator": ("指标性质", "绩效指标性质"),
    "target": ("指标值", "绩效指标值", "预算指标值"),
    "unit": ("度量单位", "绩效度量单位", "计量单位"),
    "weight": ("权重", "权重(%)"),
    "actual": ("实际完成指标值", "完成值", "实际完成值", "预算指标值执行结果", "执行结果"),
    "score": ("得分", "自评得分", "自评分数", "自评分"),
    "allotted": ("指标分值", "分值", "分值权重"),
    "note": ("未完成原因分析", "未完成原因", "偏差原因", "预算指标值与预算指标值执行结果偏差"),
    "basis": ("评分方法", "计分标准", "评价计分标准", "指标说明(评价计分标准)", "评分说明"),
    "explanation": ("指标解释",),
    "content": ("考核内容",),
}
_LEVEL_NAMES = ("tier", "level1", "level2", "level3", "level")
_EXACT = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_BY_LENGTH = sorted(_EXACT, key=len, reverse=True)
_SPACES = re.compile(r"\s+")


def field_of(label: str) -> str | None:
    """The field a header label names, or None."""
    key = _SPACES.sub("", to_halfwidth(label))
    if key in _EXACT:
        return _EXACT[key]
    if len(key) > 40 or not key:  # a sentence, not a header label
        return None
    for alias in _BY_LENGTH:
        if len(alias) >= 4 and key.startswith(alias):
            return _EXACT[alias]
    return None


@dataclass
class Header:
    """Where a header was found and what each column holds."""

    first_row: int
    last_row: int
    fields: dict[str, int] = field(default_factory=dict)  # field → column

    def get(self, row: list[str], name: str) -> str | None:
        col = self.fields.get(name)
        if col is None or col >= len(row):
            return None
        return row[col] or None


def _row_fields(row: list[str]) -> dict[str, int]:
    """Fields named in a row. Label levels are numbered by position: a sheet with 分层指标,
    一级指标 and 二级指标 has three levels, read as level1, level2 and level3."""
    found: dict[str, int] = {}
    levels: list[int] = []
    levels_named: set[str] = set()
    for col, text in enumerate(row):
        name = field_of(text) if text else None
        if name in _LEVEL_NAMES:
            if name == "level" or name not in levels_named:  # a name repeated is one level
                levels.append(col)
                levels_named.add(name)
        elif name and name not in found:
            found[name] = col
    for name, col in zip(("level1", "level2", "level3"), levels[-3:], strict=False):
        found[name] = col
    return found


def is_header_row(row: list[str], needed: int = 3) -> bool:
    """A row naming at least ``needed`` fields and holding no number is a header."""
    if any(parse_number(t) for t in row if t):
        return False
    return len(_row_fields(row)) >= needed


def _header_at(grid: list[list[str]], r: int) -> tuple[dict[str, int], int] | None:
    """The fields row ``r`` names and the header's last row: ``r`` itself, or ``r + 1`` when a
    page break or a scan cut one header row in two ("分" above "层指标", "适用" above "范围")."""
    if is_header_row(grid[r], needed=2):
        return _row_fields(grid[r]), r
    if r + 1 < len(grid) and len(grid[r + 1]) == len(grid[r]):
        joined = [a + b for a, b in zip(grid[r], grid[r + 1], strict=True)]
        if is_header_row(joined, needed=3) and not is_header_row(grid[r + 1], needed=3):
            return _row_fields(joined), r + 1
    return None


def find_header(grid: list[list[str]], start: int, required: set[str]) -> Header | None:
    """The first header at or after ``start`` that maps every field in ``required``.

    A header split over two rows (a group label above 一级/二级/三级, or labels a merged cell
    pushed onto the row below) is merged: each row's labels fill the columns still unnamed. When
    the upper row's labels were packed left by a merged group cell (Word exports lose the
    span), they are moved right to end at the table's last labelled column.
    """
    for r in range(start, len(grid)):
        found = _header_at(grid, r)
        if found is None:
            continue
        header = Header(r, found[1], found[0])
        nxt = next((k for k in range(header.last_row + 1, len(grid)) if any(grid[k])), len(grid))
        lower = _header_at(grid, nxt) if nxt < len(grid) else None
        if lower is not None:
            below = lower[0]
            upper = header.fields
            if _packed_left(upper, below):
                upper = _shift_right(upper, below)
            merged = dict(below)
            for name, col in upper.items():
                if name not in merged and col not in merged.values():
                    merged[name] = col
            header = Header(r, lower[1], merged)
        if required <= header.fields.keys():
            return header
    return None


_LEVELS = ("level1", "level2", "level3")


def _packed_left(upper: dict[str, int], below: dict[str, int]) -> bool:
    """The upper row's labels collide with the lower row's level columns."""
    levels = {below[n] for n in _LEVELS if n in below}
    return bool(levels) and any(col in levels for col in upper.values())


def _shift_right(upper: dict[str, int], below: dict[str, int]) -> dict[str, int]:
    """Move the labels that stand over the level columns to start right after them: they were
    packed left by the merged group label (指标 spanning 一级/二级/三级) the export lost."""
    levels = [below[n] for n in _LEVELS if n in below]
    first_free = max(levels) + 1
    packed = [col for col in upper.values() if col >= min(levels)]
    shift = first_free - min(packed)
    return {name: col + shift if col >= min(levels) else col for name, col in upper.items()}
