"""Who holds the cluster head's rights: the officers of the unit that heads a cluster.

The role is a seat (`accounts.Membership`): appointing a head (a page action of the standing
office) or rotating the cluster to next year gives the new head unit's officers the
cluster head's role in the cluster's council, and takes it from the old head unit's officers
once their unit heads no cluster still being scored (one whose criteria sheet is not
finalised), so a head finishing this year's review keeps the rights to finish it.
"""

from vinhdanh.accounts.models import Membership, Role, User
from vinhdanh.audit.services import record, snapshot
from vinhdanh.org.models import Cluster, Unit
from vinhdanh.scoring.models import CriteriaSheet, SheetState


def heads_open_cluster(council, unit: Unit) -> bool:
    """The unit heads a cluster of the council whose scoring is not finalised."""
    finalised = CriteriaSheet.objects.filter(state=SheetState.FINALISED).values("cluster_id")
    return Cluster.objects.filter(council=council, head=unit).exclude(pk__in=finalised).exists()


def _move_seats(actor, council, unit: Unit, source: str, target: str) -> list[Membership]:
    """Every seat of `unit`'s officers in `council` with role `source` becomes `target`."""
    moved = []
    seats = Membership.objects.filter(council=council, unit=unit, role=source).select_related(
        "user"
    )
    for seat in seats:
        before = snapshot(seat)
        twin = Membership.objects.filter(user=seat.user, council=council, unit=unit, role=target)
        if twin.exists():
            seat.delete()
        else:
            seat.role = target
            seat.save(update_fields=["role"])
        record(
            actor=actor,
            action="scoring.cluster_head.grant"
            if target == Role.CLUSTER_HEAD
            else "scoring.cluster_head.revoke",
            instance=seat.user,
            before=before,
            after={"council": council.pk, "unit": unit.pk, "role": target},
        )
        # The account's own fields are its default seat: they follow when they were this one.
        User.objects.filter(pk=seat.user_id, unit=unit, role=source).update(role=target)
        moved.append(seat)
    return moved


def hand_over(actor, cluster: Cluster, old_head: Unit | None) -> None:
    """After `cluster.head` changed from `old_head`: the rights follow the head."""
    council = cluster.council
    if cluster.head_id:
        _move_seats(actor, council, cluster.head, Role.UNIT_OFFICER, Role.CLUSTER_HEAD)
    moved_away = old_head is not None and old_head.pk != cluster.head_id
    if moved_away and not heads_open_cluster(council, old_head):
        _move_seats(actor, council, old_head, Role.CLUSTER_HEAD, Role.UNIT_OFFICER)
