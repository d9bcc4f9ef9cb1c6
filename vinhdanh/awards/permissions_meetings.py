"""Who may do what with council meetings (loaded by awards/permissions.py)."""

import rules

from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import has_role, is_leader, is_standing_office, may_view
from vinhdanh.workflow.permissions import define

is_council_side = has_role(Role.ADMIN, Role.STANDING_OFFICE, Role.LEADER, Role.COUNCIL_MEMBER)


@rules.predicate
def sits_on_meeting_council(user, meeting) -> bool:
    """A member of the council holding the meeting (no meeting: of any council)."""
    from vinhdanh.org.models import CouncilMember

    if not getattr(user, "is_authenticated", False):
        return False
    members = CouncilMember.objects.filter(user=user)
    if meeting is not None:
        members = members.filter(council_id=meeting.council_id)
    return members.exists()


@rules.predicate
def of_acting_council(user, meeting) -> bool:
    """The meeting is the acting council's (the instance administrator: every council's)."""
    from vinhdanh.accounts import access
    from vinhdanh.accounts.councils import acting_council

    if meeting is None or access.role_of(user) == Role.ADMIN:
        return True
    council = acting_council(user)
    return council is not None and council.pk == meeting.council_id


def _meeting():
    from vinhdanh.awards.models import Meeting

    return Meeting.objects.order_by("pk").first()


define("awards.view_meetings", is_council_side, reads=True)
define("awards.create_meeting", is_standing_office)
# The secretariat: agenda, attendance, the counts from the room, opening.
define("awards.manage_meeting", is_standing_office & may_view & of_acting_council, sample=_meeting)
define("awards.open_meeting", is_standing_office & may_view & of_acting_council, sample=_meeting)
# The secretary closes; the chair (the council's chairman) too, and only the chair may close
# while present members have not voted, with a written reason.
define(
    "awards.close_meeting",
    (is_standing_office | is_leader) & may_view & of_acting_council,
    sample=_meeting,
)
define(
    "awards.confirm_incomplete_count",
    is_leader & may_view & of_acting_council,
    sample=_meeting,
)
define("awards.vote_in_meeting", sits_on_meeting_council & may_view, sample=_meeting)
