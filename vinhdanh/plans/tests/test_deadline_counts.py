"""The home page's task counts, made by the database, agree with the statuses of status.py."""

import datetime as dt

import pytest

from vinhdanh.plans import selectors
from vinhdanh.plans.status import Status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [dt.date(2021, 1, 20), dt.date(2021, 6, 30), dt.date(2022, 1, 1)])
@pytest.mark.parametrize("username", ["thuongtruc", "canbo.hoangliet"])
def test_overdue_and_due_soon_as_the_rows_say(demo_user, username, today):
    user = demo_user(username)
    tasks = selectors.tasks_for(user) if username == "thuongtruc" else selectors.led_tasks(user)
    rows = selectors.rows(tasks.distinct(), today)
    expected = {
        "overdue": sum(1 for row in rows if row.status == Status.OVERDUE),
        "due_soon": sum(1 for row in rows if row.due_soon),
    }
    assert selectors.deadline_counts(tasks, today) == expected
    assert rows


def test_a_done_task_is_neither_overdue_nor_due_soon(demo_user):
    user = demo_user("thuongtruc")
    tasks = selectors.tasks_for(user)
    task = tasks.filter(deadline_date__isnull=False, done_on__isnull=True).order_by("pk").first()
    late = task.deadline_date + dt.timedelta(days=1)
    before = selectors.deadline_counts(tasks, late)
    type(task).objects.filter(pk=task.pk).update(done_on=late)
    after = selectors.deadline_counts(tasks, late)
    assert after["overdue"] == before["overdue"] - 1
