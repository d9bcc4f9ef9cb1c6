"""Every list and dashboard of the awards app costs the same number of queries for a few rows
as for many: each page is rendered with a few extra rows, then with many more (bulk-created)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vinhdanh.awards import dashboard, paging
from vinhdanh.awards.models import (
    AwardBasis,
    Ballot,
    Batch,
    Certificate,
    Choice,
    CouncilVote,
    Decision,
    DossierComponent,
    Nomination,
    State,
    Title,
    TitleComponent,
)
from vinhdanh.awards.views.upward import INBOX_PAGE
from vinhdanh.core.tests.query_budget import assert_flat, queries
from vinhdanh.org.models import Council, CouncilMember, Person, Unit

pytestmark = pytest.mark.django_db
FEW, MANY = 3, 60
HOANG_LIET = "phuong-hoang-liet"


def _count(client, url, data=None) -> tuple[int, str]:
    count, response = queries(client, url, data)
    return count, response.content.decode()


def _nominations(count, state, *, unit=HOANG_LIET, title="giay_khen", year=2021, **fields):
    unit = Unit.objects.get(code=unit) if isinstance(unit, str) else unit
    people = list(Person.objects.filter(unit=unit).order_by("pk"))
    title = Title.objects.get(code=title)
    basis = title.award_bases.get(code="thuong_xuyen")
    return Nomination.objects.bulk_create(
        Nomination(
            unit=unit, person=people[i % len(people)], title=title, basis=basis, year=year,
            achievements="Thành tích", state=state, **fields,
        )
        for i in range(count)
    )  # fmt: skip


def _same_cost(client, url, grow, data=None, *, marker=None):
    assert_flat(client, url, grow, few=FEW, many=MANY, data=data, marker=marker)


def _same_cost_paged(client, url, grow, data=None, *, marker, size=None):
    """A keyset list: a few rows, then more than a page; the page fills and costs the same.

    `marker` is a piece of HTML each row of the page carries once."""
    client.get(url, data or {})
    grow(FEW)
    few, page = _count(client, url, data)
    grow(MANY)
    many, full = _count(client, url, data)
    assert page.count(marker) >= 1 and full.count(marker) == (size or paging.PAGE_SIZE)
    assert 'data-testid="next-page"' in full
    assert few == many, f"{url}: {few} queries with a few rows, {many} with a full page"
    return full


def test_the_nomination_list(client, demo_user):
    for username in ("thuongtruc", "chutich"):
        client.force_login(demo_user(username))
        _same_cost_paged(
            client,
            reverse("awards:nomination_list"),
            lambda n: _nominations(n, State.VOTED),
            {"year": 2021, "state": "voted"},
            marker='name="nominations"',
        )


def test_the_nomination_list_of_a_unit(client, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    _same_cost_paged(
        client,
        reverse("awards:nomination_list"),
        lambda n: _nominations(n, State.DRAFT),
        {"state": "draft", "year": 2021},
        marker='data-testid="state"',
    )


def _open_votes(count):
    council = Council.objects.order_by("pk").first()
    member = CouncilMember.objects.get(user__username="uyvien")
    votes = CouncilVote.objects.bulk_create(
        CouncilVote(
            nomination=nomination, council=council, members_count=council.members.count(),
            threshold=Decimal("0.5"), strictly_above=True,
        )
        for nomination in _nominations(count, State.VOTING)
    )  # fmt: skip
    # The member voted on every other one: both "Đồng ý" and "Chưa bỏ phiếu" rows show.
    Ballot.objects.bulk_create(
        Ballot(vote=vote, member=member, choice=Choice.AGREE) for vote in votes[::2]
    )


def test_the_vote_list(client, demo_user):
    """It used to read each nomination's vote and the member's ballot row by row."""
    client.force_login(demo_user("uyvien"))
    _same_cost_paged(
        client, reverse("awards:vote_list"), _open_votes, marker='data-testid="vote-row"'
    )


def test_the_vote_list_shows_the_members_own_ballot(client, demo_user):
    client.force_login(demo_user("uyvien"))
    _open_votes(2)
    page = client.get(reverse("awards:vote_list")).content.decode()
    assert "Đồng ý" in page and "Chưa bỏ phiếu" in page


def _decisions(count):
    issuer = Unit.objects.get(code="hoang-mai")
    Decision.objects.bulk_create(
        Decision(
            issuer=issuer, year=2040, number=Decision.objects.count() + i + 1,
            signed_on=datetime.date(2040, 1, 2), subject=f"Quyết định thử {i}",
            state="revoked" if i % 2 else "issued",
        )
        for i in range(count)
    )  # fmt: skip


def test_the_decision_list(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    _same_cost(client, reverse("awards:decision_list"), _decisions, marker="Quyết định thử")


def test_the_certificates_of_a_decision(client, demo_user):
    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()

    def certificates(count):
        Certificate.objects.bulk_create(
            Certificate(
                nomination=nomination, decision=decision, recipient=f"Người nhận {nomination.pk}",
                title_name="Giấy khen",
            )
            for nomination in _nominations(count, State.DECIDED, decision=decision)
        )  # fmt: skip

    client.force_login(demo_user("thuongtruc"))
    _same_cost(
        client,
        reverse("awards:decision_detail", args=[decision.pk]),
        certificates,
        marker="Người nhận",
    )


def test_the_batch_list(client, demo_user):
    unit = Unit.objects.get(code=HOANG_LIET)

    def batches(count):
        Batch.objects.bulk_create(
            Batch(unit=unit, year=2040, name=f"Đợt thử {i}") for i in range(count)
        )
        _nominations(count, State.DRAFT)  # drafts offered for a new batch

    client.force_login(demo_user("thuongtruc"))
    url = reverse("awards:batch_list")
    client.get(url)
    batches(FEW)
    few, _ = _count(client, url, None)
    batches(MANY)
    many, full = _count(client, url, None)
    assert few == many, f"{url}: {few} queries with a few batches, {many} with a full page"
    # Newest first, a page of 50: the 63 batches of 2040 fill it and go on to page 2.
    assert full.count("Đợt thử") == 50 and "page=2" in full


def test_the_nominations_of_a_batch(client, demo_user):
    batch = Batch.objects.create(unit=Unit.objects.get(code=HOANG_LIET), year=2021, name="Đợt")
    client.force_login(demo_user("thuongtruc"))
    _same_cost(
        client,
        reverse("awards:batch_detail", args=[batch.pk]),
        lambda n: _nominations(n, State.DRAFT, batch=batch),
        marker='data-testid="state"',
    )


def test_the_public_list(client, demo):
    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()

    def public(count):
        _nominations(count, State.ANNOUNCED)
        _nominations(count, State.DECIDED, decision=decision)

    _same_cost_paged(
        client, reverse("awards:public_list"), public, {"year": 2021}, marker='data-testid="state"'
    )


def test_the_quota_page_over_more_units(client, demo_user):
    """Its rows are units: a few units' proposals, then many more units'."""
    wards = list(Unit.objects.filter(code__startswith="phuong-").order_by("pk"))
    used = iter(wards)

    def proposals(count):
        for _ in range(min(count, 6)):
            _nominations(2, State.SUBMITTED, unit=next(used), title="chien_si_thi_dua_co_so")

    client.force_login(demo_user("uyvien"))
    url = reverse("awards:quota")
    proposals(2)
    few, page = _count(client, url, {"year": 2021})
    proposals(12)
    many, more = _count(client, url, {"year": 2021})
    assert more.count("<tr") > page.count("<tr")
    assert few == many


def test_the_title_catalogue(client, demo_user):
    basis = AwardBasis.objects.get(code="thuong_xuyen")
    component = DossierComponent.objects.order_by("pk").first()

    def titles(count):
        start = Title.objects.count()
        made = Title.objects.bulk_create(
            Title(
                code=f"thu-{start + i}", name=f"Danh hiệu thử {start + i}", kind="emulation_title"
            )
            for i in range(count)
        )
        Title.award_bases.through.objects.bulk_create(
            Title.award_bases.through(title_id=t.pk, awardbasis_id=basis.pk) for t in made
        )
        TitleComponent.objects.bulk_create(
            TitleComponent(title=t, component=component) for t in made
        )

    client.force_login(demo_user("thuongtruc"))
    _same_cost(client, reverse("awards:title_list"), titles, marker="Danh hiệu thử")


def test_a_persons_award_history(client, demo_user):
    person = Person.objects.filter(unit__code=HOANG_LIET).order_by("pk").first()
    decision = Decision.objects.filter(number__isnull=False).order_by("pk").first()

    def awards(count):
        unit = person.unit
        title = Title.objects.get(code="giay_khen")
        Nomination.objects.bulk_create(
            Nomination(
                unit=unit, person=person, title=title, basis=title.award_bases.first(),
                year=2000 + i % 20, achievements="x", state=State.DECIDED, decision=decision,
            )
            for i in range(count)
        )  # fmt: skip

    client.force_login(demo_user("thuongtruc"))
    _same_cost(
        client, reverse("awards:person_history", args=[person.pk]), awards, marker="Giấy khen"
    )


@pytest.mark.parametrize("username", ["thuongtruc", "chutich", "uyvien", "canbo.hoangliet"])
def test_the_dashboard_cards(demo_user, username):
    user = demo_user(username)

    def cost():
        with CaptureQueriesContext(connection) as queries:
            cards = dashboard.cards(user)
        return len(queries), sum(card.value for card in cards)

    cost()  # the user's unit is read once, then kept on the user
    for state in (State.SUBMITTED, State.VOTING, State.VOTED, State.RETURNED, State.DRAFT):
        _nominations(FEW, state)
    few, waiting = cost()
    for state in (State.SUBMITTED, State.VOTING, State.VOTED, State.RETURNED, State.DRAFT):
        _nominations(MANY, state)
    many, more_waiting = cost()
    assert more_waiting > waiting and few == many


def test_the_inbox_of_received_dossiers(client, demo):
    """Submissions and their dossiers in a fixed number of queries, however many arrive."""
    from vinhdanh.awards.models import Submission
    from vinhdanh.awards.tests.two_levels import build

    levels = build()
    ward_unit = levels.ward.unit

    def arrive(count):
        for _ in range(count // 3 or 1):
            submission = Submission.objects.create(
                from_council=levels.ward, to_council=levels.city, letter_number="01/TTr"
            )
            originals = _nominations(3, State.FORWARDED, unit=ward_unit, submission=submission)
            Nomination.objects.bulk_create(
                Nomination(
                    unit=ward_unit, person=o.person, title=o.title, basis=o.basis, year=o.year,
                    achievements="Thành tích", state=State.SUBMITTED, forwarded_from=o,
                    received_in=submission,
                )
                for o in originals
            )  # fmt: skip

    Person.objects.create(code="tm-q", full_name="Trần Văn Q", unit=ward_unit, gender="male")
    client.force_login(levels.city_office)
    full = _same_cost_paged(
        client, reverse("awards:inbox"), arrive, marker='data-testid="submission"', size=INBOX_PAGE
    )
    assert full.count('data-testid="received-dossier"') == INBOX_PAGE * 3
