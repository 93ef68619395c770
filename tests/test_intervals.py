import random
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from budgetlens.checks.intervals import (
    Interval,
    Quantity,
    Tier,
    UndefinedRatio,
    check_difference,
    check_equal,
    check_ratio,
    check_sum,
    judge,
    to_wan,
)
from budgetlens.numbers import Number, parse_number

D = Decimal


def num(text: str) -> Number:
    number = parse_number(text)
    assert number is not None
    return number


def iv(lo: str, hi: str) -> Interval:
    return Interval(D(lo), D(hi))


# --- Interval ---------------------------------------------------------------------------------


def test_of_is_half_a_printed_unit_either_side():
    assert Interval.of(D("3081.49"), 2) == iv("3081.485", "3081.495")
    assert Interval.of(D("98"), 0) == iv("97.5", "98.5")
    assert Interval.of(D("-0.50"), 2) == iv("-0.505", "-0.495")
    assert Interval.of(D("11470"), -1) == iv("11465", "11475")  # 1.147 亿元 in 万元


def test_exact_is_a_point():
    point = Interval.exact(D("2.5"))
    assert point.width == 0
    assert point.mid == D("2.5")


def test_empty_interval_is_rejected():
    with pytest.raises(ValueError):
        iv("2", "1")


def test_add_and_subtract_widen_exactly():
    a, b = iv("1.005", "1.015"), iv("-2.005", "-1.995")
    assert a + b == iv("-1.000", "-0.980")
    assert a - b == iv("3.000", "3.020")
    assert (a - b).width == a.width + b.width


@pytest.mark.parametrize(
    ("a", "b", "product"),
    [
        (("1", "2"), ("3", "4"), ("3", "8")),
        (("-2", "-1"), ("3", "4"), ("-8", "-3")),
        (("-2", "-1"), ("-4", "-3"), ("3", "8")),
        (("-1", "2"), ("-3", "4"), ("-6", "8")),
    ],
)
def test_multiply_takes_the_extreme_corners(a, b, product):
    assert iv(*a) * iv(*b) == iv(*product)


def test_divide_rounds_outward():
    third = iv("1", "1") / iv("3", "3")
    assert Fraction(third.lo) < Fraction(1, 3) < Fraction(third.hi)
    assert third.width < D("1e-40")
    assert iv("-6", "-3") / iv("2", "3") == iv("-3", "-1")


@pytest.mark.parametrize("divisor", [("0", "0"), ("-0.005", "0.005"), ("0", "1"), ("-1", "0")])
def test_divisor_that_may_be_zero_is_undefined(divisor):
    with pytest.raises(UndefinedRatio):
        iv("1", "2") / iv(*divisor)
    assert issubclass(UndefinedRatio, ZeroDivisionError)


def test_scale_by_a_negative_factor_swaps_the_bounds():
    assert iv("1", "2").scale(D("-100")) == iv("-200", "-100")


def test_overlaps_and_contains_include_the_bounds():
    a = iv("1.005", "1.015")
    assert a.overlaps(iv("1.015", "1.02"))  # touching counts: rounding to nearest
    assert not a.overlaps(iv("1.0151", "1.02"))
    assert a.contains(D("1.005")) and not a.contains(D("1.0049"))
    assert a.width == D("0.010") and a.mid == D("1.010")


# --- Units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "wan"),
    [
        ("1.147", "亿元", "11470"),
        ("11470", "万元", "11470"),
        ("30825", "元", "3.0825"),
        ("-0.5", "亿元", "-5000"),
        ("47.99", None, "47.99"),
    ],
)
def test_to_wan_is_exact(value, unit, wan):
    assert to_wan(D(value), unit) == D(wan)


@pytest.mark.parametrize("unit", ["美元", "千元", "", "万"])
def test_unknown_unit_is_an_error(unit):
    with pytest.raises(ValueError):
        to_wan(D(1), unit)
    with pytest.raises(ValueError):
        Quantity(num("1"), unit)


def test_interval_converts_like_its_value():
    assert Interval.of(D("1.147"), 3).to_wan("亿元") == iv("11465", "11475")


def test_quantity_keeps_its_precision_in_wan():
    q = Quantity(num("1.147"), "亿元")
    assert (q.value, q.decimals, q.interval) == (D("11470"), -1, iv("11465", "11475"))


# --- judge ------------------------------------------------------------------------------------


def test_judgement_records_the_intervals_and_difference():
    j = judge(D("3.05"), 2, iv("3.0559", "3.0563"), D("3.056"))
    assert j.tier is Tier.SUSPECT_ROUNDING
    assert j.stated == iv("3.045", "3.055")
    assert j.computed == iv("3.0559", "3.0563")
    assert j.difference == D("-0.006")
    assert "3.05" in j.reason and "truncated" in j.reason


def test_without_an_exact_value_only_the_intervals_speak():
    assert judge(D("1.00"), 2, iv("0.99", "1.01"), None).tier is Tier.ROUNDING
    mismatch = judge(D("1.00"), 2, iv("1.2", "1.3"), None)
    assert mismatch.tier is Tier.MISMATCH and mismatch.difference is None


def test_half_up_rounds_away_from_zero_for_negatives():
    assert judge(D("-0.13"), 2, Interval.exact(D("-0.125")), D("-0.125")).tier is Tier.PASS


def test_display_unit_can_be_given():
    # A 9.00 that should be 9.02 is two hundredths off: one unit only if the unit is 0.02.
    computed = Interval.exact(D("9.02"))
    assert judge(D("9.00"), 2, computed, D("9.02")).tier is Tier.MISMATCH
    assert judge(D("9.00"), 2, computed, D("9.02"), D("0.02")).tier is Tier.SUSPECT_ROUNDING


def _random_ratios(count: int) -> list[tuple[str, str, int]]:
    rng = random.Random(20240101)
    cases = []
    for _ in range(count):
        a = D(rng.randint(-(10**6), 10**6)).scaleb(-2)
        b = D(rng.choice([-1, 1]) * rng.randint(1, 10**7)).scaleb(-2)
        cases.append((str(a), str(b), rng.randint(0, 4)))
    return cases


@pytest.mark.parametrize(("a", "b", "decimals"), _random_ratios(200))
def test_a_correctly_rounded_ratio_always_passes(a, b, decimals):
    exact = D(a) / D(b) * 100
    printed = exact.quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    stated = Number(text=f"{printed}%", value=printed, decimals=decimals, percent=True)
    assert check_ratio(stated, num(a), num(b)).tier is Tier.PASS


# --- check_ratio: shares and rates (DOMAIN.md §3, §5) -----------------------------------------


@pytest.mark.parametrize(
    ("stated", "a", "b", "tier"),
    [
        ("90.03%", "665.97", "739.76", Tier.PASS),  # 90.0251% rounded
        # Seed 000 l.183 prints 90.02%: truncated, but the intervals still meet.
        ("90.02%", "665.97", "739.76", Tier.ROUNDING),
        ("3.05%", "72.17", "2361.58", Tier.SUSPECT_ROUNDING),  # 3.056% truncated (seed 000)
        ("9.01%", "121.30", "1346.85", Tier.PASS),  # 9.006% (seed 002 l.71)
        ("9.00%", "121.30", "1346.85", Tier.SUSPECT_ROUNDING),  # plugged to 100% (l.232)
        ("4.57%", "48.11", "1049.98", Tier.SUSPECT_ROUNDING),  # 4.582%: one unit, not truncated
        ("10.52%", "0.50", "9.50", Tier.MISMATCH),  # seed 001 l.144: true 5.26%
        ("-10.52%", "-0.50", "9.50", Tier.MISMATCH),  # the same decrease, signed
        ("-5.26%", "-0.50", "9.50", Tier.PASS),
        ("98%", "97.6", "100", Tier.PASS),
        ("100%", "503.07", "503.07", Tier.PASS),
    ],
)
def test_check_ratio(stated, a, b, tier):
    assert check_ratio(num(stated), num(a), num(b)).tier is tier


def test_ratio_one_unit_off_reason_names_the_rounded_value():
    j = check_ratio(num("4.57%"), num("48.11"), num("1049.98"))
    assert "one display unit" in j.reason and "4.58" in j.reason


def test_ratio_interval_follows_domain_formula():
    j = check_ratio(num("90.02%"), num("665.97"), num("739.76"))
    lo, hi = Fraction("665.965") / Fraction("739.765"), Fraction("665.975") / Fraction("739.755")
    assert Fraction(j.computed.lo) <= 100 * lo < 100 * hi <= Fraction(j.computed.hi)
    assert j.stated == iv("90.015", "90.025")


@pytest.mark.parametrize("base", ["0", "0.00", "-0.0"])
def test_zero_base_makes_a_rate_undefined(base):
    with pytest.raises(UndefinedRatio):
        check_ratio(num("10%"), num("0.50"), num(base))


def test_ratio_converts_units_before_dividing():
    # 30825 元 of 3.08 万元 is 100.08%, not a million percent.
    j = check_ratio(num("100.08%"), Quantity(num("30825"), "元"), Quantity(num("3.08"), "万元"))
    assert j.tier is Tier.PASS


# --- check_sum --------------------------------------------------------------------------------


def test_sum_that_adds_up_passes():
    assert check_sum(num("3081.49"), [num("2871.49"), num("210.00")]).tier is Tier.PASS


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        ("6.01", Tier.ROUNDING),  # off by 0.01: within (3+1) × 0.005
        ("6.02", Tier.ROUNDING),  # off by 0.02: exactly the bound, which still meets
        ("6.03", Tier.MISMATCH),
        ("6.05", Tier.MISMATCH),
        ("5.95", Tier.MISMATCH),
    ],
)
def test_three_part_sum_tolerates_four_half_units(total, tier):
    parts = [num("1.00"), num("2.00"), num("3.00")]
    j = check_sum(num(total), parts)
    assert j.tier is tier
    assert j.computed == iv("5.985", "6.015")


@pytest.mark.parametrize("n", [1, 2, 5, 19])
def test_sum_tolerance_grows_with_the_number_of_parts(n):
    parts = [num("1.00")] * n
    bound = (n + 1) * D("0.005")
    inside = (D(n) + bound).quantize(D("0.01"), rounding=ROUND_DOWN)
    outside = inside + D("0.01")
    assert check_sum(num(str(inside)), parts).tier in (Tier.PASS, Tier.ROUNDING)
    assert check_sum(num(str(outside)), parts).tier is Tier.MISMATCH


def test_sum_of_mixed_units_and_negatives():
    parts = [Quantity(num("1.00"), "亿元"), Quantity(num("30825"), "元"), num("-3.08")]
    assert check_sum(num("10000.00"), parts).tier is Tier.PASS  # 10000.0025 exactly
    assert check_sum(num("10000.01"), parts).tier is Tier.ROUNDING  # 1.00 亿元 is ± 50 万元
    assert check_sum(Quantity(num("1.00"), "亿元"), parts).tier is Tier.PASS


def test_whole_counts_are_exact_in_a_counted_sum():
    parts = [num("42"), num("7"), num("54")]  # 103 people
    # as rounded figures the parts could make anything from 101.5 to 104.5 …
    assert check_sum(num("102"), parts).tier is Tier.ROUNDING
    # … but people (and points) are counted, so 102 is one off
    assert check_sum(num("102"), parts, counted=True).tier is not Tier.PASS
    assert check_sum(num("102"), parts, counted=True).computed == iv("103", "103")
    assert check_sum(num("103"), parts, counted=True).tier is Tier.PASS
    # a score with decimals was rounded by whoever printed it: it keeps its interval
    assert check_sum(num("5"), [num("1.86"), num("3")], counted=True).computed == iv(
        "4.855", "4.865"
    )


def test_a_printed_zero_is_exact():
    parts = [num("2871.49"), num("210.00"), num("0"), num("0")]
    assert check_sum(num("3081.49"), parts).computed == iv("3081.48", "3081.50")
    assert check_sum(num("3082.49"), [*parts, num("1")]).tier is Tier.PASS
    assert check_sum(num("3081.49"), [*parts, num("1")]).tier is not Tier.PASS


def test_sum_needs_parts():
    with pytest.raises(ValueError):
        check_sum(num("1.00"), [])


# --- check_difference -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "current", "prior", "tier"),
    [
        ("17.51", "647.01", "629.50", Tier.PASS),  # seed 002 l.77
        ("-0.50", "9.00", "9.50", Tier.PASS),  # 减少 0.50, signed by the caller
        ("0.50", "9.00", "9.50", Tier.MISMATCH),  # the sign forgotten
        ("-0.51", "9.00", "9.50", Tier.ROUNDING),
        ("-0.53", "9.00", "9.50", Tier.MISMATCH),
        ("-1", "9.00", "9.50", Tier.PASS),  # whole units: −0.50 rounds half away from zero
    ],
)
def test_check_difference(stated, current, prior, tier):
    j = check_difference(num(stated), num(current), num(prior))
    assert j.tier is tier
    assert j.difference == D(stated) - (D(current) - D(prior))


def test_difference_across_units():
    j = check_difference(num("0.05"), Quantity(num("30825"), "元"), num("3.03"))
    assert j.tier is Tier.PASS  # 3.0825 − 3.03 = 0.0525


# --- check_equal ------------------------------------------------------------------------------


def test_same_money_in_two_units_is_equal():
    assert check_equal(Quantity(num("1.147"), "亿元"), Quantity(num("11470"), "万元")).tier is (
        Tier.PASS
    )
    # The coarser printing is judged against the finer one, whichever comes first.
    assert check_equal(num("11473"), Quantity(num("1.147"), "亿元")).tier is Tier.PASS


@pytest.mark.parametrize(
    ("a", "b", "tier"),
    [
        ("55.48", "55.48", Tier.PASS),
        ("55.48", "55.47", Tier.SUSPECT_ROUNDING),  # seed 002: same precision must be identical
        ("55.48", "55.46", Tier.MISMATCH),
        ("1511.89", "1560.05", Tier.MISMATCH),
        ("55.5", "55.48", Tier.PASS),
        ("55.5", "55.55", Tier.ROUNDING),  # 55.55 rounds to 55.6, yet may be 55.545
        ("55.5", "55.40", Tier.SUSPECT_ROUNDING),  # one display unit of the coarser printing
        ("55.5", "55.30", Tier.MISMATCH),
        ("-3.1", "-3.05", Tier.PASS),
    ],
)
def test_check_equal(a, b, tier):
    assert check_equal(num(a), num(b)).tier is tier
    assert check_equal(num(b), num(a)).tier is tier


def test_whole_points_lost_are_exact_in_a_counted_difference():
    # 3 − 1 allotted and awarded: 1 lost is within rounding of [1, 3] but counted it is 2
    assert check_difference(num("1"), num("3"), num("1")).tier is Tier.ROUNDING
    assert check_difference(num("1"), num("3"), num("1"), counted=True).tier is not Tier.PASS
    assert check_difference(num("2"), num("3"), num("1"), counted=True).tier is Tier.PASS


def test_check_equal_reports_its_first_figure_as_stated_whichever_is_coarser():
    """Seed 000 l.183 "90.02%" against its table's 100: the table's printing is the coarser and
    is judged, yet the finding's stated figure is the prose's, with its own interval."""
    j = check_equal(num("90.02"), num("100"))
    assert j.tier is Tier.MISMATCH
    assert j.stated == iv("90.015", "90.025") and j.computed == iv("99.5", "100.5")
    assert j.difference == Decimal("-9.98")
    assert check_equal(num("100"), num("90.02")).stated == iv("99.5", "100.5")


def test_a_judgement_reports_money_in_the_unit_the_stated_figure_was_printed_in():
    """Checks work in 万元; a finding shows "231元" beside figures in 元, not 0.0231."""
    j = check_sum(Quantity(num("-231"), "元"), [Quantity(num("30825"), "元"), num("-3.0516")])
    assert j.tier is Tier.MISMATCH and j.stated == iv("-0.02315", "-0.02305")
    shown = j.as_printed()
    assert shown.stated == iv("-231.5", "-230.5") and shown.difference == Decimal("-540")
    assert shown.computed.lo <= Decimal("309") <= shown.computed.hi and shown.tier is j.tier
    assert check_sum(num("3"), [num("1"), num("2")]).as_printed().stated == iv("2.5", "3.5")
    same = check_equal(Quantity(num("1.147"), "亿元"), Quantity(num("11480"), "万元"))
    assert same.as_printed().stated == iv("1.1465", "1.1475")
