"""Named permissions: one registry (django-rules) read by services, views, templates and the API.

Each app declares its permissions in its own `permissions.py` with `define`; a service calls
`require`, a view or template asks `allows` (templates: `{% allows "name" obj as ok %}`
from `{% load workflow %}`). A name nobody defined is a programming error and fails loudly.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

# For the role × permission matrix: how to find an object to ask about (see tests).
SAMPLES: dict[str, object] = {}


def define(name: str, predicate, *, sample=None) -> str:
    """Register `name`; `sample` returns an object of the demo to ask about, for the matrix."""
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
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def defined() -> list[str]:
    return sorted(rules.permissions.permissions)
