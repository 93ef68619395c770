"""Prose amounts of a 决算说明 restate the statements' cells (DOMAIN.md §4.6, §4.7).

"本年收入合计2946.25万元" is the 本年收入合计 row of the 收入支出决算总表. A claim is linked to the
statement row whose label its subject ends with (numbering and "（类）" aside); "…收入支出总计"
to the 总计 of the matching summary statement.
"""

from __future__ import annotations

import re

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.intervals import Quantity, check_equal
from budgetlens.claims.model import Claim
from budgetlens.tables import schemas as s

STATEMENT_AMOUNT = Rule(
    "RESTATE.statement_amount",
    version=1,
    severity="error",
    zh=Doc(
        "决算说明中的金额等于决算报表中同名的一行",
        what="说明中的金额（“本年收入合计2946.25万元”）与报表中名称为其主语结尾的一行（或一行"
        "报表中同名的一列）相同；只对应一处时不符为错误，对应多处时至多为警告。",
        why="说明是读者读的部分，报表是审计的部分：两者不一致，公开的说明就与账不符。",
    ),
    en=Doc(
        "An amount in a 决算 explanation equals the statement line of its name",
        what='A prose amount ("本年收入合计2946.25万元") equals the statement row whose label '
        "its subject ends with (or a one-line statement's column of that name); an error when "
        "it restates one cell, at most a warning when several.",
        why="Readers read the explanation, auditors the statements: when they differ, the "
        "published explanation does not match the accounts.",
    ),
)

_NOISE = re.compile(r"^[一二三四五六七八九十]+、|[（(][类款项][）)]|\s")
_MONEY = ("元", "万元", "亿元")
_CHANGE = re.compile(r"增加|减少|增长|下降|上升|变动|持平|比上年|较上年|同比")


def _key(text: str) -> str:
    return _NOISE.sub("", text)


def _first_amount(row: s.Amount) -> Operand | None:
    for name, text in row.values.items():
        if text and name in row.parsed:
            return Operand.from_cell(text, row.parsed[name], row.cells[name])
    return None


def _summary(statements: list[s.Statement], subject: str) -> s.Statement | None:
    wanted = "fiscal_summary" if "财政拨款" in subject else "summary"
    return next((t for t in statements if t.form == wanted), None)


def _candidates(statements: list[s.Statement], claim: Claim) -> list[tuple[str, Operand]]:
    """The statement cells a prose amount restates, each with its name: the columns of a
    one-line statement whose header its subject ends with ("三公" 经费表: 公务接待费 is a
    column, the figure of the 三公 table), else every row whose label it ends with (one line
    printed in several statements is one fact). A change ("比上年增加…") restates no cell."""
    subject = _key(claim.subject)
    if _CHANGE.search(subject):
        return []
    if subject.endswith("总计"):
        summary = _summary(statements, subject)
        row = next((r for r in summary.rows if _key(r.label) == "总计"), None) if summary else None
        cell = _first_amount(row) if row else None
        return [(row.label, cell)] if row and cell else []
    rows: list[tuple[str, Operand]] = []
    columns: list[tuple[str, Operand]] = []
    for table in statements:
        for row in table.rows:
            label = _key(row.label)
            if len(label) >= 4 and subject.endswith(label) and (cell := _first_amount(row)):
                rows.append((row.label, cell))
        if len(table.rows) == 1:
            row = table.rows[0]
            for name, text in row.values.items():
                header = _key(name.split("/")[-1])
                if text and name in row.parsed and len(header) >= 4 and subject.endswith(header):
                    cell = Operand.from_cell(text, row.parsed[name], row.cells[name])
                    columns.append((header, cell))
    return columns or rows


def statement_amounts(ctx: Context) -> None:
    """A prose amount against every statement cell it restates. Where it restates several,
    each is judged and a disagreement is at most a warning: the statements may disagree among
    themselves (326.71 in the 总表, 326.72 elsewhere)."""
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    if not statements:
        return
    for claim in ctx.claims:
        if claim.type != "amount" or claim.quantity.unit not in _MONEY:
            continue
        candidates = _candidates(statements, claim)
        stated = Operand.from_claim(claim)
        for name, cell in candidates:
            judgement = check_equal(
                Quantity(stated.number, stated.unit), Quantity(cell.number, cell.unit or "万元")
            )
            ctx.judged(
                STATEMENT_AMOUNT,
                judgement,
                stated,
                [cell],
                f"{claim.subject} {stated.number.text}{claim.quantity.unit} ≠ 报表「{name}」"
                f"{cell.number.text}{cell.unit or '万元'}",
                most_severe="error" if len(candidates) == 1 else "warning",
            )


FAMILIES = [statement_amounts]
