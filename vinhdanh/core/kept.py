"""Counts over a province's awards, kept in the cache between changes.

The statistics page (the year's table and its five-year charts) and the dossiers' chart
page count every award or dossier in the user's scope: GROUP BYs that cost 0.1–3.4 s for a
province's standing office at 1,000,000 nominations, and many times that when 16 clients
ask at once. Those figures change only when an award or a dossier is recorded, so they
are kept per scope (role, acting council, unit), figure and year for
`REPORT_TREND_CACHE_SECONDS`. Saving or deleting a watched model (the apps that own them
call `watch`) starts a new generation, read by every web process from the shared cache
(Redis in production). A change made by a bulk UPDATE sends no signal: its figures are
at most that old. 0 counts them on every request (the test settings: the test runner
rolls back rows, not the cache).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from vinhdanh.accounts.access import role_of
from vinhdanh.accounts.councils import acting_council

GENERATION_KEY = "kept:awards:generation"


def _generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def awards_changed(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a new generation
        cache.set(GENERATION_KEY, 1, timeout=None)


def watch(*models) -> None:
    """The kept counts are counted again after any row of `models` is saved or deleted."""
    for model in models:
        uid = f"kept-{model._meta.label}"
        post_save.connect(awards_changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(awards_changed, sender=model, weak=False, dispatch_uid=uid + "-d")


def kept(user, what: str, year, compute):
    """`compute()`, or what it returned for this scope, figure and year in this generation."""
    seconds = settings.REPORT_TREND_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    council = acting_council(user)
    scope = f"{role_of(user)}:{council.pk if council else '-'}:{user.unit_id or '-'}"
    key = f"kept:{what}:{_generation()}:{scope}:{year if year is not None else 'all'}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found
