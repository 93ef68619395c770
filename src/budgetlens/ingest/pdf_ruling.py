"""The ruled tables of a text PDF page, from the rulings a reader sees.

pdfplumber builds cells from every rect and line edge, printed or not. Budget statements come
from Word and from spreadsheet exports, which paint white rects behind every cell (and its
padding), behind a whole sheet, or behind a title block: their edges are no ruling, yet they
cut cells into slivers, or enclose title and table in one "cell". Word also leaves the first row
on a continued page without a top border, so that row's cells are never closed. Here the
invisible paint is dropped, such open rows are closed where the vertical rulings end, and a
cell that encloses other cells is taken for the frame it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import merge_edges

BBox = tuple[float, float, float, float]

_TOLERANCE = 3.0  # pdfplumber's snap, join and intersection tolerance, in pt
_MIN_EDGE = 3.0  # pdfplumber's shortest edge that counts
_FRAME_SLACK = 1.0  # pt a frame's inner cells may overhang its own edges


@dataclass(slots=True)
class Ruled:
    """A ruled table: its bbox, its cells' boxes, and the frames that reach above it: cells
    that enclosed others, and white sheets painted behind its title and first rows. A line in
    a frame above the table is the table's caption."""

    bbox: BBox
    cells: list[BBox]
    frames: list[BBox]


@dataclass(slots=True, frozen=True)
class _Rule:
    """A ruling line: ``at`` across it, from ``start`` to ``end`` along it."""

    at: float
    start: float
    end: float


def ruled_tables(page: Page) -> list[Ruled]:
    """The page's ruled tables, built from its visible rulings with open rows closed."""
    visible = page.filter(visible_object)
    vertical, horizontal = _rules(visible.edges)
    settings = {
        "explicit_horizontal_lines": [_line(r, "h") for r in _closing(vertical, horizontal)],
        "explicit_vertical_lines": [_line(r, "v") for r in _closing(horizontal, vertical)],
    }
    sheets = [_box(r) for r in page.rects if r["width"] > _MIN_EDGE and not visible_object(r)]
    found = []
    for table in visible.find_tables(settings):
        cells, frames = _unframed(table.cells)
        if cells:
            bbox = _union(cells)
            frames += [s for s in sheets if _across_top(s, bbox)]
            found.append(Ruled(bbox, cells, frames))
    return found


def _box(obj: dict[str, Any]) -> BBox:
    return (obj["x0"], obj["top"], obj["x1"], obj["bottom"])


def _across_top(sheet: BBox, table: BBox) -> bool:
    """Whether ``sheet`` reaches across the top border of ``table``: the white a spreadsheet
    paints behind a range that holds both the statement's title and its first rows."""
    return (
        sheet[1] < table[1] - _TOLERANCE < table[1] + _TOLERANCE < sheet[3]
        and sheet[0] < table[2]
        and table[0] < sheet[2]
    )


def visible_object(obj: dict[str, Any]) -> bool:
    """Whether a page object shows on white paper: a white fill with no stroke does not."""
    return not (
        obj.get("object_type") == "rect"
        and obj.get("fill")
        and not obj.get("stroke")
        and _white(obj.get("non_stroking_color"))
    )


def _white(color: Any) -> bool:
    """Whether a fill colour is white: gray or RGB all 1, or CMYK all 0."""
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, tuple | list) or not all(isinstance(v, int | float) for v in color):
        return False  # a pattern or no colour at all: assume it shows
    if len(color) == 4:
        return all(v <= 0.02 for v in color)
    return bool(color) and all(v >= 0.98 for v in color)


def _rules(edges: list[dict[str, Any]]) -> tuple[list[_Rule], list[_Rule]]:
    """The vertical and horizontal rulings, touching segments of one line joined."""
    straight = [e for e in edges if e["orientation"] in ("v", "h")]  # a curve's may slant
    merged = merge_edges(straight, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    vertical = [
        _Rule(e["x0"], e["top"], e["bottom"])
        for e in merged
        if e["orientation"] == "v" and e["bottom"] - e["top"] >= _MIN_EDGE
    ]
    horizontal = [
        _Rule(e["top"], e["x0"], e["x1"])
        for e in merged
        if e["orientation"] == "h" and e["x1"] - e["x0"] >= _MIN_EDGE
    ]
    return vertical, horizontal


def _closing(rules: list[_Rule], across: list[_Rule]) -> list[_Rule]:
    """Rulings across ``rules`` that close the ends they leave open.

    An end is open when no ruling across meets it. Rules of a grid (each crossing some ruling
    across) whose ends are open at one position, and that a common ruling across joins, had
    their closing line left out: the top border of a row continued from the page before, or the
    outer border of a table ruled only inside. A rule on its own, or one crossing nothing (a
    header's underline), is left as it is.
    """
    closing = []
    for side in ("start", "end"):
        open_ends = [
            r for r in rules if _crosses_any(r, across) and not _meets(r, getattr(r, side), across)
        ]
        for chain in _chains(open_ends, side, across):
            at = min if side == "start" else max
            closing.append(_Rule(at(getattr(r, side) for r in chain), chain[0].at, chain[-1].at))
    return closing


def _crosses_any(rule: _Rule, across: list[_Rule]) -> bool:
    return any(_crosses(rule, a) for a in across)


def _crosses(rule: _Rule, other: _Rule) -> bool:
    """Whether two rulings at right angles meet, within the tolerance."""
    return (
        rule.start - _TOLERANCE <= other.at <= rule.end + _TOLERANCE
        and other.start - _TOLERANCE <= rule.at <= other.end + _TOLERANCE
    )


def _meets(rule: _Rule, end: float, across: list[_Rule]) -> bool:
    """Whether a ruling across passes through the point ``end`` of ``rule``."""
    return any(
        abs(a.at - end) <= _TOLERANCE and a.start - _TOLERANCE <= rule.at <= a.end + _TOLERANCE
        for a in across
    )


def _chains(ends: list[_Rule], side: str, across: list[_Rule]) -> list[list[_Rule]]:
    """Runs of rules whose open ``side`` ends line up and that a ruling across joins, each run
    with two rules or more, in order along the closing line."""
    chains: list[list[_Rule]] = []
    for line in _aligned(ends, side):
        for rule in sorted(line, key=lambda r: r.at):
            last = chains[-1][-1] if chains and chains[-1][0] in line else None
            if last is not None and any(_crosses(last, a) and _crosses(rule, a) for a in across):
                chains[-1].append(rule)
            else:
                chains.append([rule])
    return [c for c in chains if len(c) >= 2]


def _aligned(rules: list[_Rule], side: str) -> list[list[_Rule]]:
    """``rules`` grouped by where their ``side`` ends, ends within the tolerance together."""
    groups: list[list[_Rule]] = []
    for rule in sorted(rules, key=lambda r: getattr(r, side)):
        if groups and getattr(rule, side) - getattr(groups[-1][-1], side) <= _TOLERANCE:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups


def _line(rule: _Rule, orientation: str) -> dict[str, Any]:
    """A ruling as the line object pdfplumber takes for an explicit table line."""
    if orientation == "h":
        x0, x1, top, bottom = rule.start, rule.end, rule.at, rule.at
    else:
        x0, x1, top, bottom = rule.at, rule.at, rule.start, rule.end
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _unframed(cells: list[BBox]) -> tuple[list[BBox], list[BBox]]:
    """The cells that enclose no other cell, and those that do: frames around a table (and
    often its title), not cells of it."""
    frames = [c for c in cells if any(d is not c and _inside(d, c) for d in cells)]
    return [c for c in cells if c not in frames], frames


def _inside(inner: BBox, outer: BBox) -> bool:
    return (
        inner[0] >= outer[0] - _FRAME_SLACK
        and inner[1] >= outer[1] - _FRAME_SLACK
        and inner[2] <= outer[2] + _FRAME_SLACK
        and inner[3] <= outer[3] + _FRAME_SLACK
    )


def _union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
