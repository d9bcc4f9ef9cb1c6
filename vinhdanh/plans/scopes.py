"""Scope rules of plans and tasks, registered with accounts.access, and the views of their files."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.plans.models import (
    Plan,
    PlanImport,
    ProgressReport,
    ReportAttachment,
    Task,
    TaskAssignment,
    UnitPlanSubmission,
)


def _plan_of_council_governing_user(user) -> Q:
    # A council's plan concerns every unit it governs, not the units of another council.
    return Q(council__unit_id__in=access.governing_unit_ids(user))


def _paths(user, field: str) -> Q:
    condition = Q(pk__in=[])
    for path in access.own_unit_paths(user):
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def _task_helpers_and_groups(user) -> Q:
    # Coordinating units follow the tasks they help with; a task given to a group
    # ("Các đơn vị thuộc Quận") concerns every unit with a line of it.
    return _paths(user, "coordinating_units__path") | _paths(user, "assignments__unit__path")


def _task_of_the_councils_plan(council) -> Q:
    # Every task of the council's own plans, led by whichever unit; the plans of the
    # councils below it are theirs.
    return Q(plan__council_id=council.pk)


def _line_of_the_councils_plan(council) -> Q:
    return Q(task__plan__council_id=council.pk)


def _report_on_visible_task(user) -> Q:
    return _paths(user, "task__lead_units__path") | _paths(user, "task__coordinating_units__path")


def register_plan_scopes() -> None:
    # The council's plan is public inside the organisation it governs; only the office
    # changes it.
    access.register(
        Plan,
        access.ScopeRule(
            unit_path="council__unit__path",
            extra_view=_plan_of_council_governing_user,
            editable_by_unit=False,
            council_own=True,
        ),
    )
    access.register(
        Task,
        access.ScopeRule(
            unit_path="lead_units__path",
            extra_view=_task_helpers_and_groups,
            council_work=_task_of_the_councils_plan,
            council_own=True,
        ),
    )
    # A unit's line of a group task is the unit's; the office sees every line of its plans.
    access.register(
        TaskAssignment,
        access.ScopeRule(
            unit_path="unit__path", council_work=_line_of_the_councils_plan, council_own=True
        ),
    )
    access.register(
        ProgressReport,
        access.ScopeRule(unit_path="unit__path", extra_view=_report_on_visible_task),
    )
    access.register(UnitPlanSubmission, access.ScopeRule(unit_path="unit__path"))
    register_serving_view(
        ReportAttachment, "file", lambda item: reverse("plans:attachment", args=[item.pk])
    )
    register_serving_view(
        UnitPlanSubmission, "file", lambda item: reverse("plans:unit_plan_file", args=[item.pk])
    )
    register_serving_view(
        PlanImport, "file", lambda item: reverse("plans:import_file", args=[item.pk])
    )
