"""One figure restated with two neighbouring digits swapped (DOMAIN.md §4.6).

The commonest slip in a restatement is a transposition: the 决算 prints 政府采购 2846.37 and
the 绩效 report 2864.37; the 机关运行经费 list has 会议费 1,094.62 and the 三公 section 1,049.62.
Two prose figures of one unit, in different paragraphs, whose names share a noun and whose
digits differ only by one swap of two neighbours are almost never two different quantities;
which one is wrong the text cannot say, except where one of them is printed more often.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from budgetlens.checks.catalog import Doc, Rule
from budgetlens.checks.engine import Context, Operand
from budgetlens.checks.linking import subject_key
from budgetlens.claims.model import Claim

TRANSPOSED = Rule(
    "RESTATE.transposed_digits",
    version=1,
    severity="warning",
    zh=Doc(
        "同一数字在两处不是相邻两位对调的写法",
        what="不同段落中单位相同、名称含同一名词（至少三个字，如“会议费”“政府采购”“优抚对象”）的"
        "两个数，至少四位数字，只差相邻两位对调（2846.37 与 2864.37）时报告；某一写法出现次数"
        "更多时，以另一写法为所判断的数。仅凭文字关联，为警告。",
        why="相邻两位对调是转抄中最常见的笔误；名称相同、数字只差一次对调的两个数几乎不会是两笔"
        "不同的钱或两个不同的数量。",
    ),
    en=Doc(
        "A figure is not restated with two neighbouring digits swapped",
        what="Two figures of one unit in different paragraphs, whose names share a noun of at "
        "least three characters (会议费, 政府采购, 优抚对象) and whose digits, four or more, "
        "differ only by one swap of two neighbours (2846.37 and 2864.37). Where one way of "
        "printing it occurs more often, the other is the one judged. Linked by words, so a "
        "warning.",
        why="A swap of neighbouring digits is the commonest copying slip; two figures so named "
        "and so close are almost never two different sums or counts.",
    ),
)

MIN_DIGITS = 4  # "21" and "12" are too short to be told from two different figures
MIN_NOUN = 3  # characters the two names must share
_TYPES = ("amount", "count", "achievement")
# words every figure's name may share without naming the same thing
_COMMON = re.compile(
    r"\d{4}年度?|全年|本年|当年|上年|年初|年末|预算|决算|实际|支出|收入|合计|总计|总额|资金|"
    r"共计|累计|完成|实现|安排|其中|[（）()、，,的为了共计有]"
)


def _digits(claim: Claim) -> str:
    return re.sub(r"\D", "", claim.quantity.text)


def swapped(a: str, b: str) -> bool:
    """Whether two digit strings differ by one swap of two neighbouring, different digits."""
    if len(a) != len(b) or len(a) < MIN_DIGITS:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    i, j = diff
    return a[i] == b[j] and a[j] == b[i]


def _noun(claim: Claim) -> str:
    return _COMMON.sub(" ", subject_key(claim.subject))


def shared_noun(a: Claim, b: Claim) -> str:
    """The longest run of characters both names hold beyond words every figure's name may."""
    x, y = _noun(a), _noun(b)
    match = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    noun = x[match.a : match.a + match.size].strip()
    return noun if len(noun) >= MIN_NOUN and " " not in noun else ""


def _apart(a: Claim, b: Claim) -> bool:
    """Printed in different paragraphs, of one year (where both name one)."""
    return a.span.block_id != b.span.block_id and (a.year == b.year or None in (a.year, b.year))


def transposed_digits(ctx: Context) -> None:
    claims = [c for c in ctx.claims if c.type in _TYPES and not c.quantity.percent]
    printed = Counter((_digits(c), c.quantity.unit) for c in claims)
    # a swap keeps the digits: only figures with the same ones are compared
    alike: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        q = claim.quantity
        alike[(q.unit, q.decimals, "".join(sorted(_digits(claim))))].append(claim)
    reported: set[str] = set()  # a slip is reported once, against the first figure it restates
    for bucket in alike.values():
        for i, later in enumerate(bucket):
            for earlier in bucket[:i]:
                _compare(ctx, printed, earlier, later, reported)


def _compare(
    ctx: Context, printed: Counter, earlier: Claim, later: Claim, reported: set[str]
) -> None:
    a, b = _digits(earlier), _digits(later)
    if len(a) < MIN_DIGITS or not _apart(earlier, later) or not (a == b or swapped(a, b)):
        return
    noun = shared_noun(earlier, later)
    if not noun:
        return
    if a == b:
        ctx.held(TRANSPOSED)  # one figure, printed the same both times
        return
    unit = later.quantity.unit
    # the way printed less often is the slip; on a tie, the later restatement
    odd, kept = (earlier, later) if printed[(a, unit)] < printed[(b, unit)] else (later, earlier)
    if odd.id in reported:
        return
    reported.add(odd.id)
    stated, other = Operand.from_claim(odd), Operand.from_claim(kept)
    ctx.violated(
        TRANSPOSED,
        "warning",
        stated,
        [other],
        f"“{noun}”：此处 {odd.quantity.text}{unit or ''}，"
        f"{other.evidence.location.where()}为 {kept.quantity.text}{unit or ''}，"
        "只差相邻两位数字对调",
        computed=kept.quantity.text,
    )


FAMILIES = [transposed_digits]
