"""The awards' chart page: dossiers by state and by title, within the user's list."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.awards import selectors
from vinhdanh.awards.models import State
from vinhdanh.awards.tests.test_query_budgets import _nominations
from vinhdanh.core.tests.query_budget import assert_flat

pytestmark = pytest.mark.django_db


def _data(html, key):
    found = re.search(
        rf'<script id="chart-{key}-data" type="application/json">(.*?)</script>', html
    )
    return json.loads(found[1])


def test_dossiers_by_state_count_what_the_users_list_shows(client, demo_user):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    _nominations(4, State.DRAFT)
    html = client.get(reverse("awards:nomination_charts")).content.decode()
    data = _data(html, "ho-so-theo-trang-thai")
    drawn = dict(zip(data["labels"], data["datasets"][0]["data"], strict=True))
    listed = selectors.nominations_for(officer)
    for state in State:
        assert drawn.get(str(state.label), 0) == listed.filter(state=state).count()
    assert sum(drawn.values()) == listed.count()
    by_title = _data(html, "ho-so-theo-danh-hieu")
    assert sum(by_title["datasets"][0]["data"]) == listed.count()
    assert "Bảng số liệu của biểu đồ" in html


def test_the_year_filter_and_the_export(client, demo_user):
    office = demo_user("thuongtruc")
    client.force_login(office)
    url = reverse("awards:nomination_charts")
    html = client.get(url, {"year": 2021}).content.decode()
    assert "năm 2021" in html
    assert 'href="?year=2021&amp;chart=ho-so-theo-trang-thai&amp;format=xlsx"' in html
    response = client.get(url, {"year": 2021, "chart": "ho-so-theo-trang-thai", "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Trạng thái", "Số hồ sơ")
    assert sum(r[1] for r in rows[1:]) == selectors.nominations_for(office, year=2021).count()


def test_the_chart_page_costs_the_same_for_many_dossiers(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    assert_flat(
        client,
        reverse("awards:nomination_charts"),
        lambda n: _nominations(n, State.SUBMITTED, title="lao_dong_tien_tien"),
    )
