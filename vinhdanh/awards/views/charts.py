"""The awards' chart page: the user's dossiers by state, and by title, for a year or all."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from vinhdanh.awards import selectors
from vinhdanh.awards.models import State
from vinhdanh.core import charts
from vinhdanh.core.kept import kept
from vinhdanh.core.years import parse_year

TITLES_DRAWN = 10  # the most used titles, one bar each


def _year(request) -> int | None:
    return parse_year(request.GET.get("year", ""))


def _by_state(nominations) -> dict[str, int]:
    return dict(
        nominations.order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )


def _by_title(nominations) -> list[tuple[str, int]]:
    return list(
        nominations.order_by()
        .values_list("title__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "title__name")
        .values_list("title__name", "n")
    )


def state_chart(counted: dict[str, int], year, query) -> charts.Chart:
    states = [state for state in State if counted.get(state.value)]
    return charts.Chart(
        key="ho-so-theo-trang-thai",
        title=_("Hồ sơ đề nghị theo trạng thái năm %(year)s") % {"year": year}
        if year
        else _("Hồ sơ đề nghị theo trạng thái"),
        labels=[str(state.label) for state in states],
        series=[charts.Series(_("Số hồ sơ"), [counted[state.value] for state in states])],
        kind="horizontal",
        label_header=_("Trạng thái"),
        export_query=query,
    )


def title_chart(counted: list[tuple[str, int]], year, query) -> charts.Chart:
    shown, rest = counted[:TITLES_DRAWN], sum(n for _name, n in counted[TITLES_DRAWN:])
    labels = [name for name, _n in shown] + ([_("Khác")] if rest else [])
    values = [n for _name, n in shown] + ([rest] if rest else [])
    return charts.Chart(
        key="ho-so-theo-danh-hieu",
        title=_("Hồ sơ đề nghị theo danh hiệu, hình thức năm %(year)s") % {"year": year}
        if year
        else _("Hồ sơ đề nghị theo danh hiệu, hình thức"),
        labels=labels,
        series=[charts.Series(_("Số hồ sơ"), values)],
        kind="horizontal",
        label_header=_("Danh hiệu, hình thức"),
        export_query=query,
    )


@login_required
def nomination_charts(request):
    """Two GROUP BYs over the dossiers the user's list shows, whatever their number, kept
    between changes (`core.kept`)."""
    year = _year(request)
    nominations = selectors.nominations_for(request.user, year=year).select_related(None)
    query = charts.page_query(request, "year")
    by_state = kept(request.user, "nominations-by-state", year, lambda: _by_state(nominations))
    by_title = kept(request.user, "nominations-by-title", year, lambda: _by_title(nominations))
    drawn = [state_chart(by_state, year, query), title_chart(by_title, year, query)]
    if exported := charts.requested_export(request, drawn):
        return exported
    return render(request, "awards/nomination_charts.html", {"charts": drawn, "year": year})
