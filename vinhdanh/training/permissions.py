"""Who may do what with training sessions: every check of the app is named here.

The organising council's standing office runs a session; a unit it invited registers its
own people and, after the session, hands in their evaluations. States are not permissions:
what may move where is training.workflows.SESSIONS.
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


def _demo_session():
    from vinhdanh.training.models import TrainingSession

    return TrainingSession.objects.order_by("pk").first()


def _demo_attendee():
    from vinhdanh.training.models import Attendee

    return Attendee.objects.order_by("pk").first()


@rules.predicate
def unit_is_invited(user, session) -> bool:
    """The user's unit, or a unit above it, is among the session's invited units."""
    if session is None:
        return True
    if not user.unit_id:
        return False
    return any(user.unit.path.startswith(unit.path) for unit in session.invited_units.all())


CREATE_SESSION = define("training.create_session", is_standing_office)
MANAGE_SESSION = define(
    "training.manage_session", is_standing_office & may_change, sample=_demo_session
)
REGISTER_ATTENDEES = define(
    "training.register_attendees",
    (is_standing_office & may_change) | (is_unit_editor & may_view & unit_is_invited),
    sample=_demo_session,
)
CHANGE_ATTENDEE = define(
    "training.change_attendee",
    (is_standing_office | is_unit_editor) & may_change,
    sample=_demo_attendee,
)
RECORD_ATTENDANCE = define(
    "training.record_attendance", is_standing_office & may_change, sample=_demo_session
)
SEE_REPORT = define(
    "training.see_report",
    (is_standing_office | is_leader) & may_view,
    sample=_demo_session,
    reads=True,
)
