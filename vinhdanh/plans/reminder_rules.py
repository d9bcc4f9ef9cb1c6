"""Which reminders are due today (pure): N days before a deadline, and once overdue."""

import datetime as dt
from dataclasses import dataclass

DEFAULT_DAYS_BEFORE = 7


@dataclass(frozen=True)
class OpenTask:
    task_id: int
    unit_ids: tuple[int, ...]
    deadline: dt.date
    done: bool = False


@dataclass(frozen=True)
class DueReminder:
    task_id: int
    unit_id: int
    kind: str  # "due_soon" or "overdue"
    deadline: dt.date


def due_reminders(tasks: list[OpenTask], today: dt.date, days_before: int) -> list[DueReminder]:
    """Every event that calls for a reminder today; the sent-log drops those already sent.

    A job that did not run for some days still sends "due soon" while the deadline has not
    passed, and "overdue" on any later day, so a missed run loses nothing.
    """
    due = []
    for task in tasks:
        if task.done:
            continue
        if today > task.deadline:
            kind = "overdue"
        elif today >= task.deadline - dt.timedelta(days=days_before):
            kind = "due_soon"
        else:
            continue
        due.extend(DueReminder(task.task_id, unit, kind, task.deadline) for unit in task.unit_ids)
    return due
