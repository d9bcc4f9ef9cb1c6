import datetime as dt

from vinhdanh.plans.reminder_rules import DueReminder, OpenTask, due_reminders

D = dt.date
TASK = OpenTask(task_id=1, unit_ids=(10, 11), deadline=D(2021, 3, 10))


def test_nothing_is_due_before_the_window():
    assert due_reminders([TASK], D(2021, 3, 2), 7) == []


def test_due_soon_for_every_lead_unit_from_n_days_before_to_the_deadline():
    for today in (D(2021, 3, 3), D(2021, 3, 10)):
        assert due_reminders([TASK], today, 7) == [
            DueReminder(1, 10, "due_soon", D(2021, 3, 10)),
            DueReminder(1, 11, "due_soon", D(2021, 3, 10)),
        ]


def test_overdue_after_the_deadline_and_the_window_is_configurable():
    assert {r.kind for r in due_reminders([TASK], D(2021, 3, 11), 7)} == {"overdue"}
    assert due_reminders([TASK], D(2021, 3, 8), 1) == []
    assert len(due_reminders([TASK], D(2021, 3, 9), 1)) == 2


def test_done_tasks_need_no_reminder():
    done = OpenTask(task_id=2, unit_ids=(10,), deadline=D(2021, 3, 10), done=True)
    assert due_reminders([done], D(2021, 3, 11), 7) == []
