"""Identities of the 预算 and 决算 statements (DOMAIN.md §4.7).

收入总计 = 支出总计; 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 收入总计;
支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. The summary statements print income on the
left and expenditure to its right (one side or two), totals labelled 总计 or 合计.

Every statement also foots by its structure: a 合计 / 小计 column is the sum of the columns
its header groups under it (合计 = 财政拨款 + 事业收入 …; 基本支出 = 人员经费 + 公用经费; "三公"
= 出国 + 接待 + 车, 车 = 购置 + 运行), and a 科目编码 line is the sum of the lines coded below it
(类 = Σ款, 款 = Σ项), the 合计 line the sum of the 类 lines. Where most lines of one identity
fail, the columns were misread, not the statement: those checks are "not checked".
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from itertools import pairwise

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand, plain
from budgetlens.checks.findings import Evidence, EvidenceLocation
from budgetlens.checks.intervals import UndefinedRatio, check_equal, check_ratio, check_sum
from budgetlens.claims.model import Claim
from budgetlens.document import Table
from budgetlens.tables import schemas as s

BALANCE = Rule(
    "STMT.income_equals_expenditure",
    version=3,
    severity="error",
    zh=Doc(
        "收支总表的收入总计等于支出总计",
        what="收入支出决算总表、财政拨款收入支出决算总表中，左侧收入总计等于右侧支出总计；正文同一句"
        "分别写出收入总计和支出总计时（“2024年度收入总计3648.72万元，支出总计3684.72万元”），"
        "二者也相等。",
        why="收支总表必须平衡；不平衡说明表中有数字印错或漏项，整套报表不可信。",
    ),
    en=Doc(
        "A summary statement's income total equals its expenditure total",
        what="In the 收入支出决算总表 and the 财政拨款 summary, 收入总计 on the left equals "
        "支出总计 on the right; so do the two where one sentence of the prose prints each "
        '("2024年度收入总计3648.72万元，支出总计3684.72万元").',
        why="A summary statement balances by construction; one that does not has a misprinted "
        "or missing figure, and the statements cannot be relied on.",
    ),
)
COLUMNS = Rule(
    "STMT.column_total",
    version=3,
    severity="error",
    zh=Doc(
        "报表每行的合计列等于其下各列之和",
        what="报表中合计、小计列等于表头归在其下的各列之和（合计 = 财政拨款 + 事业收入…；基本支出"
        " = 人员经费 + 公用经费；“三公” = 出国 + 接待 + 车），逐行检查；表头末层为预算数、决算数"
        "时按每一种分别相加；与其组成部分并列印出的小计（“公务用车购置及运行费小计 | 公务用车"
        "购置费 | 公务用车运行费”）不与这些部分重复相加。合计一栏空白而其下各栏之和不为零，为警告。"
        "多数行不符时视为列读错，不检查。",
        why="一行加不出合计，这一行有数字印错；审核按行追查。",
    ),
    en=Doc(
        "Every line's total column is the sum of the columns under it",
        what="On every line of a statement, a 合计 or 小计 column is the sum of the columns its "
        "header groups under it (合计 = 财政拨款 + 事业收入 …; 基本支出 = 人员经费 + 公用经费), "
        "each kind of figure apart where the header ends in 预算数 and 决算数 (the 三公 table); a "
        "小计 printed beside its own parts (公务用车购置及运行费小计 | 购置费 | 运行费) is not "
        "added to them again. A "
        "total printed blank over parts that are not zero is a warning. Where most lines fail, "
        "the columns were misread and are not checked.",
        why="A line that does not foot has a misprinted figure; reviewers trace it line by line.",
    ),
)
CODES = Rule(
    "STMT.code_hierarchy",
    version=1,
    severity="error",
    zh=Doc(
        "科目编码的上级行等于其直接下级行之和",
        what="按功能分类科目编码，类 = 其下各款之和，款 = 其下各项之和，合计行 = 各类之和，"
        "每一列分别检查。",
        why="科目汇总不符，说明明细或汇总行有数字印错，分类数据就不能用来比较。",
    ),
    en=Doc(
        "A 科目编码 line is the sum of the lines coded directly below it",
        what="By the functional classification codes, a 类 line is the sum of its 款, a 款 of "
        "its 项, and the 合计 line of the 类 lines, column by column.",
        why="A line its sub-lines do not make has a misprinted figure, and the classified "
        "figures cannot be compared.",
    ),
)
CODE_NAME = Rule(
    "STMT.code_name",
    version=1,
    severity="warning",
    zh=Doc(
        "同一科目编码在各张报表中名称相同",
        what="同一份公开中，同一个功能分类或经济分类科目编码（“2210201”）在各张报表里印的科目"
        "名称相同（去掉空格、编号和“（类）（款）（项）”后比较）；一处写“住房公积金”、另一处写"
        "“提租补贴”的，列出两处。",
        why="编码与名称对不上，说明某张表的名称或编码抄错，这一行的数字究竟属于哪个科目就不清楚。",
    ),
    en=Doc(
        "One 科目编码 has one name in every statement",
        what="Within one disclosure, a classification code (“2210201”) is printed with the same "
        "name in every statement (compared without spaces, numbering or （类）（款）（项）); "
        "where one says 住房公积金 and another 提租补贴, both places are listed.",
        why="A code and a name that disagree leave it unclear which line a figure belongs to: "
        "one of the statements miscopied the name or the code.",
    ),
)
RATE_COLUMN = Rule(
    "STMT.rate_column",
    version=1,
    severity="error",
    zh=Doc(
        "报表中的完成率一栏等于决算数 ÷ 预算数",
        what="报表同时印有预算数（年初预算、调整预算）、决算数和“完成年初预算（%）”一类的"
        "比率栏时，每一行的比率等于该行决算数 ÷ 预算数 × 100，按印出的位数判断。",
        why="比率栏与两数不符，说明其中一数或比率印错；正文常照抄比率栏。",
    ),
    en=Doc(
        "A statement's completion-rate column is 决算 ÷ 预算",
        what="Where a statement prints a budget column, a 决算 column and a rate column such as "
        "“完成年初预算（%）”, each line's rate is its 决算 ÷ 预算 × 100, at its printed "
        "precision.",
        why="A rate its two figures do not make means one of the three is misprinted, and the "
        "prose often copies the rate.",
    ),
)
UNIT_LINE = Rule(
    "STMT.unit_line",
    version=2,
    severity="warning",
    zh=Doc(
        "报表的金额单位与印有相同数字的其他报表一致",
        what="多数报表以一种单位（如万元）列示、某张报表写另一种单位（如元），而它与以多数单位列示的"
        "报表有同一科目、同一数字时，这张报表的单位行印错了。科目按编码、行名或列名（“三公”表"
        "以列名印出公务接待费等）对照。",
        why="同一笔钱不会既是 621.28 万元又是 621.28 元；单位错一级，整张表的金额就差一万倍。",
    ),
    en=Doc(
        "A statement's unit of money agrees with the statements that print its figures",
        what="Where most statements print one unit (万元) and one prints another (元), yet it "
        "shares a line and its figure with a statement in the usual unit, its unit line is "
        "misprinted. A line is matched by its code, its label or its column's header (the 三公 "
        "table prints 公务接待费 as a column).",
        why="One sum is not both 621.28 万元 and 621.28 元; a unit one step off makes every "
        "figure of the statement ten thousand times wrong.",
    ),
)
INCOME = Rule(
    "STMT.income_total",
    version=2,
    severity="error",
    zh=Doc(
        "收入总计等于本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
        what="收支总表左侧，收入总计等于本年收入合计、使用非财政拨款结余、年初结转和结余"
        "（列出的各项）之和。",
        why="收入总计是全部可用资金；它加不出来，结转或收入之一印错。",
    ),
    en=Doc(
        "Income total is the year's income + balances used + carried in",
        what="On the income side of a summary statement, 收入总计 is the sum of 本年收入合计, "
        "使用非财政拨款结余 and 年初结转和结余 (those printed).",
        why="The income total is all the money available; one that does not add up has a "
        "misprinted income or carry-over.",
    ),
)
EXPENDITURE = Rule(
    "STMT.expenditure_total",
    version=2,
    severity="error",
    zh=Doc(
        "支出总计等于本年支出合计 + 结余分配 + 年末结转和结余",
        what="收支总表右侧，支出总计等于本年支出合计、结余分配、年末结转和结余（列出的各项）之和。",
        why="支出总计说明钱的去向；它加不出来，支出或结转之一印错。",
    ),
    en=Doc(
        "Expenditure total is the year's spending + distributed + carried out",
        what="On the expenditure side of a summary statement, 支出总计 is the sum of "
        "本年支出合计, 结余分配 and 年末结转和结余 (those printed).",
        why="The expenditure total says where the money went; one that does not add up has a "
        "misprinted expenditure or carry-over.",
    ),
)

SUMMARY_LINES = Rule(
    "STMT.summary_lines",
    version=1,
    severity="error",
    zh=Doc(
        "收支总表每一侧编号列出的各行之和等于本年（当年）收入或支出合计",
        what="收支总表中，收入一侧“一、二、三、…”编号的各行之和等于本年（当年）收入合计（小计），"
        "支出一侧各行之和等于本年（当年）支出合计；没有本年合计、编号各行之下直接是收入（支出）"
        "合计的，等于该合计。支出按功能分类和按支出用途（经济分类）分两栏列出的，每一栏分别相加。"
        "空白的行按 0 计。",
        why="同一笔支出按两种口径分，各自都要加出同一个合计；一栏加不出来，说明其中某行印错或漏印。",
    ),
    en=Doc(
        "A summary statement's numbered lines add up to each side's 本年 total",
        what="In a summary statement, the numbered lines (一、二、三、…) of the income side add up "
        "to 本年收入合计 (当年收入小计), and those of the expenditure side to 本年支出合计 (to "
        "收入合计 or 支出合计 where that follows the numbered lines directly); where "
        "spending is printed by function and by use (economic classification) in two columns, "
        "each column adds up on its own. A blank line counts as 0.",
        why="One year's spending classified two ways makes one total both ways; a column that "
        "does not has a misprinted or missing line.",
    ),
)

CLASSIFICATION = Rule(
    "STMT.classification_named",
    version=1,
    severity="warning",
    zh=Doc(
        "报表标题所称的分类与其科目编码一致",
        what="标题写“功能科目”“功能分类”的报表，科目编码是功能分类编码（2 开头，如 201、2080501）；"
        "写“经济科目”“经济分类”的，是经济分类编码（3 开头，如 301、30201）。"
        "全部编码都属另一种分类时报告。",
        why="标题写错分类，读者会把按功能分的支出当作按经济性质分的支出来比较。",
    ),
    en=Doc(
        "A statement's title names the classification its codes are in",
        what="A statement titled 功能科目 or 功能分类 prints functional codes (starting 2: 201, "
        "2080501); one titled 经济科目 or 经济分类 economic codes (starting 3: 301, 30201). Where "
        "every code is of the other classification, the title is reported.",
        why="A title naming the wrong classification leads readers to compare spending by "
        "function as if it were by economic kind.",
    ),
)

_SUMMARIES = ("summary", "fiscal_summary")  # income and expenditure side by side
# The parts of each side's 总计, by label prefix (the 财政拨款 summary names them its own way).
_INCOME_PARTS = (
    ("本年收入合计",),
    ("使用非财政拨款结余",),
    ("年初结转和结余", "年初财政拨款结转和结余"),
)
_SPENDING_PARTS = (
    ("本年支出合计",),
    ("结余分配",),
    ("年末结转和结余", "年末财政拨款结转和结余"),
)
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
_PART_LINE = re.compile(r"^\s*(?:\d+[.．、]|[(（]\d+[)）]|其中)")  # "1.一般公共预算", "其中："


def _amount(row: s.Amount) -> Operand | None:
    for key, text in row.values.items():
        if text and key in row.parsed:
            return Operand.from_cell(text, row.parsed[key], row.cells[key])
    return None


def _side(table: s.Statement, left: bool) -> dict[str, Operand]:
    """Label → amount on one side of a summary statement (the first amount of each label):
    the left side is income, every side to its right expenditure."""
    found: dict[str, Operand] = {}
    for row in table.rows:
        amount = _amount(row)
        if amount is None:
            continue
        label = _NUMBERING.sub("", row.label.replace(" ", ""))
        if (row.side == 0) == left and label not in found:
            found[label] = amount
    return found


def _find(side: dict[str, Operand], *prefixes: str) -> Operand | None:
    for label, amount in side.items():
        if label.startswith(prefixes):
            return amount
    return None


def summary_identities(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement) or table.form not in _SUMMARIES:
            continue
        income, spending = _side(table, left=True), _side(table, left=False)
        income_total = _find(income, "总计", "收入总计") or _find(income, "收入合计")
        spending_total = _find(spending, "总计", "支出总计") or _find(spending, "支出合计")
        if income_total and spending_total:
            judgement = check_equal(income_total.number, spending_total.number)
            ctx.judged(
                BALANCE,
                judgement,
                income_total,
                [spending_total],
                f"{table.title}：收入总计 {income_total.number.text} ≠ 支出总计 "
                f"{spending_total.number.text}",
            )
        _total_of(ctx, table.title, INCOME, income_total, income, "收入", _INCOME_PARTS)
        _total_of(ctx, table.title, EXPENDITURE, spending_total, spending, "支出", _SPENDING_PARTS)


def _total_of(ctx, title, rule: Rule, total, side, noun, parts_labels) -> None:
    parts = [_find(side, *labels) for labels in parts_labels]
    present = [p for p in parts if p is not None]
    if total is None or not present or parts[0] is None:
        return
    if not all(o.reliable for o in (total, *present)):
        ctx.not_checked(rule)
        return
    judgement = check_sum(total.number, [p.number for p in present])
    ctx.judged(
        rule,
        judgement,
        total,
        present,
        f"{title}：{noun}总计 {total.number.text} ≠ "
        + " + ".join(
            f"{lab[0]} {p.number.text}" for lab, p in zip(parts_labels, parts, strict=True) if p
        )
        + f" = {plain(judgement.computed.mid)}",
    )


_PROSE_TOTAL = re.compile(r"(收入|支出)总计$")


def prose_balance(ctx: Context) -> None:
    """ "收入总计3648.72万元，支出总计3684.72万元": one sentence, the two sides of one balance."""
    by_block: dict[str, list[tuple[str, Claim]]] = {}  # block → (side, claim)
    for claim in ctx.claims:
        side = _PROSE_TOTAL.search(claim.subject)
        if claim.type == "amount" and claim.span.cell is None and side:
            by_block.setdefault(claim.span.block_id, []).append((side[1], claim))
    for block_id, claims in by_block.items():
        text = ctx.text_of(block_id)
        for (side, first), (then_side, then) in pairwise(claims):
            between = text[first.span.end : then.span.start]
            if (side, then_side) != ("收入", "支出") or re.search(r"[。；;]", between):
                continue
            if len(between) > 12:
                continue
            income, spending = Operand.from_claim(first), Operand.from_claim(then)
            ctx.judged(
                BALANCE,
                check_equal(income.number, spending.number),
                spending,
                [income],
                f"正文：{first.subject} {income.number.text} ≠ {then.subject} "
                f"{spending.number.text}",
            )


_SIDE_TOTAL = re.compile(r"^(?:当年|本年)(收入|支出)(?:小计|合计)$")
_PLAIN_TOTAL = re.compile(r"^(收入|支出)(?:合计|总计)$")


def _only_numbered_above(table: s.Statement, at: int) -> bool:
    """Whether the lines above a total on its side are numbered lines (and their own parts)
    only: a 收入合计 below a 上年结转 line with an amount is more than the year's income."""
    row = table.rows[at]
    return all(
        _NUMBERING.match(r.label.replace(" ", "")) or _PART_LINE.match(r.label) or not _amount(r)
        for r in table.rows[:at]
        if r.side == row.side
    )


def _merged_amount(table: s.Statement, at: int) -> Operand | None:
    """The amount of a label printed across both expenditure columns: on the same printed
    line (the rows after it on the sides to its right), the one unlabelled amount."""
    row = table.rows[at]
    for other in table.rows[at + 1 :]:
        if other.side <= row.side:
            return None
        if not other.label and (amount := _amount(other)):
            return amount
    return None


def summary_lines(ctx: Context) -> None:
    """Each side's (each classification's) numbered lines against its 本年 total; a total
    printed once across both expenditure columns (a merged row) serves both."""
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement) or table.form not in _SUMMARIES:
            continue
        totals: dict[str, tuple[int, Operand, str]] = {}  # kind → (its row, amount, label)
        for pattern in (_SIDE_TOTAL, _PLAIN_TOTAL):  # 本年收入合计, else 收入合计 itself
            for i, row in enumerate(table.rows):
                found = pattern.match(row.label.replace(" ", ""))
                if found is None or found[1] in totals:
                    continue
                amount = _amount(row) or _merged_amount(table, i)
                if amount is not None and _only_numbered_above(table, i):
                    totals[found[1]] = (i, amount, row.label.replace(" ", ""))
        for side in sorted({r.side for r in table.rows}):
            kind = "收入" if side == 0 else "支出"
            if kind not in totals:
                continue
            at, total, label = totals[kind]
            numbered = [
                r
                for r in table.rows[:at]
                if r.side == side and _NUMBERING.match(r.label.replace(" ", ""))
            ]
            parts = [p for r in numbered if (p := _amount(r))]
            if len(numbered) < 2 or not parts:
                continue
            column = next(iter(numbered[0].values), "").removesuffix("/金额")
            what = f"{label}（{column}各行）" if column else label
            judge_lines(ctx, SUMMARY_LINES, table.title, [(total, parts, what)])


_TOTAL = re.compile(r"^(?:\w{0,6}合计|小计|总计)$")  # 合计, 本年支出合计
_MISREAD = 3  # of the lines of one identity, more than a third failing: the columns were misread


def _cell(row: s.Amount, key: str) -> Operand | None:
    text = row.values.get(key)
    if not text or key not in row.parsed:
        return None
    return Operand.from_cell(text, row.parsed[key], row.cells[key])


def _parts_of(columns: list[str], total: str) -> list[str] | None:
    """The columns a 合计 column sums: those directly under the same group, each group among
    them by its own 小计 where it prints one, else by its leaves."""
    path = total.split("/")
    parent = path[:-1]
    depth = len(parent)
    below = [c for c in columns if c != total and c.split("/")[:depth] == parent]
    parts: list[str] = []
    for name in dict.fromkeys(c.split("/")[depth] for c in below if len(c.split("/")) > depth):
        group = [c for c in below if c.split("/")[depth] == name]
        subtotal = next(
            (c for c in group if len(c.split("/")) == depth + 2 and _TOTAL.match(c.split("/")[-1])),
            None,
        )
        if f"{'/'.join([*parent, name])}" in group:
            parts.append("/".join([*parent, name]))
        elif subtotal:
            parts.append(subtotal)
        elif all(len(c.split("/")) == depth + 2 for c in group):
            parts += group
        else:
            return None  # deeper groups without a subtotal: not read with confidence
    return _without_flat_subtotals(parts) or None


def _without_flat_subtotals(parts: list[str]) -> list[str]:
    """A 小计 printed beside its own parts, not over them ("公务用车购置及运行费小计 | 公务用车
    购置费 | 公务用车运行费"): the parts that follow it, named like it, are in it already."""
    kept: list[str] = []
    stem = ""
    for part in parts:
        leaf = part.split("/")[-1].replace(" ", "")
        if stem and leaf.startswith(stem):
            continue
        stem = leaf.removesuffix("小计")[:4] if leaf.endswith("小计") and len(leaf) > 4 else ""
        kept.append(part)
    return kept


def judge_lines(
    ctx: Context,
    rule: Rule,
    title: str,
    lines: list[tuple[Operand, list[Operand], str]],
    blanks: int = 0,
) -> bool:
    """Judge one identity on several lines; when most fail, the structure was misread and
    nothing is judged (False). ``blanks``: lines whose total is blank over parts that are not
    zero, failures too."""
    judged = [(total, parts, what, check_sum(total.number, [p.number for p in parts]))
              for total, parts, what in lines]  # fmt: skip
    failed = blanks + sum(j[3].tier.value not in ("pass", "rounding") for j in judged)
    if failed >= _MISREAD and failed * 3 > len(judged) + blanks:
        for _ in range(len(judged) + blanks):
            ctx.not_checked(rule)
        return False
    for total, parts, what, judgement in judged:
        ctx.judged(
            rule,
            judgement,
            total,
            parts,
            f"{title}：{what} {total.number.text} ≠ 各项之和 {plain(judgement.computed.mid)}",
        )
    return True


# The kinds of figure a header may end in, each column group printed once for each kind
# ("三公" 表: 合计/预算数, 合计/决算数, 公务接待费/预算数…): each kind foots on its own.
KINDS = ("预算数", "决算数", "执行数")


def _by_kind(columns: list[str]) -> list[tuple[str, list[str]]]:
    """The columns grouped by the kind of figure their header ends in, that ending cut off;
    one group with no ending where the header names no kinds."""
    kinds = {c.rsplit("/", 1)[-1] for c in columns}
    if "/" not in "".join(columns) or not kinds <= set(KINDS):
        return [("", columns)]
    return [
        (f"/{kind}", [c.rsplit("/", 1)[0] for c in columns if c.endswith(f"/{kind}")])
        for kind in sorted(kinds)
    ]


def column_totals(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement):
            continue
        for side, every in enumerate(table.columns):
            for kind, columns in _by_kind(every):
                for total in (c for c in columns if _TOTAL.match(c.split("/")[-1])):
                    parts = _parts_of(columns, total)
                    if not parts:
                        continue
                    lines, blanks = [], []
                    for row in (r for r in table.rows if r.side == side):
                        stated = _cell(row, total + kind)
                        found = [p for key in parts if (p := _cell(row, key + kind))]
                        what = f"{row.label or '本行'}「{total + kind}」"
                        if stated is not None and found:
                            lines.append((stated, found, what))
                        elif not row.values.get(total + kind) and found:
                            blanks.append((found, what))
                    # a blank in these statements prints a zero: one over parts that are not
                    # zero hides a figure
                    hiding = [(f, w) for f, w in blanks if sum(p.number.value for p in f)]
                    if judge_lines(ctx, COLUMNS, table.title, lines, len(hiding)):
                        for _ in range(len(blanks) - len(hiding)):
                            ctx.held(COLUMNS)
                        for found, what in hiding:
                            _blank_total(ctx, table, what, found)


def _blank_total(ctx: Context, table: s.Statement, what: str, parts: list[Operand]) -> None:
    total = sum((p.number.value for p in parts), Decimal(0))
    ctx.violated(
        COLUMNS,
        "warning",
        None,
        parts,
        f"{table.title}：{what}空白，但其下各项之和为 {plain(total)}",
        computed=plain(total),
    )


def code_hierarchy(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement):
            continue
        coded = [r for r in table.rows if r.code and r.code.isdigit()]
        for key in dict.fromkeys(k for r in coded for k in r.values):
            lines = []
            for row in coded:
                below = [r for r in coded if r.code != row.code and r.code.startswith(row.code)]
                # the lines directly below: no other line below it is their parent (a code
                # printed short, "3012" for 30102, is still a child)
                children = [
                    r
                    for r in below
                    if not any(o.code != r.code and r.code.startswith(o.code) for o in below)
                ]
                if not children:
                    continue
                stated = _cell(row, key)
                found = [p for r in children if (p := _cell(r, key))]
                if stated is not None and found:
                    lines.append((stated, found, f"{row.code} {row.label}「{key}」"))
            total = next((r for r in table.rows if _TOTAL.match(r.label.replace(" ", ""))), None)
            classes = [r for r in coded if len(r.code) == min(len(c.code) for c in coded)]
            stated = _cell(total, key) if total and classes else None
            found = [p for r in classes if (p := _cell(r, key))]
            if stated is not None and found and total is not None:
                lines.append((stated, found, f"{total.label}「{key}」 = 各类之和"))
            judge_lines(ctx, CODES, table.title, lines)


_NAME_NOISE = re.compile(r"\s|[（(][类款项][）)]|^[一二三四五六七八九十\d]+[、.．]")


def code_names(ctx: Context) -> None:
    named: dict[str, list[tuple[str, s.Amount, s.Statement]]] = {}
    for table in ctx.extraction.tables:
        if isinstance(table, s.Statement):
            for row in table.rows:
                if row.code and row.code.isdigit() and len(row.code) >= 5:
                    name = _NAME_NOISE.sub("", row.label)
                    named.setdefault(row.code, []).append((name, row, table))
    for code, places in named.items():
        names = dict.fromkeys(name for name, _, _ in places if name)
        if len(names) < 2:
            if len(places) > 1:
                ctx.held(CODE_NAME)
            continue
        first, other = list(names)[:2]
        if first in other or other in first:
            continue  # "行政运行" and "行政运行（一般公共服务）": one name, said more fully
        evidence = [
            Evidence(role="label", text=row.label, location=_where(ctx, row, table))
            for name, row, table in places
            if name in (first, other)
        ]
        ctx.violated(
            CODE_NAME,
            "warning",
            None,
            evidence,
            f"科目编码 {code} 在报表中名为“{first}”，也名为“{other}”",
        )


def _where(ctx: Context, row: s.Amount, table: s.Statement) -> EvidenceLocation:
    """The cell the row's label is printed in (its first where the reader joined it)."""
    block = ctx.block_of(table.id)
    cells = block.grid()[row.location.row] if isinstance(block, Table) else []
    col = next((c for c, text in enumerate(cells) if text and text in row.label), 0)
    return EvidenceLocation(
        table_id=table.id,
        row=row.location.row,
        col=col,
        line=row.location.line,
        page=row.location.page,
    )


def _kinds(table: s.Statement) -> tuple[str, str, str] | None:
    """The keys of a statement's budget, 决算 and completion-rate columns, where it has all
    three (the last part of each key is its header)."""
    keys = list(dict.fromkeys(k for r in table.rows for k in r.values))
    head = {k: k.split("/")[-1].replace(" ", "") for k in keys}
    rate = [k for k in keys if "%" in head[k] and re.search("完成|执行", head[k])]
    budget = [k for k in keys if "预算" in head[k] and "%" not in head[k] and "决算" not in head[k]]
    final = [k for k in keys if "决算" in head[k] and "%" not in head[k] and "上年" not in head[k]]
    if len(rate) == 1 and len(budget) == 1 and len(final) == 1:
        return budget[0], final[0], rate[0]
    return None


def rate_columns(ctx: Context) -> None:
    for table in ctx.extraction.tables:
        kinds = _kinds(table) if isinstance(table, s.Statement) else None
        if kinds is None:
            continue
        budget_key, final_key, rate_key = kinds
        for row in table.rows:
            budget, final = _cell(row, budget_key), _cell(row, final_key)
            rate = _cell(row, rate_key)
            if budget is None or final is None or rate is None:
                continue
            try:
                judgement = check_ratio(rate.number, final.number, budget.number)
            except UndefinedRatio:
                continue  # nothing budgeted: no rate to judge
            ctx.judged(
                RATE_COLUMN,
                judgement,
                rate,
                [final, budget],
                f"{table.title}：{row.label}完成率 {rate.number.text}% ≠ 决算数 "
                f"{final.number.text} ÷ 预算数 {budget.number.text} = "
                f"{plain(judgement.computed.mid)}%",
            )


_MONEY_UNIT = re.compile(r"亿元|万元|元")


def _money_unit(table: s.Statement) -> str | None:
    found = _MONEY_UNIT.search(table.unit or "")
    return found.group() if found else None


# a column header that names no line of money: a total, a year, a budget or 决算 column
_GENERIC_HEADER = re.compile(r"合计|小计|总计|金额|预算|决算|本年|上年|年度|数$|%")


def named_figures(table: s.Statement) -> dict[tuple[str, Decimal], Operand]:
    """(name, value) → the cell, for every figure above zero. A figure is named by its row's
    code and label, and by its column where the header names a line of money (the 三公 table
    prints 公务接待费 as a column, the economic tables as the row 30217)."""
    found: dict[tuple[str, Decimal], Operand] = {}
    for row in table.rows:
        label = _NAME_NOISE.sub("", row.label)
        for key, text in row.values.items():
            parsed = row.parsed.get(key)
            if not text or parsed is None or parsed.value <= 0:
                continue
            header = _NAME_NOISE.sub("", key.split("/")[-1])
            specific = len(header) >= 3 and not _GENERIC_HEADER.search(header)
            for name in filter(None, (row.code, label, header if specific else "")):
                found.setdefault(
                    (name, parsed.value), Operand.from_cell(text, parsed, row.cells[key])
                )
    return found


def unit_lines(ctx: Context) -> None:
    """ "单位：元" over a statement whose lines another statement prints in 万元."""
    statements = [t for t in ctx.extraction.tables if isinstance(t, s.Statement)]
    units = {t.id: u for t in statements if (u := _money_unit(t))}
    counts = Counter(units.values()).most_common()
    if len(counts) == 1 and len(units) > 1:
        for _ in units:
            ctx.held(UNIT_LINE)  # one unit throughout
        return
    if len(counts) < 2 or counts[0][1] == counts[1][1]:
        return  # a single statement, or no majority to hold one to
    usual = counts[0][0]
    shared: dict[tuple[str, Decimal], tuple[Operand, s.Statement]] = {}
    for table in statements:
        if units.get(table.id) == usual:
            for line, cell in named_figures(table).items():
                shared.setdefault(line, (cell, table))
    for table in statements:
        unit = units.get(table.id)
        if unit is None or unit == usual:
            continue
        same = next(((c, shared[k]) for k, c in named_figures(table).items() if k in shared), None)
        if same is None:
            ctx.held(UNIT_LINE)
            continue
        mine, (theirs, other) = same
        ctx.violated(
            UNIT_LINE,
            "warning",
            mine,
            [theirs],
            f"报表「{table.title}」单位为{unit}，但其中 {mine.number.text} 与以{usual}列示的"
            f"「{other.title}」同一行相同，单位应为{usual}",
            computed=usual,
        )


_NAMED_CLASS = {"功能": "2", "经济": "3"}
_CLASS_IN_TITLE = re.compile(r"(功能|经济)(?:科目|分类)")


def classification_named(ctx: Context) -> None:
    """ "一般公共预算支出预算表（经济科目）" over codes 201, 20101…: the title names the other
    classification."""
    for table in ctx.extraction.tables:
        if not isinstance(table, s.Statement):
            continue
        block = ctx.block_of(table.id)
        captions = [ctx.text_of(c) for c in block.caption_ids] if isinstance(block, Table) else []
        named = _CLASS_IN_TITLE.findall(" ".join([table.title, *captions]))
        codes = [r for r in table.rows if r.code and r.code.isdigit() and len(r.code) >= 3]
        if len(set(named)) != 1 or len(codes) < 2:
            continue
        leading = {r.code[0] for r in codes}
        if leading == {_NAMED_CLASS[named[0]]} or len(leading) != 1:
            ctx.held(CLASSIFICATION)
            continue
        other = next(k for k, v in _NAMED_CLASS.items() if v in leading)
        ctx.violated(
            CLASSIFICATION,
            "warning",
            None,
            [_where_code(ctx, r, table) for r in codes[:3]],
            f"报表「{table.title}」标题称{named[0]}分类，但其 {len(codes)} 个科目编码"
            f"（如 {codes[0].code}）都是{other}分类编码",
            computed=f"{other}分类",
        )


def _where_code(ctx: Context, row: s.Amount, table: s.Statement) -> Evidence:
    return Evidence(role="operand", text=row.code or "", location=_where(ctx, row, table))


FAMILIES = [
    summary_identities,
    prose_balance,
    summary_lines,
    column_totals,
    code_hierarchy,
    code_names,
    rate_columns,
    unit_lines,
    classification_named,
]
