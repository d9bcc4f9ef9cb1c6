"""The engine's messages write shares as every page does: 70%, 66,7% (no database)."""

from fractions import Fraction

from vinhdanh.core.numbers import vn_percent
from vinhdanh.rules.engine.checks import _percent


def test_engine_shares_use_a_decimal_comma_like_the_pages():
    assert _percent(Fraction(2, 3)) == "66,7%" == vn_percent(Fraction(2, 3))
    assert _percent(Fraction(7, 10)) == "70%" == vn_percent(Fraction(7, 10))
