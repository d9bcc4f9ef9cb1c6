"""A task's status, derived from its deadline, its reports and today; never stored."""

import datetime as dt
from dataclasses import dataclass, field
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


# -- a task given to a group: one line per unit ----------------------------------------
@dataclass(frozen=True)
class UnitLine:
    """One unit's line of a group task, as its status needs it."""

    unit: str
    started_on: dt.date | None = None
    done_on: dt.date | None = None
    percent: int = 0


def roll_up(lines: list[UnitLine]) -> tuple[dt.date | None, dt.date | None]:
    """The task's (started_on, done_on) from its lines: started with the first report of
    any unit, done on the day the last unit finished, and only once every unit has."""
    started = [line.started_on for line in lines if line.started_on]
    done = [line.done_on for line in lines]
    all_done = bool(lines) and all(done)
    return (min(started) if started else None), (max(done) if all_done else None)


@dataclass
class GroupProgress:
    status: Status
    total: int
    done: int
    counts: dict[Status, int] = field(default_factory=dict)
    # Units that finished after the deadline, and those still open past it.
    late: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def late_units(self) -> list[str]:
        return [*self.late, *self.overdue]


def group_progress(
    deadline: dt.date | None, lines: list[UnitLine], today: dt.date
) -> GroupProgress:
    """The task's status is its units' status: done (late if any unit was) only when every
    unit is done, overdue while any unit is open past the deadline; late units are named."""
    statuses = [task_status(deadline, line.done_on, line.started_on, today) for line in lines]
    started, done_on = roll_up(lines)
    status = task_status(deadline, done_on, started, today)
    return GroupProgress(
        status=status,
        total=len(lines),
        done=sum(1 for s in statuses if s in (Status.DONE, Status.DONE_LATE)),
        counts={s: statuses.count(s) for s in Status},
        late=[line.unit for line, s in zip(lines, statuses, strict=True) if s == Status.DONE_LATE],
        overdue=[line.unit for line, s in zip(lines, statuses, strict=True) if s == Status.OVERDUE],
        statuses=statuses,
    )
