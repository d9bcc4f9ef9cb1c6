"""Scope rules of initiatives and their councils, and the view of the evidence files."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.initiatives.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeCouncil,
    InitiativeCouncilMember,
    InitiativeEvidence,
    InitiativeScore,
)


def _council_governing_user(user) -> Q:
    # A council is known to the units it governs (its unit and the units above), as org's.
    return Q(unit_id__in=access.governing_unit_ids(user))


def _member_of_council_governing_user(user) -> Q:
    return Q(council__unit_id__in=access.governing_unit_ids(user))


def _seat_of_user(prefix: str):
    # A member scoring with their own account sees the initiatives before their council.
    def condition(user) -> Q:
        if not getattr(user, "is_authenticated", False):
            return Q(pk__in=[])
        return Q(**{f"{prefix}council__members__user_id": user.pk})

    return condition


def _received_by(prefix: str):
    # What a lower unit sent up is the receiving council's work: seen and changed by its office.
    def condition(council) -> Q:
        return Q(**{f"{prefix}council__unit_id": council.unit_id})

    return condition


def register_initiative_scopes() -> None:
    access.register(
        InitiativeCouncil,
        access.ScopeRule(
            unit_path="unit__path", extra_view=_council_governing_user, editable_by_unit=False
        ),
    )
    access.register(
        InitiativeCouncilMember,
        access.ScopeRule(
            unit_path="council__unit__path",
            extra_view=_member_of_council_governing_user,
            editable_by_unit=False,
        ),
    )
    access.register(
        Initiative,
        access.ScopeRule(
            unit_path="unit__path",
            council_own=True,
            extra_view=_seat_of_user(""),
            council_work=_received_by(""),
        ),
    )
    for model in (InitiativeAuthor, InitiativeEvidence, InitiativeScore):
        access.register(
            model,
            access.ScopeRule(
                unit_path="initiative__unit__path",
                council_own=True,
                extra_view=_seat_of_user("initiative__"),
                council_work=_received_by("initiative__"),
            ),
        )
    register_serving_view(
        InitiativeEvidence,
        "file",
        lambda doc: reverse("initiatives:evidence_file", args=[doc.initiative_id, doc.pk]),
    )
