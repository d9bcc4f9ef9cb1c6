from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.plans import selectors
from vinhdanh.plans.status import Status
from vinhdanh.workflow.permissions import allows


def cards(user) -> list[Card]:
    if user.unit_id and allows(user, "plans.follow_unit_tasks"):
        led, _helped = selectors.unit_tasks(user)
        rows = selectors.rows(led, timezone.localdate())
        url, label = reverse("plans:my_tasks"), _("Nhiệm vụ đơn vị chủ trì quá hạn")
    else:
        rows = selectors.rows(selectors.tasks_for(user), timezone.localdate())
        url, label = reverse("plans:dashboard"), _("Nhiệm vụ kế hoạch quá hạn")
    overdue = sum(1 for row in rows if row.status == Status.OVERDUE)
    due_soon = sum(1 for row in rows if row.due_soon)
    return [
        Card(label, overdue, url, "bi-alarm", "danger" if overdue else "success"),
        Card(_("Nhiệm vụ sắp đến hạn"), due_soon, url, "bi-hourglass-split", "warning"),
    ]
