"""Charts on the dashboards: plain data drawn by Chart.js, with its table and its exports.

A page builds `Chart`s from the counts it already reads (no query of its own here). The
template include `includes/chart.html` writes the data with `json_script`, a canvas that
`core/static/core/charts.js` draws, and the same numbers as a table in a <details> for whoever
does not see the drawing; `?chart=<key>&format=xlsx|csv` downloads that table through the
safe writers (documents/admin_xlsx.py).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.http import HttpResponse

from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.text import fold
from vinhdanh.documents.admin_xlsx import csv_table, simple_workbook

KINDS = ("bar", "stacked", "line", "doughnut", "horizontal")
FORMATS = ("xlsx", "csv")
CSV = "text/csv; charset=utf-8"


@dataclass
class Series:
    name: str
    values: list


@dataclass
class Chart:
    key: str  # unique on its page: the canvas id, the data id, the export's name
    title: str
    labels: list[str]
    series: list[Series]
    kind: str = "bar"
    label_header: str = ""  # the first column of the table ("Quý", "Năm", "Đơn vị")
    export_query: dict = field(default_factory=dict)  # the page's own filters, kept

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")
        if not re.fullmatch(r"[a-z0-9-]+", self.key):
            raise ValueError(f"chart key {self.key!r}: lower-case letters, digits and '-'")
        for series in self.series:
            if len(series.values) != len(self.labels):
                raise ValueError(f"series {series.name!r} has not one value per label")

    @property
    def canvas_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def data_id(self) -> str:
        return f"chart-{self.key}-data"

    @property
    def is_empty(self) -> bool:
        return not self.labels or not any(any(s.values) for s in self.series)

    def payload(self) -> dict:
        """What charts.js reads: plain strings and numbers."""
        return {
            "kind": self.kind,
            "labels": [str(label) for label in self.labels],
            "datasets": [
                {"label": str(s.name), "data": [_number(v) for v in s.values]} for s in self.series
            ],
        }

    def headers(self) -> list[str]:
        return [str(self.label_header), *(str(s.name) for s in self.series)]

    def rows(self) -> list[list]:
        return [
            [str(label), *(s.values[index] for s in self.series)]
            for index, label in enumerate(self.labels)
        ]

    def export_url(self, fmt: str) -> str:
        return "?" + urlencode({**self.export_query, "chart": self.key, "format": fmt})

    @property
    def xlsx_url(self) -> str:
        return self.export_url("xlsx")

    @property
    def csv_url(self) -> str:
        return self.export_url("csv")


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value or 0


def filename(chart: Chart, fmt: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(chart.title)).strip("-") or chart.key
    return f"{slug[:80]}.{fmt}"


def export(chart: Chart, fmt: str) -> HttpResponse:
    """The chart's table as a download, written by the safe writers."""
    if fmt == "csv":
        return download(csv_table(chart.headers(), chart.rows()), filename(chart, fmt), CSV)
    content = simple_workbook(chart.title, chart.headers(), chart.rows())
    return download(content, filename(chart, "xlsx"), XLSX)


def requested_export(request, charts: list[Chart]) -> HttpResponse | None:
    """The download a chart's export link asks for, or None (an unknown chart: the page)."""
    fmt = request.GET.get("format")
    key = request.GET.get("chart")
    if fmt not in FORMATS or not key:
        return None
    for chart in charts:
        if chart.key == key:
            return export(chart, fmt)
    return None


def page_query(request, *names: str) -> dict:
    """The page's filters that an export link keeps (the year shown, the plan chosen)."""
    return {name: request.GET[name] for name in names if request.GET.get(name)}
