"""The years a clerk may type: one range for every form and service that takes a year.

A year outside it (99999, a typo of 2021 as 20221) is refused with a Vietnamese message
instead of reaching a small-integer column, where PostgreSQL would fail with a 500.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

YEAR_MIN, YEAR_MAX = 1945, 2100


def year_refusal(year) -> str | None:
    """Why `year` is not a year of this system's records, or None when it is."""
    if year is None:
        return None
    try:
        value = int(year)
    except (TypeError, ValueError):
        return _("Năm không hợp lệ.")
    if not YEAR_MIN <= value <= YEAR_MAX:
        return _("Năm %(year)s không hợp lệ: nhập năm từ %(low)d đến %(high)d.") % {
            "year": year,
            "low": YEAR_MIN,
            "high": YEAR_MAX,
        }
    return None


def check_year(year, field: str = "year") -> None:
    """Raise a ValidationError on `field` when `year` is out of range."""
    refusal = year_refusal(year)
    if refusal:
        raise ValidationError({field: refusal})


def _range_message() -> str:
    return _("Nhập năm từ %(low)d đến %(high)d.") % {"low": YEAR_MIN, "high": YEAR_MAX}


def year_field(**options):
    """A form field for a year in the range, saying the range when a year is out of it."""
    from django import forms
    from django.utils.functional import lazy

    message = lazy(_range_message, str)()  # translated when shown, not at import
    errors = {"invalid": message, "min_value": message, "max_value": message}
    errors.update(options.pop("error_messages", {}))
    return forms.IntegerField(
        min_value=YEAR_MIN, max_value=YEAR_MAX, error_messages=errors, **options
    )
