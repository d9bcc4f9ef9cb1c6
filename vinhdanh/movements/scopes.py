"""Scope rules of movements and registrations, registered with accounts.access,
and the view of their documents."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.movements.models import (
    Movement,
    MovementDocument,
    MovementStatus,
    Registration,
    RegistrationEntry,
)


def _movement_sent_to_user(user) -> Q:
    # A launched movement is visible to every unit it was sent to; a draft only to its author.
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(target_units__path__startswith=user.unit.path) & ~Q(status=MovementStatus.DRAFT)


def register_movement_scopes() -> None:
    access.register(
        Movement,
        access.ScopeRule(
            unit_path="launched_by__path", extra_view=_movement_sent_to_user, council_own=True
        ),
    )
    access.register(Registration, access.ScopeRule(unit_path="unit__path"))
    access.register(RegistrationEntry, access.ScopeRule(unit_path="registration__unit__path"))
    register_serving_view(
        MovementDocument,
        "file",
        lambda doc: reverse("movements:document_file", args=[doc.movement_id, doc.pk]),
    )
