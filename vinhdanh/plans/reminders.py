"""Sending the reminders that are due: e-mail and in-app notification, once per event.

Two kinds of event: a task's deadline (to the officers of each lead unit) and the plan's
deadline for units' own plans (to the officers of each unit that has not sent one).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.models import Role, User
from vinhdanh.plans.models import Notification, Plan, Reminder, Task
from vinhdanh.plans.reminder_rules import (
    DEFAULT_DAYS_BEFORE,
    DueReminder,
    OpenTask,
    due_reminders,
)
from vinhdanh.plans.tracking import expected_units

logger = logging.getLogger(__name__)
RECIPIENT_ROLES = (Role.UNIT_OFFICER, Role.CLUSTER_HEAD)


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


def _task_message(task: Task, kind: str) -> Message:
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


def _unit_plan_message(plan: Plan, kind: str) -> Message:
    values = {"number": plan.number, "deadline": plan.unit_plan_deadline.strftime("%d/%m/%Y")}
    if kind == "overdue":
        text = _(
            "Đơn vị chưa gửi kế hoạch thực hiện Kế hoạch số %(number)s; hạn gửi %(deadline)s "
            "đã qua."
        )
    else:
        text = _("Đơn vị cần gửi kế hoạch thực hiện Kế hoạch số %(number)s trước %(deadline)s.")
    return Message(text % values, reverse("plans:unit_plans", args=[plan.pk]))


def _deliver(unit_id: int, message: Message) -> int:
    recipients = list(
        User.objects.filter(unit_id=unit_id, role__in=RECIPIENT_ROLES, is_active=True)
    )
    Notification.objects.bulk_create(
        Notification(user=user, text=message.text[:500], url=message.url) for user in recipients
    )
    emails = [user.email for user in recipients if user.email]
    if emails:
        body = f"{message.text}\n\n{message.url}"
        send_mail(_("[Vinh Danh] Nhắc việc kế hoạch thi đua"), body, None, emails)
    return len(recipients)


def _send(item: DueReminder, *, plan_id: int, task: Task | None, message: Message) -> bool:
    try:
        with transaction.atomic():
            # The log row comes first: a parallel worker sending the same event stops here.
            reminder = Reminder.objects.create(
                plan_id=plan_id,
                task=task,
                unit_id=item.unit_id,
                kind=item.kind,
                deadline=item.deadline,
            )
            reminder.recipients = _deliver(item.unit_id, message)
            reminder.save(update_fields=["recipients"])
    except IntegrityError:
        return False
    except OSError:
        # The mail server is down: the event is rolled back and retried on the next run.
        logger.exception("plan reminder not sent: %s", item)
        return False
    return True


def _already_sent(task_events: bool) -> set[tuple]:
    rows = Reminder.objects.filter(task__isnull=not task_events)
    key = "task_id" if task_events else "plan_id"
    return set(rows.values_list(key, "unit_id", "kind", "deadline"))


def send_plan_reminders(today=None) -> int:
    """Send every due reminder not sent before; returns how many events were sent."""
    today = today or timezone.localdate()
    days = days_before()
    sent = 0
    done = _already_sent(task_events=True)
    for item in due_reminders(open_tasks(), today, days):
        if (item.task_id, item.unit_id, item.kind, item.deadline) in done:
            continue
        task = Task.objects.get(pk=item.task_id)
        message = _task_message(task, item.kind)
        sent += _send(item, plan_id=task.plan_id, task=task, message=message)
    done = _already_sent(task_events=False)
    for item in due_reminders(open_unit_plans(), today, days):
        if (item.task_id, item.unit_id, item.kind, item.deadline) in done:
            continue
        plan = Plan.objects.get(pk=item.task_id)
        sent += _send(item, plan_id=plan.pk, task=None, message=_unit_plan_message(plan, item.kind))
    return sent
