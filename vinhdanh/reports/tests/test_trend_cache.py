"""The statistics and the dossiers' charts are kept between changes, per scope, and counted
again after an award or a dossier is recorded (`core.kept`)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vinhdanh.awards.models import Nomination, State
from vinhdanh.reports.trend_cache import cached_award_statistics, cached_award_trends

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept(settings):
    settings.REPORT_TREND_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def _counted(user, year):
    with CaptureQueriesContext(connection) as queries:
        trends = cached_award_trends(user, year)
    return trends, len(queries.captured_queries)


def _total(trends, year):
    return sum(by_year.get(year, 0) for by_year in trends.by_title.values())


def test_the_second_page_reads_the_kept_figures_and_a_new_award_counts_again(demo_user):
    office = demo_user("thuongtruc")
    first, counted = _counted(office, 2021)
    again, read = _counted(office, 2021)
    assert counted > 5 and read == 0 and _total(again, 2021) == _total(first, 2021)
    # A decided dossier of 2021 whose subject held no award that year: saved, it counts.
    decided = Nomination.objects.filter(year=2021, state=State.VOTED).first()
    decided.state = State.DECIDED
    decided.save()
    after, recounted = _counted(office, 2021)
    assert recounted > 5 and _total(after, 2021) >= _total(first, 2021)


def test_each_scope_has_its_own_figures(demo_user):
    office, officer = demo_user("thuongtruc"), demo_user("canbo.hoangliet")
    whole, _ = _counted(office, 2021)
    own, counted = _counted(officer, 2021)
    assert counted > 0 and _total(own, 2021) < _total(whole, 2021)


def test_switched_off_it_counts_every_time(demo_user, settings):
    settings.REPORT_TREND_CACHE_SECONDS = 0
    office = demo_user("thuongtruc")
    _counted(office, 2021)
    assert _counted(office, 2021)[1] > 5


def test_the_years_table_is_kept_too_and_counted_again_after_a_change(demo_user):
    office = demo_user("thuongtruc")
    with CaptureQueriesContext(connection) as first:
        table = cached_award_statistics(office, 2021)
    with CaptureQueriesContext(connection) as again:
        kept_table = cached_award_statistics(office, 2021)
    assert len(first.captured_queries) > 0 and len(again.captured_queries) == 0
    assert kept_table.rows == table.rows
    Nomination.objects.filter(year=2021).first().save()
    with CaptureQueriesContext(connection) as after:
        cached_award_statistics(office, 2021)
    assert len(after.captured_queries) > 0


def test_the_dossiers_chart_page_is_kept_and_counted_again_after_a_change(client, demo_user):
    from django.urls import reverse

    client.force_login(demo_user("thuongtruc"))
    url = reverse("awards:nomination_charts")
    client.get(url)
    with CaptureQueriesContext(connection) as kept_page:
        client.get(url)
    Nomination.objects.filter(year=2021).first().save()
    with CaptureQueriesContext(connection) as counted_page:
        client.get(url)
    grouped = [q for q in kept_page.captured_queries if "GROUP BY" in q["sql"]]
    regrouped = [q for q in counted_page.captured_queries if "GROUP BY" in q["sql"]]
    assert not grouped and len(regrouped) == 2
