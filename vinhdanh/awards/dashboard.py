from django.db.models import Count, Q
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
    waiting = [entry for entry in _WAITING if allows(user, entry[0])]
    if not waiting:
        return []
    # Every card's count in one aggregate over the user's nominations.
    counts = (
        selectors.nominations_for(user)
        .filter(state__in={state for entry in waiting for state in entry[1]})
        .order_by()
        .aggregate(
            **{
                f"card_{index}": Count("pk", filter=Q(state__in=states))
                for index, (_permission, states, _label, _icon) in enumerate(waiting)
            }
        )
    )
    result = []
    for index, (_permission, states, label, icon) in enumerate(waiting):
        count = counts[f"card_{index}"]
        url = (
            reverse("awards:vote_list")
            if states == [State.VOTING]
            else (f"{reverse('awards:nomination_list')}?state={states[0]}")
        )
        result.append(Card(str(label), count, url, icon, "warning" if count else "success"))
    return result
