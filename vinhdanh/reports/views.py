from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core import charts
from vinhdanh.core.db_routing import reads_reports
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.numbers import vn_percent
from vinhdanh.core.years import chosen_year
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.movements.models import Movement, MovementStatus
from vinhdanh.org.models import Unit
from vinhdanh.records.selectors import title_name
from vinhdanh.reports.form_0601 import COLUMNS, ROWS, MovementFacts, tally
from vinhdanh.reports.statistics import (
    latest_award_year_for,
    top_series,
)
from vinhdanh.reports.trend_cache import cached_award_statistics, cached_award_trends
from vinhdanh.workflow.permissions import require


def _award_year(request) -> int:
    """The chosen year, else the latest year with an award the user sees, else this year."""
    return chosen_year(
        request,
        lambda: latest_award_year_for(request.user) or timezone.localdate().year,
    )


def _movement_year(request) -> int:
    """The chosen year, else the latest year with a launched movement the user sees."""

    def latest() -> int:
        movements = access.scope_queryset(request.user, Movement.objects.all()).exclude(
            status=MovementStatus.DRAFT
        )
        found = movements.order_by().aggregate(latest=Max("year"))["latest"]
        return found or timezone.localdate().year

    return chosen_year(request, latest)


@login_required
@reads_reports
def award_statistics_page(request):
    require(request.user, "reports.view_statistics")
    stats = cached_award_statistics(request.user, _award_year(request))
    shares = {
        "direct": vn_percent(stats.share("direct_workers", "people")),
        "managers": vn_percent(stats.share("managers", "people")),
        "women": vn_percent(stats.share("women", "people")),
        "small": vn_percent(stats.share("small_collectives", "collectives")),
    }
    trend_charts = _trend_charts(request, cached_award_trends(request.user, stats.year))
    if exported := charts.requested_export(request, trend_charts):
        return exported
    if request.GET.get("format") == "xlsx":
        return _export(stats, acting_council(request.user))
    context = {"stats": stats, "shares": shares, "charts": trend_charts}
    return render(request, "reports/award_statistics.html", context)


CHART_SERIES = 6  # titles or units drawn one by one; the others are added up


def _trend_charts(request, trends) -> list[charts.Chart]:
    years, query = trends.years, charts.page_query(request, "year")
    span = {"first": years[0], "last": years[-1]}
    titles, other_titles = top_series(trends.by_title, years, CHART_SERIES)
    unit_ids, other_units = top_series(trends.by_unit, years, CHART_SERIES)
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))

    def series(keys, counts, rest, name):
        found = [charts.Series(name(key), [counts[key].get(y, 0) for y in years]) for key in keys]
        if any(rest.values()):
            found.append(charts.Series(_("Khác"), [rest.get(y, 0) for y in years]))
        return found

    return [
        charts.Chart(
            key="theo-danh-hieu",
            title=_("Khen thưởng theo danh hiệu, hình thức từ %(first)s đến %(last)s") % span,
            labels=[str(y) for y in years],
            series=series(titles, trends.by_title, other_titles, title_name),
            kind="line",
            label_header=_("Năm"),
            export_query=query,
        ),
        charts.Chart(
            key="theo-don-vi",
            title=_("Khen thưởng theo đơn vị từ %(first)s đến %(last)s") % span,
            labels=[str(y) for y in years],
            series=series(unit_ids, trends.by_unit, other_units, lambda pk: names.get(pk, "—")),
            kind="stacked",
            label_header=_("Năm"),
            export_query=query,
        ),
    ]


def _export(stats, council) -> HttpResponse:
    letterhead = Letterhead(
        parent_body=council.unit.name if council else "",
        issuer=council.name if council else "",
        place="",
    )
    headers = [
        _("Danh hiệu, hình thức"), _("Cá nhân"), _("Trong đó: người lao động trực tiếp"),
        _("Trong đó: cán bộ quản lý"), _("Trong đó: nữ"), _("Tập thể"),
        _("Trong đó: tập thể nhỏ"),
    ]  # fmt: skip
    rows = [
        [r.title_name, r.people, r.direct_workers, r.managers, r.women, r.collectives,
         r.small_collectives]
        for r in stats.rows
    ]  # fmt: skip
    content = list_workbook(
        letterhead,
        title=_("Thống kê khen thưởng năm %(year)s") % {"year": stats.year},
        date=timezone.localdate(),
        headers=headers,
        rows=rows,
        sheet_title=_("Thống kê"),
    )
    return download(content, f"thong-ke-khen-thuong-{stats.year}.xlsx", XLSX)


def _movement_facts(user, year: int) -> list[MovementFacts]:
    movements = (
        access.scope_queryset(user, Movement.objects.all())
        .filter(year=year)
        .exclude(status=MovementStatus.DRAFT)
        .select_related("launched_by__level")
    )
    return [
        MovementFacts(m.launched_by.level.code, m.starts_on, m.ends_on, m.kind) for m in movements
    ]


@login_required
@reads_reports
def form_0601(request):
    require(request.user, "reports.view_statistics")
    year = _movement_year(request)
    table = tally(_movement_facts(request.user, year))
    rows = [
        {"code": code, "label": label, "indent": indent, "values": table.get(code)}
        for code, label, indent in ROWS
    ]
    council = acting_council(request.user)
    if request.GET.get("format") == "xlsx":
        letterhead = Letterhead(
            parent_body=council.unit.name if council else "", issuer=council.name if council else ""
        )
        content = list_workbook(
            letterhead,
            title=_("Số phong trào thi đua năm %(year)s (Biểu 0601.N/BNV-TĐKT)") % {"year": year},
            date=timezone.localdate(),
            headers=[_("Chỉ tiêu"), _("Mã số"), *COLUMNS],
            rows=[[("    " * r["indent"]) + r["label"], r["code"] or "", *(r["values"] or [])]
                  for r in rows],
            sheet_title="0601",
        )  # fmt: skip
        return download(content, f"bieu-0601-{year}.xlsx", XLSX)
    context = {"year": year, "rows": rows, "columns": COLUMNS, "council": council}
    return render(request, "reports/form_0601.html", context)
