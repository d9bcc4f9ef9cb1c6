"""A cluster head sees of the other member units only what scoring and ranking need."""

import pytest
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.awards.models import Attachment, Nomination
from vinhdanh.movements.models import Registration
from vinhdanh.org.models import Cluster, Person, Unit
from vinhdanh.plans.models import UnitPlanSubmission
from vinhdanh.records.models import DisciplineRecord, Initiative, Rating
from vinhdanh.scoring.models import ClusterProposal, Covenant, CriteriaSheet, Scorecard

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(demo_user):
    return demo_user("cumtruong")


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


def _members_other_than_head(cluster):
    return Unit.objects.filter(pk__in=cluster.members.exclude(pk=cluster.head_id))


def test_the_demo_gives_the_head_other_members_with_personal_data(head, cum1):
    others = _members_other_than_head(cum1)
    assert head.unit_id == cum1.head_id and others.filter(code="phuong-hoang-liet").exists()
    assert Nomination.objects.filter(unit__in=others).exists()
    assert DisciplineRecord.objects.filter(person__unit__in=others).exists()


@pytest.mark.parametrize(
    ("model", "unit_field"),
    [
        (Person, "unit"),
        (Nomination, "unit"),
        (DisciplineRecord, "person__unit"),
        (Rating, "person__unit"),
        (Initiative, "person__unit"),
        (Registration, "unit"),
        (UnitPlanSubmission, "unit"),
        (Unit, "pk"),
    ],
)
def test_lists_hold_nothing_of_the_other_members(head, cum1, model, unit_field):
    others = _members_other_than_head(cum1)
    visible = access.scope_queryset(head, model.objects.all())
    assert not visible.filter(**{f"{unit_field}__in": others}).exists()


def test_their_own_unit_stays_fully_visible(head):
    assert access.scope_queryset(head, Person.objects.filter(unit=head.unit)).exists()
    own = Person.objects.filter(unit=head.unit).first()
    assert access.can(head, access.CHANGE, own)


def test_pages_of_another_members_data_are_not_found(client, head, cum1):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = Person.objects.filter(unit=ward).first()
    disciplined = DisciplineRecord.objects.filter(
        person__unit__in=_members_other_than_head(cum1)
    ).first()
    nomination = Nomination.objects.filter(unit=ward).exclude(attachments=None).first()
    attachment = Attachment.objects.filter(nomination=nomination).first()
    client.force_login(head)
    urls = [
        reverse("org:person_detail", args=[person.pk]),
        reverse("org:person_detail", args=[disciplined.person_id]),
        reverse("org:unit_detail", args=[ward.pk]),
        reverse("awards:nomination_detail", args=[nomination.pk]),
        reverse("awards:attachment_download", args=[nomination.pk, attachment.pk]),
        reverse("records:screening_detail", args=[person.pk, "lao-dong-tien-tien"]),
    ]
    assert {url: client.get(url).status_code for url in urls} == {url: 404 for url in urls}


def test_list_pages_do_not_show_the_other_members_data(client, head):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = Person.objects.filter(unit=ward).first()
    nomination = Nomination.objects.filter(unit=ward).first()
    client.force_login(head)
    people = client.get(reverse("org:person_list"), {"q": person.full_name}).content.decode()
    assert reverse("org:person_detail", args=[person.pk]) not in people
    nominations = client.get(reverse("awards:nomination_list")).content.decode()
    assert reverse("awards:nomination_detail", args=[nomination.pk]) not in nominations
    assert client.get("/api/people/", {"unit": ward.pk}).json()["count"] == 0
    assert client.get("/api/people/", {"unit": head.unit_id}).json()["count"] > 0
    # The nominations API pages by cursor (no count): an empty first page.
    assert client.get("/api/nominations/", {"unit": ward.pk}).json()["results"] == []


def test_the_head_still_sees_and_scores_the_cluster(client, head, cum1):
    sheet = cum1.criteria_sheet
    cards = access.scope_queryset(head, Scorecard.objects.filter(sheet=sheet))
    assert cards.count() == cum1.members.count()
    assert access.can(head, access.VIEW, Covenant.objects.get(cluster=cum1))
    assert access.can(head, access.VIEW, CriteriaSheet.objects.get(cluster=cum1))
    proposals = ClusterProposal.objects.filter(cluster=cum1)
    assert access.scope_queryset(head, proposals).count() == proposals.count()
    # Another cluster's cards stay out of sight.
    assert not access.scope_queryset(head, Scorecard.objects.exclude(sheet=sheet)).exists()
    client.force_login(head)
    page = client.get(reverse("scoring:cluster_year", args=[cum1.pk])).content.decode()
    assert 'data-testid="ranking"' in page and "Phường Hoàng Liệt" in page
    card = Scorecard.objects.get(sheet=sheet, unit__code="phuong-hoang-liet")
    assert client.get(reverse("scoring:scorecard", args=[card.pk])).status_code == 200
    # Seeing the card is not changing it: only the review stage is theirs.
    assert not access.can(head, access.CHANGE, card)
