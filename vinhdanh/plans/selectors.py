"""Reading plans and tasks within the user's scope, and the views' derived tables."""

import calendar
import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from vinhdanh.accounts import access
from vinhdanh.core.text import fold
from vinhdanh.plans.models import Plan, Task, UnitPlanSubmission, UnitPlanTransition
from vinhdanh.plans.reminders import days_before
from vinhdanh.plans.status import STATUS_COLOURS, STATUS_LABELS, Status, is_due_soon
from vinhdanh.plans.tracking import expected_units


def plans_for(user):
    return access.scope_queryset(user, Plan.objects.annotate(task_count=Count("tasks")))


def tasks_for(user, plan: Plan | None = None):
    tasks = Task.objects.select_related("plan").prefetch_related("lead_units", "coordinating_units")
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    return access.scope_queryset(user, tasks).order_by("plan", "position")


@dataclass
class TaskRow:
    task: Task
    status: Status
    due_soon: bool = False

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]


def rows(tasks, today: dt.date) -> list[TaskRow]:
    soon = days_before()
    result = []
    for task in tasks:
        status = task.status_on(today)
        result.append(TaskRow(task, status, is_due_soon(task.deadline_date, status, today, soon)))
    return result


def grouped_by_section(task_rows: list[TaskRow]) -> list[tuple[str, list[TaskRow]]]:
    """Rows under their section ("Quý I"), in the document's order."""
    groups: OrderedDict[str, list[TaskRow]] = OrderedDict()
    for row in task_rows:
        groups.setdefault(row.task.section, []).append(row)
    return list(groups.items())


def status_counts(task_rows: list[TaskRow]) -> list[tuple[Status, str, str, int]]:
    return [
        (
            status,
            str(STATUS_LABELS[status]),
            STATUS_COLOURS[status],
            sum(1 for row in task_rows if row.status == status),
        )
        for status in Status
    ]


def led_tasks(user):
    """The tasks the user's unit (or a sub-unit) leads, and those led by a group phrase."""
    lead_q = Q(pk__in=[])
    for path in access.own_unit_paths(user):
        lead_q |= Q(lead_units__path__startswith=path)
    return Task.objects.filter(lead_q | ~Q(lead_groups=[]))


def unit_tasks(user) -> tuple[list[Task], list[Task]]:
    """Tasks the user's unit leads, and those it helps with."""
    if not user.unit_id:
        return [], []
    coord_q = Q(pk__in=[])
    for path in access.own_unit_paths(user):
        coord_q |= Q(coordinating_units__path__startswith=path)
    base = Task.objects.select_related("plan").prefetch_related("lead_units")
    led = list(base.filter(pk__in=led_tasks(user).values("pk")).order_by("plan", "position"))
    led_ids = {task.pk for task in led}
    helped = [
        t
        for t in base.filter(coord_q).distinct().order_by("plan", "position")
        if t.pk not in led_ids
    ]
    return led, helped


def deadline_counts(tasks, today: dt.date) -> dict[str, int]:
    """How many of `tasks` are overdue and due soon (the rules of status.py), counted by
    the database in one query."""
    open_tasks = Q(done_on__isnull=True, deadline_date__isnull=False)
    soon = today + dt.timedelta(days=days_before())
    return Task.objects.filter(pk__in=tasks.values("pk")).aggregate(
        overdue=Count("pk", filter=open_tasks & Q(deadline_date__lt=today)),
        due_soon=Count(
            "pk", filter=open_tasks & Q(deadline_date__gte=today, deadline_date__lte=soon)
        ),
    )


@dataclass
class UnitLoad:
    unit_name: str
    overdue: list[TaskRow] = field(default_factory=list)
    due_soon: list[TaskRow] = field(default_factory=list)


def dashboard(task_rows: list[TaskRow]) -> list[UnitLoad]:
    """Overdue and due-soon tasks per lead unit (a group phrase counts as its own line)."""
    loads: dict[str, UnitLoad] = {}
    for row in task_rows:
        if row.status != Status.OVERDUE and not row.due_soon:
            continue
        names = [unit.name for unit in row.task.lead_units.all()] + list(row.task.lead_groups)
        for name in names or ["—"]:
            load = loads.setdefault(name, UnitLoad(name))
            (load.overdue if row.status == Status.OVERDUE else load.due_soon).append(row)
    return sorted(
        loads.values(), key=lambda load: (-len(load.overdue), -len(load.due_soon), load.unit_name)
    )


@dataclass
class SubmissionRow:
    unit: object
    submission: UnitPlanSubmission | None
    state: str  # "on_time", "late", "missing", "missing_overdue"

    STATE_LABELS = {
        "on_time": ("Đã nộp đúng hạn", "success"),
        "late": ("Nộp muộn", "warning"),
        "missing": ("Chưa nộp", "secondary"),
        "missing_overdue": ("Chưa nộp, đã quá hạn", "danger"),
    }

    @property
    def label(self) -> str:
        return self.STATE_LABELS[self.state][0]

    @property
    def colour(self) -> str:
        return self.STATE_LABELS[self.state][1]

    @property
    def last_step(self) -> UnitPlanTransition | None:
        steps = list(self.submission.transitions.all()) if self.submission else []
        return steps[-1] if steps else None


def submission_state(deadline: dt.date | None, submitted_on: dt.date | None, today: dt.date):
    if submitted_on is not None:
        return "late" if deadline and submitted_on > deadline else "on_time"
    return "missing_overdue" if deadline and today > deadline else "missing"


def unit_plan_table(user, plan: Plan, today: dt.date) -> list[SubmissionRow]:
    units = access.scope_queryset(user, expected_units(plan))
    # Each row shows its last step (the office's reason to return it): one query for all.
    steps = Prefetch(
        "transitions", queryset=UnitPlanTransition.objects.select_related("actor").order_by("pk")
    )
    submissions = plan.unit_submissions.select_related("unit").prefetch_related(steps)
    by_unit = {s.unit_id: s for s in submissions}
    result = []
    for unit in units:
        submission = by_unit.get(unit.pk)
        state = submission_state(
            plan.unit_plan_deadline, submission.submitted_on if submission else None, today
        )
        result.append(SubmissionRow(unit, submission, state))
    return result


# -- timeline and calendar ------------------------------------------------------------
_PERIOD_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "Y": (1, 12),
}
_SECTION_START = {"quy i": 1, "quy ii": 4, "quy iii": 7, "quy iv": 10}


@dataclass
class TimelineBar:
    row: TaskRow
    start: int  # first month, 1..12
    end: int  # last month, 1..12
    open_ended: bool  # ongoing or set by the higher level: no date to aim at


def _section_start(section: str) -> int:
    return _SECTION_START.get(fold(section).strip(), 1)


def timeline(task_rows: list[TaskRow], year: int) -> list[TimelineBar]:
    bars = []
    for row in task_rows:
        task = row.task
        if task.deadline_period in _PERIOD_MONTHS:
            start, end = _PERIOD_MONTHS[task.deadline_period]
        elif task.deadline_date and task.deadline_date.year == year:
            end = task.deadline_date.month
            start = (
                task.deadline_date.month
                if task.deadline_kind == "month"
                else min(_section_start(task.section), end)
            )
        elif task.deadline_date:
            start, end = (1, 12) if task.deadline_date.year > year else (1, 1)
        else:
            bars.append(TimelineBar(row, _section_start(task.section), 12, True))
            continue
        bars.append(TimelineBar(row, start, end, False))
    return bars


@dataclass
class CalendarDay:
    day: dt.date
    in_month: bool
    rows: list[TaskRow]


def month_grid(task_rows: list[TaskRow], year: int, month: int) -> list[list[CalendarDay]]:
    """Weeks (Monday first) of the month, each day with the tasks due that day."""
    by_day: dict[dt.date, list[TaskRow]] = {}
    for row in task_rows:
        if row.task.deadline_date:
            by_day.setdefault(row.task.deadline_date, []).append(row)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [
        [CalendarDay(day, day.month == month, by_day.get(day, [])) for day in week]
        for week in weeks
    ]
