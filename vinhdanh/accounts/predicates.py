"""The named predicates every app's permissions are built from: the user's role and scope.

django-rules predicates compose with & | ~ and carry their names, so a permission reads as
what it checks (`has_role(standing_office) & may_change`) and the matrix test can print it.
"Which rows" stays in `access` (the scope registry); these only ask it.
"""

import datetime

import rules
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.models import Role
from vinhdanh.accounts.validity import inactive_reason


def has_role(*roles: str):
    allowed = frozenset(roles)
    name = "has_role(" + ",".join(sorted(allowed)) + ")"

    def check(user) -> bool:
        return access.role_of(user) in allowed

    return rules.Predicate(check, name=name)


is_admin = has_role(Role.ADMIN)
is_standing_office = has_role(Role.ADMIN, Role.STANDING_OFFICE)
is_leader = has_role(Role.ADMIN, Role.LEADER)
is_unit_editor = has_role(*access.UNIT_SCOPED_EDITORS)
is_cluster_head = has_role(Role.CLUSTER_HEAD)


@rules.predicate
def may_view(user, obj) -> bool:
    """The object is in the user's scope to read (no object: nothing to check)."""
    return obj is None or access.can(user, access.VIEW, obj)


@rules.predicate
def may_change(user, obj) -> bool:
    """The object is in the user's scope to change (no object: nothing to check)."""
    return obj is None or access.can(user, access.CHANGE, obj)


def seat_ended_reason(user, day: datetime.date | None = None) -> str | None:
    """Why the user's acting seat can no longer act on `day` (today): its council or its unit
    has ended (a district after 01/07/2025). None when it can, and for the instance's
    administrators, who hold no seat. Such an account still reads its council's records."""
    if access.role_of(user) in (None, *access.INSTANCE_WIDE):
        return None
    day = day or timezone.localdate()
    cached = getattr(user, "_seat_ended_reason", None)
    if cached is not None and cached[0] == (day, user.council_id, user.unit_id):
        return cached[1]
    reason = None
    for dated in (acting_council(user), user.unit if user.unit_id else None):
        if dated is not None and (reason := inactive_reason(dated, day)):
            reason = _("%(reason)s Tài khoản này chỉ còn xem được hồ sơ đã lưu.") % {
                "reason": reason
            }
            break
    user._seat_ended_reason = ((day, user.council_id, user.unit_id), reason)
    return reason


@rules.predicate
def seat_in_force(user) -> bool:
    """The user acts for a council and a unit that exist today (every write asks this)."""
    return seat_ended_reason(user) is None
