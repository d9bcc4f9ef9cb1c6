"""Time limits in working days: weekends and the calendar's holidays are skipped, the day of
receipt is not counted (issue 17, item 4: "within time limits counted in working days")."""

import datetime

import pytest
from django.utils import timezone

from vinhdanh.filings import deadlines
from vinhdanh.filings.models import FilingKind
from vinhdanh.filings.tests.helpers import file_one
from vinhdanh.org.models import PublicHoliday

D = datetime.date
FRIDAY = D(2021, 8, 27)


def test_five_working_days_from_a_friday_end_the_next_friday():
    assert deadlines.due_date(FRIDAY, 5, set()) == D(2021, 9, 3)


def test_holidays_push_the_due_day_on():
    # National Day 2021: Thursday 2 and Friday 3 September.
    holidays = {D(2021, 9, 2), D(2021, 9, 3)}
    assert deadlines.due_date(FRIDAY, 5, holidays) == D(2021, 9, 7)


def test_the_day_of_receipt_is_not_counted_even_on_a_working_day():
    monday = D(2021, 8, 30)
    assert deadlines.due_date(monday, 1, set()) == D(2021, 8, 31)


def test_days_left_count_working_days_and_go_negative_once_overdue():
    due = D(2021, 9, 3)  # a Friday
    assert deadlines.working_days_left(D(2021, 8, 30), due, set()) == 5
    assert deadlines.working_days_left(D(2021, 9, 3), due, set()) == 1
    assert deadlines.working_days_left(D(2021, 9, 6), due, set()) == -1  # the Monday after
    assert deadlines.is_overdue(D(2021, 9, 4), due)
    assert not deadlines.is_overdue(due, due)


@pytest.mark.django_db
def test_the_calendar_of_the_admin_is_read(monkeypatch):
    PublicHoliday.objects.get_or_create(day=D(2031, 3, 4), defaults={"name": "Ngày nghỉ thử"})
    # Monday 3 March 2031: 2 working days end Wednesday, one more with the Tuesday off.
    assert deadlines.due_after(D(2031, 3, 3), 2) == D(2031, 3, 6)


@pytest.mark.django_db
def test_a_kind_sets_its_own_limit_else_the_setting(settings):
    settings.FILINGS_ANSWER_WORKING_DAYS = 7
    kind = FilingKind.objects.get(code="khac")
    assert kind.working_days == 7
    kind.answer_working_days = 2
    kind.save()
    filing = file_one(kind=kind, files=[])
    today = timezone.localdate()
    assert filing.due_on == deadlines.due_after(today, 2)
    assert filing.due_on > today
