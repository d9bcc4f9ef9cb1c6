"""Council meetings: create, put dossiers on the agenda, attendance, open, counts, close.

One function per action, each in a transaction, with its permission check and audit entry.
The meeting's states move through `workflows_meetings.MEETINGS`; each dossier's vote is the
nomination's own (`services.review.open_vote` / `close_vote`), so a dossier voted at a meeting
follows the same workflow as one voted outside it.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.meeting_rules import members_needed, quorum_met
from vinhdanh.awards.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Ballot,
    Choice,
    CouncilVote,
    Meeting,
    MeetingState,
    Nomination,
    State,
)
from vinhdanh.awards.services import counting
from vinhdanh.awards.services.review import close_vote, council_of, open_vote
from vinhdanh.awards.workflows_meetings import MEETINGS, VOTING_ATTENDANCE
from vinhdanh.org.models import CouncilMember
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import allows, require

# Where a dossier may be put to a meeting: after the public notice, or not passed (re-vote).
AGENDA_STATES = frozenset({State.ANNOUNCED, State.NOT_APPROVED})
PENDING_MEETING_STATES = (MeetingState.DRAFT, MeetingState.OPEN)


def quorum_refusal(meeting: Meeting) -> str | None:
    """Why the meeting lacks a quorum of the whole membership present; None when it has one."""
    members = meeting.council.members.count()
    if not members:
        return _("Hội đồng chưa có thành viên.")
    share, note = counting.quorum_share(meeting.council)
    present = meeting.attendance.filter(status=AttendanceStatus.PRESENT).count()
    if quorum_met(present, members, share):
        return None
    return _(
        "Chưa đủ số thành viên có mặt: %(present)d/%(members)d, cần ít nhất %(needed)d (%(note)s)."
    ) % {
        "present": present,
        "members": members,
        "needed": members_needed(members, share),
        "note": note,
    }


@transaction.atomic
def create_meeting(
    actor,
    *,
    title: str,
    held_on: datetime.date,
    place: str = "",
    chair: CouncilMember | None = None,
    secretary: str = "",
) -> Meeting:
    require(actor, "awards.create_meeting")
    council = council_of(actor)
    if not title.strip():
        raise ValidationError({"title": _("Cần nhập tên phiên họp.")})
    if chair is not None and chair.council_id != council.pk:
        raise ValidationError({"chair": _("Người chủ trì phải là thành viên Hội đồng.")})
    meeting = Meeting.objects.create(
        council=council,
        title=title.strip(),
        held_on=held_on,
        place=place.strip(),
        chair=chair,
        secretary=secretary.strip(),
        created_by=actor,
    )
    # Everyone starts absent: the secretary marks who is there, so no quorum is assumed.
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, member=member, status=AttendanceStatus.ABSENT)
        for member in council.members.order_by("pk")
    )
    record(actor=actor, action="awards.meeting.create", instance=meeting, after=snapshot(meeting))
    return meeting


def _pending_elsewhere(nomination, meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(items__nomination=nomination, state__in=PENDING_MEETING_STATES)
        .exclude(pk=meeting.pk)
        .first()
    )


@transaction.atomic
def add_to_agenda(actor, meeting: Meeting, nomination: Nomination) -> AgendaItem:
    """Put a dossier to the meeting; at an open meeting its vote opens at once."""
    require(actor, "awards.manage_meeting", meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state == MeetingState.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if not allows(actor, "awards.open_vote", nomination):
        raise PermissionDenied(_("Hồ sơ này không thuộc Hội đồng của bạn."))
    if nomination.state not in AGENDA_STATES:
        raise ValidationError(
            _(
                "Chỉ đưa ra phiên họp hồ sơ đã công khai lấy ý kiến hoặc hồ sơ chưa được "
                "thông qua (bỏ phiếu lại); hồ sơ này đang ở trạng thái “%s”."
            )
            % nomination.get_state_display()
        )
    if meeting.items.filter(nomination=nomination).exists():
        raise ValidationError(_("Hồ sơ đã có trong chương trình phiên họp này."))
    other = _pending_elsewhere(nomination, meeting)
    if other is not None:
        raise ValidationError(
            _("Hồ sơ đã có trong chương trình phiên họp “%s” chưa kết thúc.") % other
        )
    item = AgendaItem.objects.create(meeting=meeting, nomination=nomination)
    record(actor=actor, action="awards.meeting.agenda_add", instance=item, after=snapshot(item))
    if meeting.state == MeetingState.OPEN:
        _open_item(actor, item)
    return item


@transaction.atomic
def remove_from_agenda(actor, item: AgendaItem) -> None:
    require(actor, "awards.manage_meeting", item.meeting)
    if item.meeting.state != MeetingState.DRAFT:
        raise ValidationError(_("Chỉ bỏ hồ sơ khỏi chương trình trước khi khai mạc."))
    record(actor=actor, action="awards.meeting.agenda_remove", instance=item, before=snapshot(item))
    item.delete()


def _open_item(actor, item: AgendaItem) -> None:
    try:
        vote = open_vote(actor, item.nomination)
    except ValidationError as refusal:
        raise ValidationError(
            _("Hồ sơ “%(dossier)s”: %(reason)s")
            % {"dossier": item.nomination, "reason": " ".join(refusal.messages)}
        ) from None
    item.vote = vote
    item.save(update_fields=["vote"])


def _check_counts(meeting: Meeting, attendance: dict[int, str]) -> None:
    """No member counted twice, nobody absent with a ballot, on each open vote."""
    errors = []
    for item in meeting.items.select_related("vote", "nomination").filter(
        vote__closed_at__isnull=True, vote__isnull=False
    ):
        ballots = counting.ballots_of(item.vote)
        absent = [
            m
            for m in ballots
            if attendance.get(m, AttendanceStatus.ABSENT) not in VOTING_ATTENDANCE
        ]
        if absent:
            names = ", ".join(
                str(m.person)
                for m in CouncilMember.objects.filter(pk__in=absent).select_related("person")
            )
            errors.append(
                _("Hồ sơ “%(dossier)s”: %(names)s đã bỏ phiếu nên không thể ghi vắng mặt.")
                % {"dossier": item.nomination, "names": names}
            )
        for problem in counting.tally(item, attendance, ballots).problems():
            errors.append(
                _("Hồ sơ “%(dossier)s”: %(problem)s")
                % {"dossier": item.nomination, "problem": problem}
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def set_attendance(actor, meeting: Meeting, statuses: dict[int, str]) -> Meeting:
    """`statuses`: council member id → present / written / absent."""
    require(actor, "awards.manage_meeting", meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state == MeetingState.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc: không sửa được danh sách tham dự."))
    if any(status not in AttendanceStatus.values for status in statuses.values()):
        raise ValidationError(_("Tình trạng tham dự không hợp lệ."))
    members = set(meeting.council.members.values_list("pk", flat=True))
    if not set(statuses) <= members:
        raise ValidationError(_("Người này không phải thành viên Hội đồng."))
    before = counting.attendance_of(meeting)
    for member_id, status in statuses.items():
        Attendance.objects.update_or_create(
            meeting=meeting, member_id=member_id, defaults={"status": status}
        )
    after = counting.attendance_of(meeting)
    _check_counts(meeting, after)
    record(
        actor=actor,
        action="awards.meeting.attendance",
        instance=meeting,
        before={"attendance": {str(k): v for k, v in before.items()}},
        after={"attendance": {str(k): v for k, v in after.items()}},
    )
    return meeting


@transaction.atomic
def open_meeting(actor, meeting: Meeting, *, expected_version=None) -> Meeting:
    """Open the meeting (quorum and agenda checked by the workflow) and every dossier's vote."""
    require(actor, "awards.open_meeting", meeting)
    current = lock(MEETINGS, meeting, expected_version)
    share, note = counting.quorum_share(current.council)
    present = current.attendance.filter(status=AttendanceStatus.PRESENT).count()
    current = transition(
        MEETINGS,
        actor,
        current,
        "open",
        note=_("Có mặt %(present)d/%(members)d thành viên")
        % {"present": present, "members": current.council.members.count()},
        members_count=current.council.members.count(),
        quorum=share,
        quorum_note=note,
        opened_at=timezone.now(),
    )
    for item in current.items.select_related("nomination").order_by("pk"):
        _open_item(actor, item)
    return current


def _open_vote_of(item: AgendaItem) -> CouncilVote:
    if item.meeting.state != MeetingState.OPEN:
        raise ValidationError(_("Chỉ biểu quyết trong khi phiên họp đang diễn ra."))
    if item.vote_id is None:
        raise ValidationError(_("Hồ sơ chưa được đưa ra bỏ phiếu."))
    vote = CouncilVote.objects.select_for_update().get(pk=item.vote_id)
    if not vote.is_open:
        raise ValidationError(_("Phiên bỏ phiếu đã kết thúc."))
    return vote


def _count(value) -> int:
    if value is None or value == "":
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Số phiếu phải là số nguyên không âm.")) from None
    if number < 0:
        raise ValidationError(_("Số phiếu phải là số nguyên không âm."))
    return number


COUNT_FIELDS = (
    "room_agree",
    "room_disagree",
    "room_abstain",
    "written_agree",
    "written_disagree",
    "written_abstain",
)


@transaction.atomic
def record_count(actor, item: AgendaItem, **counts) -> AgendaItem:
    """The secretary's count for one dossier: the ballots counted in the room (present members
    who did not vote online) and the written opinions of absent members."""
    require(actor, "awards.manage_meeting", item.meeting)
    unknown = set(counts) - set(COUNT_FIELDS)
    if unknown:
        raise ValueError(f"unknown counts {sorted(unknown)}")
    item = AgendaItem.objects.select_related("meeting", "nomination").get(pk=item.pk)
    Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _open_vote_of(item)
    before = snapshot(item)
    for name in COUNT_FIELDS:
        setattr(item, name, _count(counts.get(name, 0)))
    item.recorded_by = actor
    item.save()
    attendance = counting.attendance_of(item.meeting)
    problems = counting.tally(item, attendance, counting.ballots_of(item.vote)).problems()
    if problems:
        raise ValidationError(problems)
    record(
        actor=actor,
        action="awards.meeting.count",
        instance=item,
        before=before,
        after=snapshot(item),
    )
    return item


@transaction.atomic
def vote_online(actor, item: AgendaItem, *, choice: str) -> Ballot:
    """A member's own vote on a dossier while the meeting is open."""
    item = AgendaItem.objects.select_related("meeting", "nomination").get(pk=item.pk)
    meeting = item.meeting
    if not allows(actor, "awards.vote_in_meeting", meeting):
        raise PermissionDenied(_("Chỉ thành viên Hội đồng được bỏ phiếu."))
    if choice not in Choice.values:
        raise ValidationError(_("Lựa chọn không hợp lệ."))
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    vote = _open_vote_of(item)
    member = CouncilMember.objects.get(user=actor, council_id=meeting.council_id)
    attendance = counting.attendance_of(meeting)
    if attendance.get(member.pk) not in VOTING_ATTENDANCE:
        raise ValidationError(
            _(
                "Bạn đang được ghi là vắng mặt tại phiên họp: đề nghị thư ký cập nhật danh sách "
                "tham dự trước khi bỏ phiếu."
            )
        )
    ballot, _created = Ballot.objects.update_or_create(
        vote=vote, member=member, defaults={"choice": choice}
    )
    problems = counting.tally(item, attendance, counting.ballots_of(vote)).problems()
    if problems:
        raise ValidationError(
            [
                *problems,
                _(
                    "Phiếu của bạn đã được tính trong số phiếu thư ký ghi nhận; đề nghị thư ký "
                    "điều chỉnh số phiếu trước khi bạn bỏ phiếu trực tuyến."
                ),
            ]
        )
    record(actor=actor, action="awards.meeting.ballot", instance=ballot, after=snapshot(ballot))
    return ballot


def missing_at(meeting: Meeting) -> list[str]:
    """For each open vote of the meeting, who present has not voted (messages)."""
    missing = []
    for item in meeting.items.select_related("vote", "nomination", "meeting").filter(
        vote__isnull=False, vote__closed_at__isnull=True
    ):
        count, names = counting.missing_votes(item.vote, item)
        if count:
            missing.append(counting.missing_message(item.nomination, count, names))
    return missing


@transaction.atomic
def close_meeting(
    actor, meeting: Meeting, *, override_reason: str = "", expected_version=None
) -> Meeting:
    """Close every dossier's vote and the meeting.

    Refused while present members have neither voted online nor been counted, unless the
    chair (the council's chairman) confirms with a written reason.
    """
    require(actor, "awards.close_meeting", meeting)
    current = lock(MEETINGS, meeting, expected_version)
    missing = missing_at(current)
    reason = override_reason.strip()
    if missing:
        if not allows(actor, "awards.confirm_incomplete_count", current):
            raise ValidationError(
                [
                    *missing,
                    _(
                        "Chưa thể kết thúc phiên họp: cần ghi nhận phiếu của các thành viên có "
                        "mặt, hoặc người chủ trì (Chủ tịch Hội đồng) xác nhận kết thúc với lý do "
                        "bằng văn bản."
                    ),
                ]
            )
        if not reason:
            raise ValidationError(
                {
                    "override_reason": [
                        *missing,
                        _("Cần ghi rõ lý do kết thúc khi còn thành viên chưa biểu quyết."),
                    ]
                }
            )
    for item in current.items.select_related("vote", "nomination").order_by("pk"):
        if item.vote_id and item.vote.is_open:
            close_vote(actor, item.vote, override_reason=reason if missing else "")
    note = ""
    if missing:
        note = " ".join(missing) + " " + _("Người chủ trì xác nhận kết thúc, lý do: %s") % reason
    return transition(
        MEETINGS,
        actor,
        current,
        "close",
        note=note,
        closed_at=timezone.now(),
        close_reason=reason if missing else "",
    )
