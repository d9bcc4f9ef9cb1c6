"""A task's status, derived from its deadline, its reports and today; never stored."""

import datetime as dt
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"


STATUS_LABELS = {
    Status.NOT_STARTED: _("Chưa thực hiện"),
    Status.IN_PROGRESS: _("Đang thực hiện"),
    Status.DONE: _("Đã hoàn thành"),
    Status.DONE_LATE: _("Hoàn thành muộn"),
    Status.OVERDUE: _("Quá hạn"),
}
STATUS_COLOURS = {
    Status.NOT_STARTED: "secondary",
    Status.IN_PROGRESS: "primary",
    Status.DONE: "success",
    Status.DONE_LATE: "warning",
    Status.OVERDUE: "danger",
}
OPEN_STATUSES = {Status.NOT_STARTED, Status.IN_PROGRESS, Status.OVERDUE}


def task_status(
    deadline: dt.date | None,
    done_on: dt.date | None,
    started_on: dt.date | None,
    today: dt.date,
) -> Status:
    """Done (late or not) once a report says so; otherwise overdue after the deadline.

    A task without a date (ongoing, set by the higher level, unparsed) is never overdue.
    """
    if done_on is not None:
        return Status.DONE_LATE if deadline is not None and done_on > deadline else Status.DONE
    if deadline is not None and today > deadline:
        return Status.OVERDUE
    if started_on is not None:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def is_due_soon(deadline: dt.date | None, status: Status, today: dt.date, days: int) -> bool:
    return (
        deadline is not None
        and status in (Status.NOT_STARTED, Status.IN_PROGRESS)
        and today <= deadline <= today + dt.timedelta(days=days)
    )
