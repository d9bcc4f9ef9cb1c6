"""`{% load vn_numbers %}`: `{{ n|vn_number }}`, `{{ n|vn_number:1 }}`, `{{ share|vn_percent }}`,
`{{ amount|vn_money }}`. The figures are written by `core.numbers`."""

from django import template

from vinhdanh.core import numbers

register = template.Library()


@register.filter
def vn_number(value, decimals=None):
    """A number grouped by thousands; a text that is no number (a share already written,
    "43,9%") is left as it is, so a card can show either."""
    if isinstance(value, str) and numbers.vn_number(value) == numbers.EMPTY and value:
        return value
    return numbers.vn_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value, decimals=1):
    return numbers.vn_percent(value, int(decimals))


@register.filter
def vn_money(value):
    return numbers.vn_money(value)
