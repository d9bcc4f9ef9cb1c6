"""A task's page, its progress reports, the unit's task list and notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.core.paging import CappedPaginator, capped_page
from vinhdanh.plans import selectors, services, tracking
from vinhdanh.plans.forms import MarkNotificationsReadForm, ProgressReportForm, ReopenTaskForm
from vinhdanh.plans.models import Notification, ProgressReport, ReportAttachment, Task
from vinhdanh.plans.views._common import today
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

TASKS_PER_PAGE = 50


def _task(request, pk: int) -> Task:
    return access.get_visible_or_404(
        request.user,
        Task.objects.select_related("plan").prefetch_related("lead_units", "coordinating_units"),
        pk=pk,
    )


def _report_form(request, task: Task, data=None, files=None) -> ProgressReportForm:
    return ProgressReportForm(data, files, units=tracking.reporting_units(request.user, task))


def _task_page(request, task: Task, *, report_form=None, reopen_form=None, status: int = 200):
    reports = access.scope_queryset(
        request.user, ProgressReport.objects.filter(task=task).select_related("unit", "author")
    ).prefetch_related("attachments")
    row = selectors.rows([task], today())[0]
    report_form = report_form or _report_form(request, task)
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "row": row,
            "reports": reports,
            "form": report_form,
            "reopen_form": reopen_form,
            "may_report": allows(request.user, "plans.report_progress", task),
            "may_reopen": allows(request.user, "plans.reopen_task", task),
        },
        status=status,
    )


@login_required
def task_detail(request, pk: int):
    return _task_page(request, _task(request, pk))


@login_required
@require_POST
def report(request, pk: int):
    task = _task(request, pk)
    form = _report_form(request, task, request.POST, request.FILES)

    def submit():
        data = form.cleaned_data
        return services.submit_report(
            actor=request.user,
            task=task,
            unit=data["unit"],
            text=data["text"],
            percent=data["percent"],
            done=data["done"],
            files=[(upload.name, upload.read()) for upload in data["attachments"]],
        )

    if run_service(form, submit) is None:
        return _task_page(request, task, report_form=form, status=400)
    messages.success(request, _("Đã gửi báo cáo tiến độ."))
    return redirect("plans:task_detail", task.pk)


@login_required
@require_POST
def reopen(request, pk: int):
    task = _task(request, pk)
    form = ReopenTaskForm(request.POST)
    if run_service(form, services.reopen_task, actor=request.user, task=task) is None:
        return _task_page(request, task, reopen_form=form, status=400)
    messages.success(request, _("Đã mở lại nhiệm vụ."))
    return redirect("plans:task_detail", task.pk)


@private_file_view
def attachment(request, pk: int):
    item = ReportAttachment.objects.select_related("report").filter(pk=pk).first()
    if item is None or not access.can(request.user, access.VIEW, item.report):
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, item.file, download_name=item.original_name)


TASK_LISTS = {"led": 0, "helped": 1}


@login_required
def my_tasks(request):
    """One of the two lists (led, helped) a page at a time: a province-wide seat's unit leads
    every task of every council's plans, thousands of rows."""
    shown = request.GET.get("list") if request.GET.get("list") in TASK_LISTS else "led"
    lists = selectors.unit_tasks(request.user)
    page = capped_page(lists[TASK_LISTS[shown]], request, TASKS_PER_PAGE)
    other = lists[1 - TASK_LISTS[shown]]
    return render(
        request,
        "plans/my_tasks.html",
        {
            "shown": shown,
            "page": page,
            "rows": selectors.rows(page.object_list, today()),
            "other": CappedPaginator(other, TASKS_PER_PAGE),
            "unit": request.user.unit,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request):
    form = MarkNotificationsReadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and (
        run_service(form, services.mark_notifications_read, actor=request.user) is not None
    ):
        return redirect("plans:notifications")
    items = Notification.objects.filter(user=request.user)[:200]
    return render(request, "plans/notifications.html", {"items": items, "form": form})
