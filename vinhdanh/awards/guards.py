"""The checks a careful clerk expects before a dossier's appraisal, notice or decision.

The rules are plain functions of the values (tested without a database); the few reads
they need (the holiday calendar, the register's last decision) are the small functions at
the end. Each returns Vietnamese reasons by field, or None when the value may stand.
"""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _


def _day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


def overridden_checks(rows: list[dict]) -> list[dict]:
    """The checklist rows the rules found failing that the appraiser marks "đạt"."""
    return [row for row in rows if row.get("engine") is False and row.get("confirmed") is True]


def appraisal_refusal(rows: list[dict], *, passed: bool, reasons: str) -> dict | None:
    """A failing row may be marked "đạt" only with a written reason; a failing row left
    failing forbids the conclusion "đạt"."""
    if passed and any(row.get("confirmed") is False for row in rows):
        return {
            NON_FIELD_ERRORS: _(
                "Còn tiêu chí không đạt trong danh mục kiểm tra; không thể kết luận “đạt”."
            )
        }
    overridden = overridden_checks(rows)
    if overridden and not reasons.strip():
        return {
            "reasons": _(
                "Tiêu chí “%(checks)s” được đối chiếu là không đạt; muốn xác nhận “đạt” "
                "cần ghi rõ lý do trong ý kiến thẩm định."
            )
            % {"checks": "; ".join(row["message"] for row in overridden)}
        }
    return None


def notice_refusal(
    starts_on: datetime.date,
    ends_on: datetime.date,
    *,
    today: datetime.date,
    working_days: int,
    earliest_end: datetime.date,
    min_days: int,
) -> dict | None:
    """A notice starts today or later and lasts at least `min_days` working days.

    `working_days` is the count from `starts_on` to `ends_on`, both included, and
    `earliest_end` the first day on which `min_days` are over (both from the calendar).
    """
    if starts_on < today:
        return {
            "starts_on": _(
                "Ngày bắt đầu công khai (%(start)s) đã qua; chọn từ hôm nay (%(today)s) trở đi."
            )
            % {"start": _day(starts_on), "today": _day(today)}
        }
    if ends_on < starts_on:
        return {"ends_on": _("Ngày kết thúc công khai phải sau ngày bắt đầu.")}
    if working_days < min_days:
        return {
            "ends_on": _(
                "Thời gian công khai phải ít nhất %(min)d ngày làm việc (không kể thứ Bảy, "
                "Chủ nhật và ngày nghỉ lễ, Tết); từ %(start)s đến %(end)s chỉ có %(count)d "
                "ngày làm việc. Ngày kết thúc sớm nhất: %(earliest)s."
            )
            % {
                "min": min_days,
                "start": _day(starts_on),
                "end": _day(ends_on),
                "count": working_days,
                "earliest": _day(earliest_end),
            }
        }
    return None


def decision_date_refusal(
    signed_on: datetime.date | None,
    *,
    today: datetime.date,
    last_in_register=None,
) -> dict | None:
    """A decision carries the day it was signed: typed, not in the future, and not before the
    last decision of the same register (issuer, year), whose numbers follow the dates."""
    if signed_on is None:
        return {"signed_on": _("Cần nhập ngày ký quyết định.")}
    if signed_on > today:
        return {
            "signed_on": _("Ngày ký (%(day)s) chưa đến; không ghi quyết định ký sau hôm nay.")
            % {"day": _day(signed_on)}
        }
    if last_in_register is not None and signed_on < last_in_register.signed_on:
        return {
            "signed_on": _(
                "Ngày ký %(day)s sớm hơn quyết định gần nhất trong sổ năm %(year)s "
                "(số %(reference)s, ký ngày %(last)s); quyết định mới không ghi lùi ngày."
            )
            % {
                "day": _day(signed_on),
                "year": signed_on.year,
                "reference": last_in_register.reference,
                "last": _day(last_in_register.signed_on),
            }
        }
    return None


def event_date_refusal(day: datetime.date | None, *, today: datetime.date, field: str, what):
    """The day an event happened (a hand-over, a higher decision): typed and not ahead."""
    if day is None:
        return {field: _("Cần nhập %(what)s.") % {"what": what}}
    if day > today:
        return {
            field: _("%(what)s (%(day)s) chưa đến; ghi sự việc đã diễn ra.")
            % {"what": str(what).capitalize(), "day": _day(day)}
        }
    return None


# -- the reads behind them ----------------------------------------------------------------


def min_notice_days() -> int:
    return settings.PUBLIC_NOTICE_MIN_WORKING_DAYS


def notice_problem(starts_on, ends_on, *, today) -> dict | None:
    from vinhdanh.org.holidays import end_of_working_days, working_days

    return notice_refusal(
        starts_on,
        ends_on,
        today=today,
        working_days=working_days(starts_on, ends_on),
        earliest_end=end_of_working_days(starts_on, min_notice_days()),
        min_days=min_notice_days(),
    )


def earliest_notice_end(starts_on: datetime.date) -> datetime.date:
    from vinhdanh.org.holidays import end_of_working_days

    return end_of_working_days(starts_on, min_notice_days())


def last_in_register(issuer, year: int):
    """The issuer's numbered decision of `year` signed last (the register's latest page)."""
    from vinhdanh.awards.models import Decision

    return (
        Decision.objects.filter(issuer=issuer, year=year, number__isnull=False)
        .order_by("-signed_on", "-number")
        .first()
    )
