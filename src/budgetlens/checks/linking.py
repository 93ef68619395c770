"""Linking that survives wording: one quantity under another county's unit or name.

Units are compared by what they count, so 次 and 人次 or 个, 家 and 户 are one unit and 元, 万元
and 亿元 one unit at three scales. Indicator names are matched by their normalised text, then
by containment (满意度 ↔ 群众满意度), then as the only row left under the same 二级指标 in both
tables. Each match says how strong it is, so that a check can say so
in its message and report a weak link at most as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from budgetlens.textnorm import to_halfwidth

Strength = Literal["exact", "contained", "position"]

STRENGTH_WORDS: dict[Strength, str] = {
    "exact": "名称一致",
    "contained": "名称相互包含",
    "position": "同一二级指标下仅此一项",
}

# unit → what it counts: units of one kind restate one another (money is converted by
# ``intervals.Quantity``: 1.147 亿元 is 11470 万元; the others are synonyms)
_UNITS: dict[str, str] = {
    "元": "money",
    "万元": "money",
    "亿元": "money",
    "次": "times",
    "批次": "times",
    "人次": "times",
    "个": "items",
    "项": "items",
    "家": "items",
    "户": "items",  # enterprises are counted in 户 or 家
    "人": "people",
    "名": "people",
    "%": "percent",
}


def subject_key(text: str) -> str:
    """A subject for comparing: no spaces, brackets or quotes."""
    return re.sub(r"[\s（）()“”\"'《》]", "", text)


# what a subject names as a budget figure, by its last words: the 年初 budget, the year's
# (adjusted) one; shared by the checks that restate, adjust and divide by them
INITIAL_BUDGET = re.compile(r"年初预算(?:数|金额|资金)?$")
YEARS_BUDGET = re.compile(r"(?:全年|调整后?)预算(?:数|金额|资金)?$")  # 调整预算 too

_CODE = re.compile(r"^[0-9A-Z]{10,}[-－—]")  # the 项目编码 printed before a project's name


_YEAR_LEAD = re.compile(r"^\d{4}年度?")  # "2024年森林防灭火物资储备", named without its year


def project_name(project: str) -> str:
    """A project's name for comparing: no 项目编码, leading year, spaces, brackets or quotes."""
    return subject_key(_YEAR_LEAD.sub("", _CODE.sub("", project).strip()))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(text))


def same_unit(a: str | None, b: str | None) -> bool | None:
    """Whether two printed units measure alike: True, False, or None where one is not a unit
    this module knows (亩 against 平方米, or a cell misread into the unit column)."""
    if a is not None and b is not None and _compact(a) == _compact(b):
        return True
    ka = _UNITS.get(_compact(a)) if a else None
    kb = _UNITS.get(_compact(b)) if b else None
    if ka is None or kb is None:
        return None
    return ka == kb


def name_key(text: str) -> str:
    """An indicator name for comparing: widths, spaces, brackets, quotes, a trailing 指标 and
    a trailing 数 or 数量 removed ("发放（缴纳）覆盖率" and "发放(缴纳)覆盖率" are one name)."""
    key = re.sub(r"[\s()\[\]【】“”\"'《》、，,。:：]", "", to_halfwidth(text).replace("（", "("))
    key = key.replace("）", "").removesuffix("指标")
    # "签约服务团队数" counts the 签约服务团队 a sentence names
    return re.sub(r"(?:数量|个数|数)$", "", key) if len(key) >= 5 else key


MIN_CONTAINED = 3  # "满意度": shorter names are too general to link by containment


def name_match(a: str | None, b: str | None) -> Strength | None:
    """How two indicator names match: "exact" when their keys are equal, "contained" when one
    key holds the other, else None."""
    if not a or not b:
        return None
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return "exact"
    short, long = sorted((ka, kb), key=len)
    return "contained" if len(short) >= MIN_CONTAINED and short in long else None


Row = TypeVar("Row")


@dataclass(frozen=True)
class Pair(Generic[Row]):
    first: Row
    second: Row
    strength: Strength


def pair_rows(
    first: Sequence[Row],
    second: Sequence[Row],
    name: Callable[[Row], str | None],
    group: Callable[[Row], str | None],
) -> tuple[list[Pair[Row]], list[Row], list[Row]]:
    """Rows of two tables paired as the same indicator, with the rows of each left unpaired.

    Exact names first, then containment where it is unambiguous both ways, then the only row
    left under the same group (二级指标) on both sides.
    """
    pairs: list[Pair[Row]] = []
    left, right = list(first), list(second)
    for strength in ("exact", "contained"):
        for row in list(left):
            found = [o for o in right if name_match(name(row), name(o)) == strength]
            back = [r for r in left if found and name_match(name(r), name(found[0])) == strength]
            if len(found) == 1 and len(back) == 1:
                pairs.append(Pair(row, found[0], strength))  # type: ignore[arg-type]
                left.remove(row)
                right.remove(found[0])
    for row in list(left):
        key = name_key(group(row) or "")
        mine = [r for r in left if name_key(group(r) or "") == key]
        theirs = [o for o in right if name_key(group(o) or "") == key]
        if key and len(mine) == 1 and len(theirs) == 1:
            pairs.append(Pair(row, theirs[0], "position"))
            left.remove(row)
            right.remove(theirs[0])
    return pairs, left, right
