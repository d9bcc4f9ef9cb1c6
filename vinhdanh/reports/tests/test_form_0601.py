"""Form 0601 (and 0701) counted by the form's own rules, from hand-built facts."""

import datetime

import pytest

from vinhdanh.reports.form_0601 import (
    MovementFacts,
    MovementLink,
    duration_row,
    own_movements,
    tally,
    tally_0701,
)

D = datetime.date
DURATION_ROWS = ("06", "07", "08", "09", "10")


def movement(start, end, kind="regular", level="district", cluster=False) -> MovementFacts:
    return MovementFacts(level, start, end, kind, cluster)


@pytest.mark.parametrize(
    ("start", "end", "kind", "row"),
    [
        # under a year, counted inclusive of the last day
        (D(2021, 3, 1), D(2021, 12, 30), "regular", "06"),
        (D(2021, 1, 30), D(2021, 6, 30), "campaign", "06"),
        (D(2021, 1, 1), D(2021, 12, 30), "thematic", "06"),
        # exactly a year, both ends counted
        (D(2021, 1, 1), D(2021, 12, 31), "thematic", "07"),
        (D(2021, 7, 1), D(2022, 6, 30), "thematic", "07"),
        # the year's regular movement, launched once the plan is signed, is that year's
        (D(2021, 1, 15), D(2021, 12, 31), "regular", "07"),
        # more than one year, under three
        (D(2021, 1, 1), D(2022, 6, 30), "thematic", "08"),
        (D(2021, 1, 1), D(2022, 12, 31), "thematic", "08"),
        # a period named by its years counts them all
        (D(2021, 1, 1), D(2023, 12, 31), "thematic", "09"),
        (D(2021, 4, 10), D(2025, 12, 31), "thematic", "10"),
        (D(2021, 1, 1), D(2025, 12, 31), "regular", "10"),
        (D(2020, 10, 1), D(2025, 9, 30), "thematic", "10"),
    ],
)
def test_duration_rows_follow_the_form_bands(start, end, kind, row):
    facts = movement(start, end, kind)
    assert duration_row(facts) == row
    table = tally([facts])
    assert table[row][0] == 1
    assert sum(table[code][0] for code in DURATION_ROWS) == 1


def test_a_full_year_regular_movement_is_one_year_not_under_one():
    table = tally([movement(D(2021, 1, 1), D(2021, 12, 31))])
    assert table["07"] == [1, 0, 0, 1] and table["06"] == [0, 0, 0, 0]


def test_a_movement_of_2021_to_2025_is_in_the_five_year_row():
    table = tally([movement(D(2021, 4, 10), D(2025, 12, 31), kind="thematic")])
    assert table["10"] == [1, 0, 0, 1] and table["09"] == [0, 0, 0, 0]


def test_columns_follow_the_launching_level_and_rows_add_up():
    year = (D(2021, 1, 1), D(2021, 12, 31))
    table = tally(
        [
            movement(*year, level="central"),
            movement(*year, kind="thematic", level="province"),
            movement(*year, kind="campaign"),
            movement(*year, cluster=True),
        ]
    )
    assert table["01"] == [4, 1, 1, 2]
    assert (table["02"], table["03"], table["04"], table["05"]) == (
        [1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1], [1, 0, 0, 1],
    )  # fmt: skip
    assert table["11"] == [2, 0, 1, 1] and table["12"] == [2, 1, 0, 1]
    for codes in (("02", "03", "04", "05"), DURATION_ROWS, ("11", "12")):
        assert [sum(table[c][i] for c in codes) for i in range(4)] == table["01"]


def test_only_the_reporting_bodys_own_movements_count():
    """The Prime Minister's and the city's movements sent down to the district are not the
    district's; the district's and its wards' are."""
    links = [
        MovementLink(1, "/1/", None),  # the city's
        MovementLink(2, "/1/7/", None),  # the district's own
        MovementLink(3, "/1/7/9/", None),  # a ward's own
        MovementLink(4, "/0/", None),  # the Prime Minister's
    ]
    assert own_movements(links, "/1/7/") == {2, 3}
    assert own_movements(links, "/1/7/9/") == {3}


def test_a_sub_movement_is_not_counted_again_on_top_of_its_parent():
    links = [
        MovementLink(1, "/1/7/", None),  # the district's movement
        MovementLink(2, "/1/7/9/", 1),  # a ward's movement launched under it
        MovementLink(3, "/1/7/9/", 2),  # and one under the ward's
        MovementLink(4, "/1/7/9/", 99),  # a ward's movement under the city's (not counted)
    ]
    assert own_movements(links, "/1/7/") == {1, 4}
    # The ward alone counts its own: the district's movement is not in its report.
    assert own_movements(links, "/1/7/9/") == {2, 4}


def test_form_0701_counts_only_central_and_province_movements_in_its_four_durations():
    table = tally_0701(
        [
            movement(D(2019, 1, 1), D(2019, 12, 31), level="province"),
            movement(D(2016, 1, 1), D(2020, 12, 31), kind="thematic", level="central"),
            movement(D(2019, 1, 1), D(2019, 12, 31), level="district"),
        ]
    )
    assert table["01"] == [2, 1, 1]
    assert table["07"] == [1, 0, 1] and table["09"] == [1, 1, 0]  # 5 years: "từ 3 năm trở lên"
    assert table["10"] == [1, 1, 0] and table["11"] == [1, 0, 1]
