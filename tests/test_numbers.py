from decimal import Decimal

import pytest

from budgetlens.numbers import find_numbers, parse_number
from budgetlens.textnorm import parse_comparator


@pytest.mark.parametrize(
    ("cell", "value", "decimals", "percent", "repaired"),
    [
        ("3081.49", "3081.49", 2, False, False),
        ("1,049.98", "1049.98", 2, False, False),
        ("１２３．４", "123.4", 1, False, False),  # full-width digits and point
        ("98%", "98", 0, True, False),
        ("100.00％", "100.00", 2, True, False),
        ("6 5", "65", 0, False, True),  # digits split by OCR
        ("1.87 5", "1.875", 3, False, True),
        (" 0 ", "0", 0, False, False),
        ("-0.50", "-0.50", 2, False, False),
    ],
)
def test_parse_number_keeps_value_and_decimals(cell, value, decimals, percent, repaired):
    number = parse_number(cell)
    assert number is not None
    assert number.value == Decimal(value)
    assert number.decimals == decimals
    assert number.percent is percent
    assert number.repaired is repaired
    assert number.text == cell.strip()


@pytest.mark.parametrize(
    "cell", ["", "定性", "高", "≥", "2023年", "1.2.3", "51172522R000000257329", "/"]
)
def test_parse_number_rejects_non_numbers(cell):
    assert parse_number(cell) is None


def test_interval_is_half_a_printed_unit():
    assert parse_number("3081.49").interval == (Decimal("3081.485"), Decimal("3081.495"))
    assert parse_number("98%").interval == (Decimal("97.5"), Decimal("98.5"))


def test_find_numbers_reports_spans_into_the_original_text():
    text = "本年收入合计３０８１.49万元，占93.19%；较上年减少 0.50 万元"
    found = find_numbers(text)
    assert [n.text for n in found] == ["３０８１.49", "93.19%", "0.50"]
    for n in found:
        assert text[n.start : n.end] == n.text
    assert found[0].value == Decimal("3081.49")
    assert found[1].percent


def test_find_numbers_skips_digits_inside_codes():
    assert find_numbers("51172522R000000257329-在职工资") == []
    assert [n.text for n in find_numbers("渠财预〔2024〕005号")] == ["2024", "005"]


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("≥", ">="),
        ("≧", ">="),
        ("$\\geq$", ">="),
        ("$ \\geq $", ">="),
        ("≤", "<="),
        ("≦", "<="),
        ("$\\leq$", "<="),
        ("＝", "="),
        ("=", "="),
        (">", ">"),
        ("＜", "<"),
        ("定性", "qualitative"),
        ("定 性", "qualitative"),
    ],
)
def test_comparators_in_every_printed_form(printed, name):
    assert parse_comparator(printed) == name


def test_comparator_rejects_other_text():
    assert parse_comparator("提高") is None
