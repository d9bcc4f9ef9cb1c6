"""Years: the one range a clerk may type, and the working year a user has chosen.

A year outside the range (99999, a typo of 2021 as 20221) is refused with a Vietnamese
message instead of reaching a small-integer column, where PostgreSQL would fail with a 500.

The working year stays chosen from page to page: `?year=2024` chooses it (and the session
keeps it); a page opened without it shows the year kept in the session, else the page's own
default (the latest year that has data).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

YEAR_MIN, YEAR_MAX = 1945, 2100
SESSION_KEY = "working_year"


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


def parse_year(raw) -> int | None:
    raw = str(raw or "").strip()
    if raw.isdigit() and YEAR_MIN <= int(raw) <= YEAR_MAX:
        return int(raw)
    return None


def chosen_year(request, default):
    """The year asked for in the query, else the one kept in the session, else `default()`
    (a callable, so a page that has a chosen year does not count its data for nothing)."""
    asked = parse_year(request.GET.get("year"))
    session = getattr(request, "session", None)
    if asked is not None:
        if session is not None:
            session[SESSION_KEY] = asked
        return asked
    if session is not None:
        kept = parse_year(session.get(SESSION_KEY))
        if kept is not None:
            return kept
    return default()
