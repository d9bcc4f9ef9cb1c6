"""The cluster's year outside scoring: covenant, rotation, secret ballot, proposals."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.years import check_year
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import heads, rules, selectors
from vinhdanh.scoring import permissions as perms
from vinhdanh.scoring.models import (
    Ballot,
    BallotCast,
    BallotRound,
    BallotState,
    ClusterProposal,
    Covenant,
    CovenantSignature,
)
from vinhdanh.scoring.workflows import BALLOTS
from vinhdanh.workflow.engine import lock, transition
from vinhdanh.workflow.permissions import require

# The leading unit is proposed for the province's emulation flag, the next ones for its
# certificate of merit (Hà Nội practice for district clusters).
PROPOSED_TITLES = [
    ("co_thi_dua_tinh", "Cờ thi đua của UBND Thành phố"),
    ("bang_khen_tinh", "Bằng khen của UBND Thành phố"),
]


# -- covenant -----------------------------------------------------------------
@transaction.atomic
def set_covenant(actor, cluster: Cluster, *, text: str, signed_on=None) -> Covenant:
    require(actor, perms.SET_COVENANT, cluster)
    if not text.strip():
        raise ValidationError(_("Nội dung giao ước không được để trống."))
    covenant, _created = Covenant.objects.get_or_create(cluster=cluster, defaults={"text": text})
    if covenant.signatures.exists() and covenant.text != text.strip():
        raise ValidationError(_("Giao ước đã có đơn vị ký, không sửa nội dung được nữa."))
    before = snapshot(covenant)
    covenant.text = text.strip()
    covenant.signed_on = signed_on
    covenant.save()
    record(
        actor=actor,
        action="scoring.covenant.set",
        instance=covenant,
        before=before,
        after=snapshot(covenant),
    )
    return covenant


@transaction.atomic
def confirm_covenant(actor, covenant: Covenant) -> CovenantSignature:
    """The actor's unit confirms (signs) the cluster's covenant, once."""
    require(actor, perms.SIGN_COVENANT, covenant)
    if CovenantSignature.objects.filter(covenant=covenant, unit_id=actor.unit_id).exists():
        raise ValidationError(_("Đơn vị đã xác nhận giao ước này."))
    signature = CovenantSignature.objects.create(
        covenant=covenant, unit_id=actor.unit_id, confirmed_by=actor
    )
    record(
        actor=actor,
        action="scoring.covenant.confirm",
        instance=signature,
        after=snapshot(signature),
    )
    return signature


# -- rotation -----------------------------------------------------------------
@transaction.atomic
def rotate_cluster(actor, cluster: Cluster, year: int) -> Cluster:
    """Next year's cluster: same members, the deputy becomes head, the next member deputy."""
    require(actor, perms.ROTATE_CLUSTER, cluster)
    check_year(year)
    if Cluster.objects.filter(council=cluster.council, year=year, code=cluster.code).exists():
        raise ValidationError(_("Cụm này đã có cho năm %(year)d.") % {"year": year})
    members = list(cluster.members.order_by("sort_key"))
    head = cluster.deputy or (members[0] if members else None)
    others = [m for m in members if m != head and m.pk != cluster.head_id]
    deputy = others[0] if others else None
    new = Cluster.objects.create(
        council=cluster.council,
        year=year,
        code=cluster.code,
        name=cluster.name,
        head=head,
        deputy=deputy,
    )
    new.members.set(members)
    new.followers.set(cluster.followers.all())
    record(actor=actor, action="scoring.cluster.rotate", instance=new, after=snapshot(new))
    heads.hand_over(actor, new, cluster.head)
    return new


@transaction.atomic
def appoint_cluster_head(actor, cluster: Cluster, unit) -> Cluster:
    """The office names a member unit head of the cluster; its officers get the head's rights."""
    require(actor, perms.APPOINT_CLUSTER_HEAD, cluster)
    # The cluster's own row is locked (its head may be empty: not the joined ones).
    locked = Cluster.objects.select_for_update(of=("self",)).select_related("head", "council")
    cluster = locked.get(pk=cluster.pk)
    if unit is None or not cluster.members.filter(pk=unit.pk).exists():
        raise ValidationError(_("Cụm trưởng phải là một đơn vị thành viên của cụm."))
    if cluster.head_id == unit.pk:
        raise ValidationError(_("Đơn vị này đã là cụm trưởng của cụm."))
    before = snapshot(cluster)
    old_head = cluster.head
    cluster.head = unit
    if cluster.deputy_id == unit.pk:
        # A unit is not its own deputy: the office names a new deputy in the admin if needed.
        cluster.deputy = None
    cluster.save(update_fields=["head", "deputy"])
    record(
        actor=actor,
        action="scoring.cluster.appoint_head",
        instance=cluster,
        before=before,
        after=snapshot(cluster),
    )
    heads.hand_over(actor, cluster, old_head)
    return cluster


# -- secret ballot ------------------------------------------------------------
@transaction.atomic
def open_ballot(
    actor,
    cluster: Cluster,
    *,
    title: str,
    opens_at,
    closes_at,
    seats: int = 2,
    threshold_percent: int = 50,
) -> BallotRound:
    require(actor, perms.OPEN_BALLOT, cluster)
    if closes_at <= opens_at:
        raise ValidationError(_("Thời điểm đóng bỏ phiếu phải sau thời điểm mở."))
    if not 1 <= seats <= 10 or not 0 <= threshold_percent < 100:
        raise ValidationError(_("Số đơn vị suy tôn hoặc tỷ lệ phiếu không hợp lệ."))
    members = cluster.members.count()
    ballot = BallotRound.objects.create(
        cluster=cluster,
        title=title,
        opens_at=opens_at,
        closes_at=closes_at,
        seats=seats,
        threshold_percent=threshold_percent,
        member_count=members,
        rule_text=rules.count_rule(threshold_percent, members, seats),
    )
    record(actor=actor, action="scoring.ballot.open", instance=ballot, after=snapshot(ballot))
    return ballot


@transaction.atomic
def cast_ballot(actor, ballot: BallotRound, unit_ids: list[int]) -> None:
    """One vote per member unit; the paper is stored apart from who cast it."""
    # The round is locked as a transition locks it, so a count waits for the votes being cast.
    ballot = lock(BALLOTS, BallotRound.objects.get(pk=ballot.pk))
    cluster = ballot.cluster
    require(actor, perms.CAST_BALLOT, ballot)
    if not ballot.accepts_votes():
        raise ValidationError(
            _("Ngoài thời gian bỏ phiếu (từ %(start)s đến %(end)s).")
            % {
                "start": timezone.localtime(ballot.opens_at).strftime("%H:%M %d/%m/%Y"),
                "end": timezone.localtime(ballot.closes_at).strftime("%H:%M %d/%m/%Y"),
            }
        )
    chosen = set(unit_ids)
    if len(chosen) > ballot.seats:
        raise ValidationError(_("Chỉ được chọn tối đa %(seats)d đơn vị.") % {"seats": ballot.seats})
    units = list(cluster.members.filter(pk__in=chosen))
    if len(units) != len(chosen):
        raise ValidationError(_("Chỉ được chọn các đơn vị thành viên của cụm."))
    try:
        with transaction.atomic():
            cast = BallotCast.objects.create(
                round=ballot, voter_unit_id=actor.unit_id, cast_by=actor
            )
    except IntegrityError:
        raise ValidationError(_("Đơn vị của bạn đã bỏ phiếu trong đợt này.")) from None
    paper = Ballot.objects.create(round=ballot)
    paper.choices.set(units)
    # The audit entry records that the unit voted, never what it chose.
    record(actor=actor, action="scoring.ballot.cast", instance=cast, after=snapshot(cast))


@transaction.atomic
def count_ballot(actor, ballot: BallotRound, *, expected_version: int | None = None):
    # Locked before the papers are read, so no vote lands between reading and counting.
    require(actor, perms.COUNT_BALLOT, ballot)
    ballot = lock(BALLOTS, ballot, expected_version)
    papers = _papers(ballot)
    sheet = getattr(ballot.cluster, "criteria_sheet", None)
    order = [row.key for row in selectors.ranking(sheet)] if sheet else []
    rows = rules.tally(
        papers,
        member_count=ballot.member_count,
        threshold_percent=ballot.threshold_percent,
        seats=ballot.seats,
        ranking_order=order,
    )
    return transition(
        BALLOTS,
        actor,
        ballot,
        "count",
        note=_("%(n)d phiếu") % {"n": len(papers)},
        result=[{"unit": r.unit, "votes": r.votes, "elected": r.elected} for r in rows],
        counted_at=timezone.now(),
    )


def _papers(ballot: BallotRound) -> list[list[int]]:
    """Each paper's chosen units, in one query (papers that chose nobody count as empty)."""
    chosen: dict = {paper: [] for paper in ballot.papers.values_list("pk", flat=True)}
    for paper, unit in Ballot.choices.through.objects.filter(ballot__round=ballot).values_list(
        "ballot_id", "unit_id"
    ):
        chosen[paper].append(unit)
    return list(chosen.values())


@transaction.atomic
def propose_titles(actor, ballot: BallotRound) -> list[ClusterProposal]:
    """Proposals for the elected units: the first for the flag, the others a certificate."""
    require(actor, perms.PROPOSE_TITLES, ballot)
    if ballot.state != BallotState.COUNTED:
        raise ValidationError(_("Cần kiểm phiếu trước khi đề nghị khen thưởng."))
    elected = [row for row in ballot.result if row["elected"]]
    if not elected:
        raise ValidationError(_("Không có đơn vị nào đạt số phiếu suy tôn."))
    cluster = ballot.cluster
    replaced = list(cluster.proposals.all())
    if replaced:
        # The former proposals give way to these: one entry for all of them.
        record(
            actor=actor,
            action="scoring.proposal.replace",
            instance=cluster,
            before={"proposals": [snapshot(p) for p in replaced]},
            note=_("%(n)d đề nghị được thay") % {"n": len(replaced)},
        )
        cluster.proposals.all().delete()
    proposals = []
    for position, row in enumerate(elected, start=1):
        code, name = PROPOSED_TITLES[0] if position == 1 else PROPOSED_TITLES[1]
        proposal = ClusterProposal.objects.create(
            cluster=cluster,
            unit_id=row["unit"],
            year=cluster.year,
            title_code=code,
            title_name=name,
            rank=position,
            votes=row["votes"],
        )
        record(
            actor=actor,
            action="scoring.proposal.create",
            instance=proposal,
            after=snapshot(proposal),
        )
        proposals.append(proposal)
    return proposals
