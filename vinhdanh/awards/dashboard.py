from django.urls import reverse
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.awards import selectors, workflow
from vinhdanh.awards.models import State
from vinhdanh.core.cards import Card

# What waits for whom: (roles, states, label, icon).
_WAITING = [
    (workflow.APPRAISERS, [State.SUBMITTED], _("Hồ sơ chờ thẩm định"), "bi-clipboard-check"),
    (
        {"council_member", "leader"},
        [State.VOTING],
        _("Hồ sơ chờ Hội đồng biểu quyết"),
        "bi-check2-square",
    ),
    (workflow.DECIDERS, [State.VOTED], _("Hồ sơ chờ quyết định"), "bi-pen"),
    (
        {"unit_officer", "cluster_head"},
        [State.RETURNED],
        _("Hồ sơ bị trả lại cần bổ sung"),
        "bi-arrow-return-left",
    ),
    (
        {"unit_officer", "cluster_head"},
        [State.DRAFT],
        _("Hồ sơ dự thảo chưa gửi"),
        "bi-pencil-square",
    ),
]


def cards(user) -> list[Card]:
    role = access.role_of(user)
    result = []
    for roles, states, label, icon in _WAITING:
        if role not in roles:
            continue
        count = selectors.nominations_for(user).filter(state__in=states).count()
        url = (
            reverse("awards:vote_list")
            if states == [State.VOTING]
            else (f"{reverse('awards:nomination_list')}?state={states[0]}")
        )
        result.append(Card(str(label), count, url, icon, "warning" if count else "success"))
    return result
