"""An item's allotment against the formula its score sheet prints for it.

Score sheets of the 部门整体 family print how an item is scored: "该项指标得分=
(1-财政拨款预算偏离度)×100%×4+(1-资产配置预算偏离度)×100%×2+(1-政府采购预算偏离度)×100%×2".
Every rate in such a formula is at its best at 100% (a deviation or a share lost at 0), so the
formula's full marks are the sum of its terms' point factors, 4 + 2 + 2 = 8: an allotment of 12
cannot be earned, and an award of 11 is above what the formula gives. Only formulas whose full
marks can be read for certain are judged: every term a rate times its points ("×3分"), or a
constant less what is lost ("1-预警金额占比×0.8-…"); a term whose points are a name (×分值) or
a ratio without points is not checked.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, cell_location, plain
from budgetlens.checks.findings import Evidence
from budgetlens.document import Cell, Table
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

FULL_MARKS = Rule(
    "SCORE.formula_full_marks",
    version=1,
    severity="warning",
    zh=Doc(
        "评分项的分值等于其计分公式的满分",
        what="评分表某项印有计分公式（“该项指标得分=(1-偏离度)×100%×4+…”）时，各比率取最优值"
        "（完成率100%、偏离度0）得到公式的满分，应等于该项分值；得分也不应高于公式满分。"
        "公式中分值以名称出现（×分值）或无法确定满分的，不判断。",
        why="分值与公式不符，说明分值或公式有一处印错；得分高于公式满分，说明得分不是按公式算出的。",
    ),
    en=Doc(
        "A score item's allotment equals the full marks of its formula",
        what="Where a score sheet prints an item's formula (“该项指标得分=(1-偏离度)×100%×4+…”), "
        "its full marks (every rate at its best: 100% done, 0 deviation) equal the item's "
        "allotment, and the award is not above them. A formula whose points are a name (×分值) "
        "or whose full marks cannot be read is not judged.",
        why="An allotment off its formula means the allotment or the formula is misprinted; an "
        "award above the formula's full marks was not computed by it.",
    ),
)

# the formula: after 得分=, up to the end of its sentence or a numbered note ("2.当…")
_FORMULA = re.compile(r"得分\s*=\s*(?P<expr>.+?)(?=[。;；,，:：]|\s+\d+[.、]|$)")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?分?$")
_RATIO = re.compile(r"[/÷]|(?:率|度|比例|占比)$")


def _split(expr: str, operators: str) -> list[str]:
    """``expr`` split at the operators outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(expr):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in operators and i > start:
            parts.append(expr[start:i])
            start = i + 1
    parts.append(expr[start:])
    return [p.strip() for p in parts]


def _unwrap(expr: str) -> str:
    """``expr`` without parentheses that enclose all of it: "(a×2)" → "a×2", "(a)+(b)" kept."""
    while expr.startswith("(") and expr.endswith(")"):
        depth = 0
        for i, ch in enumerate(expr):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and i < len(expr) - 1:
                return expr  # the first "(" closes before the end
        expr = expr[1:-1].strip()
    return expr


def full_marks(expr: str) -> Decimal | None:
    """What a score formula gives with every rate at its best, or None where that cannot be
    read for certain."""
    expr = _unwrap(expr.replace(" ", ""))
    terms = _split(expr, "+")
    if len(terms) > 1:
        values = [full_marks(t) for t in terms]
        return None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]
    lost = _split(expr, "-")
    if len(lost) > 1:  # a constant less what is lost: full when nothing is
        return _number(lost[0])
    points: Decimal | None = None
    for factor in _split(expr, "×*"):
        if factor == "100%":
            continue  # a rate written in percent: ×100% is notation, not a factor
        if (number := _number(factor)) is not None:
            points = number if points is None else points * number
        elif not (_RATIO.search(factor) or (factor != expr and full_marks(factor) == 1)):
            return None  # ×分值, ×权重: points by a name this check does not resolve
    return points


def _number(text: str) -> Decimal | None:
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.removesuffix("分"))
    except InvalidOperation:
        return None


def row_cells(ctx: Context, item: s.ScoreItem) -> tuple[Table | None, list[Cell]]:
    """A score item's table as printed and the cells of its row, left to right."""
    grid = ctx.block_of(item.location.table_id)
    if not isinstance(grid, Table):
        return None, []
    return grid, sorted((c for c in grid.cells if c.row == item.location.row), key=lambda c: c.col)


def cell_evidence(table: Table, cell: Cell, text: str, start: int | None = None) -> Evidence:
    """Words of a cell as evidence, at their offset where given."""
    end = None if start is None else start + len(text)
    return Evidence(role="label", text=text, location=cell_location(table, cell, start, end))


def _formula_cell(ctx: Context, item: s.ScoreItem) -> tuple[Evidence, str] | None:
    """The cell of the item's row that prints its formula, as evidence, and the formula."""
    grid, cells = row_cells(ctx, item)
    for cell in cells:
        if grid is not None and (m := _FORMULA.search(to_halfwidth(cell.text))):
            return cell_evidence(grid, cell, m.group()), m["expr"]
    return None


def formula_full_marks(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        for item in getattr(table, "items", []):
            allotted = Operand.of_field(item, "allotted")
            found = _formula_cell(ctx, item) if allotted else None
            if allotted is None or found is None:
                continue
            formula, expr = found
            full = full_marks(expr)
            if full is None:
                ctx.not_checked(FULL_MARKS)
                continue
            score = Operand.of_field(item, "score")
            # an award above the allotment is SCORE.award_within_allotment's to report
            over = score is not None and full < score.number.value <= allotted.number.value
            if allotted.number.value == full and not over:
                ctx.held(FULL_MARKS)
                continue
            name = item.level3 or item.level2 or "该项"
            award = f"，得分 {score.number.text} 高于公式满分" if over and score else ""
            ctx.violated(
                FULL_MARKS,
                "warning",
                allotted,
                [formula, *([score] if over and score else [])],
                f"{table.title}「{name}」分值 {allotted.number.text} ≠ 计分公式满分 "
                f"{plain(full)}（{formula.text}）{award}",
                computed=plain(full),
            )


FAMILIES = [formula_full_marks]
