"""The plan's work in the user's inbox: tasks late and due soon, unit plans to handle."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.accounts import access
from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.plans import selectors
from vinhdanh.plans.models import Task, UnitPlanState, UnitPlanSubmission
from vinhdanh.plans.reminders import days_before
from vinhdanh.plans.workflows import UNIT_PLANS
from vinhdanh.workflow.permissions import allows


def _task_item(today):
    def item(task) -> InboxItem:
        return InboxItem(
            str(task),
            reverse("plans:task_detail", args=[task.pk]),
            _("Hạn %(day)s") % {"day": f"{task.deadline_date:%d/%m/%Y}"},
            late=task.deadline_date < today,
        )

    return item


def _tasks(user):
    if user.unit_id and allows(user, "plans.follow_unit_tasks"):
        return selectors.led_tasks(user), reverse("plans:my_tasks")
    return selectors.tasks_for(user), reverse("plans:dashboard")


def _submission_item(submission) -> InboxItem:
    return InboxItem(
        f"{submission.unit.name} – {submission.plan}",
        reverse("plans:unit_plans", args=[submission.plan_id]),
    )


def inbox(user, year: int) -> list[InboxGroup]:
    today = timezone.localdate()
    tasks, url = _tasks(user)
    open_tasks = Task.objects.filter(
        pk__in=tasks.values("pk"), done_on__isnull=True, deadline_date__isnull=False
    ).order_by("deadline_date", "pk")
    soon = today + dt.timedelta(days=days_before())
    found = [
        group(
            open_tasks.filter(deadline_date__lt=today),
            key="plans.task.late",
            label=gettext_lazy("Nhiệm vụ quá hạn"),
            url=url,
            icon="bi-alarm",
            item=_task_item(today),
            late=True,
        ),
        group(
            open_tasks.filter(deadline_date__gte=today, deadline_date__lte=soon),
            key="plans.task.due",
            label=gettext_lazy("Nhiệm vụ sắp đến hạn"),
            url=url,
            icon="bi-hourglass-split",
            item=_task_item(today),
        ),
    ]
    submissions = access.scope_queryset(
        user, UnitPlanSubmission.objects.select_related("unit", "plan")
    ).order_by("pk")
    if allows(user, UNIT_PLANS.actions["accept"].permission):
        found.append(
            group(
                submissions.filter(state=UnitPlanState.SUBMITTED),
                key="plans.unit_plan.decide",
                label=gettext_lazy("Kế hoạch của đơn vị chờ tiếp nhận"),
                url=reverse("plans:dashboard"),
                icon="bi-file-earmark-check",
                item=_submission_item,
            )
        )
    if user.unit_id:
        resubmit = UNIT_PLANS.actions["resubmit"].permission
        found.append(
            group(
                submissions.filter(Q(state=UnitPlanState.RETURNED), unit_id=user.unit_id),
                key="plans.unit_plan.returned",
                label=gettext_lazy("Kế hoạch của đơn vị bị trả lại"),
                url=reverse("plans:my_tasks"),
                icon="bi-arrow-return-left",
                item=_submission_item,
                may=lambda submission: allows(user, resubmit, submission),
            )
        )
    return [g for g in found if g is not None]
