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
from vinhdanh.plans.carried_out import carried_out
from vinhdanh.plans.forms import (
    MarkNotificationsReadForm,
    ProgressReportForm,
    RemoveTaskForm,
    ReopenTaskForm,
)
from vinhdanh.plans.models import (
    Notification,
    ProgressReport,
    Reminder,
    ReportAttachment,
    Task,
    TaskAssignment,
)
from vinhdanh.plans.status import STATUS_COLOURS, STATUS_LABELS
from vinhdanh.plans.views._common import sees_every_line, today
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service

TASKS_PER_PAGE = 50


def _task(request, pk: int) -> Task:
    return access.get_visible_or_404(
        request.user,
        Task.objects.select_related("plan", "plan__council").prefetch_related(
            "lead_units", "coordinating_units", "assignments__unit"
        ),
        pk=pk,
    )


def _unit_table(request, task: Task, reports) -> list[dict]:
    """A group task's lines the user may see: status, progress, last report, reminder."""
    lines = access.scope_queryset(
        request.user, TaskAssignment.objects.filter(task=task).select_related("unit")
    ).order_by("unit__sort_key", "unit_id")
    last_report = {}
    for report in reports:
        last_report.setdefault(report.unit_id, report)
    reminders = {}
    for reminder in Reminder.objects.filter(task=task).order_by("sent_at", "pk"):
        reminders[reminder.unit_id] = reminder
    day = today()
    table = []
    for line in lines:
        line.task = task
        status = line.status_on(day)
        table.append(
            {
                "line": line,
                "status": status,
                "label": STATUS_LABELS[status],
                "colour": STATUS_COLOURS[status],
                "report": last_report.get(line.unit_id),
                "reminder": reminders.get(line.unit_id),
            }
        )
    return table


def _report_form(request, task: Task, data=None, files=None) -> ProgressReportForm:
    return ProgressReportForm(data, files, units=tracking.reporting_units(request.user, task))


def _task_page(request, task: Task, *, report_form=None, reopen_form=None, status: int = 200):
    reports = access.scope_queryset(
        request.user, ProgressReport.objects.filter(task=task).select_related("unit", "author")
    ).prefetch_related("attachments")
    row = selectors.attach_progress(selectors.rows([task], today()), today())[0]
    report_form = report_form or _report_form(request, task)
    reports = list(reports)
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "row": row,
            "carried_out": carried_out(request.user, task),
            "reports": reports,
            "form": report_form,
            "reopen_form": reopen_form,
            "may_report": allows(request.user, "plans.report_progress", task),
            "may_reopen": allows(request.user, "plans.reopen_task", task),
            "may_edit": allows(request.user, "plans.edit_plan", task.plan),
            "show_late_units": sees_every_line(request.user),
            # The reminders of a task led by named units (a group's are on its unit lines).
            "task_reminders": (
                list(Reminder.objects.filter(task=task).select_related("unit").order_by("pk"))
                if sees_every_line(request.user) and not task.lead_is_group
                else []
            ),
            "unit_table": _unit_table(request, task, reports) if task.lead_is_group else [],
            "remove_form": RemoveTaskForm(),
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
    reopened = run_service(
        form,
        lambda: services.reopen_task(
            actor=request.user, task=task, unit=form.cleaned_data.get("unit")
        ),
    )
    if reopened is None:
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
            "rows": selectors.rows(selectors.with_own_lines(page.object_list), today()),
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
