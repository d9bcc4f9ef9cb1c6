"""Reading plans and tasks within the user's scope, and the views' derived tables."""

import calendar
import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import ExtractQuarter, ExtractYear

from vinhdanh.accounts import access
from vinhdanh.core.text import fold
from vinhdanh.plans import history
from vinhdanh.plans.models import (
    Plan,
    Task,
    TaskAssignment,
    UnitPlanSubmission,
    UnitPlanTransition,
)
from vinhdanh.plans.reminders import days_before
from vinhdanh.plans.status import (
    STATUS_COLOURS,
    STATUS_LABELS,
    GroupProgress,
    Status,
    UnitLine,
    group_progress,
    is_due_soon,
)
from vinhdanh.plans.tracking import expected_units


def plans_for(user):
    return access.scope_queryset(user, Plan.objects.annotate(task_count=Count("tasks")))


def tasks_for(user, plan: Plan | None = None):
    tasks = Task.objects.select_related("plan").prefetch_related(
        "lead_units", "coordinating_units", Prefetch("assignments", queryset=_lines())
    )
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    return access.scope_queryset(user, tasks).order_by("plan", "position")


@dataclass
class TaskRow:
    task: Task
    status: Status
    due_soon: bool = False
    # A group task's per-unit progress (`attach_progress`), or None.
    progress: GroupProgress | None = None

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
        # A unit's own list shows its own line of a group task (`unit_tasks`).
        own = getattr(task, "own_line", None)
        status = own.status_on(today) if own is not None else task.status_on(today)
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
    """The tasks the user's unit (or a sub-unit) leads, or has a line of (a group's task)."""
    lead_q = Q(pk__in=[])
    for path in access.own_unit_paths(user):
        lead_q |= Q(lead_units__path__startswith=path) | Q(assignments__unit__path__startswith=path)
    return Task.objects.filter(lead_q)


def open_led_tasks(user):
    """`led_tasks` without the group tasks whose line of the user's unit is done: a ward
    that finished its part has nothing overdue there, whatever the other wards do."""
    finished = TaskAssignment.objects.filter(unit_id=user.unit_id, done_on__isnull=False)
    return led_tasks(user).exclude(pk__in=finished.values("task_id"))


def unit_tasks(user):
    """Tasks the user's unit leads, and those it only helps with, newest plan first, as
    querysets: for a province-wide seat they hold every task of every plan, so the page
    shows them a page at a time."""
    if not user.unit_id:
        return Task.objects.none(), Task.objects.none()
    coord_q = Q(pk__in=[])
    for path in access.own_unit_paths(user):
        coord_q |= Q(coordinating_units__path__startswith=path)
    led_ids = led_tasks(user).values("pk")
    base = Task.objects.select_related("plan").prefetch_related("lead_units")
    own_lines = Prefetch(
        "assignments",
        queryset=TaskAssignment.objects.filter(unit_id=user.unit_id),
        to_attr="own_lines",
    )
    order = ("-plan__year", "-plan_id", "position")
    led = base.filter(pk__in=led_ids).prefetch_related(own_lines).order_by(*order)
    helped = base.filter(pk__in=Task.objects.filter(coord_q).values("pk")).exclude(pk__in=led_ids)
    return led, helped.order_by(*order)


def with_own_lines(tasks) -> list[Task]:
    """A page of `unit_tasks`' led tasks, each with `own_line`: the line of the user's unit
    when the task is a group's (its status is that line's), else None."""
    tasks = list(tasks)
    for task in tasks:
        lines = getattr(task, "own_lines", [])
        task.own_line = lines[0] if lines else None
        if task.own_line is not None:
            task.own_line.task = task
    return tasks


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


def _status_conditions(today: dt.date) -> dict[Status, Q]:
    """status.task_status as conditions the database counts by."""
    done, late = Q(done_on__isnull=False), Q(done_on__gt=F("deadline_date"))
    overdue = Q(done_on__isnull=True, deadline_date__lt=today)
    open_on_time = Q(done_on__isnull=True) & ~Q(
        deadline_date__lt=today, deadline_date__isnull=False
    )
    conditions = {
        Status.DONE: done & ~Q(late, deadline_date__isnull=False),
        Status.DONE_LATE: done & Q(late, deadline_date__isnull=False),
        Status.OVERDUE: overdue,
        Status.IN_PROGRESS: open_on_time & Q(started_on__isnull=False),
        Status.NOT_STARTED: open_on_time & Q(started_on__isnull=True),
    }
    return conditions


def status_totals(tasks, today: dt.date) -> list[tuple[Status, str, str, int]]:
    """`status_counts` of `tasks`, counted by the database in one query (the rules of
    status.task_status)."""
    conditions = _status_conditions(today)
    counts = Task.objects.filter(pk__in=tasks.values("pk")).aggregate(
        **{str(status): Count("pk", filter=condition) for status, condition in conditions.items()}
    )
    return [
        (status, str(STATUS_LABELS[status]), STATUS_COLOURS[status], counts[str(status)])
        for status in Status
    ]


NO_DEADLINE = None  # the quarter of the tasks without a dated deadline


def progress_by_quarter(tasks, today: dt.date) -> list[tuple[tuple | None, dict[Status, int]]]:
    """Tasks by the quarter of their deadline, counted per status in one GROUP BY:
    [((year, quarter) or None for undated tasks, {status: count})], dated quarters first."""
    conditions = _status_conditions(today)
    grouped = (
        Task.objects.filter(pk__in=tasks.values("pk"))
        .annotate(year=ExtractYear("deadline_date"), quarter=ExtractQuarter("deadline_date"))
        .values("year", "quarter")
        .order_by()
        .annotate(**{str(status): Count("pk", filter=c) for status, c in conditions.items()})
    )
    found = {
        (row["year"], row["quarter"]) if row["year"] else NO_DEADLINE: {
            status: row[str(status)] for status in Status
        }
        for row in grouped
    }
    dated = sorted(key for key in found if key is not NO_DEADLINE)
    return [(key, found[key]) for key in dated] + (
        [(NO_DEADLINE, found[NO_DEADLINE])] if NO_DEADLINE in found else []
    )


@dataclass
class LoadCard:
    """A lead unit's overdue and due-soon tasks: the counts, and the first few to show."""

    unit_name: str
    overdue_count: int = 0
    due_soon_count: int = 0
    overdue: list[TaskRow] = field(default_factory=list)
    due_soon: list[TaskRow] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.overdue_count + self.due_soon_count - len(self.overdue) - len(self.due_soon)


def unit_loads(tasks, today: dt.date, *, shown_per_unit: int = 5) -> list[LoadCard]:
    """Overdue and due-soon tasks per lead unit, like `dashboard`, from two queries whatever
    the number of tasks: a province's plan has thousands, and a page listing every one of
    them under every unit weighed megabytes."""
    soon = today + dt.timedelta(days=days_before())
    late = Task.objects.filter(
        pk__in=tasks.values("pk"), done_on__isnull=True, deadline_date__lte=soon
    ).order_by("deadline_date", "plan_id", "position")
    found = late.only(
        "pk", "number", "content", "deadline_date", "done_on", "started_on", "lead_groups"
    )
    leads: dict[int, list[str]] = {}
    for task_id, name in Task.lead_units.through.objects.filter(
        task_id__in=late.values("pk")
    ).values_list("task_id", "unit__name"):
        leads.setdefault(task_id, []).append(name)
    # A group task weighs on each unit whose own line is still open, not on the group.
    open_lines: dict[int, list[str]] = {}
    for task_id, name in TaskAssignment.objects.filter(
        task_id__in=late.values("pk"), done_on__isnull=True
    ).values_list("task_id", "unit__name"):
        open_lines.setdefault(task_id, []).append(name)
    cards: dict[str, LoadCard] = {}
    for task in found:
        is_overdue = task.deadline_date < today
        row = TaskRow(task, task.status_on(today), not is_overdue)
        names = (
            sorted(set(leads.get(task.pk, [])) | set(open_lines[task.pk]))
            if task.pk in open_lines
            else sorted(leads.get(task.pk, [])) + list(task.lead_groups)
        )
        for name in names or ["—"]:
            card = cards.setdefault(name, LoadCard(name))
            if is_overdue:
                card.overdue_count += 1
                if len(card.overdue) < shown_per_unit:
                    card.overdue.append(row)
            else:
                card.due_soon_count += 1
                if len(card.overdue) + len(card.due_soon) < shown_per_unit:
                    card.due_soon.append(row)
    return sorted(cards.values(), key=lambda c: (-c.overdue_count, -c.due_soon_count, c.unit_name))


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


# -- the living plan: tasks as the history keeps them, per-unit progress -----------------
def task_states(tasks) -> list[dict]:
    """`history.task_state` of each task, from four queries whatever their number."""
    tasks = tasks.prefetch_related(
        "lead_units", "coordinating_units", Prefetch("assignments", queryset=_lines())
    )
    return [state_of(task) for task in tasks]


def state_of(task: Task) -> dict:
    """`history.task_state` of a task whose units are prefetched (or fetched here)."""
    return history.task_state(
        task,
        lead=[unit.name for unit in task.lead_units.all()],
        coordinating=[unit.name for unit in task.coordinating_units.all()],
        assigned=[line.unit.name for line in task.assignments.all()],
    )


def plan_states(plan: Plan) -> list[dict]:
    return task_states(plan.tasks.order_by("position"))


def _lines():
    return TaskAssignment.objects.select_related("unit").order_by("unit__sort_key", "unit_id")


def unit_lines(task: Task) -> list[UnitLine]:
    return [
        UnitLine(line.unit.name, line.started_on, line.done_on, line.percent)
        for line in task.assignments.all()
    ]


def progress_of(task: Task, today: dt.date) -> GroupProgress | None:
    """Per-unit progress of a group task (its assignments prefetched), else None."""
    if not task.lead_is_group:
        return None
    return group_progress(task.deadline_date, unit_lines(task), today)


def attach_progress(task_rows: list[TaskRow], today: dt.date) -> list[TaskRow]:
    """Each group task's row gets its per-unit progress (counts, bar, late units)."""
    for row in task_rows:
        row.progress = progress_of(row.task, today)
    return task_rows


def plan_diff(plan: Plan) -> history.PlanDiff:
    return history.compare(plan.baseline or [], plan_states(plan))


def plan_changes(plan: Plan):
    return plan.changes.select_related("actor", "task").order_by("-created_at", "-pk")
