from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.plans import selectors
from vinhdanh.workflow.permissions import allows


def cards(user) -> list[Card]:
    if user.unit_id and allows(user, "plans.follow_unit_tasks"):
        tasks = selectors.open_led_tasks(user)
        url, label = reverse("plans:my_tasks"), _("Nhiệm vụ đơn vị chủ trì quá hạn")
    else:
        tasks = selectors.tasks_for(user)
        url, label = reverse("plans:dashboard"), _("Nhiệm vụ kế hoạch quá hạn")
    counts = selectors.deadline_counts(tasks, timezone.localdate())
    overdue, due_soon = counts["overdue"], counts["due_soon"]
    return [
        Card(label, overdue, url, "bi-alarm", "danger" if overdue else "success"),
        Card(_("Nhiệm vụ sắp đến hạn"), due_soon, url, "bi-hourglass-split", "warning"),
    ]
