"""Named permissions: one registry (django-rules) read by services, views, templates and the API.

Each app declares its permissions in its own `permissions.py` with `define`; a service calls
`require`, a view or template asks `allows` (templates: `{% allows "name" obj as ok %}`
from `{% load workflow %}`). A name nobody defined is a programming error and fails loudly.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from vinhdanh.accounts.predicates import seat_ended_reason, seat_in_force

# For the role × permission matrix: how to find an object to ask about (see tests).
SAMPLES: dict[str, object] = {}
# The permissions that only show or export (see `define`).
READS: set[str] = set()


def define(name: str, predicate, *, sample=None, reads: bool = False) -> str:
    """Register `name`; `sample` returns an object of the demo to ask about, for the matrix.

    Every permission that changes something also needs the user's acting seat to be in force
    (`seat_in_force`: a district's accounts keep reading its records after 01/07/2025, and
    change nothing); `reads=True` marks the few that only show or export.
    """
    if reads:
        READS.add(name)
    else:
        predicate = predicate & seat_in_force
    if rules.perm_exists(name):
        rules.set_perm(name, predicate)
    else:
        rules.add_perm(name, predicate)
    if sample is not None:
        SAMPLES[name] = sample
    return name


def allows(user, name: str, obj=None) -> bool:
    if not rules.perm_exists(name):
        raise LookupError(f"permission {name!r} is not defined in any permissions.py")
    return rules.has_perm(name, user, obj)


def require(user, name: str, obj=None) -> None:
    if not allows(user, name, obj):
        ended = seat_ended_reason(user)
        if ended and name not in READS:
            raise PermissionDenied(ended)
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def defined() -> list[str]:
    return sorted(rules.permissions.permissions)
