"""The plan pages: list, the appendix table, timeline, calendar, exports, dashboard."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.core import charts
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.text import fold
from vinhdanh.plans import exports, selectors
from vinhdanh.plans.models import Notification, Plan
from vinhdanh.plans.status import STATUS_LABELS, Status
from vinhdanh.plans.views._common import sees_every_line, today
from vinhdanh.workflow.permissions import allows

MONTHS = range(1, 13)
LOADS_PER_PAGE = 30
CHANGES_SHOWN = 50


def _plan(request, pk: int) -> Plan:
    return access.get_visible_or_404(request.user, Plan.objects.select_related("council"), pk=pk)


@login_required
def plan_list(request):
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": selectors.plans_for(request.user),
            "can_import": allows(request.user, "plans.import_plan"),
        },
    )


@login_required
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    day = today()
    task_rows = selectors.attach_progress(
        selectors.rows(selectors.tasks_for(request.user, plan), day), day
    )
    may_edit = allows(request.user, "plans.edit_plan", plan)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "sections": selectors.grouped_by_section(task_rows),
            "counts": selectors.status_counts(task_rows),
            "task_count": len(task_rows),
            "tab": "table",
            "may_edit": may_edit,
            "show_late_units": sees_every_line(request.user),
            # What changed since the import: the office's view of the whole plan.
            "diff": selectors.plan_diff(plan) if may_edit else None,
            "changes": list(selectors.plan_changes(plan)[:CHANGES_SHOWN]) if may_edit else [],
        },
    )


@login_required
def plan_timeline(request, pk: int):
    plan = _plan(request, pk)
    task_rows = selectors.rows(selectors.tasks_for(request.user, plan), today())
    return render(
        request,
        "plans/plan_timeline.html",
        {
            "plan": plan,
            "bars": selectors.timeline(task_rows, plan.year),
            "months": MONTHS,
            "tab": "timeline",
        },
    )


def _month(request, plan: Plan) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        dt.date(year, month, 1)
        return year, month
    except ValueError:
        now = today()
        return (now.year, now.month) if now.year == plan.year else (plan.year, 1)


@login_required
def plan_calendar(request, pk: int):
    plan = _plan(request, pk)
    year, month = _month(request, plan)
    task_rows = selectors.rows(selectors.tasks_for(request.user, plan), today())
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "plans/plan_calendar.html",
        {
            "plan": plan,
            "weeks": selectors.month_grid(task_rows, year, month),
            "first": first,
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
            "tab": "calendar",
            "weekdays": [
                "Thứ Hai",
                "Thứ Ba",
                "Thứ Tư",
                "Thứ Năm",
                "Thứ Sáu",
                "Thứ Bảy",
                "Chủ nhật",
            ],
        },
    )


def _filename(plan: Plan, extension: str) -> str:
    return f"ke-hoach-{slugify(fold(plan.number))}-{plan.year}.{extension}"


@login_required
def export_docx(request, pk: int):
    plan = _plan(request, pk)
    return download(exports.export_docx(plan), _filename(plan, "docx"), DOCX)


@login_required
def export_xlsx(request, pk: int):
    plan = _plan(request, pk)
    return download(exports.export_xlsx(plan), _filename(plan, "xlsx"), XLSX)


@login_required
def dashboard(request):
    tasks, day = selectors.tasks_for(request.user), today()
    chart = _quarter_chart(selectors.progress_by_quarter(tasks, day))
    if exported := charts.requested_export(request, [chart]):
        return exported
    loads = Paginator(selectors.unit_loads(tasks, day), LOADS_PER_PAGE)
    return render(
        request,
        "plans/dashboard.html",
        {
            "loads": loads.get_page(request.GET.get("page")),
            "counts": selectors.status_totals(tasks, day),
            "unread": Notification.objects.filter(user=request.user, read=False).count(),
            "days": selectors.days_before(),
            "chart": chart,
        },
    )


def _quarter_chart(quarters) -> charts.Chart:
    """Task progress by the quarter of the deadline, one stacked bar per quarter."""
    labels = [
        _("Quý %(quarter)s/%(year)s") % {"quarter": key[1], "year": key[0]}
        if key
        else _("Không có hạn cụ thể")
        for key, _counts in quarters
    ]
    series = [
        charts.Series(str(STATUS_LABELS[status]), [counts[status] for _key, counts in quarters])
        for status in Status
    ]
    return charts.Chart(
        key="tien-do-theo-quy",
        title=_("Tiến độ nhiệm vụ theo quý (theo hạn hoàn thành)"),
        labels=labels,
        series=series,
        kind="stacked",
        label_header=_("Quý"),
    )
