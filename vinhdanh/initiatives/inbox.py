"""Initiatives in the user's inbox: returned filings to complete, filings the council's office
takes up, those under review to score or decide, and copies received from a lower unit."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.initiatives import permissions
from vinhdanh.initiatives.models import InitiativeState
from vinhdanh.initiatives.selectors import initiatives_for
from vinhdanh.workflow.permissions import allows

# (key, state, permission, words, icon)
WAITING = [
    (
        "returned",
        InitiativeState.RETURNED,
        permissions.SUBMIT_INITIATIVE,
        _("Sáng kiến bị trả lại để bổ sung"),
        "bi-arrow-return-left",
    ),
    (
        "submitted",
        InitiativeState.SUBMITTED,
        permissions.REVIEW_INITIATIVE,
        _("Sáng kiến chờ đưa ra Hội đồng sáng kiến"),
        "bi-lightbulb",
    ),
    (
        "review",
        InitiativeState.UNDER_REVIEW,
        permissions.SCORE_INITIATIVE,
        _("Sáng kiến Hội đồng đang xét: chấm điểm, biểu quyết"),
        "bi-clipboard-check",
    ),
]


def _item(initiative) -> InboxItem:
    note = initiative.unit.name
    if initiative.is_copy:
        note = _("Cấp dưới đề nghị: %(unit)s") % {"unit": initiative.unit.name}
    elif initiative.state == InitiativeState.RETURNED:
        note = initiative.reasons
    return InboxItem(
        initiative.name, reverse("initiatives:initiative_detail", args=[initiative.pk]), note
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = []
    for key, state, permission, label, icon in WAITING:
        rows = initiatives_for(user).filter(state=state)
        if key == "returned":
            if not user.unit_id:
                continue
            rows = rows.filter(unit__path__startswith=user.unit.path)
        found.append(
            group(
                rows.order_by("pk"),
                key=f"initiatives.{key}",
                label=label,
                url=reverse("initiatives:initiative_list") + f"?state={state}",
                icon=icon,
                item=_item,
                may=lambda row, permission=permission: allows(user, permission, row),
            )
        )
    return [g for g in found if g is not None]
