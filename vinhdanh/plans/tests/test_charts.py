"""The plans dashboard's chart: task progress by the quarter of the deadline."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.plans import selectors
from vinhdanh.plans.status import Status
from vinhdanh.plans.views._common import today

pytestmark = pytest.mark.django_db


def _chart_data(html: str, key: str) -> dict:
    found = re.search(
        rf'<script id="chart-{key}-data" type="application/json">(.*?)</script>', html
    )
    return json.loads(found[1])


def test_the_dashboard_draws_task_progress_by_quarter(client, demo_user):
    office = demo_user("thuongtruc")
    client.force_login(office)
    html = client.get(reverse("plans:dashboard")).content.decode()
    data = _chart_data(html, "tien-do-theo-quy")
    assert data["kind"] == "stacked"
    tasks = selectors.tasks_for(office)
    quarters = selectors.progress_by_quarter(tasks, today())
    # Every task is in one quarter (or undated), under its own status.
    assert sum(sum(counts.values()) for _key, counts in quarters) == tasks.count()
    totals = {s: sum(c[s] for _k, c in quarters) for s in Status}
    assert totals == {
        status: n for status, _label, _colour, n in selectors.status_totals(tasks, today())
    }
    assert len(data["labels"]) == len(quarters)
    assert [d["label"] for d in data["datasets"]] == [
        "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Hoàn thành muộn", "Quá hạn",
    ]  # fmt: skip
    assert "<canvas\n" in html or "<canvas" in html
    assert "Bảng số liệu của biểu đồ" in html
    assert "vendor/chart.js/chart.umd.min.js" in html


def test_the_quarter_chart_exports_its_table(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    response = client.get(
        reverse("plans:dashboard"), {"chart": "tien-do-theo-quy", "format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Quý"
    assert rows[1][0].startswith("Quý ") or rows[1][0] == "Không có hạn cụ thể"
    csv = client.get(reverse("plans:dashboard"), {"chart": "tien-do-theo-quy", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("Quý,Chưa thực hiện")
