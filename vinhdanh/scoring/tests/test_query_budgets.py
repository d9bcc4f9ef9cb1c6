"""Every scoring list and dashboard page asks the database as often with many rows as with few.

Each page is rendered with the demo plus a few rows of each kind it lists, then again with
many more (member units with scored cards, votes, proposals, rounds, past years, criteria),
and the two query counts must be equal: a count that grows with the rows is an N+1.
"""

import datetime
from decimal import Decimal
from itertools import count

import pytest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.org.models import Cluster, Unit
from vinhdanh.scoring.models import (
    BallotCast,
    BallotRound,
    ClusterProposal,
    CovenantSignature,
    CriteriaSheet,
    Criterion,
    Score,
    Scorecard,
    ScoreEvidence,
    Section,
)

pytestmark = pytest.mark.django_db
FEW, MANY = 3, 60
_serial = count()
_years = count(1000)  # past years of the demo's cluster, far from the demo's own


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


def _new_units(n: int) -> list[Unit]:
    ward = Unit.objects.get(code="phuong-hoang-liet")
    units = []
    for _ in range(n):
        i = next(_serial)
        units.append(
            Unit(
                code=f"don-vi-thu-{i}",
                name=f"Đơn vị thử {i}",
                kind=ward.kind,
                level=ward.level,
                parent=ward.parent,
                path=f"{ward.parent.path}9{i:05d}/",
                sort_key=f"zz{i:05d}",
            )
        )
    return Unit.objects.bulk_create(units)


def _grow(cluster: Cluster, n: int) -> None:
    """`n` more of everything the cluster's pages list."""
    units = _new_units(n)
    cluster.members.add(*units)
    sheet = CriteriaSheet.objects.get(cluster=cluster)
    criteria = list(Criterion.objects.filter(section__sheet=sheet))
    cards = Scorecard.objects.bulk_create(
        [Scorecard(sheet=sheet, unit=unit, state="reviewed") for unit in units]
    )
    Score.objects.bulk_create(
        [
            Score(scorecard=card, criterion=c, self_points=Decimal(1), version=1)
            for card in cards
            for c in criteria
        ]
    )
    CovenantSignature.objects.bulk_create(
        [CovenantSignature(covenant=cluster.covenant, unit=unit) for unit in units]
    )
    now = timezone.now()
    rounds = BallotRound.objects.bulk_create(
        [
            BallotRound(
                cluster=cluster,
                title=f"Đợt {unit.code}",
                opens_at=now - datetime.timedelta(days=1),
                closes_at=now + datetime.timedelta(days=1),
                member_count=10,
            )
            for unit in units
        ]
        + [
            BallotRound(
                cluster=cluster,
                title=f"Đợt đã kiểm {unit.code}",
                opens_at=now - datetime.timedelta(days=3),
                closes_at=now - datetime.timedelta(days=2),
                member_count=10,
                state="counted",
                counted_at=now,
                result=[{"unit": unit.pk, "votes": 3, "elected": True}],
            )
            for unit in units
        ]
    )
    BallotCast.objects.bulk_create(
        [BallotCast(round=r, voter_unit=u) for r, u in zip(rounds, units, strict=False)]
    )
    ClusterProposal.objects.bulk_create(
        [
            ClusterProposal(
                cluster=cluster,
                unit=unit,
                year=cluster.year,
                title_code="bang_khen_tinh",
                title_name="Bằng khen của UBND Thành phố",
                rank=index + 2,
                votes=3,
            )
            for index, unit in enumerate(units)
        ]
    )
    # Past years of the same cluster, each with its sheet (the page's history).
    past = Cluster.objects.bulk_create(
        [
            Cluster(
                council=cluster.council,
                year=next(_years),
                code=cluster.code,
                name=cluster.name,
                head=cluster.head,
            )
            for _ in range(n)
        ]
    )
    Cluster.members.through.objects.bulk_create(
        [Cluster.members.through(cluster=c, unit=u) for c in past for u in units[:2]]
    )
    CriteriaSheet.objects.bulk_create([CriteriaSheet(cluster=c, title=c.name) for c in past])


def _grow_card(card: Scorecard, n: int) -> None:
    """`n` more criteria on the card's sheet, scored, each with an evidence file."""
    sheet = card.sheet
    section = Section.objects.create(sheet=sheet, order=90 + next(_serial), title="Thêm")
    criteria = Criterion.objects.bulk_create(
        [
            Criterion(
                section=section,
                order=i,
                code=f"9.{next(_serial)}",
                text="Tiêu chí thêm",
                max_points=Decimal(5),
                kind="standard",
                evidence_required=True,
            )
            for i in range(n)
        ]
    )
    scores = Score.objects.bulk_create(
        [Score(scorecard=card, criterion=c, self_points=Decimal(2), version=1) for c in criteria]
    )
    ScoreEvidence.objects.bulk_create(
        [ScoreEvidence(score=s, file="scoring/evidence/x.txt", name="x.txt") for s in scores]
    )


def _same_with_more(client, url: str, grow) -> None:
    assert_flat(client, url, grow, few=FEW, many=MANY)


def test_the_cluster_page_with_a_voted_round_and_a_finalised_sheet(client, demo_user):
    cum2 = Cluster.objects.get(year=2021, code="cum-2")
    client.force_login(demo_user("thuongtruc"))
    _same_with_more(
        client, reverse("scoring:cluster_year", args=[cum2.pk]), lambda n: _grow(cum2, n)
    )


def test_the_cluster_list(client, cum1, demo_user):
    client.force_login(demo_user("thuongtruc"))
    _same_with_more(client, reverse("scoring:cluster_list"), lambda n: _grow(cum1, n))


@pytest.mark.parametrize("username", ["thuongtruc", "canbo.hoangliet", "cumtruong"])
def test_a_scorecard_with_many_criteria(client, cum1, demo_user, username):
    card = Scorecard.objects.get(sheet__cluster=cum1, unit__code="phuong-hoang-liet")
    # Open for scoring, so every stage's form is on the page.
    CriteriaSheet.objects.filter(pk=card.sheet_id).update(deadline=None)
    client.force_login(demo_user(username))
    page = client.get(reverse("scoring:scorecard", args=[card.pk])).content.decode()
    assert 'data-testid="save-scores"' in page
    _same_with_more(
        client, reverse("scoring:scorecard", args=[card.pk]), lambda n: _grow_card(card, n)
    )


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("scoring:ranking_xlsx", []),
        ("scoring:report_docx", ["end"]),
        ("scoring:covenant_docx", []),
    ],
)
def test_the_ranking_and_the_reports(client, cum1, demo_user, name, extra):
    client.force_login(demo_user("thuongtruc"))
    _same_with_more(client, reverse(name, args=[cum1.pk, *extra]), lambda n: _grow(cum1, n))


def test_the_proposals_api(client, cum1, demo_user):
    client.force_login(demo_user("thuongtruc"))
    _same_with_more(client, reverse("scoring:api-proposal-list"), lambda n: _grow(cum1, n))
