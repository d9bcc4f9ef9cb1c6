"""Filings the standing office has to answer, in its inbox: overdue ones first, in red."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.filings import permissions
from vinhdanh.filings.codes import shown
from vinhdanh.filings.selectors import waiting_for_office
from vinhdanh.workflow.permissions import allows


def _item(today):
    def item(filing) -> InboxItem:
        late = filing.due_on < today
        note = (_("Quá hạn trả lời từ %(day)s") if late else _("Hạn trả lời %(day)s")) % {
            "day": filing.due_on.strftime("%d/%m/%Y")
        }
        return InboxItem(
            f"{shown(filing.code)} – {filing.subject}",
            reverse("filings:filing_detail", args=[filing.pk]),
            note,
            late=late,
        )

    return item


def inbox(user, year: int) -> list[InboxGroup]:
    if not allows(user, permissions.VIEW_FILINGS):
        return []
    today = timezone.localdate()
    waiting = waiting_for_office(user)
    url = reverse("filings:filing_list") + "?state=open"
    found = [
        group(
            waiting.filter(due_on__lt=today),
            key="filings.filing.overdue",
            label=_("Hồ sơ trực tuyến quá hạn trả lời"),
            url=url,
            icon="bi-alarm",
            item=_item(today),
            late=True,
        ),
        group(
            waiting.filter(due_on__gte=today),
            key="filings.filing.waiting",
            label=_("Hồ sơ trực tuyến chờ xử lý"),
            url=url,
            icon="bi-inbox",
            item=_item(today),
        ),
    ]
    return [g for g in found if g is not None]
