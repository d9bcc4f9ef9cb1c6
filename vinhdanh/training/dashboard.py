from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.training.selectors import open_invitations


def cards(user) -> list[Card]:
    if not user.unit_id:
        return []
    count = open_invitations(user).count()
    if not count:
        return []
    return [
        Card(
            _("Lớp tập huấn chờ đăng ký người dự"),
            count,
            reverse("training:session_list"),
            "bi-easel",
            "warning",
        )
    ]
