from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.filings import permissions
from vinhdanh.filings.selectors import waiting_for_office
from vinhdanh.workflow.permissions import allows


def cards(user) -> list[Card]:
    if not allows(user, permissions.VIEW_FILINGS):
        return []
    waiting = waiting_for_office(user)
    count = waiting.count()
    if not count:
        return []
    late = waiting.filter(due_on__lt=timezone.localdate()).exists()
    return [
        Card(
            _("Hồ sơ trực tuyến chờ trả lời"),
            count,
            reverse("filings:filing_list") + "?state=open",
            "bi-inbox",
            "danger" if late else "warning",
        )
    ]
