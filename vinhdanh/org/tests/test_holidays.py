"""The holiday calendar: seeded by the data migration, kept in the admin, read by the
working-day counts. Expected days from the Labour Code 2019 Đ112 and the government's
yearly notices (Tết, Giỗ Tổ and the days in lieu)."""

import datetime

import pytest

from vinhdanh.org.holidays import end_of_working_days, working_days
from vinhdanh.org.models import HolidayKind, PublicHoliday

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    "day",
    [
        D(2021, 1, 1),  # Tết Dương lịch
        D(2021, 2, 12),  # mùng 1 Tết Tân Sửu
        D(2021, 4, 21),  # Giỗ Tổ Hùng Vương 10/3 âm lịch
        D(2021, 4, 30),
        D(2021, 5, 1),
        D(2021, 9, 2),
        D(2021, 9, 3),  # Quốc khánh: the day next to 2/9
        D(2025, 1, 29),  # mùng 1 Tết Ất Tỵ
        D(2025, 9, 1),
        D(2026, 2, 17),  # mùng 1 Tết Bính Ngọ
        D(2027, 9, 2),
    ],
)
def test_the_seed_holds_the_days_off(day):
    assert PublicHoliday.objects.filter(day=day).exists()


def test_the_seed_marks_the_lunar_days_as_such():
    assert PublicHoliday.objects.get(day=D(2021, 2, 12)).kind == HolidayKind.LUNAR
    assert PublicHoliday.objects.get(day=D(2021, 9, 2)).kind == HolidayKind.FIXED


def test_working_days_skip_weekends_and_the_calendars_holidays():
    # Mon 30/08/2021 – Fri 10/09/2021: 10 weekdays, of which 2 and 3 September are off.
    assert working_days(D(2021, 8, 30), D(2021, 9, 10)) == 8
    assert end_of_working_days(D(2021, 8, 30), 10) == D(2021, 9, 14)


def test_a_day_the_admin_adds_is_skipped_too():
    # From Monday 03/03/2031 ten working days end on Friday 14/03; a day off on the
    # Wednesday moves the end over the weekend to Monday 17/03.
    assert end_of_working_days(D(2031, 3, 3), 10) == D(2031, 3, 14)
    PublicHoliday.objects.create(day=D(2031, 3, 5), name="Nghỉ đột xuất")
    assert end_of_working_days(D(2031, 3, 3), 10) == D(2031, 3, 17)
