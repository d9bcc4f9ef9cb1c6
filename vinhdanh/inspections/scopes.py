"""Scope rules of inspections: the council's own work, and what the inspected unit sees.

An inspected unit sees its own visit, its findings and its follow-up items once the plan is
issued (a draft plan is the office's alone); it changes only its follow-up items.
"""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.inspections.models import Finding, FollowUp, InspectionPlan, PlanState, Visit


def _inspected(prefix: str, plan: str):
    def condition(user) -> Q:
        if not user.unit_id:
            return Q(pk__in=[])
        return Q(**{f"{prefix}__path__startswith": user.unit.path}) & ~Q(
            **{f"{plan}state": PlanState.DRAFT}
        )

    return condition


def register_inspection_scopes() -> None:
    access.register(
        InspectionPlan,
        access.ScopeRule(
            unit_path="council__unit__path",
            extra_view=_inspected("visits__unit", ""),
            council_own=True,
        ),
    )
    access.register(
        Visit,
        access.ScopeRule(
            unit_path="plan__council__unit__path",
            extra_view=_inspected("unit", "plan__"),
            council_own=True,
        ),
    )
    access.register(
        Finding,
        access.ScopeRule(
            unit_path="visit__plan__council__unit__path",
            extra_view=_inspected("visit__unit", "visit__plan__"),
            council_own=True,
        ),
    )
    # The inspected unit reports its own items done; the office sees every unit's.
    access.register(FollowUp, access.ScopeRule(unit_path="visit__unit__path"))
    register_serving_view(
        Finding,
        "evidence_file",
        lambda finding: reverse("inspections:evidence_file", args=[finding.pk]),
    )
