"""A score sheet item's award against what its own 计分标准 gives for the rate it prints.

部门整体 score sheets print how an item is scored beside the evidence it was scored on:
"得分=安排率×5分。自评依据：…安排率72.90%" gives 3.645, so 4.64 is a point too many;
"为100%的计2分，每低于1个百分点扣0.1分" with "执行率91.82%" in the 依据 cell gives at most
1.2, so full marks are not earned. Only these two readable shapes are judged: a rate times its
points, and full marks less a deduction per point short of a threshold. The rate is the one the
row prints under the criterion's name; where the row prints none, a rate of that name in the
prose of the sheet's report (one value), which, linked by words, gives at most a warning.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.findings import Evidence
from budgetlens.checks.linking import subject_key
from budgetlens.checks.score_formulas import cell_evidence, row_cells
from budgetlens.document import Cell
from budgetlens.numbers import Number
from budgetlens.tables import schemas as s
from budgetlens.textnorm import to_halfwidth

CRITERION = Rule(
    "SCORE.criterion_applied",
    version=1,
    severity="error",
    zh=Doc(
        "评分项的得分符合其计分标准对所印比率的规定",
        what="评分表某项的计分标准写明“得分=安排率×5分”，或“为100%的计2分，每低于1个百分点扣0.1分”"
        "时，按同一行（评分依据、自评依据）印出的该比率计算：前者应得比率×分值，后者至多为满分减去"
        "每个整百分点的扣分。得分高于（前者也包括低于）计分标准所给时报告；本行未印比率而取正文中"
        "同名比率（同一报告、只有一个值）时，至多为警告。",
        why="得分不按自己印出的标准计算，总分和等级都随之失实，是自评中最常见的问题之一。",
    ),
    en=Doc(
        "A score item's award is what its criterion gives for the rate printed",
        what='Where a score sheet item\'s criterion reads "得分=安排率×5分" or "为100%的计2分，'
        '每低于1个百分点扣0.1分", the award follows from the rate its row prints (in its '
        "评分依据 / 自评依据): the rate times the points, or at most the full marks less the "
        "deduction for each whole point short. An award above what the criterion gives (for "
        "the first shape, also below) is reported; where the row prints no rate and one of "
        "that name is taken from the report's prose (a single value), at most a warning.",
        why="An award not computed by the sheet's own criterion makes the total and the grade "
        "untrue; it is among the commonest faults of a self-evaluation.",
    ),
)

_HUNDRED = Decimal(100)
# "得分=安排率×5分", "实际得分=完成率×8分"
_TIMES = re.compile(
    r"得分\s*=\s*(?P<name>[^=×xX*，,。；;:：\d()（）]{0,12}?率)\s*[×xX*]\s*"
    r"(?P<points>\d+(?:\.\d+)?)\s*分?(?![\d.%])"
)
# "为100%的计2分，每低于1个百分点扣0.1分", "≥95%得10分，每低1个百分点扣0.5分"
_PER_POINT = re.compile(
    r"(?:≥|>=|=|不低于|达到|为)\s*(?P<threshold>\d+(?:\.\d+)?)\s*%(?:及以上|以上)?的?"
    r"(?:得|计)(?:满分|(?P<points>\d+(?:\.\d+)?)\s*分)[，,；;]?\s*"
    r"每(?:低|低于|降低|下降|减少)\s*1\s*个?百分点扣(?P<step>\d+(?:\.\d+)?)\s*分"
)
_DEFINED = re.compile(r"(?P<name>[\u4e00-\u9fff“”\"]{2,14}?率)\s*=")  # "政府采购执行率=…"
# a rate as achieved: "执行率91.82%", "安排率为72.90%"; not a threshold ("…的计2分")
_RATE = re.compile(
    r"(?P<name>[\u4e00-\u9fff“”]{0,10}率)(?:为|是|达到|达)?\s*(?P<value>\d+(?:\.\d+)?)\s*%"
    r"(?!\s*(?:的|及以上|以上|以内|（含）)?\s*(?:得|计|扣))"
)
_NAME_TAIL = 3  # characters of a rate's name that identify it: "执行率", "安排率"
_MIN_PROSE_NAME = 4  # a rate's name long enough to find it in the prose: "预算执行率"


def _tail(name: str) -> str:
    return subject_key(name).strip('“”"')[-_NAME_TAIL:]


def _criterion(cells: list[Cell], item: str) -> tuple[Cell, re.Match[str], str] | None:
    """The cell stating a readable criterion, its match, and the name of the rate it scores:
    the formula's, the one the cell defines ("执行率=…"), or the item's own ("政府采购执行率")."""
    for cell in cells:
        text = to_halfwidth(cell.text)
        found = _TIMES.search(text) or _PER_POINT.search(text)
        if found is None:
            continue
        defined = _DEFINED.search(text)
        name = found.groupdict().get("name") or (defined["name"] if defined else "")
        name = name or (item if item.endswith("率") else "")
        if name:
            return cell, found, name
    return None


def _row_rate(
    cells: list[Cell], name: str, at: Cell, criterion: re.Match[str]
) -> tuple[Cell, re.Match[str]] | None:
    """The rate of ``name`` the row prints, outside the criterion's own words; none or two
    different values and it is not read."""
    found = []
    for cell in cells:
        text = to_halfwidth(cell.text)
        if cell is at:  # the criterion's cell: only what follows it
            text = " " * criterion.end() + text[criterion.end() :]
        found += [(cell, m) for m in _RATE.finditer(text) if _tail(m["name"]) == _tail(name)]
    values = {m["value"] for _, m in found}
    return found[0] if len(values) == 1 else None


def _prose_rate(ctx: Context, table: s.ExtractedTable, name: str) -> Operand | None:
    key = subject_key(name).strip('“”"')
    if len(subject_key(name)) < _MIN_PROSE_NAME:
        return None  # "执行率" alone names no one rate of the prose
    report = ctx.report_of.get(table.id)
    rates = [
        c
        for c in ctx.claims
        if c.type in ("rate", "achievement")
        and c.quantity.percent
        and ctx.report_of.get(c.span.block_id) == report
        and subject_key(c.subject).endswith(key)
    ]
    values = {c.quantity.value for c in rates}
    return Operand.from_claim(rates[0]) if len(values) == 1 else None


def criteria_applied(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        for item in getattr(table, "items", []):
            score, allotted = Operand.of_field(item, "score"), Operand.of_field(item, "allotted")
            grid, cells = row_cells(ctx, item) if score else (None, [])
            named = re.sub(r"[（(][^）)]*[）)]$", "", item.level3 or item.level2 or "")
            found = _criterion(cells, named)
            if score is None or found is None or grid is None:
                continue
            cell, criterion, name = found
            in_row = _row_rate(cells, name, cell, criterion)
            if in_row is not None:
                rate_cell, m = in_row
                rate = Operand(
                    Number(
                        text=f"{m['value']}%",
                        value=Decimal(m["value"]),
                        decimals=len(m["value"].partition(".")[2]),
                        percent=True,
                    ),
                    None,
                    cell_evidence(
                        grid, rate_cell, rate_cell.text[m.start() : m.end()], m.start()
                    ).model_copy(update={"role": "operand"}),
                )
                severity = "error"
            else:
                rate = _prose_rate(ctx, table, name)
                severity = "warning"
            if rate is None:
                ctx.not_checked(CRITERION)
                continue
            printed = cell.text[criterion.start() : criterion.end()]  # half-width kept offsets
            rule = cell_evidence(grid, cell, printed, criterion.start())
            _judge(ctx, table, item, score, allotted, rate, rule, criterion, severity)


def _judge(
    ctx: Context,
    table: s.ExtractedTable,
    item: s.ScoreItem,
    score: Operand,
    allotted: Operand | None,
    rate: Operand,
    rule: Evidence,
    criterion: re.Match[str],
    severity: str,
) -> None:
    r = rate.number.value
    # a whole-number award is exact (DOMAIN.md §4.7); a decimal one may round the criterion's
    half = score.number.half_unit if score.number.decimals > 0 else Decimal(0)
    points = Decimal(criterion["points"]) if criterion["points"] else None
    if points is not None and allotted is not None and points != allotted.number.value:
        ctx.not_checked(CRITERION)  # the criterion scores a part of the item, not all of it
        return
    if "step" in criterion.groupdict() and criterion["step"]:
        full = points if points is not None else allotted.number.value if allotted else None
        if full is None:
            ctx.not_checked(CRITERION)
            return
        short = max(Decimal(criterion["threshold"]) - r, Decimal(0))
        most = max(full - Decimal(criterion["step"]) * math.floor(short), Decimal(0))
        low, high = Decimal(-1), most
        said = f"至多 {plain(most)}"
    else:
        points = Decimal(criterion["points"])
        exact = r / _HUNDRED * points
        slack = rate.number.half_unit / _HUNDRED * points
        low, high = exact - slack, exact + slack
        said = f"{plain(exact)}"
    value = score.number.value
    if low - half <= value <= high + half:
        ctx.held(CRITERION)
        return
    name = item.level3 or item.level2 or item.level1 or "该项"
    ctx.violated(
        CRITERION,
        severity,  # type: ignore[arg-type]
        score,
        [rule, rate],
        f"{table.title}「{name}」：计分标准“{rule.text}”，{rate.evidence.text} 应得 {said} 分，"
        f"实得 {score.number.text} 分",
        computed=said.removeprefix("至多 "),
    )


FAMILIES = [criteria_applied]
