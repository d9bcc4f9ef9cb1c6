from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.inspections.models import FollowUpState
from vinhdanh.inspections.selectors import follow_ups_for


def cards(user) -> list[Card]:
    late = (
        follow_ups_for(user)
        .filter(state=FollowUpState.OPEN, due_on__lt=timezone.localdate())
        .count()
    )
    if not late:
        return []
    return [
        Card(
            _("Việc khắc phục sau kiểm tra quá hạn"),
            late,
            reverse("inspections:follow_up_list"),
            "bi-list-check",
            "danger",
        )
    ]
