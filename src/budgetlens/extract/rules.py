"""The offline extractor: deterministic rules that fill the table schemas.

Each table kind has a reader built from the same few parts: a header found by its labels
(``columns.py``), data rows read column by column with 一级/二级 labels carried down over
merged cells, blocks of key–value rows (项目名称, 预算单位…), and total rows. Nothing is
invented: every printed string comes from one cell, whose reference is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from budgetlens.document import Document, Heading, Paragraph, Table
from budgetlens.extract.columns import Header, find_header, is_header_row
from budgetlens.extract.values import (
    allotment_in_label,
    cell_ref,
    last_number,
    parsed,
    row_location,
)
from budgetlens.ingest.structure import table_title
from budgetlens.numbers import parse_number
from budgetlens.tables import schemas as s
from budgetlens.tables.classify import classify
from budgetlens.textnorm import parse_comparator, to_halfwidth

_TOTAL_LABELS = re.compile(r"^(?:评价得分|合计|总分|总计|自评得分|综合得分)")
_END_OF_INDICATORS = re.compile(r"^(?:合计|评价结论|存在问题|改进措施|项目负责人|总分|总计)")
_SIDE_LABELS = re.compile(r"^(?:年度绩效指标|绩效指标(?:\(\d+分\))?|年度绩效|指标)$")
_PROJECT_IN_CAPTION = re.compile(r"^[（(](?P<name>[^（）()]{2,60})[）)]$")
_BUDGET_END = re.compile(r"^(?:绩效指标|预算结构|财政拨款结构|年度总体目标|年度绩效指标)")
_NEVER = re.compile(r"(?!)")
_YEAR = re.compile(r"^\d{4}年度?$")
_NUMBERED = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[（(]\S{1,3}[）)]|\d)"
)


def _key(text: str) -> str:
    return to_halfwidth(text).replace(" ", "")


# --- shared parts ------------------------------------------------------------------------------


def _indicators(table: Table, grid: list[list[str]], header: Header) -> list[s.Indicator]:
    """Indicator rows below ``header``, 一级/二级 carried down over merged (empty) cells.

    A 合计 or 评价结论 row ends a form's indicators; several forms can follow one another in
    one grid (a Word table holding five 自评表), so reading resumes at the next header.
    """
    rows: list[s.Indicator] = []
    start = header.last_row + 1
    form = 0
    while True:
        end = next(
            (r for r in range(start, len(grid)) if _END_OF_INDICATORS.match(_first(grid[r]))),
            len(grid),
        )
        rows += [
            row.model_copy(update={"form": form})
            for row in _indicator_rows(table, grid, header, start, end)
        ]
        following = find_header(grid, end, set(header.fields) & {"level1", "level2", "level3"})
        if following is None:
            return rows
        header, start, form = following, following.last_row + 1, form + 1


def _first(row: list[str]) -> str:
    return next((t for t in row if t), "")


def _aligned_on_comparator(row: list[str], header: Header) -> tuple[list[str], list[int]]:
    """A row put back in line with its header by its 指标性质 cell, and for each position the
    grid column its text came from.

    OCR drops a row's leading empty cells (the merged side label and 一级指标), shifting every
    value left; the comparator is the one cell whose column is certain, so the row is shifted
    until it stands under 指标性质 again.
    """
    origin = list(range(len(row)))
    col = header.fields.get("comparator")
    found = next((c for c, text in enumerate(row) if text and parse_comparator(text)), None)
    if col is None or found is None or found == col:
        return row, origin
    lead = next((c for c, text in enumerate(row) if text), 0)
    if found < col:
        pad = col - found
        return row[:lead] + [""] * pad + row[lead:], origin[:lead] + [-1] * pad + origin[lead:]
    drop = min(found - col, lead)
    return row[drop:], origin[drop:]


class _Carry:
    """一级/二级 labels carried down over merged (empty) cells, each with the cell it was
    printed in: a carried label's evidence is that cell, not the empty one below it."""

    def __init__(self) -> None:
        self.labels: dict[str, tuple[str, s.CellRef] | None] = {"level1": None, "level2": None}

    def apply(
        self,
        table: Table,
        r: int,
        header: Header,
        values: dict[str, str | None],
        origin: list[int] | None = None,
    ) -> dict[str, s.CellRef]:
        refs = {}
        for level in ("level1", "level2"):
            text = values.get(level)
            if text:
                col = header.fields[level]
                self.labels[level] = (text, cell_ref(table, r, origin[col] if origin else col))
                if level == "level1":
                    self.labels["level2"] = None
            carried = self.labels[level]
            values[level] = carried[0] if carried else None
            if carried:
                refs[level] = carried[1]
        return refs


def _cells(
    table: Table,
    r: int,
    header: Header,
    values: dict[str, str | None],
    origin: list[int] | None = None,
) -> dict[str, s.CellRef]:
    """The cells of a row's own printed values (carried labels are referenced separately);
    ``origin`` maps a realigned row's positions back to the grid columns."""
    return {
        n: cell_ref(table, r, origin[header.fields[n]] if origin else header.fields[n])
        for n, v in values.items()
        if v and n not in ("level1", "level2")
    }


def _indicator_rows(
    table: Table, grid: list[list[str]], header: Header, start: int, end: int
) -> list[s.Indicator]:
    rows: list[s.Indicator] = []
    carry = _Carry()
    for r in range(start, end):
        row, origin = _aligned_on_comparator(grid[r], header)
        if is_header_row(row):
            continue  # a header repeated after a page break
        values = {name: header.get(row, name) for name in header.fields}
        if _SIDE_LABELS.match(_key(values.get("level1") or "")):
            values["level1"] = None
        level_cells = carry.apply(table, r, header, values, origin)
        if not (values.get("level3") or values.get("target") or values.get("actual")):
            continue
        if header.fields.get("comparator") is None and not (
            values.get("target") or values.get("actual")
        ):
            continue  # a free-text template's placeholder ("指标2:" left blank)
        unit = values.get("unit")
        rows.append(
            s.Indicator(
                location=row_location(table, r, min(header.fields.values())),
                cells=_cells(table, r, header, values, origin) | level_cells,
                level1=values.get("level1"),
                level2=values.get("level2"),
                level3=values.get("level3"),
                comparator=parse_comparator(values.get("comparator") or ""),  # type: ignore[arg-type]
                target=values.get("target"),
                target_value=parsed(values.get("target"), unit),
                unit=unit,
                weight=values.get("weight"),
                weight_value=parsed(values.get("weight")),
                actual=values.get("actual"),
                actual_value=parsed(values.get("actual"), unit),
                score=values.get("score"),
                score_value=parsed(values.get("score")),
                note=values.get("note"),
            )
        )
    return rows


def _score_items(
    table: Table, grid: list[list[str]], header: Header, label_allotments: bool
) -> tuple[list[s.ScoreItem], tuple[int, int, str] | None, list[str]]:
    """Scored leaf rows below ``header``, the printed total (row, col, text) if any, and notes
    on what could not be read."""
    items: list[s.ScoreItem] = []
    notes: list[str] = []
    total: tuple[int, int, str] | None = None
    carry = _Carry()
    for r in range(header.last_row + 1, len(grid)):
        row = grid[r]
        first = next((t for t in row if t), "")
        if _TOTAL_LABELS.match(_key(first)):
            found = last_number(row)
            if found and total is None:
                total = (r, found[0], found[1])
            continue
        if is_header_row(row):
            continue
        values = {name: header.get(row, name) for name in header.fields}
        level_cells = carry.apply(table, r, header, values)
        allotted = values.get("allotted")
        allotted_cell = header.fields.get("allotted")
        if label_allotments or not allotted:
            label = allotment_in_label(values.get("level3"))
            if label:
                allotted, allotted_cell = label, header.fields.get("level3")
        score = values.get("score")
        score_col = header.fields.get("score")
        if not parse_number(score or ""):  # the score column is off: the last number is it
            found = last_number(row[(allotted_cell or 0) + 1 :])
            if found:
                score_col = (allotted_cell or 0) + 1 + found[0]
                score = found[1]
        if not (parse_number(allotted or "") or parse_number(score or "")):
            continue
        if not values.get("level3"):
            # A scored row whose label OCR lost still counts towards the total; without both
            # an allotment and a score in their own columns it is a group row, not an item.
            if not (parse_number(values.get("allotted") or "") and parse_number(score or "")):
                continue
            notes.append(f"row {r}: 三级指标 label unreadable; scores kept")
        cells = _cells(table, r, header, values) | level_cells
        if allotted and allotted_cell is not None:
            cells["allotted"] = cell_ref(table, r, allotted_cell)
        if score and score_col is not None:
            cells["score"] = cell_ref(table, r, score_col)
        items.append(
            s.ScoreItem(
                location=row_location(table, r, min(header.fields.values())),
                cells=cells,
                level1=values.get("level1"),
                level2=values.get("level2"),
                level3=values.get("level3"),
                allotted=allotted,
                allotted_value=parsed(allotted),
                score=score,
                score_value=parsed(score),
                basis=values.get("basis"),
            )
        )
    return items, total, notes


def _value_after(grid: list[list[str]], label: str) -> tuple[int, int, str] | None:
    """The first non-empty cell to the right of a cell reading ``label`` (key–value rows)."""
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if _key(text).startswith(label):
                for c2 in range(c + 1, len(row)):
                    if row[c2]:
                        return r, c2, row[c2]
                return None
    return None


def _text_after(grid: list[list[str]], label: str) -> str | None:
    found = _value_after(grid, label)
    return found[2] if found else None


def _amount_rows(
    table: Table,
    grid: list[list[str]],
    header_row: int,
    labels_col: int,
    stop: re.Pattern[str],
    form: int = 0,
) -> list[s.Amount]:
    """Rows of amounts below a header row, each value keyed by its column's header text, up to
    the first row whose first text matches ``stop``."""
    names = grid[header_row]
    amounts = []
    for r in range(header_row + 1, len(grid)):
        row = grid[r]
        if stop.match(_key(next((t for t in row if t), ""))):
            break
        label = row[labels_col] if labels_col < len(row) else ""
        if not label:
            continue
        columns = [c for c in range(labels_col + 1, len(row)) if names[c]]
        values = {names[c]: row[c] or None for c in columns}
        amounts.append(
            s.Amount(
                location=row_location(table, r),
                cells={names[c]: cell_ref(table, r, c) for c in columns if row[c]},
                label=label,
                values=values,
                parsed={k: p for k, v in values.items() if (p := parsed(v)) is not None},
                form=form,
            )
        )
    return amounts


def _total(
    table: Table, total: tuple[int, int, str] | None
) -> dict[str, str | s.Parsed | s.CellRef | None]:
    if total is None:
        return {}
    r, c, text = total
    return {
        "total_score": text,
        "total_score_value": parsed(text),
        "total_cell": cell_ref(table, r, c),
    }


# --- project name --------------------------------------------------------------------------------


def _project(table: Table, grid: list[list[str]], document: Document) -> str | None:
    """The project a table is about: its 项目名称 cell; else a "（project）" caption line above
    it; else the project line printed just above its title; else the "（project）" subtitle
    under the title of the report it sits in."""
    named = _text_after(grid, "项目名称")
    if named:
        return named
    blocks = document.blocks
    index = blocks.index(table)
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


# --- per kind -----------------------------------------------------------------------------------


def _indicator_header(grid: list[list[str]]) -> Header | None:
    return find_header(grid, 0, {"level1", "level2", "level3"})


def _t1(table: Table, grid: list[list[str]], base: dict) -> s.T1DepartmentTargets:
    header = _indicator_header(grid)
    funds_row = next(
        (r for r, row in enumerate(grid) if any(_key(t) == "资金总额" for t in row)), None
    )
    funds = (
        _amount_rows(table, grid[: funds_row + 2], funds_row, 0, _NEVER)
        if funds_row is not None
        else []
    )
    return s.T1DepartmentTargets(
        **base,
        department=_text_after(grid, "部门名称"),
        funds=funds,
        annual_goal=_text_after(grid, "年度总体目标"),
        indicators=_indicators(table, grid, header) if header else [],
    )


def _fund_line(table: Table, grid: list[list[str]], label: str) -> s.Amount | None:
    found = _value_after(grid, label)
    if found is None:
        return None
    r, c, text = found
    return s.Amount(
        location=row_location(table, r),
        cells={"amount": cell_ref(table, r, c)},
        label=label,
        values={"amount": text},
        parsed={"amount": p} if (p := parsed(text, "万元")) else {},
    )


def _checked_options(grid: list[list[str]]) -> list[str]:
    """绩效分配方式 options ticked: those marked ☑, or, where the export lost the ticked box's
    glyph, the one option without an empty box ☐."""
    for row in grid:
        keys = [_key(t) for t in row]
        if "绩效分配方式" in keys:
            options = [t for t in row[keys.index("绩效分配方式") + 1 :] if t]
            if any(t.startswith("☑") for t in options):
                return [t[1:] for t in options if t.startswith("☑")]
            return [t for t in options if not t.startswith("☐")]
    return []


def _t2(table: Table, grid: list[list[str]], base: dict) -> s.T2ProjectTargets:
    header = _indicator_header(grid)
    goal_row = next((r for r, row in enumerate(grid) if "年度目标" in map(_key, row)), None)
    goal_below = grid[goal_row + 1] if goal_row is not None and goal_row + 1 < len(grid) else []
    funds = [
        line
        for label in ("年度资金总额", "其中:财政拨款", "其他资金")
        if (line := _fund_line(table, grid, label))
    ]
    return s.T2ProjectTargets(
        **base,
        budget_unit=_text_after(grid, "预算单位"),
        project_type=_text_after(grid, "项目类型"),
        fund_rules=_text_after(grid, "资金管理办法"),
        allocation_methods=_checked_options(grid),
        scope=_text_after(grid, "使用范围"),
        period=_text_after(grid, "项目起止年限"),
        funds=funds,
        annual_goal=next((t for t in goal_below if t), None),
        indicators=_indicators(table, grid, header) if header else [],
    )


def _t3(table: Table, grid: list[list[str]], base: dict) -> s.T3ProjectSelfEvaluation:
    header = _indicator_header(grid)
    budget_headers = [r for r, row in enumerate(grid) if any(_key(t) == "年初预算" for t in row)]
    budget = [  # one 预算执行情况 per form, where one grid holds several
        line
        for form, r in enumerate(budget_headers)
        for line in _amount_rows(table, grid, r, 1, _BUDGET_END, form)
    ]
    total_row = next((r for r, row in enumerate(grid) if row and _key(row[0]) == "合计"), None)
    total: dict = {}
    total_weight = None
    if total_row is not None and header:
        row = grid[total_row]
        weight = header.get(row, "weight")
        score = header.get(row, "score")
        numbers = [(c, t) for c, t in enumerate(row) if t and parse_number(t)]
        if not (weight and score) and len(numbers) >= 2:  # OCR shifted the 合计 row
            (_, weight), (score_col, score) = numbers[-2], numbers[-1]
            total = _total(table, (total_row, score_col, score))
        elif score:
            total = _total(table, (total_row, header.fields["score"], score))
        total_weight = weight
    return s.T3ProjectSelfEvaluation(
        **base,
        department=_text_after(grid, "主管部门"),
        implementer=_text_after(grid, "实施单位"),
        budget=budget,
        indicators=_indicators(table, grid, header) if header else [],
        total_weight=total_weight,
        conclusion=_text_after(grid, "评价结论"),
        **total,
    )


def _score_sheet(model: type[s._ScoreSheet], label_allotments: bool = False) -> Callable:
    def read(table: Table, grid: list[list[str]], base: dict) -> s._ScoreSheet:
        header = find_header(grid, 0, {"level3"}) or find_header(grid, 0, {"level2"})
        if header is None:
            return model(**base, notes=["no header with 三级指标 found"])
        items, total, notes = _score_items(table, grid, header, label_allotments)
        groups = [] if label_allotments else _label_groups(items)
        return model(**base, items=items, groups=groups, notes=notes, **_total(table, total))

    return read


def _label_groups(items: list[s.ScoreItem]) -> list[s.ScoreGroup]:
    """The 一级/二级 labels that print an allotment ("项目决策(18分)"), each once, cited at the
    cell the label is printed in. None where a group's label turns up inside an item's label
    ("项目制管理(18分)度办法"): OCR displaced the labels, so which item is in which group is
    not known."""
    if any(allotment_in_label(i.level3) for i in items):
        return []
    groups: dict[tuple[str, str | None], s.ScoreGroup] = {}
    for item in items:
        one, two = (_key(item.level1 or ""), _key(item.level2 or ""))
        for key, label, field in (
            ((one, None), item.level1, "level1"),
            ((one, two), item.level2, "level2"),
        ):
            allotted = allotment_in_label(label)
            ref = item.cells.get(field)
            if not (allotted and ref and item.level1) or key in groups:
                continue
            groups[key] = s.ScoreGroup(
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


def _t7(table: Table, grid: list[list[str]], base: dict) -> s.T7ManagementAssessment:
    """考核内容 holds 一、 sections and （一） groups; each 计分标准 row is an item."""
    header = find_header(grid, 0, {"content", "basis"})
    if header is None:
        return s.T7ManagementAssessment(**base, notes=["no 考核内容/计分标准 header found"])
    items: list[s.ScoreItem] = []
    groups: list[s.ScoreGroup] = []
    total = None
    level1 = level2 = None
    for r in range(header.last_row + 1, len(grid)):
        row, shift = grid[r], 0
        lead = header.get(row, "content") or ""
        if parse_number(lead) and not parse_number(header.get(row, "allotted") or ""):
            # A row Word split after its label cell ("2、自评质量" + blank line): the rest of the
            # row came out shifted one column left, its 分值 under 考核内容.
            row, shift = ["", *row], 1
        content = header.get(row, "content")
        basis = header.get(row, "basis")
        if content and _TOTAL_LABELS.match(_key(content)):
            score = header.get(row, "score")
            if score and total is None:
                total = (r, header.fields["score"], score)
            continue
        section = bool(content and re.match(r"^[一二三四五六七八九十]+、", content))
        if section:
            level1, level2 = content, None
        elif content and re.match(r"^[（(][一二三四五六七八九十]+[）)]", content):
            level2 = content  # labels below the （一） groups ("1、申报时间") are not a level
        else:
            section = False
        cells = {
            n: cell_ref(table, r, header.fields[n] - shift)
            for n in ("allotted", "score", "basis")
            if header.get(row, n)
        }
        allotted, score = header.get(row, "allotted"), header.get(row, "score")
        if not basis and level1 and content in (level1, level2) and (allotted or score):
            groups.append(  # a subtotal row: "二、过程管理 75 … 72"
                s.ScoreGroup(
                    location=row_location(table, r),
                    cells=cells | {"label": cell_ref(table, r, header.fields["content"] - shift)},
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
    return s.T7ManagementAssessment(**base, items=items, groups=groups, **_total(table, total))


def _completion(model: type[s.T9DepartmentCompletion] | type[s.T11ProjectCompletion]) -> Callable:
    def read(table: Table, grid: list[list[str]], base: dict):
        header = find_header(grid, 0, {"level1", "level2", "level3", "target"})
        budget_row = next(
            (r for r, row in enumerate(grid) if any(_key(t).startswith("预算额") for t in row)),
            None,
        )
        budget = (
            _amount_rows(table, grid, budget_row, 1, _BUDGET_END) if budget_row is not None else []
        )
        return model(
            **base, budget=budget, indicators=_indicators(table, grid, header) if header else []
        )

    return read


def _statement(table: Table, grid: list[list[str]], base: dict) -> s.Statement:
    """Labelled rows of amounts; a side-by-side statement (收入 | 支出) gives two per row."""
    first_data = next(
        (r for r, row in enumerate(grid) if any(parse_number(t) for t in row if t)), None
    )
    if first_data is None:
        return s.Statement(**base, notes=["no amounts found"])
    columns = [
        "".join(dict.fromkeys(grid[r][c] for r in range(first_data) if grid[r][c]))
        for c in range(table.n_cols)
    ]
    rows: list[s.Amount] = []
    for r in range(first_data, len(grid)):
        row = grid[r]
        label: str | None = None
        code: list[str] = []
        values: dict[str, str | None] = {}
        cells: dict[str, s.CellRef] = {}
        for c, text in enumerate(row):
            if not text:
                continue
            number = parse_number(text)
            if number is not None and number.decimals == 0 and len(text) <= 3 and label is None:
                code.append(text)  # 科目编码 类/款/项
            elif number is not None and label is not None:
                values[columns[c] or f"col{c}"] = text
                cells[columns[c] or f"col{c}"] = cell_ref(table, r, c)
            elif number is None:
                if label is not None and values:
                    rows.append(_statement_row(table, r, label, code, values, cells))
                    code, values, cells = [], {}, {}
                label = text
        if label is not None:
            rows.append(_statement_row(table, r, label, code, values, cells))
    return s.Statement(**base, columns=columns, rows=rows)


def _statement_row(table, r, label, code, values, cells) -> s.Amount:
    return s.Amount(
        location=row_location(table, r),
        cells=cells,
        label=label,
        code="".join(code) or None,
        values=values,
        parsed={k: p for k, v in values.items() if (p := parsed(v, "万元")) is not None},
    )


_READERS: dict[str, Callable] = {
    "T1": _t1,
    "T2": _t2,
    "T3": _t3,
    "T4": _score_sheet(s.T4DepartmentScoreSheet),
    "T5": _score_sheet(s.T5ProjectScoreSheet),
    "T6": lambda table, grid, base: s.T6TargetSetting(
        **base, indicators=_indicators(table, grid, h) if (h := _indicator_header(grid)) else []
    ),
    "T7": _t7,
    "T8": _score_sheet(s.T8DepartmentScoreSheet, label_allotments=True),
    "T9": _completion(s.T9DepartmentCompletion),
    "T10": _score_sheet(s.T10ProjectScoreSheet, label_allotments=True),
    "T11": _completion(s.T11ProjectCompletion),
    "T12": _score_sheet(s.T12DepartmentScoreSheet),
    "statement": _statement,
}


def extract_table(table: Table, document: Document) -> s.ExtractedTable:
    grid = table.grid()
    kind = classify(table).kind
    base = {
        "id": table.id,
        "title": table.text,
        "location": s.Location(
            page=table.location.page,
            line_start=table.location.line_start,
            line_end=table.location.line_end,
        ),
    }
    if kind == "unknown":
        return s.GenericTable(**base, grid=grid)
    base["project"] = _project(table, grid, document) if kind not in ("statement",) else None
    return _READERS[kind](table, grid, base)
