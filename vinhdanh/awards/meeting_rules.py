"""Pure arithmetic of a council meeting: the quorum and each dossier's count. No database.

A member is counted once: by an online ballot (cast by the member, or recorded per member),
or inside the anonymous counts the secretary enters, the room count for the present members
and the written opinions for the absent ones who sent one.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _


def as_share(value) -> Fraction:
    """0.8, "0.667", Decimal("0.6667"), 2/3 → a fraction; a share typed to three decimals of
    a simple fraction is that fraction (0.667 is 2/3: 6 of 9 members, not 7)."""
    exact = Fraction(str(value)).limit_denominator(10_000)
    simple = exact.limit_denominator(12)
    return simple if abs(simple - exact) < Fraction(1, 1000) else exact


def members_needed(members: int, share) -> int:
    """The least number of members that reaches `share` of `members`."""
    needed = as_share(share) * members
    whole = needed.numerator // needed.denominator
    return whole if whole == needed else whole + 1


def quorum_met(present: int, members: int, share) -> bool:
    return members > 0 and present >= members_needed(members, share)


@dataclass(frozen=True)
class Tally:
    """One dossier's votes at a meeting: what each source brought and who is still missing."""

    members: int  # the whole membership: the threshold is a share of it
    present: int
    written: int  # absent members who gave a written opinion
    online_present: int  # online ballots of present members
    online_written: int  # online ballots of absent members with a written opinion
    room: int  # counted in the room
    written_counted: int  # written opinions entered as a count

    @property
    def present_missing(self) -> int:
        """Present members whose vote is neither online nor in the room count."""
        return max(self.present - self.online_present - self.room, 0)

    @property
    def present_counted(self) -> int:
        return self.online_present + self.room

    def problems(self) -> list[str]:
        """Counts that would count a member twice, in Vietnamese; empty when consistent."""
        errors = []
        if self.online_present + self.room > self.present:
            errors.append(
                _(
                    "Số phiếu kiểm tại phòng họp (%(room)d) cộng số phiếu trực tuyến của "
                    "thành viên có mặt (%(online)d) vượt quá số thành viên có mặt (%(present)d)."
                )
                % {"room": self.room, "online": self.online_present, "present": self.present}
            )
        if self.online_written + self.written_counted > self.written:
            errors.append(
                _(
                    "Số ý kiến bằng văn bản (%(counted)d) cộng số phiếu trực tuyến của thành viên "
                    "vắng mặt (%(online)d) vượt quá số thành viên vắng mặt có ý kiến (%(written)d)."
                )
                % {
                    "counted": self.written_counted,
                    "online": self.online_written,
                    "written": self.written,
                }
            )
        return errors
