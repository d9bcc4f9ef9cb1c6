"""Vietnamese number style: dots between thousands, a decimal comma (no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.template import Context, Template

from vinhdanh.core.numbers import vn_money, vn_number, vn_percent


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (1234567, None, "1.234.567"),
        (-1234567, None, "-1.234.567"),
        (1234.5, None, "1.234,5"),
        (Decimal("2.50"), None, "2,5"),
        (1234.56, 1, "1.234,6"),
        (3, 2, "3,00"),
        (-0.01, 1, "0,0"),
        ("12000", None, "12.000"),
        (None, None, "—"),
        ("", None, "—"),
        ("không", None, "—"),
        (float("nan"), None, "—"),
    ],
)
def test_vn_number(value, decimals, expected):
    assert vn_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.439, "43,9%"),
        (0.4394, "43,9%"),
        (0.4395, "44%"),  # 43,95 rounds half up to 44,0: written as a whole percentage
        (0.7, "70%"),
        (Fraction(1, 3), "33,3%"),
        (1, "100%"),
        (12.345, "1.234,5%"),
        (None, "—"),
    ],
)
def test_vn_percent(share, expected):
    assert vn_percent(share) == expected


def test_vn_percent_with_two_decimals():
    assert vn_percent(0.12345, 2) == "12,35%"


def test_vn_money():
    assert vn_money(1234567) == "1.234.567 đ"
    assert vn_money(Decimal("1500000.40")) == "1.500.000 đ"
    assert vn_money(None) == "—"


def test_filters_write_the_same_figures_on_pages():
    rendered = Template(
        "{% load vn_numbers %}{{ n|vn_number }} | {{ d|vn_number:1 }} | {{ s|vn_percent }}"
        " | {{ m|vn_money }}"
    ).render(Context({"n": 1234567, "d": 43.94, "s": 0.439, "m": 2500000}))
    assert rendered == "1.234.567 | 43,9 | 43,9% | 2.500.000 đ"
