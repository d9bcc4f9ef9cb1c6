"""Scope rules of ceremonies: a council's own work, seen by the units it invited once the
invitations are out; a unit's reception of an award is its own."""

from django.db.models import Q

from vinhdanh.accounts import access
from vinhdanh.ceremonies.models import Ceremony, CeremonyState, Reception


def _invited(user) -> Q:
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(invited_units__path__startswith=user.unit.path) & ~Q(state=CeremonyState.DRAFT)


def register_ceremony_scopes() -> None:
    access.register(
        Ceremony,
        access.ScopeRule(unit_path="council__unit__path", extra_view=_invited, council_own=True),
    )
    access.register(Reception, access.ScopeRule(unit_path="unit__path"))
