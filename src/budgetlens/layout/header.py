"""The header reader: which column of a grid holds which role, and why.

A header is one row of labels, or several: a group label above its parts ("绩效指标" over 一级/
二级/三级, "指标值" over 年度指标值/实际完成值), a label split over two rows ("实际完成" over
"指标值"), or one row that a page break or a scan cut in two ("分" above "层指标"). Word exports
lose a merged group cell's span and pack the labels after it to the left; they are moved back
over the columns they name. The result maps roles to columns and keeps, for each, the header
cell that named it: the evidence a classification and a reviewer read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from budgetlens.layout.roles import LEVEL_ROLES, Role, role_of
from budgetlens.numbers import parse_number


@dataclass(frozen=True)
class Named:
    """A header cell and the role its label names."""

    role: Role
    row: int
    col: int
    text: str


@dataclass
class Header:
    """Where a header is and what each column holds."""

    first_row: int
    last_row: int
    columns: dict[Role, int] = field(default_factory=dict)  # role → column
    named: list[Named] = field(default_factory=list)  # the cells that named them

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(self.columns)

    def col(self, role: Role) -> int | None:
        return self.columns.get(role)

    def get(self, row: list[str], role: Role) -> str | None:
        col = self.columns.get(role)
        if col is None or col >= len(row):
            return None
        return row[col] or None


Labels = dict[int, tuple[Role, str, int]]  # column → (role, label text, row it was printed in)


def _roles_of_row(row: list[str], r: int) -> Labels:
    return {c: (role, text, r) for c, text in enumerate(row) if text and (role := role_of(text))}


def _has_number(row: Iterable[str]) -> bool:
    return any(parse_number(t) for t in row if t)


def _distinct(labels: Labels) -> int:
    """How many roles a row names; the levels count once each by position."""
    return len({role for role, _, _ in labels.values()} - {Role.LEVEL}) + sum(
        1 for role, _, _ in labels.values() if role == Role.LEVEL
    )


def is_header_row(row: list[str], needed: int = 3) -> bool:
    """A row naming at least ``needed`` roles and holding no number is a header."""
    return not _has_number(row) and _distinct(_roles_of_row(row, 0)) >= needed


def _row_at(grid: list[list[str]], r: int, needed: int) -> tuple[Labels, int] | None:
    """The labels row ``r`` names and the header's last row: ``r`` itself, or ``r + 1`` when a
    page break or a scan cut one header row in two ("分" above "层指标", "适用" above "范围")."""
    row = grid[r]
    if _has_number(row):
        return None
    labels = _roles_of_row(row, r)
    if r + 1 < len(grid) and len(grid[r + 1]) == len(row) and not _has_number(grid[r + 1]):
        joined = [a + b for a, b in zip(row, grid[r + 1], strict=True)]
        together = _roles_of_row(joined, r)
        lower = _distinct(_roles_of_row(grid[r + 1], r + 1))
        if (
            _distinct(together) >= max(needed, 3)
            and _distinct(together) > _distinct(labels) + 1
            and lower < max(needed, 3)
        ):
            return together, r + 1
    if _distinct(labels) >= needed:
        return labels, r
    return None


def _packed_left(upper: Labels, lower: Labels) -> bool:
    """The upper row's labels stand over the lower row's level columns: a merged group label
    (指标 spanning 一级/二级/三级) lost its span and the labels after it moved left."""
    levels = {c for c, (role, _, _) in lower.items() if role in LEVEL_ROLES}
    return bool(levels) and any(
        c in levels and role not in (*LEVEL_ROLES, Role.INDICATOR)
        for c, (role, _, _) in upper.items()
    )


def _shift_right(upper: Labels, lower: Labels) -> Labels:
    """The upper labels moved back to start right after the level columns; a group label
    ("绩效指标") that stood over the levels is dropped, the levels below name them."""
    levels = [c for c, (role, _, _) in lower.items() if role in LEVEL_ROLES]
    first_free = max(levels) + 1
    kept = {c: v for c, v in upper.items() if v[0] != Role.INDICATOR}
    packed = [c for c in kept if c >= min(levels)]
    shift = first_free - min(packed)
    return {c + shift if c >= min(levels) else c: value for c, value in kept.items()}


def _merge(upper: Labels, lower: Labels, grid: list[list[str]]) -> Labels:
    """One header from two rows: a label split over both ("实际完成" over "指标值") is read
    joined; otherwise the lower row's role wins and the upper row fills the columns it leaves."""
    if _packed_left(upper, lower):
        upper = _shift_right(upper, lower)
    merged = dict(upper)
    for c, (role, text, r) in lower.items():
        above = upper.get(c)
        if above is not None and above[2] < r:
            joined_text = grid[above[2]][c] + text if c < len(grid[above[2]]) else text
            joined = role_of(joined_text)
            if joined is not None and joined != role and above[0] == joined:
                role, text = joined, joined_text
        merged[c] = (role, text, r)
    return merged


def _columns(labels: Labels) -> tuple[dict[Role, int], list[Named]]:
    """Roles to columns. Levels are numbered by position: a sheet with 分层指标, 一级指标 and
    二级指标 has three levels, read as level1, level2 and level3; a role named twice keeps its
    first column (a second 得分 is a reviewer's, a second 权重 a repeat)."""
    columns: dict[Role, int] = {}
    named: list[Named] = []
    levels: list[int] = []
    level_names: set[Role] = set()
    for c in sorted(labels):
        role, text, r = labels[c]
        named.append(Named(role, r, c, text))
        if role in LEVEL_ROLES:
            if role == Role.LEVEL or role not in level_names:  # a name repeated is one level
                levels.append(c)
                level_names.add(role)
        elif role not in columns:
            columns[role] = c
    for role, c in zip((Role.LEVEL1, Role.LEVEL2, Role.LEVEL3), levels[-3:], strict=False):
        columns[role] = c
    if levels:
        columns.pop(Role.INDICATOR, None)  # a group label over the levels, not a column
    elif Role.INDICATOR in columns:
        columns[Role.LEVEL3] = columns.pop(Role.INDICATOR)  # one column of indicator names
    return columns, named


def find_header(
    grid: list[list[str]], start: int, required: Iterable[Role], needed: int = 2
) -> Header | None:
    """The first header at or after ``start`` that maps every role in ``required``.

    A header split over two rows (a group label above the levels, labels a merged cell pushed
    onto the row below) is merged; see ``_merge``.
    """
    wanted = set(required)
    for r in range(start, len(grid)):
        found = _row_at(grid, r, needed)
        if found is None:
            continue
        labels, last = found
        nxt = next((k for k in range(last + 1, len(grid)) if any(grid[k])), len(grid))
        lower = _row_at(grid, nxt, 1) if nxt < len(grid) else None
        # a lone 合计/小计 below a header is a row's label, not a second header row
        if lower is not None and {v[0] for v in lower[0].values()} - {Role.TOTAL}:
            labels, last = _merge(labels, lower[0], grid), lower[1]
        columns, named = _columns(labels)
        if wanted <= columns.keys():
            return Header(r, last, columns, named)
    return None


def read_header(grid: list[list[str]], start: int = 0, needed: int = 3) -> Header | None:
    """The first header at or after ``start`` naming at least ``needed`` roles, whatever they
    are: what classification reads."""
    return find_header(grid, start, (), needed)
