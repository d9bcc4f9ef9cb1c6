"""Who may do what with plans: named permissions, asked by services, views and templates.

"Which rows" stays in the scope rules (plans/scopes.py); these say which actions.
"""

import rules

from vinhdanh.accounts import access
from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor
from vinhdanh.workflow.permissions import define


@rules.predicate
def has_reporting_unit(user, task) -> bool:
    """The user may report for one of the task's lead units (or for a group's task)."""
    from vinhdanh.plans.tracking import reporting_units

    return task is not None and bool(reporting_units(user, task))


@rules.predicate
def may_change_plan(user, plan) -> bool:
    """The plan is one the user's council may change (none given: the page asks later)."""
    return plan is None or access.can(user, access.CHANGE, plan)


@rules.predicate
def may_send_for_unit(user, submission) -> bool:
    """The submission's unit is the user's own (or below it), or the user is the office.

    Asked with an unsaved submission too, before the first sending.
    """
    return submission is None or access.can_create_in(user, submission.unit)


@rules.predicate
def may_subscribe_unit(user, unit) -> bool:
    """A feed of this unit is one the user may read (plans.feeds.feed_units)."""
    from vinhdanh.plans.feeds import feed_units

    return unit is not None and feed_units(user).filter(pk=unit.pk).exists()


@rules.predicate
def owns_feed_token(user, token) -> bool:
    return token is None or token.owner_id == user.pk


def _group_task():
    from vinhdanh.plans.models import Task

    # The demo gives no task to Hoàng Liệt alone; a task of "Các đơn vị thuộc Quận" is every unit's.
    return Task.objects.exclude(lead_groups=[]).order_by("pk").first()


def _demo_plan():
    from vinhdanh.plans.models import Plan

    return Plan.objects.filter(council__unit__code="hoang-mai").order_by("pk").first()


def _hoang_liet_submission():
    from vinhdanh.plans.models import UnitPlanSubmission

    return UnitPlanSubmission.objects.filter(unit__code="phuong-hoang-liet").first()


def _hoang_liet():
    from vinhdanh.org.models import Unit

    return Unit.objects.filter(code="phuong-hoang-liet").first()


define("plans.import_plan", is_standing_office)
define("plans.report_progress", has_reporting_unit, sample=_group_task)
# Taking back a "done" that was not done; the office sees every task.
define("plans.reopen_task", is_standing_office)
define("plans.submit_unit_plan", may_send_for_unit, sample=_hoang_liet_submission)
define("plans.decide_unit_plan", is_standing_office)
# The living plan: the office adds, edits, reassigns and removes tasks after the import.
define("plans.edit_plan", is_standing_office & may_change_plan, sample=_demo_plan)
# Units' officers follow their unit's tasks: their menu, their home card, their reminders.
define("plans.follow_unit_tasks", is_unit_editor, reads=True)
define("plans.subscribe_unit_feed", may_subscribe_unit, sample=_hoang_liet, reads=True)
define("plans.revoke_feed_token", rules.is_authenticated & owns_feed_token, reads=True)
