"""Who may do what in the awards app: one named permission per action (docs/permissions.md).

Services `require` these, views and templates ask `allows`, the NOMINATIONS and DECISIONS
workflows name them. "Which rows" stays in the scope registry (`may_view`, `may_change`).
"""

import rules
from django.core.exceptions import ValidationError

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role
from vinhdanh.accounts.predicates import (
    has_role,
    is_leader,
    is_standing_office,
    is_unit_editor,
    may_change,
    may_view,
)
from vinhdanh.awards import permissions_meetings  # noqa: F401 (the meetings' permissions)
from vinhdanh.workflow.permissions import define

HOANG_LIET = "phuong-hoang-liet"

# Units propose; the standing office (and admin) may propose for any unit.
is_proposer = has_role(Role.ADMIN, Role.STANDING_OFFICE, Role.UNIT_OFFICER, Role.CLUSTER_HEAD)
# The chairman signs the council's decisions and revokes them.
is_decider = is_leader
# Who prints certificates, sends dossiers up and forwards: the office and the chairman.
is_office_or_decider = is_standing_office | is_decider
# The council's quota table is for those who prepare and take the vote.
is_council_side = has_role(Role.ADMIN, Role.STANDING_OFFICE, Role.LEADER, Role.COUNCIL_MEMBER)
# Who is told on the home page that nominations wait for the council's vote.
follows_the_vote = has_role(Role.COUNCIL_MEMBER, Role.LEADER)


@rules.predicate
def may_create_in(user, unit) -> bool:
    """The unit is one the user may add data for (no unit: some unit)."""
    return unit is None or access.can_create_in(user, unit)


@rules.predicate
def sits_on_the_council(user, vote) -> bool:
    """A member of the council that holds this vote (no vote: of any council)."""
    from vinhdanh.org.models import CouncilMember

    if not getattr(user, "is_authenticated", False):
        return False
    members = CouncilMember.objects.filter(user=user)
    if vote is not None:
        members = members.filter(council_id=vote.council_id)
    return members.exists()


def _acting_council(user):
    from vinhdanh.awards.services.review import council_of

    return council_of(user)


def _to_council_id(submission_id):
    from vinhdanh.awards.models import Submission

    if submission_id is None:
        return None
    return (
        Submission.objects.filter(pk=submission_id).values_list("to_council_id", flat=True).first()
    )


@rules.predicate
def handled_here(user, nomination) -> bool:
    """The dossier is in the hands of the user's council (no dossier: nothing to check).

    A received dossier is the higher council's to handle; the original it copies, once sent
    to a council of the instance, is no longer the higher council's to touch.
    """
    if nomination is None or access.role_of(user) == Role.ADMIN:
        return True
    council_id = getattr(user, "council_id", None)
    if nomination.received_in_id is not None:
        return council_id is not None and _to_council_id(nomination.received_in_id) == council_id
    sent_to = _to_council_id(nomination.submission_id)
    return sent_to is None or sent_to != council_id


@rules.predicate
def is_received_dossier(user, nomination) -> bool:
    return nomination is not None and nomination.received_in_id is not None


@rules.predicate
def beyond_own_authority(user, nomination) -> bool:
    """The user's council may not confer the title today: the dossier has to go up."""
    import datetime

    from django.utils import timezone

    from vinhdanh.awards.authority import may_confer

    if nomination is None:
        return True
    try:
        council = _acting_council(user)
    except ValidationError:
        return True
    today: datetime.date = timezone.localdate()
    return not may_confer(council, nomination.title, today)


@rules.predicate
def sent_outside(user, nomination) -> bool:
    """Sent to a body outside the instance, whose decision is typed in by hand."""
    return nomination is None or _to_council_id(nomination.submission_id) is None


@rules.predicate
def answers_for_council_above(user, nomination) -> bool:
    """The user's council is the one the original was sent to."""
    council_id = getattr(user, "council_id", None)
    if nomination is None:
        return True
    return council_id is not None and _to_council_id(nomination.submission_id) == council_id


def _unit():
    from vinhdanh.org.models import Unit

    return Unit.objects.get(code=HOANG_LIET)


def _nomination():
    from vinhdanh.awards.models import Nomination

    return Nomination.objects.filter(unit__code=HOANG_LIET).order_by("pk").first()


def _received():
    """A dossier received from a council below, once the demo holds one (the 2026 year)."""
    from vinhdanh.awards.models import Nomination

    received = Nomination.objects.filter(received_in__isnull=False).order_by("pk").first()
    return received or _nomination()


def _sent_up():
    from vinhdanh.awards.models import Nomination

    sent = Nomination.objects.filter(submission__to_council__isnull=False).order_by("pk").first()
    return sent or _nomination()


def _batch():
    from vinhdanh.awards.models import Batch

    own = Batch.objects.filter(unit__code=HOANG_LIET).order_by("pk").first()
    return own or Batch.objects.order_by("pk").first()


def _decision():
    from vinhdanh.awards.models import Decision

    return Decision.objects.filter(nominations__unit__code=HOANG_LIET).order_by("pk").first()


def _certificate():
    from vinhdanh.awards.models import Certificate

    return Certificate.objects.filter(nomination__unit__code=HOANG_LIET).order_by("pk").first()


def _vote():
    from vinhdanh.awards.models import CouncilVote

    return CouncilVote.objects.order_by("pk").first()


def _council():
    from vinhdanh.org.models import Council

    return Council.objects.order_by("pk").first()


@rules.predicate
def is_own_council(user, council) -> bool:
    """The council is the user's acting council (no council: the user's own)."""
    if council is None or access.role_of(user) == Role.ADMIN:
        return True
    from vinhdanh.accounts.councils import acting_council

    acting = acting_council(user) if getattr(user, "is_authenticated", False) else None
    return acting is not None and acting.pk == council.pk


# Drafting a dossier and sending it.
define("awards.propose_nomination", is_proposer)
define("awards.create_nomination", is_proposer & may_create_in, sample=_unit)
define("awards.edit_nomination", is_proposer & may_change, sample=_nomination)
define("awards.add_attachment", is_proposer & may_change, sample=_nomination)
define("awards.submit_nomination", is_proposer & may_change, sample=_nomination)
define("awards.resubmit_nomination", is_proposer & may_change, sample=_nomination)
define("awards.create_batch", is_proposer & may_create_in, sample=_unit)
define("awards.submit_batch", is_proposer & may_change, sample=_batch)
define("awards.draft_from_proposals", is_standing_office)

# The standing office's review: appraisal, public notice, objections, the vote's secretariat.
# A received dossier goes back to the council that sent it ("send_back"), not to a unit.
define(
    "awards.return_nomination",
    is_standing_office & may_view & handled_here & ~is_received_dossier,
    sample=_nomination,
)
define(
    "awards.appraise_nomination", is_standing_office & may_view & handled_here, sample=_nomination
)
define(
    "awards.announce_nomination", is_standing_office & may_view & handled_here, sample=_nomination
)
define("awards.answer_objection", is_standing_office & may_view & handled_here, sample=_nomination)
# The name and contact of a person who objected serve only to verify and answer the
# objection, which is the standing office's work; everyone else reads the text alone.
define("awards.see_objection_contact", is_standing_office, reads=True)
define("awards.open_vote", is_standing_office & may_view & handled_here, sample=_nomination)
# The chairman closes too: alone may close while members have not voted, with a reason.
define(
    "awards.close_vote",
    (is_standing_office | is_leader) & may_view & handled_here,
    sample=_nomination,
)
define("awards.confirm_incomplete_vote", is_leader & may_view & handled_here, sample=_nomination)
define("awards.record_ballot", is_standing_office & may_view & handled_here, sample=_nomination)
define("awards.cast_ballot", sits_on_the_council, sample=_vote)
define("awards.view_quota", is_council_side, reads=True)

# Decisions, the higher level, the award ceremony and revocation.
define("awards.decide_nomination", is_decider & may_view & handled_here, sample=_nomination)
# "Trình cấp trên" only when the council may not confer the title itself.
define(
    "awards.forward_nomination",
    is_office_or_decider & may_view & handled_here & beyond_own_authority,
    sample=_nomination,
)
define(
    "awards.record_higher_decision",
    is_standing_office & may_view & handled_here & sent_outside,
    sample=_nomination,
)
# The council above: a received dossier goes back with reasons, and what it did (returned,
# decided) is written on the sender's original.
define(
    "awards.send_back_nomination",
    is_standing_office & may_view & is_received_dossier & handled_here,
    sample=_received,
)
define(
    "awards.report_to_sender",
    is_office_or_decider & may_view & answers_for_council_above,
    sample=_sent_up,
)
define("awards.view_inbox", is_council_side, reads=True)
define("awards.hand_over_award", is_standing_office & may_view & handled_here, sample=_nomination)
define("awards.revoke_award", is_decider & may_view, sample=_nomination)
define("awards.revoke_decision", is_decider & may_view, sample=_decision)
define("awards.revoke_certificate", is_decider & may_view, sample=_certificate)
define("awards.print_certificates", is_office_or_decider & may_view, sample=_decision)
define("awards.export_dossier", is_office_or_decider & may_view, sample=_nomination, reads=True)

# The council's emulation and commendation fund: the office plans it, the council side reads.
define("awards.manage_fund", is_standing_office & is_own_council, sample=_council)
define("awards.view_fund", is_council_side & is_own_council, sample=_council, reads=True)

# What the home page tells each one is waiting for them.
define("awards.track_own_nominations", is_unit_editor, reads=True)
define("awards.follow_votes", follows_the_vote, reads=True)
