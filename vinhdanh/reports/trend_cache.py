"""The statistics page's figures (the year's table and the five-year charts), kept in the
cache between changes.

The charts count every award of five years in the user's scope: ten GROUP BYs, 3.4 s for
a province's standing office at 1,000,000 nominations; the year's table two more, 0.5 s,
which 16 clients at once made 3.7 s at the 95th percentile. Those figures change only
when an award is recorded, so they are kept per scope
(role, acting council, unit) and year for `REPORT_TREND_CACHE_SECONDS`, and any saved or deleted
nomination, decision, certificate or past award starts a new generation, which every web
process reads from the shared cache (Redis in production). A change made by a bulk
UPDATE sends no signal: its charts are at most that old. 0 counts them on every request
(the test settings: the test runner rolls back rows, not the cache).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from vinhdanh.accounts.access import role_of
from vinhdanh.accounts.councils import acting_council
from vinhdanh.reports.statistics import AwardStatistics, AwardTrends, award_statistics, award_trends

GENERATION_KEY = "reports:award-trends:generation"


def _generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def awards_changed(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a new generation
        cache.set(GENERATION_KEY, 1, timeout=None)


def watch_awards() -> None:
    from vinhdanh.awards.models import Certificate, Decision, Nomination
    from vinhdanh.records.models import PastAward

    for model in (Nomination, Decision, Certificate, PastAward):
        uid = f"award-trends-{model._meta.label}"
        post_save.connect(awards_changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(awards_changed, sender=model, weak=False, dispatch_uid=uid + "-d")


def _kept(user, what: str, year: int, compute):
    seconds = settings.REPORT_TREND_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    council = acting_council(user)
    scope = f"{role_of(user)}:{council.pk if council else '-'}:{user.unit_id or '-'}"
    key = f"reports:{what}:{_generation()}:{scope}:{year}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, seconds)
    return found


def cached_award_trends(user, last_year: int) -> AwardTrends:
    return _kept(user, "award-trends", last_year, lambda: award_trends(user, last_year))


def cached_award_statistics(user, year: int) -> AwardStatistics:
    return _kept(user, "award-statistics", year, lambda: award_statistics(user, year))
