"""The holiday calendar the working-day counts read (`PublicHoliday`, kept in the admin)."""

import datetime

from vinhdanh.core.working_days import count_working_days, last_of_working_days
from vinhdanh.org.models import PublicHoliday


def holidays_between(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    return set(PublicHoliday.objects.filter(day__range=(start, end)).values_list("day", flat=True))


def working_days(start: datetime.date, end: datetime.date) -> int:
    """Working days from `start` to `end`, both included, weekends and holidays skipped."""
    if end < start:
        return 0
    return count_working_days(start, end, holidays_between(start, end))


def end_of_working_days(start: datetime.date, days: int) -> datetime.date:
    """The first day on which `days` working days from `start` (included) are over."""
    # Weekends and the longest Tết fit in twice the span plus a month.
    horizon = start + datetime.timedelta(days=days * 2 + 31)
    return last_of_working_days(start, days, holidays_between(start, horizon))
