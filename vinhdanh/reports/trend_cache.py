"""The statistics page's figures (the year's table and the five-year charts), kept in the
cache between changes (`core.kept`): ten GROUP BYs for the charts, 3.4 s for a province's
standing office at 1,000,000 nominations, and two for the table, 0.5 s, which 16 clients at
once made 3.7 s at the 95th percentile."""

from vinhdanh.core.kept import kept
from vinhdanh.reports.statistics import (
    AwardStatistics,
    AwardTrends,
    award_statistics,
    award_trends,
)


def cached_award_trends(user, last_year: int) -> AwardTrends:
    return kept(user, "award-trends", last_year, lambda: award_trends(user, last_year))


def cached_award_statistics(user, year: int) -> AwardStatistics:
    return kept(user, "award-statistics", year, lambda: award_statistics(user, year))


def cached_form(user, key: str, year: int):
    """A statistics form filled for the user's council (reports.filled.fill)."""
    from vinhdanh.reports.filled import fill

    return kept(user, f"form-{key}", year, lambda: fill(user, key, year))
