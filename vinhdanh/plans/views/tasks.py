"""A task's page, its progress reports, the unit's task list and notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.feedback import refusal_text
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.plans import selectors, tracking
from vinhdanh.plans.models import Notification, ProgressReport, ReportAttachment, Task
from vinhdanh.plans.views._common import today


def _task(request, pk: int) -> Task:
    return access.get_visible_or_404(
        request.user,
        Task.objects.select_related("plan").prefetch_related("lead_units", "coordinating_units"),
        pk=pk,
    )


def _task_page(request, task: Task, error: str | None = None, status: int = 200):
    reports = access.scope_queryset(
        request.user, ProgressReport.objects.filter(task=task).select_related("unit", "author")
    ).prefetch_related("attachments")
    row = selectors.rows([task], today())[0]
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "row": row,
            "reports": reports,
            "error": error,
            "reporting_units": tracking.reporting_units(request.user, task),
            "can_reopen": access.role_of(request.user) in access.ORGANISATION_WIDE_EDITORS,
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
    units = {str(unit.pk): unit for unit in tracking.reporting_units(request.user, task)}
    unit = units.get(request.POST.get("unit", "")) or (next(iter(units.values()), None))
    files = [(f.name, f.read()) for f in request.FILES.getlist("attachments")]
    try:
        if unit is None:
            raise PermissionDenied(_("Đơn vị của bạn không chủ trì nhiệm vụ này."))
        tracking.submit_report(
            actor=request.user,
            task=task,
            unit=unit,
            text=request.POST.get("text", ""),
            percent=int(request.POST.get("percent") or 0),
            done=request.POST.get("done") == "1",
            files=files,
        )
    except (ValidationError, PermissionDenied, ValueError) as exc:
        return _task_page(request, task, refusal_text(exc), status=400)
    messages.success(request, _("Đã gửi báo cáo tiến độ."))
    return redirect("plans:task_detail", task.pk)


@login_required
@require_POST
def reopen(request, pk: int):
    task = _task(request, pk)
    try:
        tracking.reopen_task(actor=request.user, task=task)
    except PermissionDenied as exc:
        return _task_page(request, task, refusal_text(exc), status=403)
    return redirect("plans:task_detail", task.pk)


@private_file_view
def attachment(request, pk: int):
    item = ReportAttachment.objects.select_related("report").filter(pk=pk).first()
    if item is None or not access.can(request.user, access.VIEW, item.report):
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, item.file, download_name=item.original_name)


@login_required
def my_tasks(request):
    led, helped = selectors.unit_tasks(request.user)
    now = today()
    return render(
        request,
        "plans/my_tasks.html",
        {
            "led": selectors.rows(led, now),
            "helped": selectors.rows(helped, now),
            "unit": request.user.unit,
        },
    )


@login_required
def notifications(request):
    items = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        items.filter(read=False).update(read=True)
        return redirect("plans:notifications")
    return render(request, "plans/notifications.html", {"items": items[:200]})
