from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.movements.selectors import unread_notices


def cards(user) -> list[Card]:
    if not user.unit_id:
        return []
    count = unread_notices(user).count()
    if not count:
        return []
    return [
        Card(
            _("Phong trào mới phát động chưa xem"),
            count,
            reverse("movements:movement_list"),
            "bi-megaphone",
            "info",
        )
    ]
