"""Who reports on a task and who owes the council a plan: reading only.

The reports and the units' plans are written by `plans.services`.
"""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import Plan, Task


def reporting_units(user, task: Task) -> list[Unit]:
    """Units the user may report for on this task: a lead unit of theirs, or any unit when
    the plan gives the task to a group ("Các đơn vị thuộc Quận")."""
    leads = list(task.lead_units.all())
    if is_standing_office(user):
        return leads or ([user.unit] if user.unit_id else [])
    if not is_unit_editor(user) or not user.unit_id:
        return []
    own = [unit for unit in leads if unit.path.startswith(user.unit.path)]
    if own:
        return own
    return [user.unit] if task.lead_is_group else []


def expected_units(plan: Plan):
    """Units that owe the council their own plan: the council unit's direct sub-units."""
    if plan.council_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(parent_id=plan.council.unit_id, is_active=True)
