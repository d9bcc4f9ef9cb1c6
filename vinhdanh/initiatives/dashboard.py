from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.core.cards import Card
from vinhdanh.initiatives.models import InitiativeState
from vinhdanh.initiatives.selectors import initiatives_for


def cards(user) -> list[Card]:
    """Initiatives before a council (submitted or under review) in the user's scope."""
    count = (
        initiatives_for(user)
        .filter(state__in=(InitiativeState.SUBMITTED, InitiativeState.UNDER_REVIEW))
        .count()
    )
    if not count:
        return []
    return [
        Card(
            _("Sáng kiến đang chờ Hội đồng sáng kiến"),
            count,
            reverse("initiatives:initiative_list") + "?state=under_review",
            "bi-lightbulb",
            "info",
        )
    ]
