"""The living plan: the standing office adds, edits, reassigns and removes tasks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vinhdanh.accounts import access
from vinhdanh.plans import history, importing, selectors, services
from vinhdanh.plans.forms import RemoveTaskForm, TaskForm
from vinhdanh.plans.models import Plan, Task
from vinhdanh.workflow.permissions import require
from vinhdanh.workflow.views import run_service


def _plan(request, pk: int) -> Plan:
    plan = access.get_visible_or_404(request.user, Plan.objects.select_related("council"), pk=pk)
    require(request.user, "plans.edit_plan", plan)
    return plan


def _task(request, pk: int) -> Task:
    task = access.get_visible_or_404(
        request.user,
        Task.objects.select_related("plan__council").prefetch_related(
            "lead_units", "coordinating_units", "assignments__unit"
        ),
        pk=pk,
    )
    require(request.user, "plans.edit_plan", task.plan)
    return task


def _form(plan: Plan, data=None, initial=None) -> TaskForm:
    units = importing.council_units(plan.council).order_by("sort_key", "pk").only("pk", "name")
    return TaskForm(data, units=units, initial=initial)


def _page(request, plan, form, task=None, status=200):
    sections = list(
        dict.fromkeys(plan.tasks.order_by("position").values_list("section", flat=True))
    )
    return render(
        request,
        "plans/task_form.html",
        {"plan": plan, "form": form, "task": task, "sections": sections},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_add(request, pk: int):
    plan = _plan(request, pk)
    if request.method != "POST":
        return _page(request, plan, _form(plan))
    form = _form(plan, request.POST)
    task = run_service(
        form, lambda: services.add_task(actor=request.user, plan=plan, data=form.task_data())
    )
    if task is None:
        return _page(request, plan, form, status=400)
    messages.success(request, _("Đã thêm nhiệm vụ %(number)s.") % {"number": task.number})
    return redirect("plans:task_detail", task.pk)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, pk: int):
    task = _task(request, pk)
    plan = task.plan
    if request.method != "POST":
        initial = {
            **TaskForm.initial_of(task),
            "fingerprint": history.fingerprint(selectors.state_of(task)),
        }
        return _page(request, plan, _form(plan, initial=initial), task)
    form = _form(plan, request.POST)
    edited = run_service(
        form, lambda: services.edit_task(actor=request.user, task=task, data=form.task_data())
    )
    if edited is None:
        return _page(request, plan, form, task, status=400)
    messages.success(
        request, _("Đã lưu điều chỉnh nhiệm vụ %(number)s.") % {"number": edited.number}
    )
    return redirect("plans:task_detail", edited.pk)


@login_required
@require_POST
def task_remove(request, pk: int):
    task = _task(request, pk)
    form = RemoveTaskForm(request.POST)
    plan = run_service(
        form,
        lambda: services.remove_task(
            actor=request.user, task=task, reason=form.cleaned_data["reason"]
        ),
    )
    if plan is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("plans:task_detail", task.pk)
    messages.success(
        request, _("Đã bỏ nhiệm vụ %(number)s khỏi kế hoạch.") % {"number": task.number}
    )
    return redirect("plans:plan_detail", plan.pk)
