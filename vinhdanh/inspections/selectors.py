"""Reading inspections within the user's scope."""

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.inspections.models import (
    FollowUp,
    FollowUpState,
    InspectionPlan,
    Visit,
    VisitState,
)
from vinhdanh.inspections.summary import Summary, summarise
from vinhdanh.plans.carried_out import CarriedOut


def plans_for(user, year: int | None = None) -> QuerySet:
    plans = access.scope_queryset(user, InspectionPlan.objects.select_related("council")).annotate(
        visit_count=Count("visits", distinct=True),
        signed_count=Count("visits", filter=Q(visits__state=VisitState.SIGNED), distinct=True),
    )
    return plans.filter(year=year) if year else plans


def visits_for(user, plan: InspectionPlan) -> QuerySet:
    return access.scope_queryset(
        user,
        Visit.objects.filter(plan=plan).select_related("unit", "team", "team__leader"),
    ).annotate(
        open_follow_ups=Count(
            "follow_ups", filter=Q(follow_ups__state=FollowUpState.OPEN), distinct=True
        )
    )


def follow_ups_for(user) -> QuerySet:
    return access.scope_queryset(
        user,
        FollowUp.objects.select_related("visit", "visit__unit", "visit__plan"),
    )


def waiting_visits(user) -> QuerySet:
    """Visits of issued plans where the user is on the team and the work is not done."""
    return (
        access.scope_queryset(user, Visit.objects.select_related("unit", "plan"))
        .filter(plan__state="issued", state__in=[VisitState.SCHEDULED, VisitState.CONDUCTED])
        .filter(Q(team__leader=user) | Q(team__members=user))
        .distinct()
    )


def plan_summary(plan: InspectionPlan) -> Summary:
    today = timezone.localdate()
    return summarise(
        plan.items.values_list("pk", "position", "text"),
        plan.visits.values_list(
            "findings__visit_id", "findings__item_id", "findings__result"
        ).exclude(findings__isnull=True),
        [
            (pk, name, state == VisitState.SIGNED)
            for pk, name, state in plan.visits.values_list("pk", "unit__name", "state")
        ],
        [
            (state, due_on < today)
            for state, due_on in FollowUp.objects.filter(visit__plan=plan).values_list(
                "state", "due_on"
            )
        ],
    )


def plans_carrying_out(user, task) -> list[CarriedOut]:
    """The plans.carried_out provider: inspection plans that carry out `task`."""
    return [
        CarriedOut(
            _("Kiểm tra"),
            plan.title,
            reverse("inspections:plan_detail", args=[plan.pk]),
            _("%(signed)d/%(units)d đơn vị đã ký biên bản")
            % {"signed": plan.signed_count, "units": plan.visit_count},
        )
        for plan in plans_for(user).filter(plan_task=task).order_by("pk")
    ]
