from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.contests.selectors import sheets_waiting_for
from vinhdanh.core.cards import Card


def cards(user) -> list[Card]:
    count = sheets_waiting_for(user).count()
    if not count:
        return []
    return [
        Card(
            _("Bài dự thi chờ bạn chấm"),
            count,
            reverse("contests:my_sheets"),
            "bi-clipboard-check",
            "warning",
        )
    ]
