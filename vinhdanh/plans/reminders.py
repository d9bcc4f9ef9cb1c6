"""The reminders that are due, their texts and their recipients: reading only.

Two kinds of event: a task's deadline (to the officers of each lead unit, or of each unit
with an open line of a group task) and the plan's deadline for units' own plans (to the
officers of each unit that has not sent one); the council's standing office receives
every reminder too.
`plans.services.send_plan_reminders` sends them, once per event.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.models import Membership, Role, User
from vinhdanh.plans.models import Plan, Reminder, ReminderOutcome, Task
from vinhdanh.plans.reminder_rules import DEFAULT_DAYS_BEFORE, OpenTask
from vinhdanh.plans.tracking import expected_units
from vinhdanh.workflow.permissions import allows


def days_before() -> int:
    return int(getattr(settings, "PLAN_REMINDER_DAYS", DEFAULT_DAYS_BEFORE))


def open_tasks() -> list[OpenTask]:
    """Each open task with its units to remind: the lead units, or for a group task the
    units whose own line is not done."""
    tasks = Task.objects.filter(deadline_date__isnull=False, done_on__isnull=True)
    items = []
    for task in tasks.prefetch_related("lead_units", "assignments"):
        if task.lead_is_group:
            units = tuple(line.unit_id for line in task.assignments.all() if not line.done_on)
        else:
            units = tuple(unit.pk for unit in task.lead_units.all())
        items.append(OpenTask(task.pk, units, task.deadline_date))
    return items


def open_unit_plans() -> list[OpenTask]:
    """Each plan's deadline for units' own plans, for the units that have not sent theirs."""
    items = []
    for plan in Plan.objects.filter(unit_plan_deadline__isnull=False).select_related("council"):
        sent = plan.unit_submissions.values("unit_id")
        missing = expected_units(plan).exclude(pk__in=sent).values_list("pk", flat=True)
        items.append(OpenTask(plan.pk, tuple(missing), plan.unit_plan_deadline))
    return items


@dataclass(frozen=True)
class Message:
    text: str
    url: str


def task_message(task: Task, kind: str) -> Message:
    values = {
        "number": task.number,
        "content": task.content[:200],
        "deadline": task.deadline_date.strftime("%d/%m/%Y"),
    }
    if kind == "overdue":
        text = _("Nhiệm vụ %(number)s “%(content)s” đã quá hạn (%(deadline)s).") % values
    else:
        text = _("Nhiệm vụ %(number)s “%(content)s” sắp đến hạn (%(deadline)s).") % values
    return Message(text, reverse("plans:task_detail", args=[task.pk]))


def unit_plan_message(plan: Plan, kind: str) -> Message:
    values = {"number": plan.number, "deadline": plan.unit_plan_deadline.strftime("%d/%m/%Y")}
    if kind == "overdue":
        text = _(
            "Đơn vị chưa gửi kế hoạch thực hiện Kế hoạch số %(number)s; hạn gửi %(deadline)s "
            "đã qua."
        )
    else:
        text = _("Đơn vị cần gửi kế hoạch thực hiện Kế hoạch số %(number)s trước %(deadline)s.")
    return Message(text % values, reverse("plans:unit_plans", args=[plan.pk]))


def recipients(unit_id: int) -> list[User]:
    """The active accounts of the unit that follow its tasks (plans.follow_unit_tasks)."""
    users = User.objects.filter(unit_id=unit_id, is_active=True).order_by("pk")
    return [user for user in users if allows(user, "plans.follow_unit_tasks")]


def office_recipients(council_id: int | None) -> list[User]:
    """The active accounts of the council's standing office, by account or by a seat in force."""
    if council_id is None:
        return []
    today = timezone.localdate()
    seats = Membership.objects.filter(council_id=council_id, role=Role.STANDING_OFFICE).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
    )
    users = User.objects.filter(is_active=True).filter(
        Q(council_id=council_id, role=Role.STANDING_OFFICE) | Q(pk__in=seats.values("user_id"))
    )
    return list(users.distinct().order_by("pk"))


def already_sent(task_events: bool) -> set[tuple]:
    """The events logged as sent (those nobody could receive are tried again)."""
    rows = Reminder.objects.filter(task__isnull=not task_events, outcome=ReminderOutcome.SENT)
    key = "task_id" if task_events else "plan_id"
    return set(rows.values_list(key, "unit_id", "kind", "deadline"))
