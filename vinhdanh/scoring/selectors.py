"""Reading the clusters' year: scores, ranking, proposals, performance over years."""

from collections import defaultdict

from django.db.models import QuerySet

from vinhdanh.accounts import access
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import rules
from vinhdanh.scoring.models import ClusterProposal, CriteriaSheet, Score, Scorecard


def clusters_for(user, year: int | None = None) -> QuerySet:
    clusters = access.scope_queryset(user, Cluster.objects.select_related("head", "deputy"))
    return clusters.filter(year=year) if year else clusters


def scorecards_for(user, sheet: CriteriaSheet) -> QuerySet:
    return access.scope_queryset(user, sheet.scorecards.select_related("unit"))


def card_totals(card: Scorecard, stage_field: str | None = None) -> rules.Totals:
    """Totals of one card, from its effective points or from one stage's points."""
    items = []
    for score in card.scores.select_related("criterion"):
        points = score.effective_points if stage_field is None else getattr(score, stage_field)
        items.append((score.criterion.kind, points, score.criterion.max_points))
    return rules.totals(items)


def ranking(sheet: CriteriaSheet) -> list[rules.RankRow]:
    """Member units ranked on their effective (last adjusted) points."""
    by_card: dict[int, list] = defaultdict(list)
    scores = Score.objects.filter(scorecard__sheet=sheet).select_related("criterion")
    for score in scores:
        by_card[score.scorecard_id].append(
            (score.criterion.kind, score.effective_points, score.criterion.max_points)
        )
    rows = []
    for card in sheet.scorecards.select_related("unit"):
        row = rules.RankRow(card.unit_id, card.unit.sort_key, rules.totals(by_card[card.pk]))
        row.extra = {"unit": card.unit, "card": card}
        rows.append(row)
    return rules.rank(rows)


def proposals_for_year(year: int) -> QuerySet:
    """Titles proposed for the clusters' leading units in `year` (for draft nominations).

    Each row has `unit`, `title_code` (rules catalogue id), `title_name`, `rank`,
    `votes`, `cluster`, `year`.
    """
    return ClusterProposal.objects.filter(year=year).select_related("unit", "cluster")


def cluster_history(cluster: Cluster) -> list[dict]:
    """The same cluster (by code) in every year: leading unit, member count, best total."""
    history = []
    same = Cluster.objects.filter(council=cluster.council, code=cluster.code).order_by("year")
    for each in same:
        sheet = CriteriaSheet.objects.filter(cluster=each).first()
        ranked = ranking(sheet) if sheet else []
        history.append(
            {
                "cluster": each,
                "members": each.members.count(),
                "leader": ranked[0].extra["unit"] if ranked else None,
                "best": ranked[0].totals.total if ranked else None,
                "average": (sum(r.totals.total for r in ranked) / len(ranked)) if ranked else None,
                "proposals": list(each.proposals.select_related("unit")),
            }
        )
    return history
