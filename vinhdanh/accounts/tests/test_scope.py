"""A unit officer of ward A gets nothing of ward B: by page, by API, by guessed id."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.org import services
from vinhdanh.org.models import Cluster, Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def wards(demo):
    return Unit.objects.get(code="phuong-hoang-liet"), Unit.objects.get(code="phuong-dinh-cong")


@pytest.fixture
def officer_a(demo_user, client):
    user = demo_user("canbo.hoangliet")
    client.force_login(user)
    return user


def test_unit_officer_lists_only_their_own_unit(officer_a, wards, client):
    ward_a = wards[0]
    people = access.scope_queryset(officer_a, Person.objects.all())
    assert people.count() == Person.objects.filter(unit=ward_a).count() > 0
    response = client.get(reverse("org:person_list"))
    listed = {p.unit_id for p in response.context["people"]}
    assert listed == {ward_a.pk}
    assert list(access.scope_queryset(officer_a, Unit.objects.all())) == [ward_a]


@pytest.mark.parametrize(
    "url_name",
    ["org:person_detail", "org:person_edit"],
)
def test_guessed_person_id_of_another_ward_is_not_found(officer_a, wards, client, url_name):
    other = Person.objects.filter(unit=wards[1]).first()
    assert client.get(reverse(url_name, args=[other.pk])).status_code == 404
    own = Person.objects.filter(unit=wards[0]).first()
    assert client.get(reverse(url_name, args=[own.pk])).status_code == 200


def test_guessed_unit_id_of_another_ward_is_not_found(officer_a, wards, client):
    assert client.get(reverse("org:unit_detail", args=[wards[1].pk])).status_code == 404
    assert client.get(reverse("org:unit_detail", args=[wards[0].pk])).status_code == 200


def test_api_gives_nothing_of_another_ward(officer_a, wards, client):
    ward_a, ward_b = wards
    other = Person.objects.filter(unit=ward_b).first()
    assert client.get(f"/api/people/{other.pk}/").status_code == 404
    assert client.get(f"/api/units/{ward_b.pk}/").status_code == 404
    listed = client.get("/api/people/", {"page_size": 500}).json()
    assert listed["count"] == Person.objects.filter(unit=ward_a).count()
    assert {row["unit"] for row in listed["results"]} == {ward_a.pk}
    assert client.get("/api/people/", {"unit": ward_b.pk}).json()["count"] == 0


def test_posting_an_edit_for_another_ward_changes_nothing(officer_a, wards, client):
    other = Person.objects.filter(unit=wards[1]).first()
    response = client.post(
        reverse("org:person_edit", args=[other.pk]),
        {"code": other.code, "full_name": "Hacked", "unit": wards[0].pk, "gender": "male"},
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.full_name != "Hacked"


def test_service_refuses_to_move_own_person_into_another_ward(officer_a, wards):
    own = Person.objects.filter(unit=wards[0]).first()
    with pytest.raises(PermissionDenied):
        services.update_person(actor=officer_a, person=own, unit=wards[1])
    with pytest.raises(PermissionDenied):
        services.create_person(
            actor=officer_a, code="x1", full_name="A B", unit=wards[1], gender="male"
        )


def test_standing_office_sees_and_changes_everything(demo_user, wards):
    office = demo_user("thuongtruc")
    assert access.scope_queryset(office, Person.objects.all()).count() == Person.objects.count()
    assert access.can(office, access.CHANGE, Person.objects.filter(unit=wards[1]).first())


def test_council_member_and_leader_see_all_but_change_nothing(demo_user, wards):
    person = Person.objects.filter(unit=wards[1]).first()
    for username in ("uyvien", "chutich"):
        user = demo_user(username)
        assert access.can(user, access.VIEW, person)
        assert not access.can(user, access.CHANGE, person)


def test_cluster_head_sees_the_cluster_but_not_the_members_people(demo_user):
    head = demo_user("cumtruong")
    cluster = Cluster.objects.get(code="cum-1")
    member = Person.objects.filter(unit__code="phuong-hoang-liet").first()
    own = Person.objects.filter(unit=head.unit).first()
    assert access.can(head, access.VIEW, cluster)
    assert access.can(head, access.VIEW, own) and access.can(head, access.CHANGE, own)
    assert not access.can(head, access.VIEW, member)
    assert not access.can(head, access.VIEW, Cluster.objects.get(code="cum-2"))


def test_anonymous_public_is_sent_to_login_and_gets_nothing_from_the_api(demo, client):
    person = Person.objects.first()
    response = client.get(reverse("org:person_detail", args=[person.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert client.get("/api/people/").status_code in (401, 403)
    assert access.scope_queryset(None, Person.objects.all()).count() == 0


def test_audit_log_is_for_admins_and_the_standing_office_only(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(reverse("home:audit_log")).status_code == 403
    client.force_login(demo_user("thuongtruc"))
    assert client.get(reverse("home:audit_log")).status_code == 200
