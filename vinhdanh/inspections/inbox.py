"""Inspections in the user's inbox: visits the user's team must carry out, and follow-up
items the user's unit must put right (late ones first)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.inspections import permissions
from vinhdanh.inspections.models import FollowUpState
from vinhdanh.inspections.selectors import follow_ups_for, waiting_visits
from vinhdanh.workflow.permissions import allows


def _visit_item(visit) -> InboxItem:
    return InboxItem(
        f"{visit.unit} – {visit.plan}",
        reverse("inspections:visit_detail", args=[visit.pk]),
        visit.scheduled_on.strftime("%d/%m/%Y"),
    )


def _follow_up_item(item) -> InboxItem:
    return InboxItem(
        f"{item.visit.unit}: {item.text}",
        reverse("inspections:visit_detail", args=[item.visit_id]),
        item.due_on.strftime("%d/%m/%Y"),
    )


def inbox(user, year: int) -> list[InboxGroup]:
    today = timezone.localdate()
    found = [
        group(
            waiting_visits(user).order_by("scheduled_on", "pk"),
            key="inspections.visit",
            label=_("Đơn vị đoàn kiểm tra của bạn cần kiểm tra"),
            url=reverse("inspections:plan_list"),
            icon="bi-clipboard2-check",
            item=_visit_item,
        )
    ]
    if user.unit_id:
        own = follow_ups_for(user).filter(
            state=FollowUpState.OPEN, visit__unit__path__startswith=user.unit.path
        )
        for late, rows, label in (
            (True, own.filter(due_on__lt=today), _("Việc khắc phục sau kiểm tra quá hạn")),
            (False, own.filter(due_on__gte=today), _("Việc khắc phục sau kiểm tra")),
        ):
            found.append(
                group(
                    rows.order_by("due_on", "pk"),
                    key=f"inspections.follow_up.{'late' if late else 'open'}",
                    label=label,
                    url=reverse("inspections:follow_up_list"),
                    icon="bi-list-check",
                    item=_follow_up_item,
                    late=late,
                    may=lambda item: allows(user, permissions.REPORT_FOLLOW_UP, item),
                )
            )
    return [g for g in found if g is not None]
