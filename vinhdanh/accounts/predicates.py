"""The named predicates every app's permissions are built from: the user's role and scope.

django-rules predicates compose with & | ~ and carry their names, so a permission reads as
what it checks (`has_role(standing_office) & may_change`) and the matrix test can print it.
"Which rows" stays in `access` (the scope registry); these only ask it.
"""

import rules

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role


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
