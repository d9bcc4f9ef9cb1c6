"""The work inbox ("Việc cần làm") on the home page: each role sees what waits for its own
step, each item links to its page, counts are capped, and the cost does not grow with rows."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.awards.models import (
    Ballot,
    Choice,
    CouncilVote,
    Nomination,
    Objection,
    PublicNotice,
    State,
    Title,
)
from vinhdanh.core import inbox as core_inbox
from vinhdanh.core.inbox import InboxGroup
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.movements.models import Registration, RegistrationState
from vinhdanh.org.models import CouncilMember, Person, Unit
from vinhdanh.plans.models import Plan, Task

pytestmark = pytest.mark.django_db
HOANG_LIET = "phuong-hoang-liet"


def _nominations(count, state, *, unit=HOANG_LIET, **fields):
    unit = Unit.objects.get(code=unit)
    people = list(Person.objects.filter(unit=unit).order_by("pk"))
    title = Title.objects.get(code="giay_khen")
    basis = title.award_bases.get(code="thuong_xuyen")
    return Nomination.objects.bulk_create(
        Nomination(
            unit=unit,
            person=people[i % len(people)],
            title=title,
            basis=basis,
            year=2021,
            achievements="Thành tích",
            state=state,
            **fields,
        )
        for i in range(count)
    )


def _inbox(client, user, **params) -> dict[str, InboxGroup]:
    client.force_login(user)
    response = client.get(reverse("home:index"), params)
    return {group.key: group for group in response.context["inbox"]}


def _urls(group: InboxGroup) -> set[str]:
    return {item.url for item in group.items}


def test_the_office_sees_a_dossier_waiting_for_appraisal_and_its_link(client, demo_user):
    (nomination,) = _nominations(1, State.SUBMITTED)
    office = demo_user("thuongtruc")
    groups = _inbox(client, office)
    waiting = groups["awards.appraise"]
    assert waiting.label == "Hồ sơ chờ thẩm định"
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    assert detail in _urls(waiting) or waiting.more
    html = client.get(reverse("home:index")).content.decode()
    assert "Việc cần làm" in html and "Hồ sơ chờ thẩm định" in html
    # The link opens the dossier, and the appraisal is offered there.
    page = client.get(detail)
    assert page.status_code == 200 and 'data-testid="step-appraise"' in page.content.decode()


def test_a_unit_officer_is_not_given_the_offices_steps(client, demo_user):
    _nominations(1, State.SUBMITTED)
    groups = _inbox(client, demo_user("canbo.hoangliet"))
    assert not {"awards.appraise", "awards.announce", "awards.open_vote"} & set(groups)


def test_a_returned_dossier_waits_for_its_own_unit_only(client, demo_user):
    (returned,) = _nominations(1, State.RETURNED)
    own = _inbox(client, demo_user("canbo.hoangliet"))
    assert reverse("awards:nomination_detail", args=[returned.pk]) in _urls(own["awards.resubmit"])
    other = _inbox(client, demo_user("canbo.dinhcong"))
    group = other.get("awards.resubmit")
    assert group is None or reverse("awards:nomination_detail", args=[returned.pk]) not in _urls(
        group
    )


def test_a_returned_registration_waits_for_its_unit(client, demo_user):
    officer = demo_user("canbo.dinhcong")
    registration = Registration.objects.filter(unit=officer.unit).first()
    Registration.objects.filter(pk=registration.pk).update(
        state=RegistrationState.RETURNED, return_reason="Thiếu danh sách cá nhân."
    )
    group = _inbox(client, officer)["movements.registration.submit"]
    (item,) = [i for i in group.items if i.url.endswith(f"/registrations/{registration.pk}/")]
    assert item.note == "Thiếu danh sách cá nhân."
    other = _inbox(client, demo_user("canbo.hoangliet")).get("movements.registration.submit")
    assert other is None or item.url not in _urls(other)


def test_an_open_vote_waits_for_each_member_until_they_cast(client, demo_user):
    member = demo_user("uyvien")
    seat = CouncilMember.objects.filter(user=member).first()
    (nomination,) = _nominations(1, State.VOTING)
    vote = CouncilVote.objects.create(
        nomination=nomination, council=seat.council, members_count=5, threshold="0.500"
    )
    detail = reverse("awards:nomination_detail", args=[nomination.pk])
    assert detail in _urls(_inbox(client, member)["awards.ballot"]) or (
        _inbox(client, member)["awards.ballot"].more
    )
    Ballot.objects.create(vote=vote, member=seat, choice=Choice.AGREE)
    group = _inbox(client, member).get("awards.ballot")
    assert group is None or detail not in _urls(group)


def test_an_unanswered_objection_waits_for_the_office(client, demo_user):
    (nomination,) = _nominations(1, State.ANNOUNCED)
    today = timezone.localdate()
    notice = PublicNotice.objects.create(
        nomination=nomination, starts_on=today, ends_on=today + dt.timedelta(days=10)
    )
    objection = Objection.objects.create(notice=notice, filed_by="Công dân", content="Ý kiến.")
    office = demo_user("thuongtruc")
    group = _inbox(client, office)["awards.objection"]
    assert str(objection) in {item.text for item in group.items}
    Objection.objects.filter(pk=objection.pk).update(
        answer="Đã xem xét.", answered_at=timezone.now()
    )
    group = _inbox(client, office).get("awards.objection")
    assert group is None or str(objection) not in {item.text for item in group.items}


def test_late_tasks_come_first_and_say_so(client, demo_user):
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    today = timezone.localdate()
    late = Task.objects.create(
        plan=plan, position=9001, number="L1", content="Việc trễ hạn",
        deadline_date=today - dt.timedelta(days=3),
    )  # fmt: skip
    groups = list(_inbox(client, demo_user("thuongtruc")).values())
    assert groups[0].key == "plans.task.late" and groups[0].late
    assert all(not group.late for group in groups[1:])
    client.force_login(demo_user("thuongtruc"))
    html = client.get(reverse("home:index")).content.decode()
    assert "Nhiệm vụ quá hạn" in html
    assert Task.objects.filter(pk=late.pk, done_on__isnull=True).exists()


def test_counts_are_capped(client, demo_user, monkeypatch):
    monkeypatch.setattr(core_inbox, "COUNT_CAP", 3)
    _nominations(5, State.SUBMITTED)
    group = _inbox(client, demo_user("thuongtruc"))["awards.appraise"]
    assert group.count == 4 and group.count_text == "hơn 3" and group.more
    assert len(group.items) == core_inbox.SHOWN


def test_the_inbox_costs_the_same_with_many_waiting_rows(client, demo_user):
    office = demo_user("thuongtruc")
    client.force_login(office)
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    today = timezone.localdate()
    numbers = iter(range(10_000, 20_000))

    def grow(count: int) -> None:
        for state in (State.SUBMITTED, State.APPRAISED, State.VOTED):
            _nominations(count, state)
        Task.objects.bulk_create(
            Task(
                plan=plan, position=n, number=f"Q{n}", content=f"Việc {n}",
                deadline_date=today - dt.timedelta(days=1),
            )
            for n in (next(numbers) for _ in range(count))
        )  # fmt: skip

    html = assert_flat(client, reverse("home:index"), grow).content.decode()
    assert "Hồ sơ chờ thẩm định" in html and "hơn 99" in html


def test_the_chosen_year_stays_chosen(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    assert client.get(reverse("home:index"), {"year": 2019}).context["cluster_year"] == 2019
    assert client.get(reverse("home:index")).context["cluster_year"] == 2019
    assert client.get(reverse("home:index"), {"year": "abc"}).context["cluster_year"] == 2019


def test_the_newest_year_is_the_default_before_any_choice(client, demo_user):
    from vinhdanh.org.models import Cluster

    client.force_login(demo_user("thuongtruc"))
    newest = Cluster.objects.order_by("-year").values_list("year", flat=True).first()
    assert client.get(reverse("home:index")).context["cluster_year"] == newest


def test_count_text_is_pure():
    group = InboxGroup("k", "Nhãn", 100, "/", "bi-x", ())
    assert group.count_text == "hơn 99" and group.more
    assert InboxGroup("k", "Nhãn", 2, "/", "bi-x", ()).count_text == "2"


def test_a_score_card_to_fill_waits_for_its_unit_and_a_sent_one_for_the_head(client, demo_user):
    from vinhdanh.scoring.models import Scorecard, ScorecardState, SheetState

    officer = demo_user("canbo.hoangliet")
    card = Scorecard.objects.select_related("sheet__cluster").filter(unit=officer.unit).first()
    sheet = card.sheet
    type(sheet).objects.filter(pk=sheet.pk).update(
        state=SheetState.OPEN, deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    Scorecard.objects.filter(pk=card.pk).update(state=ScorecardState.DRAFT)
    year = sheet.cluster.year
    group = _inbox(client, officer, year=year)["scoring.scorecard.fill"]
    (item,) = [i for i in group.items if i.url == reverse("scoring:scorecard", args=[card.pk])]
    assert item.late and item.note.startswith("Hạn ")
    Scorecard.objects.filter(pk=card.pk).update(state=ScorecardState.SUBMITTED)
    assert "scoring.scorecard.fill" not in _inbox(client, officer, year=year)


def test_a_sent_score_card_waits_for_the_cluster_head(client, demo_user):
    from vinhdanh.scoring.models import Scorecard, ScorecardState, SheetState

    head = demo_user("cumtruong")
    card = (
        Scorecard.objects.filter(sheet__cluster__head=head.unit)
        .exclude(unit=head.unit)
        .select_related("sheet__cluster")
        .first()
    )
    type(card.sheet).objects.filter(pk=card.sheet_id).update(state=SheetState.OPEN)
    Scorecard.objects.filter(pk=card.pk).update(state=ScorecardState.SUBMITTED)
    year = card.sheet.cluster.year
    review = _inbox(client, head, year=year)["scoring.scorecard.review"]
    assert reverse("scoring:scorecard", args=[card.pk]) in _urls(review)
    # Another unit's officer reviews nothing.
    assert "scoring.scorecard.review" not in _inbox(client, demo_user("canbo.dinhcong"), year=year)


def test_a_meeting_not_yet_closed_waits_for_the_council_side_and_is_late_after_its_day(
    client, demo_user
):
    from vinhdanh.awards.models import Meeting, MeetingState

    office = demo_user("thuongtruc")
    today = timezone.localdate()
    coming = Meeting.objects.create(
        council=office.council, title="Phiên họp xét khen thưởng", held_on=today
    )
    group = _inbox(client, office)["awards.meeting"]
    assert reverse("awards:meeting_detail", args=[coming.pk]) in _urls(group)
    assert not group.late
    Meeting.objects.filter(pk=coming.pk).update(held_on=today - dt.timedelta(days=3))
    assert _inbox(client, office)["awards.meeting"].late
    Meeting.objects.filter(pk=coming.pk).update(state=MeetingState.CLOSED)
    assert "awards.meeting" not in _inbox(client, office)
    # A ward officer holds no council seat: no meetings in their inbox.
    Meeting.objects.filter(pk=coming.pk).update(state=MeetingState.OPEN)
    assert "awards.meeting" not in _inbox(client, demo_user("canbo.hoangliet"))
