"""Scope rules of the clusters' year, registered with accounts.access."""

from django.db.models import Q

from vinhdanh.accounts import access
from vinhdanh.scoring.models import (
    BallotRound,
    ClusterProposal,
    Covenant,
    CriteriaSheet,
    Scorecard,
)


def _member_of(prefix: str):
    def condition(user) -> Q:
        if not user.unit_id:
            return Q(pk__in=[])
        return Q(**{f"{prefix}members__path__startswith": user.unit.path}) | Q(
            **{f"{prefix}head_id": user.unit_id}
        )

    return condition


def register_scoring_scopes() -> None:
    # Cluster-wide records are changed by the council's office only; members see them.
    for model in (Covenant, CriteriaSheet, BallotRound):
        access.register(
            model,
            access.ScopeRule(
                unit_path="cluster__head__path",
                extra_view=_member_of("cluster__"),
                editable_by_unit=False,
            ),
        )
    # The cluster head reviews every member's scorecard and sees the cluster's proposals.
    access.register(Scorecard, access.ScopeRule(unit_path="unit__path", cluster="sheet__cluster"))
    access.register(ClusterProposal, access.ScopeRule(unit_path="unit__path", cluster="cluster"))
