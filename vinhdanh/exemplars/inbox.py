"""Exemplars in the user's inbox: proposals to verify, verified ones to publish, returned ones
to complete."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.exemplars.models import ExemplarState
from vinhdanh.exemplars.selectors import exemplars_for
from vinhdanh.exemplars.workflows import EXEMPLARS
from vinhdanh.workflow.permissions import allows

# (action of EXEMPLARS, the state it waits in, words, icon)
WAITING = [
    ("propose", ExemplarState.RETURNED, _("Gương điển hình bị trả lại"), "bi-arrow-return-left"),
    ("verify", ExemplarState.PROPOSED, _("Gương điển hình chờ xác minh"), "bi-star"),
    ("publish", ExemplarState.VERIFIED, _("Gương điển hình chờ công bố"), "bi-trophy"),
]


def _item(exemplar) -> InboxItem:
    return InboxItem(
        f"{exemplar.subject_name} – {exemplar.headline}",
        reverse("exemplars:exemplar_detail", args=[exemplar.pk]),
        exemplar.return_reason if exemplar.state == ExemplarState.RETURNED else exemplar.unit.name,
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = []
    for action_name, state, label, icon in WAITING:
        permission = EXEMPLARS.actions[action_name].permission
        rows = exemplars_for(user, state=state)
        if action_name == "propose":
            # Completing a returned exemplar is its own unit's work.
            if not user.unit_id:
                continue
            rows = rows.filter(unit_id=user.unit_id)
        found.append(
            group(
                rows.order_by("pk"),
                key=f"exemplars.exemplar.{action_name}",
                label=label,
                url=reverse("exemplars:exemplar_list") + f"?state={state}",
                icon=icon,
                item=_item,
                may=lambda exemplar, permission=permission: allows(user, permission, exemplar),
            )
        )
    return [g for g in found if g is not None]
