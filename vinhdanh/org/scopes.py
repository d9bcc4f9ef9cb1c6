"""Scope rules of the organisation registry, registered with accounts.access."""

from django.db.models import Q

from vinhdanh.accounts import access, scope_sets
from vinhdanh.org.models import Cluster, Council, CouncilMember, Person, Reorganisation, Unit


def _cluster_visible_to_members(user) -> Q:
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(members__path__startswith=user.unit.path) | Q(head_id=user.unit_id)


def _council_governing_user(user) -> Q:
    # Who sits on a council is known to every unit it governs (the council of the user's
    # unit and the councils above), not to the units of another council.
    return Q(unit_id__in=access.governing_unit_ids(user))


def _member_of_council_governing_user(user) -> Q:
    return Q(council__unit_id__in=access.governing_unit_ids(user))


def _units_above_council(council) -> Q:
    # The council's own tree reaches up to the province: its page and the trees show the
    # units above it (read only), not their other branches.
    ids = [int(part) for part in council.unit.path.strip("/").split("/") if part]
    return Q(pk__in=ids)


def register_org_scopes() -> None:
    scope_sets.watch(Unit, Council)
    access.register(Unit, access.ScopeRule(unit_path="path", council_view=_units_above_council))
    access.register(Person, access.ScopeRule(unit_path="unit__path"))
    # A reorganisation belongs to the council that records it (none: the instance admin's).
    access.register(
        Reorganisation,
        access.ScopeRule(unit_path="council__unit__path", editable_by_unit=False, council_own=True),
    )
    access.register(
        Cluster,
        access.ScopeRule(
            unit_path="head__path",
            extra_view=_cluster_visible_to_members,
            editable_by_unit=False,
        ),
    )
    # Every signed-in user of the units a council governs may see who sits on it; only the
    # office changes it.
    access.register(
        Council,
        access.ScopeRule(
            unit_path="unit__path", extra_view=_council_governing_user, editable_by_unit=False
        ),
    )
    access.register(
        CouncilMember,
        access.ScopeRule(
            unit_path="council__unit__path",
            extra_view=_member_of_council_governing_user,
            editable_by_unit=False,
        ),
    )
