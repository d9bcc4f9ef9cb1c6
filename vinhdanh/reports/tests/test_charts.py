"""The statistics page draws the awards over the years, by title and by unit."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from vinhdanh.reports.statistics import award_statistics, award_trends, top_series

pytestmark = pytest.mark.django_db


def _data(html, key):
    found = re.search(
        rf'<script id="chart-{key}-data" type="application/json">(.*?)</script>', html
    )
    return json.loads(found[1])


def test_the_years_counts_add_up_to_the_years_statistics(demo_user):
    office = demo_user("thuongtruc")
    for year in (2020, 2021):
        stats = award_statistics(office, year)
        trends = award_trends(office, year)
        assert trends.years[-1] == year and len(trends.years) == 5
        expected = stats.total("people") + stats.total("collectives")
        assert sum(by_year.get(year, 0) for by_year in trends.by_title.values()) == expected
        assert sum(by_year.get(year, 0) for by_year in trends.by_unit.values()) == expected
        for row in stats.rows:
            assert trends.by_title[row.title_code].get(year, 0) == row.people + row.collectives


def test_a_unit_officer_sees_only_their_units_awards_over_the_years(demo_user):
    officer = demo_user("canbo.hoangliet")
    trends = award_trends(officer, 2021)
    from vinhdanh.org.models import Unit

    units = Unit.objects.filter(pk__in=trends.by_unit)
    assert all(unit.path.startswith(officer.unit.path) for unit in units)


def test_top_series_keeps_the_largest_and_adds_up_the_rest():
    counts = {"a": {2020: 1}, "b": {2020: 5, 2021: 1}, "c": {2021: 2}, "d": {2021: 1}}
    keys, rest = top_series(counts, [2020, 2021], 2)
    assert keys == ["b", "c"]
    assert rest == {2020: 1, 2021: 1}


def test_the_page_draws_both_charts_and_exports_them(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("reports:award_statistics")
    html = client.get(url, {"year": 2021}).content.decode()
    titles, units = _data(html, "theo-danh-hieu"), _data(html, "theo-don-vi")
    assert titles["labels"] == ["2017", "2018", "2019", "2020", "2021"]
    assert units["kind"] == "stacked"
    stats = award_statistics(demo_user("thuongtruc"), 2021)
    drawn_2021 = sum(d["data"][-1] for d in titles["datasets"])
    assert drawn_2021 == stats.total("people") + stats.total("collectives")
    assert 'href="?year=2021&amp;chart=theo-don-vi&amp;format=csv"' in html
    exported = client.get(url, {"year": 2021, "chart": "theo-don-vi", "format": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Năm" and rows[-1][0] == "2021"
    assert sum(int(v) for v in rows[-1][1:]) == drawn_2021
