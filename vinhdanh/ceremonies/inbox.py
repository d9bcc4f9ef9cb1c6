"""Ceremonies in the user's inbox: held ones the office has still to write up."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.ceremonies import permissions
from vinhdanh.ceremonies.models import CeremonyState
from vinhdanh.ceremonies.selectors import ceremonies_for
from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.workflow.permissions import allows


def _item(ceremony) -> InboxItem:
    return InboxItem(
        ceremony.title,
        reverse("ceremonies:ceremony_detail", args=[ceremony.pk]),
        timezone.localtime(ceremony.held_at).strftime("%d/%m/%Y"),
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = group(
        ceremonies_for(user).filter(state=CeremonyState.HELD).order_by("held_at", "pk"),
        key="ceremonies.report",
        label=_("Hội nghị đã tổ chức, chưa báo cáo kết quả"),
        url=reverse("ceremonies:ceremony_list"),
        icon="bi-award",
        item=_item,
        may=lambda ceremony: allows(user, permissions.MANAGE_CEREMONY, ceremony),
    )
    return [found] if found is not None else []
