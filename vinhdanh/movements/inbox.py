"""Registrations in the user's inbox: returned ones to complete, sent ones to decide."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.movements.models import RegistrationState
from vinhdanh.movements.selectors import registrations_for
from vinhdanh.movements.workflows import REGISTRATIONS
from vinhdanh.workflow.permissions import allows

# (action of REGISTRATIONS, the state it waits in, words, icon)
WAITING = [
    (
        "submit",
        RegistrationState.RETURNED,
        _("Bản đăng ký thi đua bị trả lại"),
        "bi-arrow-return-left",
    ),
    (
        "approve",
        RegistrationState.SUBMITTED,
        _("Bản đăng ký thi đua chờ duyệt"),
        "bi-card-checklist",
    ),
]


def _item(registration) -> InboxItem:
    return InboxItem(
        f"{registration.unit.name} – {registration.movement.name}",
        reverse("movements:registration_detail", args=[registration.pk]),
        registration.return_reason if registration.state == RegistrationState.RETURNED else "",
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = []
    for action_name, state, label, icon in WAITING:
        permission = REGISTRATIONS.actions[action_name].permission
        registrations = registrations_for(user).filter(state=state)
        if action_name == "submit":
            # Completing a returned registration is its own unit's work.
            if not user.unit_id:
                continue
            registrations = registrations.filter(unit_id=user.unit_id)
        found.append(
            group(
                registrations.order_by("pk"),
                key=f"movements.registration.{action_name}",
                label=label,
                url=reverse("movements:movement_list"),
                icon=icon,
                item=_item,
                may=lambda registration, permission=permission: allows(
                    user, permission, registration
                ),
            )
        )
    return [g for g in found if g is not None]
