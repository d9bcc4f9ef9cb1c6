from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core import charts
from vinhdanh.core.db_routing import reads_reports
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.numbers import vn_percent
from vinhdanh.core.years import chosen_year
from vinhdanh.documents.admin_xlsx import form_workbook, list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.movements.models import Movement, MovementStatus
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.selectors import title_name
from vinhdanh.reports import permissions, selectors, services
from vinhdanh.reports.categories import Category, default_category
from vinhdanh.reports.filled import FORMS
from vinhdanh.reports.forms import ConfirmForm, PersonCategoryForm, WorkBodyForm, WorkStaffForm
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff
from vinhdanh.reports.statistics import (
    latest_award_year_for,
    top_series,
)
from vinhdanh.reports.trend_cache import (
    cached_award_statistics,
    cached_award_trends,
    cached_form,
)
from vinhdanh.workflow.permissions import allows, require
from vinhdanh.workflow.views import run_service


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
    groups = [
        {
            "name": group.name,
            "counts": group.counts,
            "direct": vn_percent(group.share("direct_workers", "people")),
            "managers": vn_percent(group.share("managers", "people")),
            "women": vn_percent(group.share("women", "people")),
            "small": vn_percent(group.share("small_collectives", "collectives")),
        }
        for group in stats.groups()
    ]
    trend_charts = _trend_charts(request, cached_award_trends(request.user, stats.year))
    if exported := charts.requested_export(request, trend_charts):
        return exported
    if request.GET.get("format") == "xlsx":
        return _export(stats, acting_council(request.user))
    context = {"stats": stats, "groups": groups, "charts": trend_charts}
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
        _("Danh hiệu, hình thức"), _("Cá nhân"), _("Trong đó: lãnh đạo, quản lý"),
        _("Trong đó: doanh nhân"), _("Trong đó: người lao động trực tiếp"),
        _("Trong đó: khác"), _("Trong đó: nữ"), _("Tập thể"), _("Trong đó: tập thể nhỏ"),
    ]  # fmt: skip
    rows = [
        [r.title_name, r.people, r.managers, r.entrepreneurs, r.direct_workers, r.others,
         r.women, r.collectives, r.small_collectives]
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


def _form_year(request, key: str) -> int:
    """The chosen year, else the latest year with a launched movement (0601) or an award
    the user sees, else this year."""
    if key == "0601":
        return _movement_year(request)
    return _award_year(request)


@login_required
@reads_reports
def official_form(request, key: str):
    require(request.user, "reports.view_statistics")
    year = _form_year(request, key)
    outcome = cached_form(request.user, key, year)
    form = outcome.form
    form_charts = _form_charts(request, form) if form is not None else []
    if exported := charts.requested_export(request, form_charts):
        return exported
    if form is not None and request.GET.get("format") == "xlsx":
        content = form_workbook(
            form.spec,
            form.lines(),
            year=year,
            reporting_unit=form.reporting_unit,
            receiving_unit=form.receiving_unit,
            period=form.period,
            place=form.place,
            date=timezone.localdate(),
        )
        number = form.spec.number.split(".")[0]
        return download(content, f"bieu-{number}-{year}.xlsx", XLSX)
    context = {
        "key": key,
        "title": FORMS[key],
        "year": year,
        "outcome": outcome,
        "form": form,
        "rows": form.lines() if form else [],
        "council": acting_council(request.user),
        "forms": [(k, name) for k, name in FORMS.items()],
        "today": timezone.localdate(),
        "charts": form_charts,
    }
    return render(request, "reports/official_form.html", context)


def _form_charts(request, form) -> list[charts.Chart]:
    """The form's total split by its columns, and its sections' rows (one bar per row)."""
    query = charts.page_query(request, "year")
    spec, lines = form.spec, form.lines()
    found = []
    columns = [cell.text for cell in spec.header[-1]] if len(spec.header) > 1 else []
    total = lines[0]["values"] or []
    if len(columns) == spec.figures - 1 and any(total[1:]):
        found.append(
            charts.Chart(
                key="theo-cot",
                title=_("Tổng số chia theo cột của biểu"),
                labels=columns,
                series=[charts.Series(_("Tổng số"), total[1:])],
                label_header=_("Cột"),
                export_query=query,
            )
        )
    rows = [line for line in lines if line["code"] and line["indent"] == 1 and line["values"]]
    if any(line["values"][0] for line in rows):
        found.append(
            charts.Chart(
                key="theo-dong",
                title=_("Tổng số theo từng dòng của biểu"),
                labels=[line["label"] for line in rows],
                series=[charts.Series(_("Tổng số"), [line["values"][0] for line in rows])],
                label_header=_("Dòng"),
                export_query=query,
            )
        )
    return found


def form_0601(request):
    return official_form(request, "0601")


def form_0602(request):
    return official_form(request, "0602")


def form_0603(request):
    return official_form(request, "0603")


def form_0604(request):
    return official_form(request, "0604")


def form_0605(request):
    return official_form(request, "0605")


# -- what forms 0604 and 0605 count: kept by the standing office ---------------------------
def _staff_year(request) -> int:
    return chosen_year(request, lambda: timezone.localdate().year)


@login_required
def work_staff(request):
    require(request.user, permissions.VIEW_WORK_STAFF)
    council = acting_council(request.user)
    year = _staff_year(request)
    staff_form, body_form = WorkStaffForm(prefix="staff"), WorkBodyForm(prefix="body")
    if request.method == "POST":
        if "staff-full_name" in request.POST:
            staff_form = WorkStaffForm(request.POST, prefix="staff")
            done = run_service(
                staff_form,
                lambda: services.add_work_staff(
                    request.user, council, year=year, **staff_form.cleaned_data
                ),
            )
            message = _("Đã thêm %(name)s vào danh sách năm %(year)s.")
        else:
            body_form = WorkBodyForm(request.POST, prefix="body")
            done = run_service(
                body_form,
                lambda: services.add_work_body(
                    request.user, council, year=year, **body_form.cleaned_data
                ),
            )
            message = _("Đã thêm tổ chức %(name)s vào năm %(year)s.")
        if done is not None:
            name = getattr(done, "full_name", None) or done.name
            messages.success(request, message % {"name": name, "year": year})
            return redirect(f"{reverse('reports:work_staff')}?year={year}")
    context = {
        "year": year,
        "council": council,
        "staff": selectors.work_staff(council, year),
        "bodies": selectors.work_bodies(council, year),
        "staff_form": staff_form,
        "body_form": body_form,
        "may_keep": allows(request.user, permissions.KEEP_WORK_STAFF),
    }
    return render(request, "reports/work_staff.html", context)


def _remove(request, model, service, pk: int):
    require(request.user, permissions.KEEP_WORK_STAFF)
    council = acting_council(request.user)
    found = get_object_or_404(model, pk=pk, council=council)
    year = found.year
    form = ConfirmForm(request.POST)
    if run_service(form, lambda: service(request.user, council, found) or True):
        messages.success(request, _("Đã xóa %(name)s.") % {"name": found})
    else:
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect(f"{reverse('reports:work_staff')}?year={year}")


@login_required
@require_POST
def work_staff_delete(request, pk: int):
    return _remove(request, WorkStaff, services.remove_work_staff, pk)


@login_required
@require_POST
def work_body_delete(request, pk: int):
    return _remove(request, WorkBody, services.remove_work_body, pk)


# -- the persons' categories of a year ------------------------------------------------------
CATEGORY_PAGE = 50


@login_required
def person_categories(request):
    require(request.user, "reports.view_statistics")
    year = _staff_year(request)
    people = access.scope_queryset(request.user, Person.objects.all()).select_related("unit")
    query = request.GET.get("q", "").strip()
    if query:
        people = people.filter(search_text__icontains=query.lower())
    error_form = None
    if request.method == "POST":
        form = PersonCategoryForm(request.POST)
        person = None
        if form.is_valid():
            person = access.get_visible_or_404(
                request.user, Person.objects.all(), pk=form.cleaned_data["person"]
            )
        done = run_service(
            form,
            lambda: services.set_person_category(
                request.user, person, year=year, category=form.cleaned_data["category"]
            ),
        )
        if done is not None:
            messages.success(
                request,
                _("Đã phân loại %(name)s năm %(year)s: %(category)s.")
                % {"name": person.full_name, "year": year,
                   "category": done.get_category_display()},
            )  # fmt: skip
            return redirect(request.get_full_path())
        error_form = form
    page = Paginator(people.order_by("sort_key", "pk"), CATEGORY_PAGE).get_page(
        request.GET.get("page")
    )
    ids = [person.pk for person in page]
    kept = dict(
        PersonCategory.objects.filter(person_id__in=ids, year=year).values_list(
            "person_id", "category"
        )
    )
    labels = dict(Category.choices)
    # Who may set whose category: the permission without an object (the role and the seat),
    # then the rows of the page the user may change, in one query.
    changeable = set()
    if allows(request.user, permissions.SET_PERSON_CATEGORY):
        changeable = set(
            access.scope_queryset(
                request.user, Person.objects.filter(pk__in=ids), access.CHANGE
            ).values_list("pk", flat=True)
        )
    rows = []
    for person in page:
        default = default_category(person.is_manager, person.is_direct_worker)
        rows.append(
            {
                "person": person,
                "category": kept.get(person.pk, default),
                "kept": person.pk in kept,
                "default_label": labels[default],
                "may_set": person.pk in changeable,
            }
        )
    context = {
        "year": year,
        "page": page,
        "rows": rows,
        "query": query,
        "choices": Category.choices,
        "error_form": error_form,
    }
    return render(request, "reports/person_categories.html", context)
