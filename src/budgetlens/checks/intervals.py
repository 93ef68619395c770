"""Exact, rounding-aware arithmetic for checks (DOMAIN.md §5).

A printed number stands for an interval: "3081.49" is [3081.485, 3081.495]. A check recomputes a
stated figure from printed inputs twice: from their intervals, and from their printed values taken
as exact. ``judge`` then places the stated figure in a tier: pass (the exact result rounds to it),
rounding (the intervals overlap, the XBRL Calculations 1.1 rule), suspect rounding (truncated
instead of rounded, or one display unit off, as when shares are forced to total 100%) or mismatch.

All arithmetic is on Decimals, never floats. Bounds are rounded outward (division is rarely exact),
so an interval never loses a value it should hold.

Units: money is printed in 元, 万元 or 亿元. Checks work in 万元, the reports' own unit. A
``Quantity`` pairs a printed ``Number`` with the unit it was printed in; a bare ``Number`` is taken
as already in the common unit, or unitless (scores, counts, percents). Converting to 万元 moves the
decimal point only, so a converted number keeps its precision: 1.147 亿元 is 11470 万元 ± 5.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from functools import reduce

from budgetlens.numbers import Number

# Digits enough that sums, differences and products of printed figures are exact.
_PRECISION = 50
_HUNDRED = Decimal(100)
# Value in 万元 = value × 10^exponent; None is the common unit itself, or no unit at all.
_WAN_EXPONENT: dict[str | None, int] = {"元": -4, "万元": 0, "亿元": 4, None: 0}


class UndefinedRatio(ZeroDivisionError):
    """The base of a ratio may be zero: the rate is undefined, not wrong (DOMAIN.md §4.3)."""


def _wan_exponent(unit: str | None) -> int:
    try:
        return _WAN_EXPONENT[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}: expected 元, 万元 or 亿元") from None


def to_wan(value: Decimal, unit: str | None) -> Decimal:
    """``value`` printed in ``unit`` (元, 万元, 亿元; None: already 万元), exactly in 万元."""
    exponent = _wan_exponent(unit)
    with localcontext(prec=_PRECISION):
        return value.scaleb(exponent)


def from_wan(value: Decimal, unit: str | None) -> Decimal:
    """``value`` in 万元, exactly in ``unit``: the inverse of ``to_wan``."""
    exponent = _wan_exponent(unit)
    with localcontext(prec=_PRECISION):
        return value.scaleb(-exponent)


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi] of exact decimals."""

    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def of(cls, value: Decimal, decimals: int) -> Interval:
        """What a number printed with ``decimals`` decimals stands for: ± half its last unit."""
        half = Decimal(5).scaleb(-(decimals + 1))
        with localcontext(prec=_PRECISION):
            return cls(value - half, value + half)

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return _hull(operator.add, self, other)

    def __sub__(self, other: Interval) -> Interval:
        return _hull(operator.sub, self, other)

    def __mul__(self, other: Interval) -> Interval:
        return _hull(operator.mul, self, other)

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains(Decimal(0)):
            raise UndefinedRatio(f"the divisor {other} may be zero")
        return _hull(operator.truediv, self, other)

    def scale(self, factor: Decimal) -> Interval:
        return self * Interval.exact(factor)

    def to_wan(self, unit: str | None) -> Interval:
        return Interval(to_wan(self.lo, unit), to_wan(self.hi, unit))

    def from_wan(self, unit: str | None) -> Interval:
        return Interval(from_wan(self.lo, unit), from_wan(self.hi, unit))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    @property
    def width(self) -> Decimal:
        with localcontext(prec=_PRECISION):
            return self.hi - self.lo

    @property
    def mid(self) -> Decimal:
        with localcontext(prec=_PRECISION):
            return (self.lo + self.hi) / 2

    def __str__(self) -> str:
        return f"[{self.lo}, {self.hi}]"


def _hull(op: Callable[[Decimal, Decimal], Decimal], a: Interval, b: Interval) -> Interval:
    """The range of ``op`` over two intervals, rounded outward.

    Each of + − × ÷ (by an interval without zero) is monotone in each argument, so its extremes
    lie at the corners.
    """
    corners = [(x, y) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
    with localcontext(prec=_PRECISION, rounding=ROUND_FLOOR):
        lo = min(op(x, y) for x, y in corners)
    with localcontext(prec=_PRECISION, rounding=ROUND_CEILING):
        hi = max(op(x, y) for x, y in corners)
    return Interval(lo, hi)


class Tier(StrEnum):
    """How a stated figure compares with its recomputation (DOMAIN.md §5)."""

    PASS = "pass"
    ROUNDING = "rounding"
    SUSPECT_ROUNDING = "suspect_rounding"
    MISMATCH = "mismatch"
    UNDEFINED = "undefined"  # for callers that caught UndefinedRatio: a zero base


@dataclass(frozen=True, slots=True)
class Judgement:
    tier: Tier
    stated: Interval
    computed: Interval
    difference: Decimal | None  # stated value − exact recomputation, None when there is none
    reason: str
    unit: str | None = None  # a money figure's printed unit: the figures above are in 万元

    def as_printed(self) -> Judgement:
        """The figures in the unit the stated one was printed in, for a finding to show beside
        its text: a prose "231元" judged as 0.0231 万元 is reported as 231 again."""
        if self.unit is None:
            return self
        return replace(
            self,
            stated=self.stated.from_wan(self.unit),
            computed=self.computed.from_wan(self.unit),
            difference=None if self.difference is None else from_wan(self.difference, self.unit),
            unit=None,
        )


def _round(value: Decimal, decimals: int, rounding: str) -> Decimal:
    with localcontext(prec=_PRECISION):
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def _outline(interval: Interval, decimals: int) -> str:
    """The interval shortened for a message, rounded outward so that it still holds the truth."""
    lo, hi = (
        _round(interval.lo, decimals, ROUND_FLOOR),
        _round(interval.hi, decimals, ROUND_CEILING),
    )
    return f"[{lo:f}, {hi:f}]"


def _tier(
    value: Decimal,
    decimals: int,
    overlap: bool,
    exact: Decimal | None,
    display_unit: Decimal,
) -> tuple[Tier, str]:
    """The tier and why, in the order of DOMAIN.md §5: exact, overlap, author's rounding."""
    if exact is None:
        return (Tier.ROUNDING, "within rounding") if overlap else (Tier.MISMATCH, "out of range")
    rounded = _round(exact, decimals, ROUND_HALF_UP)
    if value == rounded:
        return Tier.PASS, f"equals the recomputed {rounded:f}"
    if overlap:
        return Tier.ROUNDING, f"within rounding of the recomputed {rounded:f}"
    if value == _round(exact, decimals, ROUND_DOWN):
        return Tier.SUSPECT_ROUNDING, f"truncated where rounding gives {rounded:f}"
    if abs(value - rounded) == display_unit:
        return Tier.SUSPECT_ROUNDING, f"one display unit off the recomputed {rounded:f}"
    return Tier.MISMATCH, f"the recomputed value is {rounded:f}"


def judge(
    stated_value: Decimal,
    stated_decimals: int,
    computed: Interval,
    computed_exact: Decimal | None,
    display_unit: Decimal | None = None,
) -> Judgement:
    """Judge a stated figure against its recomputation (DOMAIN.md §5).

    ``computed`` is recomputed from the inputs' intervals, ``computed_exact`` from their printed
    values taken as exact. ``display_unit`` (default 10^-decimals) is how far a share may be
    pushed to make a set of shares total 100%.
    """
    stated = Interval.of(stated_value, stated_decimals)
    unit = Decimal(1).scaleb(-stated_decimals) if display_unit is None else display_unit
    overlap = stated.overlaps(computed)
    tier, why = _tier(stated_value, stated_decimals, overlap, computed_exact, unit)
    difference = None
    if computed_exact is not None:
        with localcontext(prec=_PRECISION):
            difference = stated_value - computed_exact
    reason = f"stated {stated_value:f}: {why} (interval {_outline(computed, stated_decimals + 3)})"
    return Judgement(tier, stated, computed, difference, reason)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A printed number and the unit it was printed in; its value, decimals and interval in 万元."""

    number: Number
    unit: str | None = None

    def __post_init__(self) -> None:
        _wan_exponent(self.unit)  # reject an unknown unit here, not deep inside a check

    @property
    def value(self) -> Decimal:
        return to_wan(self.number.value, self.unit)

    @property
    def decimals(self) -> int:
        return self.number.decimals - _wan_exponent(self.unit)

    @property
    def interval(self) -> Interval:
        return Interval.of(self.number.value, self.number.decimals).to_wan(self.unit)


Operand = Number | Quantity  # a bare Number is in the common unit, or has none


def _quantity(operand: Operand) -> Quantity:
    return operand if isinstance(operand, Quantity) else Quantity(operand)


def _judge_quantity(stated: Quantity, computed: Interval, exact: Decimal) -> Judgement:
    return replace(judge(stated.value, stated.decimals, computed, exact), unit=stated.unit)


def _addend(quantity: Quantity, counted: bool) -> Interval:
    """A part's interval. A printed zero is nothing, not a rounded something; and where the
    figures count whole things (points, people), a whole number is exact."""
    number = quantity.number
    if number.value == 0 or (counted and number.decimals <= 0):
        return Interval.exact(quantity.value)
    return quantity.interval


def check_sum(total: Operand, parts: Sequence[Operand], counted: bool = False) -> Judgement:
    """Components add up to a stated total (footing, statement identities).

    ``counted``: the figures count whole things (scores, head counts), so whole numbers are
    exact and 42 + 7 + 54 cannot round to 102.
    """
    if not parts:
        raise ValueError("a sum needs at least one part")
    quantities = [_quantity(p) for p in parts]
    computed = reduce(operator.add, (_addend(q, counted) for q in quantities))
    with localcontext(prec=_PRECISION):
        exact = sum((q.value for q in quantities), Decimal(0))
    return _judge_quantity(_quantity(total), computed, exact)


def check_ratio(stated_percent: Number, numerator: Operand, denominator: Operand) -> Judgement:
    """A share or rate in percent equals 100 × numerator ÷ denominator.

    Signs are the caller's: a decrease passes a negative change and a negative rate. Raises
    UndefinedRatio when the denominator may be zero.
    """
    a, b = _quantity(numerator), _quantity(denominator)
    computed = (a.interval / b.interval).scale(_HUNDRED)
    with localcontext(prec=_PRECISION):
        exact = a.value / b.value * _HUNDRED
    return judge(stated_percent.value, stated_percent.decimals, computed, exact)


def check_difference(
    stated: Operand, current: Operand, prior: Operand, counted: bool = False
) -> Judgement:
    """A stated change equals current − prior; the caller signs it (减少 0.50 is −0.50).
    ``counted`` as for ``check_sum``: whole points lost are exact."""
    now, before = _quantity(current), _quantity(prior)
    with localcontext(prec=_PRECISION):
        exact = now.value - before.value
    computed = _addend(now, counted) - _addend(before, counted)
    return _judge_quantity(_quantity(stated), computed, exact)


def check_equal(a: Operand, b: Operand) -> Judgement:
    """The same figure printed twice agrees.

    The coarser printing is judged against the finer one, so 1.147 亿元 passes against
    11473 万元. Printed with the same decimals there is no room for rounding: the figures must
    be identical, and one unit apart is suspect. The judgement reports ``a`` as stated and
    ``b`` as computed, whichever was judged against the other.
    """
    first, second = _quantity(a), _quantity(b)
    coarse, fine = sorted((first, second), key=lambda q: q.decimals)
    same_precision = coarse.decimals == fine.decimals
    computed = Interval.exact(fine.value) if same_precision else fine.interval
    judgement = _judge_quantity(coarse, computed, fine.value)
    if coarse is first:
        return judgement
    # Judged the other way round: still report ``a`` as the stated figure and ``b`` as what it
    # was checked against, each with its own interval, so that a finding never shows the
    # other figure's interval beside its stated text (90.02% with 100's [99.5, 100.5]).
    with localcontext(prec=_PRECISION):
        difference = first.value - second.value
    return replace(
        judgement,
        stated=first.interval,
        computed=second.interval,
        difference=difference,
        unit=first.unit,
    )
