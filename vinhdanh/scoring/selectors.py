"""Reading the clusters' year: scores, ranking, proposals, performance over years."""

from collections import defaultdict

from django.db.models import Count, Prefetch, QuerySet

from vinhdanh.accounts import access
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import rules
from vinhdanh.scoring.models import ClusterProposal, CriteriaSheet, Score, Scorecard


def clusters_for(user, year: int | None = None) -> QuerySet:
    clusters = access.scope_queryset(user, Cluster.objects.select_related("head", "deputy"))
    return clusters.filter(year=year) if year else clusters


def scorecards_for(user, sheet: CriteriaSheet) -> QuerySet:
    return access.scope_queryset(user, sheet.scorecards.select_related("unit"))


def totals_of(scores, stage_field: str | None = None) -> rules.Totals:
    """Totals of scores already read (with their criteria), effective or of one stage."""
    items = []
    for score in scores:
        points = score.effective_points if stage_field is None else getattr(score, stage_field)
        items.append((score.criterion.kind, points, score.criterion.max_points))
    return rules.totals(items)


def card_totals(card: Scorecard, stage_field: str | None = None) -> rules.Totals:
    """Totals of one card, from its effective points or from one stage's points."""
    return totals_of(card.scores.select_related("criterion"), stage_field)


def _rankings(sheets: list[CriteriaSheet]) -> dict[int, list[rules.RankRow]]:
    """Each sheet's ranking, read in two queries however many sheets and units."""
    by_card: dict[int, list] = defaultdict(list)
    scores = Score.objects.filter(scorecard__sheet__in=sheets).select_related("criterion")
    for score in scores:
        by_card[score.scorecard_id].append(score)
    rows: dict[int, list] = {sheet.pk: [] for sheet in sheets}
    cards = Scorecard.objects.filter(sheet__in=sheets).select_related("unit")
    for card in cards:
        row = rules.RankRow(card.unit_id, card.unit.sort_key, totals_of(by_card[card.pk]))
        # The unit's own totals too: the reports print them beside the final ones.
        row.extra = {
            "unit": card.unit,
            "card": card,
            "self_totals": totals_of(by_card[card.pk], "self_points"),
        }
        rows[card.sheet_id].append(row)
    return {sheet_id: rules.rank(sheet_rows) for sheet_id, sheet_rows in rows.items()}


def ranking(sheet: CriteriaSheet) -> list[rules.RankRow]:
    """Member units ranked on their effective (last adjusted) points."""
    return _rankings([sheet])[sheet.pk]


def proposals_for_year(year: int) -> QuerySet:
    """Titles proposed for the clusters' leading units in `year` (for draft nominations).

    Each row has `unit`, `title_code` (rules catalogue id), `title_name`, `rank`,
    `votes`, `cluster`, `year`.
    """
    return ClusterProposal.objects.filter(year=year).select_related("unit", "cluster")


def cluster_history(cluster: Cluster) -> list[dict]:
    """The same cluster (by code) in every year: leading unit, member count, best total."""
    same = list(
        Cluster.objects.filter(council_id=cluster.council_id, code=cluster.code)
        .annotate(member_count=Count("members", distinct=True))
        .prefetch_related(
            Prefetch("proposals", queryset=ClusterProposal.objects.select_related("unit"))
        )
        .order_by("year")
    )
    sheets = {s.cluster_id: s for s in CriteriaSheet.objects.filter(cluster__in=same)}
    rankings = _rankings(list(sheets.values())) if sheets else {}
    history = []
    for each in same:
        sheet = sheets.get(each.pk)
        ranked = rankings[sheet.pk] if sheet else []
        history.append(
            {
                "cluster": each,
                "members": each.member_count,
                "leader": ranked[0].extra["unit"] if ranked else None,
                "best": ranked[0].totals.total if ranked else None,
                "average": (sum(r.totals.total for r in ranked) / len(ranked)) if ranked else None,
                "proposals": list(each.proposals.all()),
            }
        )
    return history
