"""Which rows a unit owns under a scope rule, written apart from `accounts.access` so the
scope-leak tests do not check the scope with its own code."""

from django.db.models import Q


def owned_by(rule, paths: list[str]) -> Q:
    """Rows whose owning unit (any of the rule's unit paths) is under one of `paths`."""
    fields = (rule.unit_path,) if isinstance(rule.unit_path, str) else rule.unit_path
    condition = Q(pk__in=[])
    for field in fields:
        for path in paths:
            condition |= Q(**{f"{field}__startswith": path})
    return condition
