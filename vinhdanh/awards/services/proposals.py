"""Turning the clusters' leading-unit proposals into draft collective nominations."""

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.awards.models import Nomination, Title
from vinhdanh.awards.services.nominations import create_nomination
from vinhdanh.scoring.selectors import proposals_for_year
from vinhdanh.workflow.permissions import require

REGULAR_BASIS = "thuong_xuyen"


@transaction.atomic
def draft_nominations_from_proposals(actor, *, year: int) -> list[Nomination]:
    """One draft per proposal that has none yet; running it again drafts nothing twice."""
    require(actor, "awards.draft_from_proposals")
    drafted = []
    for proposal in proposals_for_year(year).select_related("unit", "cluster"):
        title = Title.objects.filter(code=proposal.title_code).first()
        if title is None:
            continue
        exists = Nomination.objects.filter(
            collective=proposal.unit, title=title, year=year
        ).exists()
        if exists:
            continue
        drafted.append(
            create_nomination(
                actor,
                collective=proposal.unit,
                title=title,
                basis=title.award_bases.get(code=REGULAR_BASIS),
                year=year,
                event=str(proposal.cluster),
                achievements=_(
                    "Được %(cluster)s bình xét, suy tôn: xếp thứ %(rank)s với %(votes)s phiếu."
                )
                % {
                    "cluster": proposal.cluster.name,
                    "rank": proposal.rank,
                    "votes": proposal.votes,
                },
            )
        )
    return drafted
