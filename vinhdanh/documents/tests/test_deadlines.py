import datetime as dt

import pytest

from vinhdanh.documents.deadlines import parse_deadline
from vinhdanh.documents.structure import DeadlineKind

D = DeadlineKind


@pytest.mark.parametrize(
    ("text", "kind", "last_day"),
    [
        ("Trước ngày 30/01/2021", D.DATE, dt.date(2021, 1, 30)),
        ("30/01/2021", D.DATE, dt.date(2021, 1, 30)),
        ("trước ngày 30 tháng 01 năm 2021", D.DATE, dt.date(2021, 1, 30)),
        ("Trước ngày 10/3", D.DATE, dt.date(2021, 3, 10)),
        ("Hạn: 15/8/2021.", D.DATE, dt.date(2021, 8, 15)),
        ("Tháng 3/2021", D.MONTH, dt.date(2021, 3, 31)),
        ("Tháng 3", D.MONTH, dt.date(2021, 3, 31)),
        ("Tháng 2/2024", D.MONTH, dt.date(2024, 2, 29)),
        ("Quý II", D.QUARTER, dt.date(2021, 6, 30)),
        ("Quý II/2021", D.QUARTER, dt.date(2021, 6, 30)),
        ("Quý 4 năm 2022", D.QUARTER, dt.date(2022, 12, 31)),
        ("6 tháng đầu năm", D.QUARTER, dt.date(2021, 6, 30)),
        ("6 tháng cuối năm", D.QUARTER, dt.date(2021, 12, 31)),
        ("Năm 2021", D.QUARTER, dt.date(2021, 12, 31)),
        ("Thường xuyên", D.ONGOING, None),
        ("Theo Kế hoạch của Thành phố", D.HIGHER_LEVEL, None),
        ("Theo hướng dẫn của Ban Thi đua - Khen thưởng Thành phố", D.HIGHER_LEVEL, None),
    ],
)
def test_understood_phrases(text, kind, last_day):
    deadline = parse_deadline(text, 2021)
    assert (deadline.kind, deadline.date, deadline.text) == (kind, last_day, text)


def test_periods_are_labelled():
    assert parse_deadline("Quý III", 2021).period == "Q3"
    assert parse_deadline("6 tháng đầu năm", 2021).period == "H1"
    assert parse_deadline("6 tháng cuối năm", 2021).period == "H2"
    assert parse_deadline("Năm 2021", 2021).period == "Y"


@pytest.mark.parametrize(
    "text",
    [
        "Cả năm",
        "Cả năm 2021",
        "Trong năm",
        "Thường xuyên",
        "Hằng tháng",
        "Hàng tháng",
        "Thường xuyên, cả năm",
        "Thường xuyên trong năm 2021",
        "Hằng tháng, hằng quý",
        "Định kỳ hằng tháng",
    ],
)
def test_whole_year_work_is_ongoing_not_a_quarter(text):
    """Work that runs all year has no day to be late on: never a quarter ending 31/12."""
    deadline = parse_deadline(text, 2021)
    assert (deadline.kind, deadline.date) == (D.ONGOING, None), text


def test_a_whole_year_keeps_its_period_for_the_timeline():
    assert parse_deadline("Cả năm", 2021).period == "Y"
    assert parse_deadline("Thường xuyên", 2021).period == ""


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2021",  # no such day
        "Tháng 13",
        "Quý V",
        "Trước tháng 3",  # end of February or of March: a person decides
        "Tuần đầu tháng 3",
        "30/3 và 30/9",
        "Sau khi có chỉ đạo",
        "",
    ],
)
def test_phrases_not_understood_stay_as_written(text):
    deadline = parse_deadline(text, 2021)
    assert deadline.kind == D.UNPARSED
    assert deadline.date is None
    assert deadline.text == text


def test_missing_year_without_plan_year_is_not_guessed():
    assert parse_deadline("Trước ngày 30/01", None).kind == D.UNPARSED
    assert parse_deadline("Quý II", None).kind == D.UNPARSED
    assert parse_deadline("Trước ngày 30/01/2022", None).date == dt.date(2022, 1, 30)
