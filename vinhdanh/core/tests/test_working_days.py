"""Working days and years: plain functions, no database."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.core.working_days import count_working_days, is_working_day, last_of_working_days
from vinhdanh.core.years import YEAR_MAX, YEAR_MIN, check_year, year_refusal

D = datetime.date
# Tết Tân Sửu 2021: Wednesday 10/02 to Tuesday 16/02 off (the government's notice).
TET_2021 = {D(2021, 2, 10) + datetime.timedelta(days=i) for i in range(7)}


def test_weekends_are_not_working_days():
    assert is_working_day(D(2021, 12, 3), set())  # a Friday
    assert not is_working_day(D(2021, 12, 4), set())  # Saturday
    assert not is_working_day(D(2021, 12, 5), set())  # Sunday


def test_a_holiday_is_not_a_working_day():
    assert not is_working_day(D(2021, 9, 2), {D(2021, 9, 2)})


def test_ten_working_days_from_a_monday_end_on_the_friday_of_the_next_week():
    assert last_of_working_days(D(2021, 11, 1), 10, set()) == D(2021, 11, 12)
    assert count_working_days(D(2021, 11, 1), D(2021, 11, 12), set()) == 10
    assert count_working_days(D(2021, 11, 1), D(2021, 11, 11), set()) == 9


def test_tet_is_skipped_when_counting():
    # From Monday 08/02/2021: 8 and 9 are working days, then Tết to 16/02, then 17/02 on.
    end = last_of_working_days(D(2021, 2, 8), 10, TET_2021)
    assert end == D(2021, 2, 26)
    assert count_working_days(D(2021, 2, 8), end, TET_2021) == 10


def test_an_end_before_the_start_counts_nothing():
    assert count_working_days(D(2021, 11, 12), D(2021, 11, 1), set()) == 0


@pytest.mark.parametrize("year", [99999, 20221, 1800, -1, 0])
def test_years_out_of_range_are_refused_with_the_range(year):
    message = year_refusal(year)
    assert message and f"từ {YEAR_MIN} đến {YEAR_MAX}" in message
    with pytest.raises(ValidationError) as refused:
        check_year(year, field="nam")
    assert "nam" in refused.value.error_dict


@pytest.mark.parametrize("year", [1945, 2021, 2026, 2100, None])
def test_years_in_range_pass(year):
    assert year_refusal(year) is None
    check_year(year)


def test_a_year_that_is_not_a_number_is_refused():
    assert year_refusal("hai nghìn") == "Năm không hợp lệ."


def test_a_year_field_says_the_range():
    from vinhdanh.core.years import year_field

    field = year_field(label="Năm")
    with pytest.raises(ValidationError) as refused:
        field.clean("99999")
    assert refused.value.messages == [f"Nhập năm từ {YEAR_MIN} đến {YEAR_MAX}."]
    assert field.clean("2021") == 2021
