import datetime as dt

import pytest

from vinhdanh.plans.status import Status, is_due_soon, task_status

D = dt.date
DEADLINE = D(2021, 3, 10)


@pytest.mark.parametrize(
    ("deadline", "done_on", "started_on", "today", "expected"),
    [
        (DEADLINE, None, None, D(2021, 3, 1), Status.NOT_STARTED),
        (DEADLINE, None, D(2021, 2, 1), D(2021, 3, 1), Status.IN_PROGRESS),
        (DEADLINE, None, None, D(2021, 3, 10), Status.NOT_STARTED),  # the deadline day is in time
        (DEADLINE, None, None, D(2021, 3, 11), Status.OVERDUE),
        (DEADLINE, None, D(2021, 2, 1), D(2021, 3, 11), Status.OVERDUE),
        (DEADLINE, D(2021, 3, 10), D(2021, 2, 1), D(2021, 4, 1), Status.DONE),
        (DEADLINE, D(2021, 3, 12), D(2021, 2, 1), D(2021, 4, 1), Status.DONE_LATE),
        (None, None, None, D(2030, 1, 1), Status.NOT_STARTED),  # ongoing: never overdue
        (None, None, D(2021, 5, 1), D(2030, 1, 1), Status.IN_PROGRESS),
        (None, D(2021, 5, 1), D(2021, 5, 1), D(2030, 1, 1), Status.DONE),
    ],
)
def test_status_follows_deadline_reports_and_today(deadline, done_on, started_on, today, expected):
    assert task_status(deadline, done_on, started_on, today) == expected


def test_due_soon_is_within_the_window_and_only_for_open_tasks():
    assert is_due_soon(DEADLINE, Status.NOT_STARTED, D(2021, 3, 3), 7)
    assert not is_due_soon(DEADLINE, Status.NOT_STARTED, D(2021, 3, 2), 7)
    assert is_due_soon(DEADLINE, Status.IN_PROGRESS, D(2021, 3, 10), 7)
    assert not is_due_soon(DEADLINE, Status.DONE, D(2021, 3, 9), 7)
    assert not is_due_soon(None, Status.NOT_STARTED, D(2021, 3, 9), 7)
