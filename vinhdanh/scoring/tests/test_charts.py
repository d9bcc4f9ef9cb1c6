"""The cluster's page draws its members' scores, with their table and exports."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.org.models import Cluster
from vinhdanh.scoring import selectors

pytestmark = pytest.mark.django_db


def test_the_cluster_page_draws_the_scores_of_the_ranking(client, demo_user):
    cluster = Cluster.objects.get(year=2021, code="cum-1")
    ranking = selectors.ranking(cluster.criteria_sheet)
    client.force_login(demo_user("thuongtruc"))
    html = client.get(reverse("scoring:cluster_year", args=[cluster.pk])).content.decode()
    found = re.search(
        r'<script id="chart-diem-cum-data" type="application/json">(.*?)</script>', html
    )
    data = json.loads(found[1])
    assert data["labels"] == [str(row.extra["unit"]) for row in ranking]
    totals = next(d for d in data["datasets"] if d["label"] == "Tổng điểm")
    assert totals["data"] == [float(row.totals.total) for row in ranking]
    assert 'data-testid="chart-diem-cum"' in html
    response = client.get(
        reverse("scoring:cluster_year", args=[cluster.pk]), {"chart": "diem-cum", "format": "xlsx"}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Đơn vị", "Điểm tiêu chí", "Điểm thưởng", "Điểm trừ", "Tổng điểm")
    assert [r[0] for r in rows[1:]] == data["labels"]
    assert [float(r[4]) for r in rows[1:]] == totals["data"]
