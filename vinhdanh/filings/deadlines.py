"""The time limits of a filing, in working days (weekends and the calendar's holidays skipped).

The day a filing is received (or supplemented) is not counted: the office's time starts on
the next day, as for administrative procedures. Pure functions take the holidays as a set;
`due_after` reads the calendar (`org.holidays`).
"""

import datetime
from collections.abc import Collection

from vinhdanh.core.working_days import count_working_days, last_of_working_days

ONE_DAY = datetime.timedelta(days=1)


def due_date(start: datetime.date, days: int, holidays: Collection[datetime.date]) -> datetime.date:
    """The last day of `days` working days counted from the day after `start`."""
    return last_of_working_days(start + ONE_DAY, max(days, 1), holidays)


def working_days_left(
    today: datetime.date, due: datetime.date, holidays: Collection[datetime.date]
) -> int:
    """Working days from today to the due day, both included; negative once overdue."""
    if today <= due:
        return count_working_days(today, due, holidays)
    return -count_working_days(due + ONE_DAY, today, holidays)


def due_after(start: datetime.date, days: int) -> datetime.date:
    from vinhdanh.org.holidays import holidays_between

    horizon = start + datetime.timedelta(days=days * 2 + 31)
    return due_date(start, days, holidays_between(start, horizon))


def is_overdue(today: datetime.date, due: datetime.date | None) -> bool:
    return due is not None and today > due
