"""Scope rules of training sessions and their attendees, and the view of the materials."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.training.models import (
    Attendee,
    Evaluation,
    SessionState,
    TrainingMaterial,
    TrainingSession,
)

HIDDEN_FROM_INVITED = (SessionState.DRAFT,)


def _invited(user) -> Q:
    # An invited unit (or a unit under it) sees the session once the invitation is sent.
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(invited_units__path__startswith=user.unit.path) & ~Q(state__in=HIDDEN_FROM_INVITED)


def _materials_invited(user) -> Q:
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(session__invited_units__path__startswith=user.unit.path) & ~Q(
        session__state__in=HIDDEN_FROM_INVITED
    )


def register_training_scopes() -> None:
    access.register(
        TrainingSession,
        access.ScopeRule(unit_path="council__unit__path", extra_view=_invited, council_own=True),
    )
    access.register(
        TrainingMaterial,
        access.ScopeRule(
            unit_path="session__council__unit__path",
            extra_view=_materials_invited,
            council_own=True,
        ),
    )
    # A unit sees and changes the attendance of its own people; the organising council's
    # office, the whole session's.
    access.register(Attendee, access.ScopeRule(unit_path="unit__path"))
    access.register(Evaluation, access.ScopeRule(unit_path="attendee__unit__path"))
    register_serving_view(
        TrainingMaterial,
        "file",
        lambda item: reverse("training:material_file", args=[item.session_id, item.pk]),
    )
