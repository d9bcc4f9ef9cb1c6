"""Scope rules of the organisation registry, registered with accounts.access."""

from django.db.models import Q

from vinhdanh.accounts import access
from vinhdanh.org.models import Cluster, Council, CouncilMember, Person, Unit


def _cluster_visible_to_members(user) -> Q:
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(members__path__startswith=user.unit.path) | Q(head_id=user.unit_id)


def _everyone(user) -> Q:
    return Q(pk__isnull=False)


def register_org_scopes() -> None:
    access.register(Unit, access.ScopeRule(unit_path="path"))
    access.register(Person, access.ScopeRule(unit_path="unit__path"))
    access.register(
        Cluster,
        access.ScopeRule(
            unit_path="head__path",
            extra_view=_cluster_visible_to_members,
            editable_by_unit=False,
        ),
    )
    # Every signed-in user may see who sits on the council; only the office changes it.
    access.register(
        Council,
        access.ScopeRule(unit_path="unit__path", extra_view=_everyone, editable_by_unit=False),
    )
    access.register(
        CouncilMember,
        access.ScopeRule(
            unit_path="council__unit__path", extra_view=_everyone, editable_by_unit=False
        ),
    )
