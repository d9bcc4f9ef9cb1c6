"""Working days: Monday to Friday, less the public holidays a calendar names. Pure.

The holidays come in as a set of dates (the organisation's calendar, `org.holidays`);
nothing here reads the database.
"""

import datetime
from collections.abc import Collection

ONE_DAY = datetime.timedelta(days=1)


def is_working_day(day: datetime.date, holidays: Collection[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def count_working_days(
    start: datetime.date, end: datetime.date, holidays: Collection[datetime.date]
) -> int:
    """The working days from `start` to `end`, both included (0 when `end` is before)."""
    count, day = 0, start
    while day <= end:
        count += is_working_day(day, holidays)
        day += ONE_DAY
    return count


def last_of_working_days(
    start: datetime.date, days: int, holidays: Collection[datetime.date]
) -> datetime.date:
    """The day on which `days` working days counted from `start` (included) are complete."""
    if days < 1:
        return start
    count, day = 0, start
    while True:
        if is_working_day(day, holidays):
            count += 1
            if count == days:
                return day
        day += ONE_DAY
