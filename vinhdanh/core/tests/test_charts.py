"""Charts: the data a page draws, its table and its exports (pure, no database)."""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from openpyxl import load_workbook

from vinhdanh.core import charts
from vinhdanh.documents.admin_xlsx import csv_table


def _chart(**extra):
    return charts.Chart(
        key="thu",
        title="Hồ sơ theo trạng thái",
        labels=["Dự thảo", "Đã gửi"],
        series=[charts.Series("Số hồ sơ", [3, Decimal("4.5")])],
        label_header="Trạng thái",
        **extra,
    )


def test_a_chart_gives_its_drawing_data_and_the_same_numbers_as_a_table():
    chart = _chart()
    assert chart.payload() == {
        "kind": "bar",
        "labels": ["Dự thảo", "Đã gửi"],
        "datasets": [{"label": "Số hồ sơ", "data": [3, 4.5]}],
    }
    assert chart.headers() == ["Trạng thái", "Số hồ sơ"]
    assert chart.rows() == [["Dự thảo", 3], ["Đã gửi", Decimal("4.5")]]
    assert not chart.is_empty
    assert charts.Chart("x", "x", ["a"], [charts.Series("s", [0])]).is_empty


def test_a_chart_refuses_a_series_that_does_not_fit_its_labels():
    with pytest.raises(ValueError, match="one value per label"):
        charts.Chart("x", "x", ["a", "b"], [charts.Series("s", [1])])
    with pytest.raises(ValueError, match="kind"):
        charts.Chart("x", "x", [], [], kind="pie3d")
    with pytest.raises(ValueError, match="key"):
        charts.Chart("X Y", "x", [], [])


def test_export_links_keep_the_pages_filters():
    chart = _chart(export_query={"year": "2021"})
    assert chart.xlsx_url == "?year=2021&chart=thu&format=xlsx"
    assert chart.csv_url == "?year=2021&chart=thu&format=csv"


def test_the_exports_carry_the_table_through_the_safe_writers():
    chart = charts.Chart(
        "thu", "Hồ sơ", ["=HYPERLINK(1)", "Đã gửi"], [charts.Series("Số", [1, 2])], label_header="T"
    )
    request = SimpleNamespace(GET={"chart": "thu", "format": "xlsx"})
    response = charts.requested_export(request, [chart])
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows == [("T", "Số"), ("'=HYPERLINK(1)", 1), ("Đã gửi", 2)]
    request = SimpleNamespace(GET={"chart": "thu", "format": "csv"})
    text = charts.requested_export(request, [chart]).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["T", "Số"],
        ["'=HYPERLINK(1)", "1"],
        ["Đã gửi", "2"],
    ]
    assert (
        charts.requested_export(SimpleNamespace(GET={"chart": "khac", "format": "csv"}), [chart])
        is None
    )
    assert (
        charts.requested_export(SimpleNamespace(GET={"chart": "thu", "format": "pdf"}), [chart])
        is None
    )


def test_csv_table_starts_with_a_byte_order_mark_for_excel():
    assert csv_table(["Tên"], [["Hà"]]).startswith("\ufeff".encode())


def test_chart_js_is_pinned_and_served_from_the_site():
    import json

    package = json.loads((settings.BASE_DIR / "package.json").read_text())
    assert package["dependencies"]["chart.js"].startswith("4.")
    assert package["dependencies"]["chart.js"][0].isdigit()  # an exact version, not a range
    served = dict(settings.STATICFILES_DIRS)["vendor/chart.js"]
    assert (served / "chart.umd.min.js").exists()
