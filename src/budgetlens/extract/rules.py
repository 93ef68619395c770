"""The offline extractor: deterministic rules that fill the table schemas.

A table's kind comes from the classifier (``tables/classify.py``); its spec in the registry
(``tables/kinds.py``) says how its rows are shaped, and its schema says which blocks it has
(项目名称, 预算执行情况, 资金总额…). Rows are read through the header's column roles
(``layout/``), blocks through their key cells. Nothing is invented: every printed string comes
from one cell, whose reference is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from budgetlens.document import Document, Heading, Paragraph, Table
from budgetlens.ingest.structure import table_title
from budgetlens.layout.amounts import statement_rows, unit_of
from budgetlens.layout.cells import allotment_in_label, cell_ref, parsed, row_location
from budgetlens.layout.header import Header, find_header, is_header_row, read_header
from budgetlens.layout.roles import Role
from budgetlens.layout.rows import (
    TOTAL_LABELS,
    amount_rows,
    indicator_rows,
    key,
    score_items,
    text_after,
    value_after,
)
from budgetlens.numbers import parse_number
from budgetlens.tables import schemas as s
from budgetlens.tables.classify import Classification, TableContext, classify
from budgetlens.tables.kinds import KINDS, KindSpec, statement_form

_PROJECT_IN_CAPTION = re.compile(r"^[（(](?P<name>[^（）()]{2,60})[）)]$")
_BUDGET_END = re.compile(r"^(?:绩效指标|预算结构|财政拨款结构|年度总体目标|年度绩效指标|一级指标)")
_NEVER = re.compile(r"(?!)")
_YEAR = re.compile(r"^\d{4}年度?$")
_NUMBERED = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[（(]\S{1,3}[）)]|\d)"
)
_LEVELS = (Role.LEVEL1, Role.LEVEL2, Role.LEVEL3)
_TOTAL_ROW = re.compile(r"^(?:合计|总分|总计)$")


# --- project name --------------------------------------------------------------------------------


def _project(table: Table, grid: list[list[str]], document: Document) -> str | None:
    """The project a table is about: its 项目名称 cell; else a "（project）" caption line above
    it; else the project line printed just above its title; else the "（project）" subtitle
    under the title of the report it sits in."""
    named = text_after(grid, "项目名称")
    if named:
        return named
    blocks = document.blocks
    index = blocks.index(table)
    if index and isinstance(blocks[index - 1], Table):
        # printed straight under its project's 自评表: the score sheet of the same project
        above = text_after(blocks[index - 1].grid(), "项目名称")
        if above:
            return above
    for block in reversed(blocks[max(index - 4, 0) : index]):
        if isinstance(block, Paragraph):
            if name := _bracketed_project(block.text):
                return name
            continue
        if (
            isinstance(block, Heading)
            and block.level > 0
            and not _NUMBERED.match(block.text)
            and not table_title(block.text)
        ):
            return block.text
        break
    return _report_subtitle(blocks, index)


def _bracketed_project(text: str) -> str | None:
    match = _PROJECT_IN_CAPTION.match(text)
    if match and not _YEAR.match(match.group("name")):
        return match.group("name")
    return None


def _report_subtitle(blocks: list, index: int) -> str | None:
    """The "（project）" line right under the nearest report title above ``index``."""
    for i in range(index - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Heading) and block.level == 0:
            following = blocks[i + 1] if i + 1 < index else None
            if isinstance(following, Paragraph):
                return _bracketed_project(following.text)
            return None
    return None


# --- blocks: what a schema has besides its rows ----------------------------------------------


def _funds(table: Table, grid: list[list[str]]) -> list[s.Amount]:
    """资金总额 / 财政拨款 / 其他资金: a row of labels over a row of amounts (a department's
    table), or key–value lines (a project's: "年度资金总额：… 67.77")."""
    across = next((r for r, row in enumerate(grid) if any(key(t) == "资金总额" for t in row)), None)
    if across is not None and across + 1 < len(grid):
        names, below = grid[across], grid[across + 1]
        first = next(c for c, t in enumerate(names) if key(t) == "资金总额")
        return [
            s.Amount(
                location=row_location(table, across + 1),
                cells={"amount": cell_ref(table, across + 1, c)} if below[c] else {},
                label=names[c],
                values={"amount": below[c] or None},
                parsed={"amount": p} if (p := parsed(below[c], "万元")) else {},
            )
            for c in range(first, min(len(names), len(below)))
            if names[c]
        ]
    lines = []
    for label in ("年度资金总额", "其中:财政拨款", "其他资金"):
        found = value_after(grid, label)
        if found is None:
            continue
        r, c, text = found
        lines.append(
            s.Amount(
                location=row_location(table, r),
                cells={"amount": cell_ref(table, r, c)},
                label=label,
                values={"amount": text},
                parsed={"amount": p} if (p := parsed(text, "万元")) else {},
            )
        )
    return lines


def _checked_options(grid: list[list[str]]) -> list[str]:
    """绩效分配方式 options ticked: those marked ☑, or, where the export lost the ticked box's
    glyph, the one option without an empty box ☐."""
    for row in grid:
        keys = [key(t) for t in row]
        if "绩效分配方式" in keys:
            options = [t for t in row[keys.index("绩效分配方式") + 1 :] if t]
            if any(t.startswith("☑") for t in options):
                return [t[1:] for t in options if t.startswith("☑")]
            return [t for t in options if not t.startswith("☐")]
    return []


def _budget_execution(table: Table, grid: list[list[str]]) -> list[s.Amount]:
    """预算执行情况: one block per form (a grid can hold several 自评表), under a header naming
    年初预算 / 预算额 and what was executed."""
    headers = [
        (r, c)
        for r, row in enumerate(grid)
        for c in [next((c for c, t in enumerate(row) if _budget_header(t)), None)]
        if c is not None
    ]
    # the labels (总额, 财政拨款…) are in the column left of the first budget column: the
    # second where a merged 预算执行情况 cell comes first, the first where it is the labels' own
    # header ("项目资金（万元） | 年初预算数 | …")
    return [
        line
        for form, (r, c) in enumerate(headers)
        for line in amount_rows(table, grid, r, max(c - 1, 0), _BUDGET_END, form)
    ]


def _budget_header(text: str) -> bool:
    return key(text) in ("年初预算", "年初预算数") or key(text).startswith("预算额")


def _annual_goal(grid: list[list[str]]) -> str | None:
    """年度总体目标 beside its label, or 年度目标 on the row below its label."""
    beside = text_after(grid, "年度总体目标")
    if beside:
        return beside
    row = next((r for r, row in enumerate(grid) if "年度目标" in map(key, row)), None)
    below = grid[row + 1] if row is not None and row + 1 < len(grid) else []
    return next((t for t in below if t), None)


def _totals(table: Table, grid: list[list[str]], header: Header | None) -> dict[str, Any]:
    """The 合计 row of an indicator table: its total weight and, in a 自评表, its total score
    (OCR may shift both left)."""
    total_row = next(
        (r for r, row in enumerate(grid) if row and _TOTAL_ROW.match(key(row[0]))), None
    )
    if total_row is None or header is None:
        return {}
    row = grid[total_row]
    weight_col = next(
        (header.columns[r] for r in (Role.WEIGHT, Role.ALLOTTED) if header.get(row, r)), None
    )
    score = header.get(row, Role.SCORE)
    numbers = [(c, t) for c, t in enumerate(row) if t and parse_number(t)]
    found: dict[str, Any] = {}
    if not (weight_col is not None and score) and len(numbers) >= 2:
        (weight_col, _), (score_col, score) = numbers[-2], numbers[-1]
        found = _total(table, (total_row, score_col, score))
    elif score and Role.SCORE in header.columns:
        found = _total(table, (total_row, header.columns[Role.SCORE], score))
    if weight_col is not None:
        weight = row[weight_col]
        found |= {
            "total_weight": weight,
            "total_weight_value": parsed(weight),
            "total_weight_cell": cell_ref(table, total_row, weight_col),
        }
    return found


# The heading of a 自评表's indicator section with the points it allots: "绩效指标（90分）"
_INDICATOR_SECTION = re.compile(r"^绩效(?:目标|指标)+(?:完成情况)?[(（]")


def _indicator_points(table: Table, grid: list[list[str]]) -> dict[str, Any]:
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            points = allotment_in_label(text) if _INDICATOR_SECTION.match(key(text)) else None
            if points:
                return {
                    "indicator_points": points,
                    "indicator_points_value": parsed(points),
                    "indicator_points_cell": cell_ref(table, r, c),
                }
    return {}


# Block readers by schema field: a schema that has the field gets it filled.
_BLOCKS: dict[str, Callable[[Table, list[list[str]]], Any]] = {
    "department": lambda t, g: text_after(g, "部门名称", "主管部门", "单位名称"),
    "implementer": lambda t, g: text_after(g, "实施单位"),
    "budget_unit": lambda t, g: text_after(g, "预算单位"),
    "project_type": lambda t, g: text_after(g, "项目类型"),
    "fund_rules": lambda t, g: text_after(g, "资金管理办法"),
    "allocation_methods": lambda t, g: _checked_options(g),
    "scope": lambda t, g: text_after(g, "使用范围"),
    "period": lambda t, g: text_after(g, "项目起止年限"),
    "funds": _funds,
    "annual_goal": lambda t, g: _annual_goal(g),
    "budget": _budget_execution,
    "conclusion": lambda t, g: text_after(g, "评价结论"),
}


def _total(table: Table, total: tuple[int, int, str] | None) -> dict[str, Any]:
    if total is None:
        return {}
    r, c, text = total
    return {
        "total_score": text,
        "total_score_value": parsed(text),
        "total_cell": cell_ref(table, r, c),
    }


# --- per shape -----------------------------------------------------------------------------


def _indicator_table(spec: KindSpec, table: Table, grid: list[list[str]], base: dict):
    header = find_header(grid, 0, {Role.LEVEL3, Role.TARGET}) or find_header(
        grid, 0, {Role.LEVEL3, Role.ACTUAL}
    )
    fields = spec.schema.model_fields
    blocks = {name: read(table, grid) for name, read in _BLOCKS.items() if name in fields}
    if "total_weight" in fields:
        totals = _totals(table, grid, header)
        blocks |= {name: value for name, value in totals.items() if name in fields}
    if "indicator_points" in fields:
        blocks |= _indicator_points(table, grid)
    notes = [] if header else [_missing_note(spec, grid)]
    return spec.schema(
        **base,
        **blocks,
        notes=notes,
        indicators=indicator_rows(table, grid, header) if header else [],
    )


def _score_sheet(spec: KindSpec, table: Table, grid: list[list[str]], base: dict):
    header = find_header(grid, 0, {Role.LEVEL3, Role.SCORE}) or find_header(
        grid, 0, {Role.LEVEL2, Role.SCORE}
    )
    if header is None:
        return spec.schema(**base, notes=[_missing_note(spec, grid)])
    reading = score_items(table, grid, header)
    groups = _label_groups(reading.items)
    return spec.schema(
        **base,
        items=reading.items,
        groups=groups,
        notes=reading.notes,
        **_total(table, reading.total),
    )


def _missing_note(spec: KindSpec, grid: list[list[str]]) -> str:
    found = read_header(grid, 0, needed=2)
    roles = sorted(r.value for r in (found.roles if found else frozenset()))
    lacking = sorted(r.value for r in spec.required - (found.roles if found else frozenset()))
    return (
        f"no {spec.code} header found: roles seen {', '.join(roles) or 'none'}; "
        f"missing {', '.join(lacking) or 'none'}"
    )


# An allotment with text after it in one label: "项目制管理(18分)度办法", not "资金到位率（4分）"
_DISPLACED = re.compile(r"[(（]\s*\d[\d.\s]*分\s*[)）]\s*[\u4e00-\u9fff]")


def _displaced(label: str | None) -> bool:
    return bool(label and _DISPLACED.search(label))


def _label_groups(items: list[s.ScoreItem]) -> list[s.ScoreGroup]:
    """The 一级/二级 labels that print an allotment ("项目决策(18分)"), each once, cited at the
    cell the label is printed in. None where a group's allotment turns up inside an item's
    label after its text ("项目制管理(18分)度办法"): OCR displaced the labels, so which item is
    in which group is not known."""
    if any(_displaced(i.level3) for i in items):
        return []
    groups: dict[tuple[str, str | None], s.ScoreGroup] = {}
    for item in items:
        one, two = (key(item.level1 or ""), key(item.level2 or ""))
        for group, label, field in (
            ((one, None), item.level1, "level1"),
            ((one, two), item.level2, "level2"),
        ):
            allotted = allotment_in_label(label)
            ref = item.cells.get(field)
            if not (allotted and ref and item.level1) or group in groups:
                continue
            groups[group] = s.ScoreGroup(
                location=s.RowLocation(
                    table_id=ref.table_id, row=ref.row, line=ref.line, page=ref.page
                ),
                cells={"allotted": ref},
                level1=item.level1,
                level2=item.level2 if field == "level2" else None,
                allotted=allotted,
                allotted_value=parsed(allotted),
            )
    return list(groups.values())


def _assessment(spec: KindSpec, table: Table, grid: list[list[str]], base: dict):
    """考核内容 holds 一、 sections and （一） groups; each 计分标准 row is an item."""
    header = find_header(grid, 0, {Role.CONTENT, Role.BASIS})
    if header is None:
        return spec.schema(**base, notes=[_missing_note(spec, grid)])
    col = header.columns

    def get(row: list[str], role: Role) -> str | None:
        return header.get(row, role)

    items: list[s.ScoreItem] = []
    groups: list[s.ScoreGroup] = []
    total = None
    level1 = level2 = None
    for r in range(header.last_row + 1, len(grid)):
        row, shift = grid[r], 0
        if is_header_row(row):
            continue  # a header repeated after a page break
        lead = get(row, Role.CONTENT) or ""
        if parse_number(lead) and not parse_number(get(row, Role.ALLOTTED) or ""):
            # A row Word split after its label cell ("2、自评质量" + blank line): the rest of the
            # row came out shifted one column left, its 分值 under 考核内容.
            row, shift = ["", *row], 1
        content = get(row, Role.CONTENT)
        basis = get(row, Role.BASIS)
        if content and TOTAL_LABELS.match(key(content)):
            score = get(row, Role.SCORE)
            if score and total is None:
                total = (r, col[Role.SCORE], score)
            continue
        section = bool(content and re.match(r"^[一二三四五六七八九十]+、", content))
        if section:
            level1, level2 = content, None
        elif content and re.match(r"^[（(][一二三四五六七八九十]+[）)]", content):
            level2 = content  # labels below the （一） groups ("1、申报时间") are not a level
        else:
            section = False
        names = {"allotted": Role.ALLOTTED, "score": Role.SCORE, "basis": Role.BASIS}
        cells = {
            n: cell_ref(table, r, col[role] - shift) for n, role in names.items() if get(row, role)
        }
        allotted, score = get(row, Role.ALLOTTED), get(row, Role.SCORE)
        if not basis and level1 and content in (level1, level2) and (allotted or score):
            groups.append(  # a subtotal row: "二、过程管理 75 … 72"
                s.ScoreGroup(
                    location=row_location(table, r),
                    cells=cells | {"label": cell_ref(table, r, col[Role.CONTENT] - shift)},
                    level1=level1,
                    level2=None if section else level2,
                    allotted=allotted,
                    allotted_value=parsed(allotted),
                    score=score,
                    score_value=parsed(score),
                )
            )
        if not basis:
            continue
        items.append(
            s.ScoreItem(
                location=row_location(table, r - 1 if shift else r),
                cells=cells,
                level1=level1,
                level2=level2,
                level3=basis,
                allotted=allotted,
                allotted_value=parsed(allotted),
                score=score,
                score_value=parsed(score),
                basis=basis,
            )
        )
    return spec.schema(**base, items=items, groups=groups, **_total(table, total))


def _statement(spec: KindSpec, table: Table, grid: list[list[str]], base: dict):
    """A statement's lines, side by side where it is printed so (``layout/amounts.py``), in
    the unit printed with it (万元 where none is)."""
    unit = unit_of([*base.pop("captions"), *(t for row in grid[:3] for t in row if t)])
    reading = statement_rows(table, grid, unit or "万元")
    form = statement_form(base["title"]) or _form_from_header(grid[: reading.first_data])
    notes = [] if reading.rows else ["no lines of amounts found"]
    return s.Statement(
        **base, form=form, unit=unit, columns=reading.columns, rows=reading.rows, notes=notes
    )


def _form_from_header(header: list[list[str]]) -> str | None:
    """A statement without a title: its form from the words of its header, where they name
    one ("“三公”经费", "政府性基金")."""
    words = "".join(t for row in header for t in row)
    return statement_form(words) if words else None


_SHAPES: dict[str, Callable[[KindSpec, Table, list[list[str]], dict], s.TableModel]] = {
    "indicators": _indicator_table,
    "score_items": _score_sheet,
    "assessment": _assessment,
    "amounts": _statement,
}


def _captions(table: Table, document: Document) -> list[str]:
    """The lines printed just above a table ("部门：…  单位：万元")."""
    index = document.blocks.index(table)
    return [b.text for b in document.blocks[max(index - 3, 0) : index] if not isinstance(b, Table)]


def _typing(found: Classification) -> s.Typing:
    return s.Typing(
        by=found.by,
        score=found.score,
        evidence=[
            s.TypingEvidence(
                source=e.source, text=e.text, points=e.points, role=e.role, row=e.row, col=e.col
            )
            for e in found.evidence
        ],
    )


def extract_table(table: Table, document: Document) -> s.ExtractedTable:
    grid = table.grid()
    found = classify(table, TableContext.of(table, document))
    base: dict[str, Any] = {
        "id": table.id,
        "title": table.text,
        "location": s.Location(
            page=table.location.page,
            line_start=table.location.line_start,
            line_end=table.location.line_end,
        ),
        "typing": _typing(found),
    }
    if found.kind == "unknown":
        notes = []
        if found.nearest and found.missing:
            notes.append(
                f"closest kind {found.nearest} lacks header roles: {', '.join(found.missing)}"
            )
        return s.GenericTable(**base, grid=grid, notes=notes)
    spec = KINDS[found.kind]
    if spec.shape == "amounts":
        base["captions"] = _captions(table, document)
    else:
        base["project"] = _project(table, grid, document)
    return _SHAPES[spec.shape](spec, table, grid, base)
