"""The council meeting's workflow as data: draft → open → closed.

Opening needs a quorum of the whole membership present (the `meeting_quorum` setting) and at
least one dossier on the agenda; closing is the service's (services/meetings.py), which first
checks that every present member's vote is counted or that the chair confirmed in writing.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.awards.models import AttendanceStatus, MeetingState
from vinhdanh.workflow.table import Action, Workflow


def meeting_may_open(meeting, actor) -> str | None:
    from vinhdanh.awards.services.meetings import quorum_refusal

    if not meeting.items.exists():
        return _("Chưa có hồ sơ nào trong chương trình phiên họp.")
    return quorum_refusal(meeting)


def meeting_has_quorum(meeting, actor) -> str | None:
    from vinhdanh.awards.services.meetings import quorum_refusal

    return quorum_refusal(meeting)


MEETINGS = Workflow(
    name="awards.meeting",
    states=MeetingState,
    noun=gettext_lazy("phiên họp"),
    history=("awards.MeetingTransition", "meeting"),
    actions={
        "open": Action(
            "open",
            frozenset({MeetingState.DRAFT}),
            (MeetingState.OPEN,),
            "awards.open_meeting",
            gettext_lazy("Khai mạc phiên họp"),
            guard=meeting_may_open,
        ),
        "close": Action(
            "close",
            frozenset({MeetingState.OPEN}),
            (MeetingState.CLOSED,),
            "awards.close_meeting",
            gettext_lazy("Kết thúc phiên họp"),
            guard=meeting_has_quorum,
        ),
    },
)

# Who may take part in the count: present, or absent with a written opinion.
VOTING_ATTENDANCE = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.WRITTEN})
