"""Whether a dated row (a unit, a council, a seat) exists on a day. Pure functions, no
queries of their own, tested without a database (org/tests/test_dating.py).

A unit or council exists from `valid_from` (inclusive; None: since before the records) until
`valid_to` (exclusive: the day it was dissolved or merged; None: it still exists). A district
dissolved on 01/07/2025 still acted on 30/06/2025 and no longer on 01/07/2025.

Here, in the bottom layer, because an account's acting seat is checked with them
(`accounts.predicates.seat_in_force`) as well as the organisation's units and councils.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def day_text(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _within(obj, day: datetime.date) -> bool:
    start, end = getattr(obj, "valid_from", None), getattr(obj, "valid_to", None)
    return (start is None or start <= day) and (end is None or day < end)


def active_on(unit_or_council, day: datetime.date) -> bool:
    """Whether the unit (or the council, and then its unit too) exists on `day`."""
    if not _within(unit_or_council, day):
        return False
    unit = getattr(unit_or_council, "unit", None)
    # A council acts only while its unit exists.
    return unit is None or not hasattr(unit, "valid_to") or _within(unit, day)


def inactive_reason(unit_or_council, day: datetime.date) -> str | None:
    """Why the unit (or council) cannot act on `day`, in Vietnamese; None when it can."""
    for obj in (unit_or_council, getattr(unit_or_council, "unit", None)):
        if obj is None or not hasattr(obj, "valid_to"):
            continue
        if obj.valid_to is not None and day >= obj.valid_to:
            text = _(
                "“%(name)s” đã chấm dứt hoạt động từ ngày %(end)s, không thể thực hiện "
                "cho ngày %(day)s."
            )
            return text % {"name": obj, "end": day_text(obj.valid_to), "day": day_text(day)}
        if obj.valid_from is not None and day < obj.valid_from:
            text = _(
                "“%(name)s” chỉ hoạt động từ ngày %(start)s, không thể thực hiện cho ngày %(day)s."
            )
            return text % {"name": obj, "start": day_text(obj.valid_from), "day": day_text(day)}
    return None


def require_active(unit_or_council, day: datetime.date) -> None:
    """The guard other apps call before acting for a unit or council on a day."""
    reason = inactive_reason(unit_or_council, day)
    if reason:
        raise ValidationError(reason, code="inactive")
