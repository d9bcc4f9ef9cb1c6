"""Who may do what in inspections: every check of the app is named here.

The standing office runs the plan; the members of a visit's team record its findings and
its follow-up items, its leader signs the minutes; the inspected unit reports what it put
right. States are not permissions: inspections.workflows says what may move where.
"""

import rules

from vinhdanh.accounts.predicates import (
    is_leader,
    is_standing_office,
    is_unit_editor,
    may_change,
    may_view,
)
from vinhdanh.workflow.permissions import define


def _demo_plan():
    from vinhdanh.inspections.models import InspectionPlan

    return InspectionPlan.objects.order_by("pk").first()


def _demo_visit():
    from vinhdanh.inspections.models import Visit

    return Visit.objects.order_by("pk").first()


def _demo_follow_up():
    from vinhdanh.inspections.models import FollowUp

    return FollowUp.objects.order_by("pk").first()


@rules.predicate
def is_team_member(user, visit) -> bool:
    """The user is the leader or a member of the visit's team."""
    if visit is None:
        return True
    team = visit.team
    return team.leader_id == user.pk or team.members.filter(pk=user.pk).exists()


@rules.predicate
def is_team_leader(user, visit) -> bool:
    return visit is None or visit.team.leader_id == user.pk


_OFFICE = is_standing_office & may_change

CREATE_PLAN = define("inspections.create_plan", is_standing_office)
MANAGE_PLAN = define("inspections.manage_plan", _OFFICE, sample=_demo_plan)
RECORD_FINDINGS = define(
    "inspections.record_findings",
    _OFFICE | (is_team_member & may_view),
    sample=_demo_visit,
)
SIGN_MINUTES = define(
    "inspections.sign_minutes", _OFFICE | (is_team_leader & may_view), sample=_demo_visit
)
REPORT_FOLLOW_UP = define(
    "inspections.report_follow_up",
    (is_standing_office | is_unit_editor) & may_change,
    sample=_demo_follow_up,
)
REOPEN_FOLLOW_UP = define("inspections.reopen_follow_up", _OFFICE, sample=_demo_follow_up)
SEE_SUMMARY = define(
    "inspections.see_summary",
    (is_standing_office | is_leader) & may_view,
    sample=_demo_plan,
    reads=True,
)
