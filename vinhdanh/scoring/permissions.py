"""Who may do what in a cluster's year: named permissions built from named predicates.

The three scoring stages are three permissions on a scorecard: the unit scores its own card
(`is_own_unit_card`), the head of the card's cluster reviews the other members' cards
(`reviews_card`), the standing office adjusts last. `services.stage_for` asks them in that
order of precedence; pages and services ask the same names.
"""

import rules

from vinhdanh.accounts.predicates import (
    is_cluster_head,
    is_standing_office,
    is_unit_editor,
    may_change,
    may_view,
)
from vinhdanh.org.models import Cluster
from vinhdanh.scoring.models import BallotRound, Covenant, CriteriaSheet, Scorecard
from vinhdanh.workflow.permissions import define


def cluster_of(obj) -> Cluster | None:
    """The cluster a scoring object belongs to: a cluster, sheet, covenant, ballot or card."""
    if obj is None or isinstance(obj, Cluster):
        return obj
    if isinstance(obj, Scorecard):
        return obj.sheet.cluster
    return obj.cluster


def member_ids(cluster: Cluster) -> set[int]:
    # Through `members.all()` so that a page that prefetched the members asks nothing more,
    # however many ballots it lists.
    return {unit.pk for unit in cluster.members.all()}


@rules.predicate
def is_own_unit_card(user, card) -> bool:
    """The card is the user's own unit's (not a sub-unit's: each unit scores itself)."""
    return card is not None and bool(user.unit_id) and card.unit_id == user.unit_id


def _heads(user, obj) -> bool:
    cluster = cluster_of(obj)
    return cluster is not None and bool(user.unit_id) and cluster.head_id == user.unit_id


@rules.predicate
def heads_cluster(user, obj) -> bool:
    """The user's unit heads the object's cluster."""
    return _heads(user, obj)


@rules.predicate
def reviews_card(user, card) -> bool:
    """The user's unit heads the card's cluster and the card is another member's."""
    return card is not None and _heads(user, card) and card.unit_id != user.unit_id


@rules.predicate
def unit_in_cluster(user, obj) -> bool:
    """The user's unit is a member of the object's cluster."""
    cluster = cluster_of(obj)
    return cluster is not None and bool(user.unit_id) and user.unit_id in member_ids(cluster)


def _cluster():
    return Cluster.objects.get(year=2021, code="cum-1")


def _card():
    return Scorecard.objects.select_related("sheet__cluster").get(
        sheet__cluster__year=2021, sheet__cluster__code="cum-1", unit__code="phuong-hoang-liet"
    )


def _sheet():
    return CriteriaSheet.objects.select_related("cluster").get(cluster=_cluster())


def _covenant():
    return Covenant.objects.select_related("cluster").get(cluster=_cluster())


def _ballot():
    # The demo votes in cluster 2 only; Hoàng Liệt's cluster 1 is asked about an unsaved round,
    # which is all the predicates read (its cluster).
    return BallotRound(cluster=_cluster(), title="Suy tôn")


# Units score themselves; the cluster head reviews the others; the office adjusts last.
own_card = is_unit_editor & is_own_unit_card & may_change
SCORE_OWN_CARD = define("scoring.score_own_card", own_card, sample=_card)
ATTACH_EVIDENCE = define("scoring.attach_evidence", own_card, sample=_card)
SUBMIT_SCORECARD = define("scoring.submit_scorecard", own_card, sample=_card)
REVIEW_SCORECARD = define(
    "scoring.review_scorecard", is_cluster_head & reviews_card & may_view, sample=_card
)
ADJUST_SCORECARD = define("scoring.adjust_scorecard", is_standing_office, sample=_card)

# The sheet, the rotation and the ballots are the council's office's.
CREATE_SHEET = define("scoring.create_sheet", is_standing_office, sample=_cluster)
SET_SHEET_DEADLINE = define("scoring.set_sheet_deadline", is_standing_office, sample=_sheet)
LOCK_SHEET = define("scoring.lock_sheet", is_standing_office, sample=_sheet)
FINALISE_SHEET = define("scoring.finalise_sheet", is_standing_office, sample=_sheet)
ROTATE_CLUSTER = define("scoring.rotate_cluster", is_standing_office, sample=_cluster)
APPOINT_CLUSTER_HEAD = define("scoring.appoint_cluster_head", is_standing_office, sample=_cluster)
OPEN_BALLOT = define("scoring.open_ballot", is_standing_office, sample=_cluster)
COUNT_BALLOT = define("scoring.count_ballot", is_standing_office, sample=_ballot)
PROPOSE_TITLES = define("scoring.propose_titles", is_standing_office, sample=_ballot)

# The covenant is drafted by the office or the cluster's head, and signed by each member.
SET_COVENANT = define(
    "scoring.set_covenant", is_standing_office | (is_cluster_head & heads_cluster), sample=_cluster
)
SIGN_COVENANT = define("scoring.sign_covenant", is_unit_editor & unit_in_cluster, sample=_covenant)
# One vote per member unit, cast by its officer.
CAST_BALLOT = define("scoring.cast_ballot", is_unit_editor & unit_in_cluster, sample=_ballot)
