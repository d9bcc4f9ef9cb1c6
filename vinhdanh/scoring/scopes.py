"""Scope rules of the clusters' year, registered with accounts.access,
and the view of evidence files."""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.core.files import register_serving_view
from vinhdanh.scoring.models import (
    BallotRound,
    ClusterProposal,
    Covenant,
    CriteriaSheet,
    Scorecard,
    ScoreEvidence,
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
    register_serving_view(
        ScoreEvidence,
        "file",
        lambda item: reverse("scoring:evidence_file", args=[item.score.scorecard_id, item.pk]),
    )
