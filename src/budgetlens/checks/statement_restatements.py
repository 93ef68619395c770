"""Prose amounts of a 决算说明 restate the statements' cells (DOMAIN.md §4.6, §4.7).

"本年收入合计2946.25万元" is the 本年收入合计 row of the 收入支出决算总表. A claim is linked to the
statement row whose label its subject ends with (numbering and "（类）" aside); "…收入支出总计"
to the 总计 of the matching summary statement.
"""

from __future__ import annotations

import re

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import MONEY, Context, Operand, blank_line
from budgetlens.checks.intervals import Quantity, Tier, check_equal
from budgetlens.checks.statements import KINDS
from budgetlens.claims.model import Claim
from budgetlens.tables import schemas as s

STATEMENT_AMOUNT = Rule(
    "RESTATE.statement_amount",
    version=3,
    severity="error",
    zh=Doc(
        "决算说明中的金额等于决算报表中同名的一行",
        what="说明中的金额（“本年收入合计2946.25万元”）与报表中名称为其主语结尾的一行（或一行"
        "报表中同名的一列）相同；按科目逐项说明的段落（“住房保障支出（类）住房改革支出（款）住房"
        "公积金（项）。…支出决算为187.19万元”）中的决算数，与财政拨款支出决算表中该类、款、项"
        "一行相同。只对应一处时不符为错误，对应多处时至多为警告。",
        why="说明是读者读的部分，报表是审计的部分：两者不一致，公开的说明就与账不符。",
    ),
    en=Doc(
        "An amount in a 决算 explanation equals the statement line of its name",
        what='A prose amount ("本年收入合计2946.25万元") equals the statement row whose label '
        "its subject ends with (or a one-line statement's column of that name); in a paragraph "
        'on one item of the classification ("住房保障支出（类）住房改革支出（款）住房公积金（项）。'
        '…支出决算为187.19万元"), the 决算 figure equals that 类/款/项 line of the fiscal '
        "expenditure statement. An error when it restates one cell, at most a warning when "
        "several.",
        why="Readers read the explanation, auditors the statements: when they differ, the "
        "published explanation does not match the accounts.",
    ),
)

BLANK = Rule(
    "COMPLETE.stated_cell_blank",
    version=2,
    severity="warning",
    zh=Doc(
        "说明中记载了金额的报表栏目不应空白",
        what="说明中的非零金额（““三公”经费财政拨款支出预算 2.40万元”）对应报表中同名的一行或一列，"
        "而报表该处空白（既无数字也无 0 或“-”）。",
        why="报表留空而说明有数，读者无从核对该数；多半是填表时漏填或删去了一栏。",
    ),
    en=Doc(
        "A statement cell the explanation gives a figure for is not blank",
        what="A non-zero prose amount restates a statement row or column of its name, and the "
        "statement prints nothing there (no figure, no 0, no dash).",
        why="A blank cell beside a figure in the explanation cannot be checked; a column was most "
        "likely left unfilled or deleted.",
    ),
)

_NOISE = re.compile(r"^[一二三四五六七八九十]+、|[（(][类款项][）)]|\s")
_CHANGE = re.compile(r"增加|减少|增长|下降|上升|变动|持平|比上年|较上年|同比")


def _key(text: str) -> str:
    return _NOISE.sub("", text)


def _first_amount(row: s.Amount, said: str = "", fund: str | None = None) -> Operand | None:
    """The row's figure a prose line restates: of the fund it speaks of where the row prints
    a column for each ("合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款"), of the kind it
    says (决算 or 预算) where the row prints both ("年初预算数 | 决算数 | 完成年初预算（%）"),
    else its first."""
    printed = [n for n, text in row.values.items() if text and n in row.parsed]
    of_fund = [n for n in printed if fund and fund in n.split("/")[-1]]
    if of_fund:
        name = of_fund[0]
        return Operand.from_cell(row.values[name] or "", row.parsed[name], row.cells[name])
    kinds = {n: _key(n.split("/")[-1]) for n in printed}
    wanted = "决算" if "决算" in said else "预算" if "预算" in said else None
    chosen = [
        n
        for n in printed
        if wanted
        and wanted in kinds[n]
        and "上年" not in kinds[n]
        and "%" not in kinds[n]
        and not (wanted == "预算" and "决算" in kinds[n])
    ]
    for name in chosen[:1] or printed[:1]:
        return Operand.from_cell(row.values[name] or "", row.parsed[name], row.cells[name])
    return None


def _summary(statements: list[s.Statement], subject: str) -> s.Statement | None:
    wanted = "fiscal_summary" if "财政拨款" in subject else "summary"
    return next((t for t in statements if t.form == wanted), None)


Restated = tuple[str, Operand | None, s.Amount]  # the cell's name, its figure (None: blank)


# The template's paragraphs on each item of the fiscal expenditure statement open with its
# classification: "10、住房保障支出（类）住房改革支出（款）住房公积金（项）。"
_ITEM = re.compile(
    r"^\W*\d*\W*(?:(?:(?P<l1>[^（()]{2,20})[（(]类[）)])?(?P<l2>[^（()]{2,20})[（(]款[）)]"
    r"(?P<l3>[^（()]{2,20})[（(]项[）)]"
    # a budget's "5.“社会保障和就业支出-行政事业单位养老支出-行政单位离退休”科目155.42万元"
    r"|[“\"](?P<h1>[^-—－”\"]{2,20})(?:[-—－](?P<h2>[^-—－”\"]{2,20}))?"
    r"(?:[-—－](?P<h3>[^-—－”\"]{2,20}))?[”\"]科目)"
)
# the figure an item paragraph gives its line: "…支出决算为…", "…”科目155.42万元", "…（项）支出…"
_SPENT = re.compile(r"(?:决算数?|科目|[（(]项[）)](?:支出)?)$")


def _item_line(statements: list[s.Statement], paragraph: str) -> list[Restated]:
    """The fiscal expenditure statement's line of the 类, 款 and 项 a paragraph opens with."""
    item = _ITEM.match(paragraph)
    if item is None:
        return []
    # a level left out ("法院（款）案件执行（项）支出…") matches any; a quoted path names the
    # line of its depth ("“卫生健康支出”科目" the 类, "“…-…-行政单位离退休”科目" the 项)
    names = [_key(item[a] or item[b] or "") for a, b in (("l1", "h1"), ("l2", "h2"), ("l3", "h3"))]
    depth = 7 if item["l3"] else 3 + 2 * sum(bool(item[h]) for h in ("h2", "h3"))
    found: list[Restated] = []
    for table in (t for t in statements if t.form == "fiscal_expenditure"):
        label = {row.code: _key(row.label) for row in table.rows if row.code}
        for row in table.rows:
            code = row.code or ""
            path = [label.get(code[:n]) for n in (3, 5, 7)]
            if len(code) == depth and all(n in ("", p) for n, p in zip(names, path, strict=False)):
                if not _readable(row):
                    continue
                found.append((row.label, _first_amount(row, "决算"), row))
    return found


# the funds a statement or a sentence may be limited to
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营")


def _fund(text: str) -> str | None:
    named = {f for f in _FUNDS if f in text}
    return named.pop() if len(named) == 1 else None


def _candidates(statements: list[s.Statement], claim: Claim, paragraph: str) -> list[Restated]:
    """The statement cells a prose amount restates, each with its name: the columns of a
    one-line statement whose header its subject ends with ("三公" 经费表: 公务接待费 is a
    column, the figure of the 三公 table), else every row whose label it ends with (one line
    printed in several statements is one fact); a 决算 figure in a paragraph on one item of
    the classification, that item's line. A change ("比上年增加…") restates no cell. A row or
    column printed blank is a candidate without a figure."""
    subject = _key(claim.subject)
    if _CHANGE.search(subject):
        return []
    if _SPENT.search(re.sub(r"\s", "", claim.subject)) and (
        line := _item_line(statements, paragraph)
    ):
        return line
    if subject.endswith("总计"):
        summary = _summary(statements, subject)
        row = next((r for r in summary.rows if _key(r.label) == "总计"), None) if summary else None
        return [(row.label, _first_amount(row), row)] if row else []
    rows: list[tuple[Restated, bool]] = []
    columns: list[Restated] = []
    # the fund the prose speaks of: its sentence's, else its section's ("五、一般公共预算财政
    # 拨款支出决算情况说明")
    fund = _fund(paragraph + claim.subject) or _fund("".join(claim.section[-2:]))
    for table in statements:
        if fund and (titled := _fund(table.title)) and titled != fund:
            continue  # the 政府性基金 statement does not restate a 一般公共预算 sentence
        for row in table.rows:
            label = _key(row.label)
            # "其他工资福利支出" is a line of its own, not 工资福利支出
            if len(label) >= 4 and subject.endswith(label) and _readable(row):
                if subject[: -len(label)].endswith("其他"):
                    continue
                said = claim.subject if re.search("决算|预算", claim.subject) else table.title
                figure = _first_amount(row, said, fund)
                rows.append(((row.label, figure, row), _fiscal(table.title)))
        if len(table.rows) == 1 and (
            any(table.rows[0].values.values()) or (fund and fund == _fund(table.title))
        ):  # an empty statement ("本表无数据") restates only what names its fund
            row = table.rows[0]
            named = {name: _column_named(name, subject) for name in row.values}
            longest = max((len(n) for n in named.values() if n), default=0)
            for name, text in row.values.items():
                header = named[name]
                if not header or len(header) < longest:
                    continue  # "三公经费中公务接待费…" names 公务接待费, not the 合计
                if text and name in row.parsed:
                    cell = Operand.from_cell(text, row.parsed[name], row.cells[name])
                    columns.append((header, cell, row))
                elif not text:
                    columns.append((header, None, row))
    # a line both the statements of all funds and those of 财政拨款 print is the one of the
    # scope the prose speaks of: "本年支出预算合计…其中：基本支出" is all funds'
    fiscal = _fiscal(paragraph + claim.subject) or fund is not None
    scoped = [r for r, of_fiscal in rows if of_fiscal == fiscal]
    return columns or scoped or [r for r, _ in rows] or _titled_total(statements, subject)


_TABLE_WORDS = re.compile(r"(?:(?:预算|决算|支出|明细|情况)*表)$")
MIN_TITLE_NAME = 6  # "一般公共预算": shorter names are too general to be what a prose line is of


def _titled_total(statements: list[s.Statement], subject: str) -> list[Restated]:
    """The 合计 line of the statement whose title names what the subject is: "一般公共预算机关
    运行经费预算支出" is the 合计 of 一般公共预算机关运行经费支出预算表."""
    said = _FIGURE_WORDS.sub("", _PLAIN.sub("", subject))
    found: list[Restated] = []
    for table in statements:
        name = _FIGURE_WORDS.sub("", _TABLE_WORDS.sub("", _PLAIN.sub("", _key(table.title))))
        total = next((r for r in table.rows if _key(r.label) in ("合计", "总计")), None)
        if total and len(name) >= MIN_TITLE_NAME and said.endswith(name) and _readable(total):
            found.append((table.title, _first_amount(total), total))
    return found


def _fiscal(text: str) -> bool:
    """Whether a title or a sentence speaks of 财政拨款 money only."""
    return any(
        word in text for word in ("财政拨款", "一般公共预算", "政府性基金", "国有资本", "三公")
    )


# Words a part's name may carry or drop in the prose: 财政拨款“三公”经费 is "三公"经费;
# 公务用车购置及运行维护费 is the column 公务用车购置及运行费
_PLAIN = re.compile(r"财政拨款|维护|[“”\"']")
_FIGURE_WORDS = re.compile(r"(?:预算|决算|支出|安排|数)+$")


def _column_named(column: str, subject: str) -> str | None:
    """The name under which a subject restates a one-line statement's column, or None. A
    header ending in a kind of figure (合计/预算数) is restated by a subject that names its part
    and ends with that kind ("“三公”经费财政拨款支出年初预算"); another header by a subject
    that ends with it, but for words of the figure ("会议费预算支出"). A 合计 or 小计 is the
    figure of the group above it."""
    *path, last = (_key(p) for p in column.split("/"))
    kind = last if last in KINDS else None
    if kind is None:
        path.append(last)
    elif not subject.endswith((kind, kind[:-1])):
        return None
    while path and path[-1] in ("合计", "小计"):
        path.pop()
    part = _PLAIN.sub("", path[-1]) if path else ""
    plain = _PLAIN.sub("", subject)
    if len(part) < 3:
        return None
    if kind:
        return part if part in plain else None
    # "…拨款安排的会议费预算支出" restates the 会议费 column, "机关运行经费预算为" the
    # 机关运行经费预算数 one: the names less the words of the figure
    core = _FIGURE_WORDS.sub("", part)
    return part if len(core) >= 3 and _FIGURE_WORDS.sub("", plain).endswith(core) else None


def _readable(row: s.Amount) -> bool:
    """A row with a figure, or blank throughout: not one whose cells hold words misread."""
    return bool(row.parsed) or not any(row.values.values())


def statement_amounts(ctx: Context) -> None:
    """A prose amount against every statement cell it restates. Where it restates several,
    each is judged and a disagreement is at most a warning: the statements may disagree among
    themselves (326.71 in the 总表, 326.72 elsewhere)."""
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    if not statements:
        return
    for claim in ctx.claims:
        if claim.type != "amount" or claim.quantity.unit not in MONEY:
            continue
        candidates = _candidates(statements, claim, ctx.paragraph_before(claim))
        stated = Operand.from_claim(claim)
        judged = [
            (name, cell, row, check_equal(
                Quantity(stated.number, stated.unit), Quantity(cell.number, cell.unit or "万元")
            ))
            for name, cell, row in candidates
            if cell is not None
        ]  # fmt: skip
        # a line of its statement printed with the figure makes a blank one of the same name
        # another fact: "二、政府性基金预算财政拨款" is both an income line and a 结转 line of the
        # 总表 (a blank in another statement is a cell left empty)
        printed = {r.location.table_id for _, _, r, j in judged if j.tier is Tier.PASS}
        for name, cell, row in candidates:
            if cell is None:
                if row.location.table_id in printed:
                    ctx.held(BLANK)
                else:
                    _blank(ctx, stated, claim, name, row)
        for name, cell, _, judgement in judged:
            ctx.judged(
                STATEMENT_AMOUNT,
                judgement,
                stated,
                [cell],
                f"{claim.subject} {stated.number.text}{claim.quantity.unit} ≠ 报表「{name}」"
                f"{cell.number.text}{cell.unit or '万元'}",
                most_severe="error" if len(candidates) == 1 else "warning",
            )


def _blank(ctx: Context, stated: Operand, claim: Claim, name: str, row: s.Amount) -> None:
    if stated.number.value == 0:
        ctx.held(BLANK)  # nothing stated, nothing printed
        return
    ctx.violated(
        BLANK,
        "warning",
        stated,
        [blank_line(row)],
        f"{claim.subject} {stated.number.text}{claim.quantity.unit}，但报表「{name}」一栏空白",
    )


FAMILIES = [statement_amounts]
