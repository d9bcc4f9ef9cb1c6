"""The small sets a scope is made of (a council's units, the submissions sent to it), read
once per request object and written into the SQL as literal ids.

Why literals: PostgreSQL cannot estimate `unit_id IN (SELECT id FROM org_unit WHERE path
LIKE '/1/111/%')`; it guessed one unit where there were nine, and an OR with the
submissions' subquery as half the table, then walked the nominations backwards by id until
it had a page: 424 ms for a ward's first page among 1,000,000 nominations. With the ids
written out it counts the rows from the (unit, year, id) index: 4 ms.

A set is kept on the object that asked (the request's user or council), so the permission
checks of one page read it once. Saving or deleting a watched model (a unit, a council, a
submission) starts a new generation, so a set read before a change in the same process is
read again after it.
"""

from django.db.models.signals import post_delete, post_save

_generation = [0]


def _changed(**kwargs) -> None:
    _generation[0] += 1


def watch(*models) -> None:
    """The scope's sets are read again after any row of `models` is saved or deleted."""
    for model in models:
        post_save.connect(_changed, sender=model, weak=False, dispatch_uid=f"scope-{model}")
        post_delete.connect(_changed, sender=model, weak=False, dispatch_uid=f"scope-d-{model}")


def ids(owner, key, queryset) -> list[int]:
    """The ids of `queryset`, kept on `owner` under `key` for this generation."""
    memo = owner.__dict__.setdefault("_scope_sets", {})
    kept = memo.get(key)
    if kept is not None and kept[0] == _generation[0]:
        return kept[1]
    found = list(queryset.values_list("pk", flat=True))
    memo[key] = (_generation[0], found)
    return found
