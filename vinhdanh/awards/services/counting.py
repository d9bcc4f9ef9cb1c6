"""Reading a vote's count: online ballots plus, at a meeting, the counts the secretary entered.

Shared by the vote's closing (services/review.py) and the meetings (services/meetings.py).
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from vinhdanh.awards.meeting_rules import Tally, as_share, members_needed
from vinhdanh.awards.models import AgendaItem, AttendanceStatus, Choice, CouncilVote
from vinhdanh.org.models import CouncilMember
from vinhdanh.rules.provincial import config_for


def quorum_share(council) -> tuple[Decimal, str]:
    """The `meeting_quorum` setting of the council's province, and the note said with it."""
    config = config_for(council.unit)
    share = as_share(config.get("meeting_quorum"))
    note = _("Có mặt từ %(share)s tổng số thành viên Hội đồng (tham số meeting_quorum)") % {
        "share": _fraction_label(share)
    }
    if config.unconfirmed("meeting_quorum"):
        note += " – " + _("giá trị mặc định, chưa có quy định chung: tỉnh cần xác nhận")
    return Decimal(share.numerator) / Decimal(share.denominator), note


def _fraction_label(share) -> str:
    if share.denominator in (3, 4) or share == as_share("0.5"):
        return f"{share.numerator}/{share.denominator}"
    return f"{float(share) * 100:.0f}%"


def threshold_for(title, council) -> tuple[Decimal, bool, str]:
    """The share of the whole membership that must agree, from the settings page.

    A title's own share (`vote_thresholds`) must be reached; without one the agree votes must
    exceed `vote_default_threshold` (a plain majority by default). Both read the council's
    province's values, so what the standing office sets on the rule-settings page applies.
    """
    config = config_for(council.unit if council is not None else None)
    own = config.vote_threshold(title.code)
    if own is not None:
        note = _("Tỷ lệ cấu hình cho “%s” (trên tổng số thành viên Hội đồng)") % title.name
        if config.unconfirmed("vote_thresholds"):
            note += " – " + _("giá trị mặc định, chưa xác nhận")
        return Decimal(f"{float(own):.3f}"), False, note
    share = config.share("vote_default_threshold")
    note = _("Quá %s tổng số thành viên Hội đồng") % _fraction_label(share)
    return Decimal(f"{float(share):.3f}"), True, note


def attendance_of(meeting) -> dict[int, str]:
    return dict(meeting.attendance.values_list("member_id", "status"))


def tally(item: AgendaItem, attendance: dict[int, str], ballots: dict[int, str]) -> Tally:
    """`ballots`: member id → choice of the item's online ballots."""
    present = {m for m, s in attendance.items() if s == AttendanceStatus.PRESENT}
    written = {m for m, s in attendance.items() if s == AttendanceStatus.WRITTEN}
    members = item.vote.members_count if item.vote_id else len(attendance)
    return Tally(
        members=members,
        present=len(present),
        written=len(written),
        online_present=len(present & ballots.keys()),
        online_written=len(written & ballots.keys()),
        room=item.room_total,
        written_counted=item.written_total,
    )


def ballots_of(vote: CouncilVote) -> dict[int, str]:
    return dict(vote.ballots.values_list("member_id", "choice"))


def totals(vote: CouncilVote, ballots: dict[int, str], item: AgendaItem | None) -> dict:
    counted = {choice: 0 for choice in Choice.values}
    for choice in ballots.values():
        counted[choice] += 1
    if item is not None:
        counted[Choice.AGREE] += item.room_agree + item.written_agree
        counted[Choice.DISAGREE] += item.room_disagree + item.written_disagree
        counted[Choice.ABSTAIN] += item.room_abstain + item.written_abstain
    return counted


def item_of(vote: CouncilVote) -> AgendaItem | None:
    return AgendaItem.objects.select_related("meeting").filter(vote=vote).first()


def missing_votes(vote: CouncilVote, item: AgendaItem | None = None) -> tuple[int, list[str]]:
    """How many members expected to vote have not, and the names of those known by name.

    At a meeting these are the present members (the room count stands for some of them,
    without names); on a vote outside a meeting, every member of the council.
    """
    ballots = ballots_of(vote)
    if item is not None:
        attendance = attendance_of(item.meeting)
        count = tally(item, attendance, ballots).present_missing
        named = [
            m for m, s in attendance.items() if s == AttendanceStatus.PRESENT and m not in ballots
        ]
        if item.room_total:
            named = []
    else:
        named = list(
            CouncilMember.objects.filter(council_id=vote.council_id)
            .exclude(pk__in=ballots.keys())
            .values_list("pk", flat=True)
        )
        count = len(named)
    names = [
        str(m.person)
        for m in CouncilMember.objects.filter(pk__in=named).select_related("person").order_by("pk")
    ]
    return count, names


def missing_message(nomination, count: int, names: list[str]) -> str:
    text = _("Hồ sơ “%(dossier)s”: còn %(count)d thành viên chưa biểu quyết") % {
        "dossier": nomination,
        "count": count,
    }
    if names:
        text += " (" + ", ".join(names) + ")"
    return text + "."


__all__ = ["members_needed", "quorum_share", "threshold_for"]
