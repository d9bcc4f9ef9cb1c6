"""The awards work in the user's inbox: dossiers waiting for their step, open votes they
have not cast, objections not yet answered.

Which dossiers wait for whom is read from the NOMINATIONS table: an action's source
states are where a dossier waits, and the user's work is the actions whose permission
they hold, so a new step or a moved permission changes the inbox with the table.
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts import access
from vinhdanh.awards import selectors
from vinhdanh.awards.models import Ballot, CouncilVote, Meeting, MeetingState, Objection, State
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.core.inbox import InboxGroup, InboxItem, group
from vinhdanh.workflow.permissions import allows

# (action of NOMINATIONS, the group's words, icon): the steps that are a dossier's next one.
WAITING = [
    ("resubmit", _("Hồ sơ bị trả lại cần bổ sung"), "bi-arrow-return-left"),
    ("submit", _("Hồ sơ dự thảo chưa gửi"), "bi-pencil-square"),
    ("appraise", _("Hồ sơ chờ thẩm định"), "bi-clipboard-check"),
    ("announce", _("Hồ sơ chờ công khai lấy ý kiến"), "bi-megaphone"),
    ("open_vote", _("Hồ sơ chờ đưa ra Hội đồng bỏ phiếu"), "bi-people"),
    ("close_vote", _("Phiên bỏ phiếu chờ kết thúc"), "bi-check2-square"),
    ("decide", _("Hồ sơ chờ ban hành quyết định"), "bi-pen"),
    ("hand_over", _("Khen thưởng chờ ghi nhận trao tặng"), "bi-award"),
]
# A draft or a returned dossier is the work of its own unit, or of whoever wrote it, not of
# every office that can see it.
OWN_WORK = {"submit", "resubmit"}
# A dossier the council above returned: the next step is the sender's, to forward it again.
RETURNED_FROM_ABOVE = ("forward", _("Hồ sơ cấp trên trả lại"), "bi-arrow-return-left")


def _nomination_item(nomination) -> InboxItem:
    return InboxItem(
        f"{nomination.title} – {nomination.subject_name}",
        reverse("awards:nomination_detail", args=[nomination.pk]),
        nomination.unit.name,
    )


def _waiting(user, action_name: str, label, icon: str, states) -> InboxGroup | None:
    action = NOMINATIONS.actions[action_name]
    if not allows(user, action.permission):
        return None
    states = sorted(states)
    nominations = selectors.nominations_for(user).filter(state__in=states)
    if action_name in OWN_WORK:
        own = Q(created_by=user)
        if user.unit_id:
            own |= Q(unit_id=user.unit_id)
        nominations = nominations.filter(own)
    url = reverse("awards:nomination_list")
    if len(states) == 1:
        url = f"{url}?state={states[0]}"
    return group(
        # The oldest first, in the order of the (state, year, id) index: by id alone the
        # database walked a province's million dossiers to find five of one state.
        nominations.order_by("year", "pk"),
        key=f"awards.{action_name}",
        label=label,
        url=url,
        icon=icon,
        item=_nomination_item,
    )


def _open_votes(user) -> InboxGroup | None:
    """Open council votes on dossiers the user sees, of a council they sit on, not yet cast."""
    if not allows(user, "awards.cast_ballot"):
        return None
    votes = (
        CouncilVote.objects.filter(
            closed_at__isnull=True,
            council__members__user=user,
            nomination__in=selectors.nominations_for(user).values("pk"),
        )
        .exclude(Exists(Ballot.objects.filter(vote=OuterRef("pk"), member__user=user)))
        .select_related("nomination__title", "nomination__person", "nomination__collective")
        .select_related("nomination__unit")
        .order_by("pk")
    )
    return group(
        votes,
        key="awards.ballot",
        label=_("Phiếu biểu quyết chờ bạn bỏ"),
        url=reverse("awards:vote_list"),
        icon="bi-check2-square",
        item=lambda vote: _nomination_item(vote.nomination),
    )


def _objections(user) -> InboxGroup | None:
    if not allows(user, "awards.answer_objection"):
        return None
    objections = (
        Objection.objects.filter(
            answered_at__isnull=True,
            notice__nomination__in=selectors.nominations_for(user).values("pk"),
        )
        .select_related("notice__nomination")
        .order_by("pk")
    )

    def item(objection) -> InboxItem:
        nomination = objection.notice.nomination
        return InboxItem(
            str(objection),
            reverse("awards:nomination_detail", args=[nomination.pk]),
            str(nomination),
        )

    return group(
        objections,
        key="awards.objection",
        label=_("Ý kiến phản ánh chưa trả lời"),
        url=reverse("awards:nomination_list") + f"?state={State.ANNOUNCED}",
        icon="bi-chat-left-text",
        item=item,
    )


def _meetings(user) -> InboxGroup | None:
    """The council's meetings not yet closed, the earliest first: one held on a past day
    and still open is late (its results and minutes wait)."""
    if not allows(user, "awards.view_meetings"):
        return None
    today = timezone.localdate()
    meetings = access.scope_queryset(
        user, Meeting.objects.exclude(state=MeetingState.CLOSED)
    ).order_by("held_on", "pk")

    def item(meeting) -> InboxItem:
        return InboxItem(
            meeting.title,
            reverse("awards:meeting_detail", args=[meeting.pk]),
            f"{meeting.get_state_display()} · {meeting.held_on:%d/%m/%Y}",
            late=meeting.held_on < today,
        )

    return group(
        meetings,
        key="awards.meeting",
        label=_("Phiên họp Hội đồng chưa kết thúc"),
        url=reverse("awards:meeting_list"),
        icon="bi-calendar-event",
        item=item,
        late=meetings.filter(held_on__lt=today).exists(),
    )


def inbox(user, year: int) -> list[InboxGroup]:
    found = [
        _waiting(user, name, label, icon, NOMINATIONS.actions[name].sources)
        for name, label, icon in WAITING
    ]
    name, label, icon = RETURNED_FROM_ABOVE
    found.append(_waiting(user, name, label, icon, [State.RETURNED_FROM_ABOVE]))
    found += [_meetings(user), _open_votes(user), _objections(user)]
    return [g for g in found if g is not None]
