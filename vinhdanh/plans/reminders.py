"""The reminders that are due, their texts and their recipients: reading only.

Two kinds of event: a task's deadline (to the officers of each lead unit) and the plan's
deadline for units' own plans (to the officers of each unit that has not sent one).
`plans.services.send_plan_reminders` sends them, once per event.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.accounts.models import User
from vinhdanh.plans.models import Plan, Reminder, Task
from vinhdanh.plans.reminder_rules import DEFAULT_DAYS_BEFORE, OpenTask
from vinhdanh.plans.tracking import expected_units
from vinhdanh.workflow.permissions import allows


def days_before() -> int:
    return int(getattr(settings, "PLAN_REMINDER_DAYS", DEFAULT_DAYS_BEFORE))


def open_tasks() -> list[OpenTask]:
    tasks = Task.objects.filter(deadline_date__isnull=False, done_on__isnull=True)
    return [
        OpenTask(task.pk, tuple(unit.pk for unit in task.lead_units.all()), task.deadline_date)
        for task in tasks.prefetch_related("lead_units")
    ]


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


def already_sent(task_events: bool) -> set[tuple]:
    rows = Reminder.objects.filter(task__isnull=not task_events)
    key = "task_id" if task_events else "plan_id"
    return set(rows.values_list(key, "unit_id", "kind", "deadline"))
