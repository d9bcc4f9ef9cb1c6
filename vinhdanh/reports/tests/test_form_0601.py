import datetime

import pytest

from vinhdanh.reports.form_0601 import MovementFacts, tally

D = datetime.date


def movement(start, end, kind="regular", level="district", cluster=False) -> MovementFacts:
    return MovementFacts(level, start, end, kind, cluster)


@pytest.mark.parametrize(
    ("start", "end", "row"),
    [
        (D(2021, 3, 1), D(2021, 12, 30), "06"),
        (D(2021, 1, 1), D(2021, 12, 31), "07"),
        (D(2021, 1, 15), D(2022, 1, 14), "07"),
        (D(2021, 1, 1), D(2022, 6, 30), "08"),
        (D(2021, 1, 1), D(2023, 12, 31), "09"),
        (D(2021, 1, 1), D(2025, 12, 31), "10"),
    ],
)
def test_duration_rows_follow_the_form_boundaries(start, end, row):
    table = tally([movement(start, end)])
    assert table[row] == [1, 0, 0, 1]
    assert sum(table[code][0] for code in ("06", "07", "08", "09", "10")) == 1


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
    for codes in (("02", "03", "04", "05"), ("06", "07", "08", "09", "10"), ("11", "12")):
        assert [sum(table[c][i] for c in codes) for i in range(4)] == table["01"]
