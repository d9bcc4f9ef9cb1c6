from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.awards import selectors
from vinhdanh.awards.models import State
from vinhdanh.core.cards import Card
from vinhdanh.workflow.permissions import allows

# What waits for whom: (the permission that makes it the user's work, states, label, icon).
_WAITING = [
    (
        "awards.appraise_nomination",
        [State.SUBMITTED],
        _("Hồ sơ chờ thẩm định"),
        "bi-clipboard-check",
    ),
    ("awards.follow_votes", [State.VOTING], _("Hồ sơ chờ Hội đồng biểu quyết"), "bi-check2-square"),
    ("awards.decide_nomination", [State.VOTED], _("Hồ sơ chờ quyết định"), "bi-pen"),
    (
        "awards.export_dossier",
        [State.RETURNED_FROM_ABOVE],
        _("Hồ sơ cấp trên trả lại"),
        "bi-arrow-return-left",
    ),
    (
        "awards.track_own_nominations",
        [State.RETURNED],
        _("Hồ sơ bị trả lại cần bổ sung"),
        "bi-arrow-return-left",
    ),
    (
        "awards.track_own_nominations",
        [State.DRAFT],
        _("Hồ sơ dự thảo chưa gửi"),
        "bi-pencil-square",
    ),
]


def cards(user) -> list[Card]:
    result = []
    for permission, states, label, icon in _WAITING:
        if not allows(user, permission):
            continue
        count = selectors.nominations_for(user).filter(state__in=states).count()
        url = (
            reverse("awards:vote_list")
            if states == [State.VOTING]
            else (f"{reverse('awards:nomination_list')}?state={states[0]}")
        )
        result.append(Card(str(label), count, url, icon, "warning" if count else "success"))
    return result
