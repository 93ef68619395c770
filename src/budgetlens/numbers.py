"""The one number parser of budgetlens.

A printed number keeps the string it was printed as and its decimals, because the decimals
are its precision: "3081.49" stands for the interval [3081.485, 3081.495] (DOMAIN.md §5).
Values are exact ``Decimal``s, never floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetlens.textnorm import to_halfwidth

# Thousands-separated or plain, optional decimals, optional percent. Latin letters or digits
# around it make it part of a code ("51172522R000000257329"), not a number; Chinese
# characters around it are the prose it sits in. OCR's spaces inside one number are read as
# such, and flagged: "1 318.06" (a separator) and "1895.1 9" (its decimals split).
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?P<sign>[-+−])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?P<spaced>\d{1,3}(?: \d{3})+\.\d+"
    r"|\d+\.\d+(?: \d+)+(?![\d.]))|\d+(?:\.\d+)?)"
    r"(?![A-Za-z0-9])(?P<pct>\s?%)?"
)
# A cell that holds one number, allowing OCR's stray spaces between its digits ("6 5", "1.87 5").
_CELL_NUMBER = re.compile(r"^[-+−]?[\d\s,]*\d(?:\s*\.\s*\d[\d\s]*)?\s*%?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as printed: its text, exact value, printed decimals and span in its string."""

    text: str
    value: Decimal
    decimals: int
    percent: bool = False
    repaired: bool = False  # OCR spaces inside the digits were removed to read it
    start: int = 0
    end: int = 0

    @property
    def half_unit(self) -> Decimal:
        """Half of the last printed digit's unit: how far the true value may lie."""
        return Decimal(5).scaleb(-(self.decimals + 1))

    @property
    def interval(self) -> tuple[Decimal, Decimal]:
        return self.value - self.half_unit, self.value + self.half_unit


def _make(text: str, digits: str, sign: str | None, percent: bool, **kw: object) -> Number:
    plain = digits.replace(",", "")
    value = Decimal(plain)
    if sign in ("-", "−"):
        value = -value
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Number(text=text, value=value, decimals=decimals, percent=percent, **kw)  # type: ignore[arg-type]


def find_numbers(text: str) -> list[Number]:
    """Every number printed in ``text``, with spans into ``text`` itself."""
    half = to_halfwidth(text)  # same length as ``text``, so spans carry over
    found = []
    for m in _NUMBER.finditer(half):
        found.append(
            _make(
                text[m.start() : m.end()],
                m.group("num").replace(" ", ""),
                m.group("sign"),
                bool(m.group("pct")),
                repaired=bool(m.group("spaced")),  # OCR's space: a separator or a split
                start=m.start(),
                end=m.end(),
            )
        )
    return found


def parse_number(cell: str) -> Number | None:
    """The number a table cell holds, or None when the cell is not a single number.

    Tolerates full-width digits, thousands separators and the spaces OCR puts between digits;
    the last are flagged ``repaired`` so that checks can treat the value as less reliable.
    """
    stripped = cell.strip()
    half = to_halfwidth(stripped).strip()
    if not half or not _CELL_NUMBER.match(half):
        return None
    compact = re.sub(r"\s+", "", half)
    m = _NUMBER.fullmatch(compact)
    if m is None:
        return None
    return _make(
        stripped,
        m.group("num"),
        m.group("sign"),
        bool(m.group("pct")),
        repaired=compact != half.replace(" %", "%"),
        start=0,
        end=len(stripped),
    )
