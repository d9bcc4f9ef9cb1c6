"""Forms 0604 and 0605 counted from hand-built facts; which circular applies to a year."""

import datetime

from django.test import override_settings

from vinhdanh.reports import form_0604, form_0605
from vinhdanh.reports.form_0605 import StaffFacts
from vinhdanh.reports.official_forms import TT02, TT03, circular_for, whole_years_inclusive


def test_0605_bands_age_training_and_years_in_the_work():
    staff = [
        StaffFacts(True, 1994, "university", 2020),  # 30, 4 years
        StaffFacts(False, 1993, "postgraduate", 2019),  # 31, 5 years
        StaffFacts(True, 1964, "college", 2014),  # 60, 10 years
        StaffFacts(False, 1963, "intermediate", 2000),  # 61, 24 years
    ]
    table = form_0605.tally(2024, staff)
    assert table["01"] == [4, 2]
    assert [table[c][0] for c in ("02", "03", "04", "05", "06", "07")] == [1, 1, 0, 0, 1, 1]
    assert [table[c][0] for c in ("08", "09", "10", "11", "12")] == [0, 1, 1, 1, 1]
    assert [table[c] for c in ("13", "14", "15")] == [[1, 1], [1, 0], [2, 1]]
    assert form_0605.FORM_0605.number_row == ["A", "B", "1", "2"]


def test_0604_counts_the_bodies_by_their_row_and_all_in_the_total():
    table = form_0604.tally(["home_affairs_board", "home_affairs_section", "local_section"])
    assert table["01"] == [3] and table["04"] == [1] and table["05"] == [1]
    assert table["02"] == [0] and table["03"] == [0]


def test_the_circular_of_the_year():
    assert circular_for(2021) == TT03 and circular_for(2023) == TT02
    assert circular_for(2017) is None
    with override_settings(VINHDANH_STAT_FORMS_TT02_FIRST_YEAR=2024):
        assert circular_for(2023) == TT03


def test_whole_years_count_both_ends():
    D = datetime.date
    assert whole_years_inclusive(D(2021, 1, 1), D(2021, 12, 31)) == (1, True)
    assert whole_years_inclusive(D(2021, 1, 1), D(2021, 12, 30)) == (0, False)
    assert whole_years_inclusive(D(2020, 2, 29), D(2021, 2, 28)) == (1, True)
