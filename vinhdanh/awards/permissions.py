"""Who may do what in the awards app: one named permission per action (docs/permissions.md).

Services `require` these, views and templates ask `allows`, the NOMINATIONS and DECISIONS
workflows name them. "Which rows" stays in the scope registry (`may_view`, `may_change`).
"""

import rules

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


def _unit():
    from vinhdanh.org.models import Unit

    return Unit.objects.get(code=HOANG_LIET)


def _nomination():
    from vinhdanh.awards.models import Nomination

    return Nomination.objects.filter(unit__code=HOANG_LIET).order_by("pk").first()


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
define("awards.return_nomination", is_standing_office & may_view, sample=_nomination)
define("awards.appraise_nomination", is_standing_office & may_view, sample=_nomination)
define("awards.announce_nomination", is_standing_office & may_view, sample=_nomination)
define("awards.answer_objection", is_standing_office & may_view, sample=_nomination)
# The name and contact of a person who objected serve only to verify and answer the
# objection, which is the standing office's work; everyone else reads the text alone.
define("awards.see_objection_contact", is_standing_office)
define("awards.open_vote", is_standing_office & may_view, sample=_nomination)
define("awards.close_vote", is_standing_office & may_view, sample=_nomination)
define("awards.record_ballot", is_standing_office & may_view, sample=_nomination)
define("awards.cast_ballot", sits_on_the_council, sample=_vote)
define("awards.view_quota", is_council_side)

# Decisions, the higher level, the award ceremony and revocation.
define("awards.decide_nomination", is_decider & may_view, sample=_nomination)
define("awards.forward_nomination", is_office_or_decider & may_view, sample=_nomination)
define("awards.record_higher_decision", is_standing_office & may_view, sample=_nomination)
define("awards.hand_over_award", is_standing_office & may_view, sample=_nomination)
define("awards.revoke_award", is_decider & may_view, sample=_nomination)
define("awards.revoke_decision", is_decider & may_view, sample=_decision)
define("awards.revoke_certificate", is_decider & may_view, sample=_certificate)
define("awards.print_certificates", is_office_or_decider & may_view, sample=_decision)
define("awards.export_dossier", is_office_or_decider & may_view, sample=_nomination)

# What the home page tells each one is waiting for them.
define("awards.track_own_nominations", is_unit_editor)
define("awards.follow_votes", follows_the_vote)
