"""The one place that answers "may this user see / change this object".

Every list (through `scope_queryset`) and every action (through `require`) asks
here. A refusal on a single object looks like "not found" to the caller, so a
guessed id reveals nothing about another unit's data.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from vinhdanh.accounts import scope_sets
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import Role

VIEW = "view"
CHANGE = "change"

# The instance's administrators run the installation, not a council: they see and change
# every council's rows. Everyone else works inside one council at a time (the acting one).
INSTANCE_WIDE = {Role.ADMIN}
# Roles that see the whole organisation the acting council governs: the units under the
# council's unit (its subtree); of the councils below it only what they sent up (rules
# marked `council_own`), never their drafts.
ORGANISATION_WIDE_VIEWERS = {Role.ADMIN, Role.STANDING_OFFICE, Role.COUNCIL_MEMBER, Role.LEADER}
# Roles that may change registry data anywhere in their acting council's organisation.
ORGANISATION_WIDE_EDITORS = {Role.ADMIN, Role.STANDING_OFFICE}
# Roles that change data of their own unit and its sub-units.
UNIT_SCOPED_EDITORS = {Role.UNIT_OFFICER, Role.CLUSTER_HEAD}


@dataclass(frozen=True)
class ScopeRule:
    """How a model reaches the unit that owns it.

    `unit_path` is the ORM path to a Unit's `path` field ("path" for Unit itself,
    "unit__path" for Person), or several paths when a row may belong to a unit in
    more than one way (a record about a person or about a collective). `extra_view`
    may widen what is visible (e.g. a cluster is visible to its members).

    The organisation-wide roles (standing office, council members, chairman) see the rows
    owned by the units under their acting council's unit, plus `extra_view(user)` and
    `council_view(council)`; the instance administrator sees everything.

    `cluster` is the ORM path to the Cluster a row is scored in ("cluster",
    "sheet__cluster"). Only rules that name it let a cluster head see the rows of the
    other units of the clusters they head: scoring and ranking need the cluster's
    scorecards and proposals, not the wards' people, nominations, attachments or
    records (purpose limitation of personal data), so the widening is opt-in.
    """

    unit_path: str | tuple[str, ...]
    extra_view: Callable[[object], Q] | None = None
    editable_by_unit: bool = True
    cluster: str | None = None
    # What the organisation-wide roles of a council see beyond its subtree, given the acting
    # council: e.g. the units above it, or what another council sent to it. View only.
    council_view: Callable[[object], Q] | None = None
    # A council's own work (its dossiers, plans, movements): the councils above it do not
    # see a lower council's rows through their subtree, only what that council sent up.
    council_own: bool = False
    # What another council handed to this one to work on (a received dossier): seen and
    # changed by the acting council's organisation-wide roles, given the acting council.
    council_work: Callable[[object], Q] | None = None


_RULES: dict[type[Model], ScopeRule] = {}


def register(model: type[Model], rule: ScopeRule) -> None:
    _RULES[model] = rule


def _rule_for(model: type[Model]) -> ScopeRule:
    try:
        return _RULES[model]
    except KeyError:
        raise LookupError(f"{model.__name__} has no scope rule in accounts.access") from None


def role_of(user) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return Role.ADMIN
    return user.role or None


def own_unit_paths(user) -> list[str]:
    """Unit subtrees the user acts for: their unit and its sub-units.

    A cluster head's view of the cluster's other units is not here: it comes only
    through the rules that opt in with `ScopeRule.cluster`.
    """
    if not user.unit_id:
        return []
    return [user.unit.path]


def council_paths(user) -> list[str]:
    """The subtree an organisation-wide role acts over: the acting council's unit and below."""
    council = acting_council(user)
    return [council.unit.path] if council is not None else []


def lower_council_paths(council) -> list[str]:
    """The units of the councils under `council` (a city's wards, a district's wards in its
    time): each is a tenant of its own, whose own work the council above does not read."""
    cached = getattr(council, "_lower_council_paths", None)
    if cached is None:
        model = type(council)
        cached = list(
            model._default_manager.filter(unit__path__startswith=council.unit.path)
            .exclude(unit__path=council.unit.path)
            .values_list("unit__path", flat=True)
        )
        council._lower_council_paths = cached
    return cached


def governing_unit_ids(user) -> list[int]:
    """The units on the way up from the user's unit and from the acting council's unit.

    A council, its members and its plan concern every unit it governs: a row owned by one
    of these units is what the whole organisation under it may read.
    """
    ids: set[int] = set()
    council = acting_council(user)
    for path in (user.unit.path if user.unit_id else "", council.unit.path if council else ""):
        ids.update(int(part) for part in path.strip("/").split("/") if part)
    return sorted(ids)


def _headed_cluster_q(user, rule: ScopeRule) -> Q:
    if rule.cluster is None or role_of(user) != Role.CLUSTER_HEAD or not user.unit_id:
        return Q(pk__in=[])
    return Q(**{f"{rule.cluster}__head_id": user.unit_id})


def _paths_q(unit_path: str | tuple[str, ...], paths: list[str]) -> Q:
    fields = (unit_path,) if isinstance(unit_path, str) else unit_path
    condition = Q(pk__in=[])
    for field in fields:
        for path in paths:
            condition |= Q(**{f"{field}__startswith": path})
    return condition


def scope_queryset(user, queryset: QuerySet, action: str = VIEW) -> QuerySet:
    """The part of `queryset` the user may see (or change)."""
    role = role_of(user)
    if role is None:
        return queryset.none()
    if role in INSTANCE_WIDE:
        return queryset
    rule = _rule_for(queryset.model)
    if role in ORGANISATION_WIDE_EDITORS or (action == VIEW and role in ORGANISATION_WIDE_VIEWERS):
        return _council_scope(user, queryset, rule, action)
    if action == CHANGE and (role not in UNIT_SCOPED_EDITORS or not rule.editable_by_unit):
        return queryset.none()
    condition = _own_units_q(user, queryset.model, rule)
    if action == VIEW:
        # A cluster head sees the cluster's scoring rows, but changes only their own.
        condition |= _headed_cluster_q(user, rule)
        if rule.extra_view is not None:
            condition |= rule.extra_view(user)
    if _single_valued(queryset.model, condition):
        return queryset.filter(condition)
    return queryset.filter(condition).distinct()


def _unit_relation(model: type[Model], unit_path: str) -> tuple[str | None, type[Model]]:
    """For "a__b__path": ("a__b", the Unit model); for "path" (a Unit itself): (None, model)."""
    parts = unit_path.split("__")[:-1]
    for part in parts:
        model = model._meta.get_field(part).related_model
    return ("__".join(parts) or None), model


def _governed_units_q(model: type[Model], rule: ScopeRule, council) -> Q:
    """The rows owned by a unit the council governs: `fk__in (SELECT id FROM units ...)`.

    The units (a province has about a thousand) are chosen by their path first, so the
    database answers the rows with the foreign key's index (a semi-join) instead of joining
    every row to its unit and testing the path (a scan of the whole table: 0.7 s for
    100,000 nominations).
    """
    lower = lower_council_paths(council) if rule.council_own else []
    fields = (rule.unit_path,) if isinstance(rule.unit_path, str) else rule.unit_path
    # The foreign-key tests first: PostgreSQL evaluates an OR in the order written, so a
    # row the cheap test accepts never runs the correlated one.
    fields = sorted(fields, key=lambda field: not _path_single_valued(model, field))
    condition = Q(pk__in=[])
    for field in fields:
        prefix, unit_model = _unit_relation(model, field)
        units = unit_model._default_manager.filter(path__startswith=council.unit.path)
        if lower:
            units = units.exclude(_paths_q("path", lower))
        unit_ids = scope_sets.ids(council, ("governed", bool(lower)), units)
        condition |= _owned_by_q(model, field, prefix, unit_ids)
    return condition


def _owned_by_q(model: type[Model], field: str, prefix: str | None, unit_ids: list[int]) -> Q:
    if prefix is None:
        return Q(pk__in=unit_ids)
    if _path_single_valued(model, field):
        return Q(**{f"{prefix}__in": unit_ids})
    # Through a reverse or many-to-many relation: EXISTS per row, probed by the related
    # table's index. `rel__in (...)` joined every related row first (a decision's
    # nominations: 850,000 rows joined, 0.35 s, for 5,000 decisions).
    related = model._default_manager.filter(pk=OuterRef("pk"), **{f"{prefix}__in": unit_ids})
    return Q(Exists(related))


def _own_units_q(user, model: type[Model], rule: ScopeRule) -> Q:
    """The rows owned by the user's unit or a unit below it (a unit officer's scope)."""
    if not user.unit_id:
        return Q(pk__in=[])
    fields = (rule.unit_path,) if isinstance(rule.unit_path, str) else rule.unit_path
    fields = sorted(fields, key=lambda field: not _path_single_valued(model, field))
    condition = Q(pk__in=[])
    for field in fields:
        prefix, unit_model = _unit_relation(model, field)
        units = unit_model._default_manager.filter(path__startswith=user.unit.path)
        unit_ids = scope_sets.ids(user.unit, "subtree", units)
        if prefix is not None and "__" in prefix and _path_single_valued(model, field):
            # Two foreign keys away (a rating's person's unit): a unit's few hundred people
            # as a semi-join. Joined and OR-ed with the rating's own unit, the database
            # walked a province's 3,000,000 ratings for a page of 25 (0.9 s).
            first, rest = prefix.split("__", 1)
            related = model._meta.get_field(first).related_model
            owned = related._default_manager.filter(**{f"{rest}__in": unit_ids})
            condition |= Q(**{f"{first}__in": owned.values("pk")})
            continue
        condition |= _owned_by_q(model, field, prefix, unit_ids)
    return condition


def _council_scope(user, queryset: QuerySet, rule: ScopeRule, action: str) -> QuerySet:
    council = acting_council(user)
    if council is None:
        return queryset.none()
    condition = _governed_units_q(queryset.model, rule, council)
    if rule.council_work is not None:
        condition |= rule.council_work(council)
    if action == VIEW:
        if rule.extra_view is not None:
            condition |= rule.extra_view(user)
        if rule.council_view is not None:
            condition |= rule.council_view(council)
    if _single_valued(queryset.model, condition):
        # Each row matches at most once, so the condition filters the caller's queryset as it
        # is: wrapping it in `pk IN (SELECT pk ...)` made the database collect every id of
        # the scope first (0.4 s to count 300,000 people of a province).
        return queryset.filter(condition)
    # A subquery rather than .distinct() on the caller's queryset: these roles' lists are
    # aggregated, updated and ordered by their callers as before.
    matching = queryset.model._default_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matching)


def _single_valued(model: type[Model], condition: Q) -> bool:
    """Every lookup of `condition` reaches its field through foreign keys only, so no row
    of `model` can match twice (a many-valued join would repeat it); an EXISTS joins
    nothing."""
    for child in condition.children:
        if isinstance(child, Q):
            if not _single_valued(model, child):
                return False
        elif isinstance(child, tuple) and not _path_single_valued(model, child[0]):
            return False
    return True


def _path_single_valued(model: type[Model], lookup: str) -> bool:
    current = model
    for part in lookup.split("__"):
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:
            return True  # a lookup ("in", "startswith"), not a field
        if field.many_to_many or field.one_to_many:
            return False
        if not field.is_relation:
            return True
        current = field.related_model
    return True


def can(user, action: str, obj: Model) -> bool:
    model = type(obj)
    return scope_queryset(user, model._default_manager.filter(pk=obj.pk), action).exists()


def can_create_in(user, unit) -> bool:
    """Whether the user may add data owned by `unit` (a new person, a sub-unit)."""
    role = role_of(user)
    if role in INSTANCE_WIDE:
        return True
    if role in ORGANISATION_WIDE_EDITORS:
        paths = council_paths(user)
        return unit is not None and bool(paths) and unit.path.startswith(paths[0])
    if role in UNIT_SCOPED_EDITORS and user.unit_id and unit is not None:
        return unit.path.startswith(user.unit.path)
    return False


def require(user, action: str, obj: Model) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đối tượng này."))


def require_create_in(user, unit) -> None:
    if not can_create_in(user, unit):
        raise PermissionDenied(_("Bạn không có quyền thêm dữ liệu cho đơn vị này."))


def require_role(user, *roles: str) -> None:
    if role_of(user) not in roles:
        raise PermissionDenied(_("Chức năng này không dành cho vai trò của bạn."))


def get_visible_or_404(user, queryset: QuerySet, action: str = VIEW, **lookup):
    """One object the user may see; missing and forbidden look the same."""
    try:
        return scope_queryset(user, queryset, action).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy.")) from None
