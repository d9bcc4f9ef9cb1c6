"""Who reports on a task and who owes the council a plan: reading only.

The reports and the units' plans are written by `plans.services`.
"""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import Plan, Task


def assigned_units(task: Task) -> list[Unit]:
    """The units of a group task's lines, in the unit tree's order (prefetch-friendly)."""
    lines = sorted(task.assignments.all(), key=lambda line: (line.unit.sort_key, line.unit_id))
    return [line.unit for line in lines]


def reporting_units(user, task: Task) -> list[Unit]:
    """Units the user may report for on this task: a lead unit of theirs or, when the plan
    gives the task to a group ("Các đơn vị thuộc Quận"), a unit of theirs with a line."""
    if task.lead_is_group:
        return _group_reporting_units(user, task)
    leads = list(task.lead_units.all())
    if is_standing_office(user):
        return leads or ([user.unit] if user.unit_id else [])
    if not is_unit_editor(user) or not user.unit_id:
        return []
    return [unit for unit in leads if unit.path.startswith(user.unit.path)]


def _group_reporting_units(user, task: Task) -> list[Unit]:
    units = assigned_units(task)
    if is_standing_office(user):
        return units
    if not is_unit_editor(user) or not user.unit_id:
        return []
    return [unit for unit in units if unit.path.startswith(user.unit.path)]


def expected_units(plan: Plan):
    """Units that owe the council their own plan: the council unit's direct sub-units."""
    if plan.council_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(parent_id=plan.council.unit_id, is_active=True)


def group_units(plan: Plan):
    """The units a group phrase of the plan stands for until the office chooses others:
    the units directly under the council's unit (as `expected_units`)."""
    return expected_units(plan)
