"""Statements printed as an outline (DOMAIN.md §4.7): the 政府采购预算表 lists 品目大类 (一、货物,
三、服务), under each the 专项 and 经济科目 that buy, under those the 采购物品, each line with
its amount, the label of each level in a column of its own. A line is the sum of the lines
printed directly below it, and the 合计 the sum of the top lines.

A line's level is the last label column it fills: an upper level's cell is merged over the
lines below it (or repeated on each), so the deepest label a line prints is its own. Tables
whose groups print a 小计 line instead (the 收入预算总表: 一般公共预算资金 | 小计, then its
sources) foot each group by its 小计 and the 总计 by the 小计 lines.
"""

from __future__ import annotations

import re

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.statements import judge_lines
from budgetlens.document import Table
from budgetlens.tables import schemas as s

OUTLINE = Rule(
    "STMT.outline_total",
    version=1,
    severity="error",
    zh=Doc(
        "分级列示的报表中，每一行等于直接列在其下一级的各行之和",
        what="政府采购预算表一类按列分级的报表（品目大类 → 专项、经济科目 → 采购物品），每一行"
        "的金额等于紧接其下、低一级的各行之和，合计等于最上一级各行之和。一行的级别是它填写的"
        "最后一个名称列。分组印有“小计”行的报表（收入预算总表：一般公共预算资金 | 小计，其下各项"
        "来源），每组的小计等于其下各项（“其中”行除外），总计等于各小计之和。多数行不符时视为"
        "读错，不检查。",
        why="分级汇总加不出来，说明汇总行或某个明细印错；采购预算的合计与分项也就不能对照。",
    ),
    en=Doc(
        "In a statement printed as an outline, each line is the sum of the lines directly below it",
        what="In a statement whose label columns are levels (the 政府采购预算表: 品目大类 → "
        "专项 and 经济科目 → 采购物品), each line's amount is the sum of the lines one level "
        "below it up to the next line of its level or above, and the 合计 the sum of the top "
        "lines. A line's level is the last label column it fills. In tables whose groups print "
        "a 小计 line (the 收入预算总表: 一般公共预算资金 | 小计, then its sources), each 小计 is "
        "its group's lines (其中 lines aside) and the 总计 the 小计 lines. Where most lines fail, "
        "the layout was misread and is not checked.",
        why="An outline that does not add up has a misprinted total or item, and the purchase "
        "budget cannot be traced from its total to its items.",
    ),
)

_TOTAL = re.compile(r"^(?:\w{0,6}合计|小计|\w{0,6}总计)$")
Judged = tuple[Operand, list[Operand], str]


def _levels(grid: list[tuple[list[str], s.Amount]]) -> list[tuple[int, s.Amount]] | None:
    """(level, row) of every line: the last label column it fills; None where the labels are
    printed in one column only (no outline)."""
    found = [
        (max(i for i, t in enumerate(labels) if t), row) for labels, row in grid if any(labels)
    ]
    return found if len({level for level, _ in found}) > 1 else None


def _grid_lines(ctx: Context, table: s.Statement, key: str) -> list[tuple[list[str], s.Amount]]:
    """(label cells, row) of every line with a cell in column ``key``."""
    grids: dict[str, list[list[str]]] = {}  # one grid per block: building one walks every cell
    found = []
    for row in table.rows:
        ref = row.cells.get(key)
        block = ctx.block_of(ref.table_id) if ref else None
        if ref is None or not isinstance(block, Table):
            continue
        grid = grids.setdefault(block.id, block.grid())
        found.append(([t.replace(" ", "") for t in grid[ref.row][: ref.col]], row))
    return found


def _subtotal_groups(lines: list[tuple[list[str], s.Amount]], key: str) -> list[Judged]:
    """Each 小计 line against the sources its group prints below it ("其中" lines are a
    source's own part), and a first 总计 line against the 小计 lines."""
    judged: list[Judged] = []
    subtotals: list[s.Amount] = []
    for i, (labels, row) in enumerate(lines):
        if "小计" not in labels:
            continue
        subtotals.append(row)
        items = []
        for below, item in lines[i + 1 :]:
            if _TOTAL.match("".join(below[1:])) or (below[0] and below[0] != labels[0]):
                break  # the next group
            if not "".join(below[1:]).startswith("其中"):
                items.append(item)
        _add(judged, row, items, key, f"{labels[0]}小计" if labels[0] else row.label)
    first_labels, first = lines[0]
    named = next((label for label in first_labels if label), "")
    if subtotals and first not in subtotals and _TOTAL.match(named):
        _add(judged, first, subtotals, key, first.label)
    return judged


def _add(judged: list[Judged], row: s.Amount, parts: list[s.Amount], key: str, what: str) -> None:
    total = Operand.in_row(row, key)
    found = [p for r in parts if (p := Operand.in_row(r, key))]
    if total is not None and found:
        judged.append((total, found, f"{what}「{key}」"))


def _below(lines: list[tuple[int, s.Amount]], at: int) -> list[s.Amount]:
    """The lines directly below line ``at``: deeper ones up to the next line of its level or
    above, each whose nearest shallower line above it is this one."""
    level = lines[at][0]
    children: list[s.Amount] = []
    for j in range(at + 1, len(lines)):
        deeper = lines[j][0]
        if deeper <= level:
            break
        parent = next(k for k in range(j - 1, at - 1, -1) if lines[k][0] < deeper)
        if parent == at:
            children.append(lines[j][1])
    return children


def _outline(lines: list[tuple[int, s.Amount]], key: str) -> list[Judged]:
    """Each line against the lines directly below it; a 合计 against the top lines."""
    judged: list[Judged] = []
    for i, (_, row) in enumerate(lines):
        if _TOTAL.match(row.label.replace(" ", "")):
            top = min(level for level, r in lines if r is not row)
            parts = [r for level, r in lines if level == top and r is not row]
        else:
            parts = _below(lines, i)
        _add(judged, row, parts, key, row.label)
    return judged


def outline_totals(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement) or len(table.columns) != 1:
            continue
        if any(r.code for r in table.rows):
            continue  # coded lines foot by their codes
        for key in table.columns[0]:
            grid = _grid_lines(ctx, table, key)
            if any("小计" in labels for labels, _ in grid):
                judge_lines(ctx, OUTLINE, table.title, _subtotal_groups(grid, key))
            elif (lines := _levels(grid)) is not None:
                judge_lines(ctx, OUTLINE, table.title, _outline(lines, key))


FAMILIES = [outline_totals]
