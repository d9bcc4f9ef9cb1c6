"""The home page's card of exemplars: proposals waiting for the standing office."""

from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.exemplars import permissions
from vinhdanh.exemplars.models import ExemplarState
from vinhdanh.exemplars.selectors import exemplars_for
from vinhdanh.workflow.permissions import allows


def cards(user) -> list[Card]:
    if not allows(user, permissions.EXEMPLAR_REPORT):
        return []
    count = exemplars_for(user, state=ExemplarState.PROPOSED).count()
    if not count:
        return []
    return [
        Card(
            _("Gương điển hình chờ xác minh"),
            count,
            reverse("exemplars:exemplar_list") + f"?state={ExemplarState.PROPOSED}",
            "bi-star",
            "warning",
        )
    ]
