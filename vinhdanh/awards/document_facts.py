"""What the awards documents say about the round: the meetings that passed the dossiers,
the tờ trình that proposed them, the council and its chairman. Reads only.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from vinhdanh.awards.models import AttendanceStatus, CouncilVote, Meeting
from vinhdanh.org.models import Council, CouncilRole


def chairman_of(council) -> str:
    if council is None:
        return ""
    member = council.members.filter(role=CouncilRole.CHAIRMAN).select_related("person").first()
    return member.person.full_name if member else ""


def council_of_unit(unit):
    return Council.objects.filter(unit_id=unit.pk).select_related("standing_office").first()


TTR = "TTr"


def issuer_symbol(unit) -> str:
    """The issuer's part of a symbol: UBND for a People's Committee, else its short name."""
    if unit.kind in ("government", "ward"):
        return "UBND"
    return (unit.short_name or "").upper().replace(" ", "") or "UBND"


def letter_number(typed: str, symbol: str) -> str:
    """'05' -> '05/TTr-UBND'; a number typed with its symbol stays as typed; none leaves
    room for the văn thư's number: '     /TTr-UBND'."""
    typed = (typed or "").strip()
    if "/" in typed:
        return typed
    if typed.isdigit():
        return f"{int(typed):02d}/{TTR}-{symbol}"
    if typed:
        return f"{typed}/{TTR}-{symbol}"
    return f"     /{TTR}-{symbol}"


def short_date(day) -> str:
    return f"{day:%d/%m/%Y}"


@dataclass(frozen=True)
class MeetingFacts:
    """One sitting of the council, as a letter or a decision names it."""

    council: str
    held_on: datetime.date
    present: int | None  # None: the votes were not taken in a recorded meeting
    members: int
    passed: int
    not_passed: int
    lowest_share: float | None
    highest_share: float | None

    @property
    def sentence(self) -> str:
        """'phiên họp ngày 15/12/2021 của Hội đồng … (có mặt 9/11 thành viên), thông qua 12
        hồ sơ, tỷ lệ đồng ý từ 81,8% đến 100%'."""
        where = (
            f"phiên họp ngày {short_date(self.held_on)} của {self.council}"
            if self.present is not None
            else f"kết quả biểu quyết ngày {short_date(self.held_on)} của {self.council}"
        )
        if self.present is not None:
            where += f" (có mặt {self.present}/{self.members} thành viên)"
        parts = [f"thông qua {self.passed} hồ sơ"]
        if self.not_passed:
            parts.append(f"không thông qua {self.not_passed} hồ sơ")
        if self.lowest_share is not None:
            low, high = _pct(self.lowest_share), _pct(self.highest_share)
            parts.append(
                f"tỷ lệ đồng ý {low} tổng số thành viên"
                if low == high
                else f"tỷ lệ đồng ý từ {low} đến {high} tổng số thành viên"
            )
        return f"{where}: {', '.join(parts)}"


def _pct(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def meetings_that_passed(nominations, council=None) -> list[MeetingFacts]:
    """The sittings whose votes decided these dossiers (the last closed vote of each),
    grouped by meeting, else by the day the vote closed."""
    ids = [n.pk for n in nominations]
    votes = CouncilVote.objects.filter(nomination_id__in=ids, closed_at__isnull=False)
    if council is not None:
        votes = votes.filter(council=council)
    latest = {}
    for vote in votes.select_related("council", "agenda_item__meeting").order_by("pk"):
        latest[vote.nomination_id] = vote
    groups: dict = {}
    for vote in latest.values():
        item = vote.agenda_item if hasattr(vote, "agenda_item") else None
        meeting = item.meeting if item is not None else None
        key = ("m", meeting.pk) if meeting else ("d", vote.council_id, _day(vote.closed_at))
        groups.setdefault(key, (meeting, []))[1].append(vote)
    meeting_ids = [meeting.pk for meeting, _v in groups.values() if meeting]
    present = _present_counts(meeting_ids)
    facts = []
    for meeting, group in groups.values():
        shares = [v.agree / v.members_count for v in group if v.members_count]
        facts.append(
            MeetingFacts(
                council=group[0].council.name,
                held_on=meeting.held_on if meeting else _day(group[0].closed_at),
                present=present.get(meeting.pk, 0) if meeting else None,
                members=(meeting.members_count if meeting and meeting.members_count else None)
                or group[0].members_count,
                passed=sum(1 for v in group if v.passed),
                not_passed=sum(1 for v in group if not v.passed),
                lowest_share=min(shares) if shares else None,
                highest_share=max(shares) if shares else None,
            )
        )
    return sorted(facts, key=lambda f: f.held_on)


def _present_counts(meeting_ids) -> dict[int, int]:
    counts: dict[int, int] = {}
    for meeting in Meeting.objects.filter(pk__in=meeting_ids).prefetch_related("attendance"):
        counts[meeting.pk] = sum(
            1 for row in meeting.attendance.all() if row.status == AttendanceStatus.PRESENT
        )
    return counts


def _day(moment) -> datetime.date:
    return timezone.localtime(moment).date()


@dataclass(frozen=True)
class ProposalLetter:
    """A tờ trình that proposed some of a decision's recipients."""

    sender: str
    number: str
    day: datetime.date | None

    @property
    def text(self) -> str:
        number = f"Tờ trình số {self.number}" if self.number else "Tờ trình"
        day = f" ngày {short_date(self.day)}" if self.day else ""
        return f"{self.sender} tại {number}{day}"


def _typed(number: str) -> str:
    """A number left for the văn thư ("     /TTr-UBND") is not cited."""
    return "" if number.startswith(" ") else number


def proposal_letters(nominations) -> list[ProposalLetter]:
    """The batches' and submissions' letters the dossiers came with, once each."""
    seen = {}
    for nomination in nominations:
        submission = getattr(nomination, "received_in", None) if nomination.received_in_id else None
        if submission is not None:
            key = ("s", submission.pk)
            unit = submission.from_council.unit
            number = letter_number(submission.letter_number, issuer_symbol(unit))
            letter = ProposalLetter(unit.name, _typed(number), _day(submission.created_at))
        elif nomination.batch_id:
            batch = nomination.batch
            key = ("b", batch.pk)
            day = _day(batch.submitted_at) if batch.submitted_at else None
            number = letter_number(batch.letter_number, issuer_symbol(batch.unit))
            letter = ProposalLetter(batch.unit.name, _typed(number), day)
        else:
            continue
        seen.setdefault(key, letter)
    return list(seen.values())
