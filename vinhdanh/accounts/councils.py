"""The council a user acts for: their memberships and the one chosen for the session.

Every council of the instance is a tenant: its offices, members and chairman see the units
under the council's unit (`accounts.access`), and pages, counts, exports and numbering read
the council with `acting_council(user)`, never "the first council".

The acting membership is applied to the request's user (`User.role`, `User.unit`,
`User.council`, in memory only) by `ActingMembershipMiddleware`, so the code that reads
those fields (scope rules, permissions, templates) works in the chosen council's context
without knowing that a user may hold several seats. Without a choice in the session, the
account's stored fields are the acting membership.

This module sits in `accounts`, below `org`: it reaches the Council model through the
membership's foreign key instead of importing it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts.models import Membership
from vinhdanh.audit.services import record

SESSION_KEY = "acting_membership"


def _council_model():
    return Membership._meta.get_field("council").related_model


def _today() -> datetime.date:
    return timezone.localdate()


def current_memberships(user, on: datetime.date | None = None) -> list[Membership]:
    """The user's memberships in force on `on` (today), the council and unit joined."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.pk:
        return []
    day = on or _today()
    rows = Membership.objects.filter(user_id=user.pk).select_related("council__unit", "unit")
    return [membership for membership in rows if membership.is_current(day)]


def nearest_council(unit):
    """The council of `unit` or of its nearest ancestor: the council that governs it."""
    if unit is None:
        return None
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    by_unit = {c.unit_id: c for c in _council_model().objects.filter(unit_id__in=ids)}
    for unit_id in reversed(ids):
        if unit_id in by_unit:
            return by_unit[unit_id]
    return None


def acting_council(user):
    """The council the user acts for now; None for the anonymous and for an account with no
    council and no unit (an instance administrator who holds no seat)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if user.council_id:
        return user.council
    # Asked once per row by permission checks: found once per user object.
    if not hasattr(user, "_nearest_council"):
        user._nearest_council = nearest_council(user.unit if user.unit_id else None)
    return user._nearest_council


def apply_membership(user, membership: Membership) -> None:
    """Make `membership` the acting one on this user object (in memory, not saved)."""
    user.role = membership.role
    user.unit = membership.unit
    user.council = membership.council
    user.acting_membership_id = membership.pk
    user.__dict__.pop("_nearest_council", None)


def apply_session_choice(request) -> None:
    """Called on every request: the session's chosen membership, if it is still the user's
    and in force, becomes the acting one; otherwise the choice is dropped."""
    chosen = request.session.get(SESSION_KEY)
    if chosen is None:
        return
    for membership in current_memberships(request.user):
        if membership.pk == chosen:
            apply_membership(request.user, membership)
            return
    del request.session[SESSION_KEY]


def choose_acting_membership(request, membership_id: int) -> Membership:
    """Act for the council of one of the user's own memberships from now on in this session.

    A membership that is not the user's, or not in force today, is refused and nothing
    changes: no one can act for a council they do not sit in.
    """
    user = request.user
    membership = next((m for m in current_memberships(user) if m.pk == membership_id), None)
    if membership is None:
        raise ValidationError(
            _(
                "Bạn không phải là thành viên (hoặc không còn là thành viên) của hội đồng này, "
                "nên không thể làm việc nhân danh hội đồng đó."
            ),
            code="not_a_member",
        )
    request.session[SESSION_KEY] = membership.pk
    apply_membership(user, membership)
    record(
        actor=user,
        action="accounts.act_for_council",
        instance=membership,
        after={"council": membership.council_id, "role": membership.role},
    )
    return membership


def sync_home_membership(user) -> None:
    """Keep the account's stored role, unit and council one of its memberships.

    An account with none (created in the admin site, by a command or a test) gets one from
    its fields; an account with exactly one has it follow its fields (a role changed in the
    admin site replaces the old seat, it does not add a second one). With several, the stored
    fields are the default seat and the memberships are changed one by one.
    """
    if not user.role:
        return
    council = user.council if user.council_id else nearest_council(user.unit)
    if council is None:
        return
    memberships = list(Membership.objects.filter(user_id=user.pk))
    wanted = {"council_id": council.pk, "role": user.role, "unit_id": user.unit_id}
    if not memberships:
        Membership.objects.create(user_id=user.pk, **wanted)
    elif len(memberships) == 1:
        only = memberships[0]
        if any(getattr(only, field) != value for field, value in wanted.items()):
            Membership.objects.filter(pk=only.pk).update(**wanted)


def council_choices(user, memberships: list[Membership] | None = None) -> list[tuple[int, str]]:
    """The picker's options: each membership in force, by its council (and role, unit)."""
    if memberships is None:
        memberships = current_memberships(user)
    councils = [m.council_id for m in memberships]
    options = []
    for membership in memberships:
        label = membership.council.name
        if councils.count(membership.council_id) > 1:
            label = str(membership)
        options.append((membership.pk, label))
    return options


def acting_membership_id(user, memberships: list[Membership]) -> int | None:
    """Which of `memberships` is acting: the session's choice, else the account's own seat."""
    chosen = getattr(user, "acting_membership_id", None)
    if chosen is not None:
        return chosen
    for membership in memberships:
        if (membership.council_id, membership.role, membership.unit_id) == (
            user.council_id,
            user.role,
            user.unit_id,
        ):
            return membership.pk
    return None


def picker(user) -> dict:
    """What the top bar shows: the options and the acting one."""
    memberships = current_memberships(user)
    return {
        "choices": council_choices(user, memberships),
        "acting": acting_membership_id(user, memberships),
    }
