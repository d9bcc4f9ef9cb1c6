"""Defects found on the walk through the registry: cluster counts, people search and list."""

import pytest
from django.urls import reverse

from vinhdanh.org import services
from vinhdanh.org.models import Cluster, Person, Unit
from vinhdanh.org.selectors import people_for

pytestmark = pytest.mark.django_db


def test_a_cluster_head_sees_the_real_number_of_units_of_the_cluster(demo_user, client):
    head = demo_user("cumtruong")
    cluster = Cluster.objects.filter(head=head.unit).latest("year")
    units = cluster.members.count()
    client.force_login(head)
    listed = {
        c.pk: c.member_count for c in client.get(reverse("org:cluster_list")).context["clusters"]
    }
    assert listed[cluster.pk] == units
    home = client.get(reverse("home:index")).content.decode()
    assert f"{units} đơn vị" in home
    assert f"{units * units} đơn vị" not in home


def test_people_search_finds_people_by_their_unit_name(demo_user, client):
    office = demo_user("thuongtruc")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    other = Unit.objects.get(code="phuong-dai-kim")
    services.create_person(
        actor=office, code="w-1", full_name="Vũ Thị Mơ", unit=ward, gender="female"
    )
    services.create_person(
        actor=office, code="w-2", full_name="Vũ Thị Mơ", unit=other, gender="female"
    )
    found = people_for(office, "vu thi mo hoang liet")
    assert [p.code for p in found] == ["w-1"]
    at_hoang_liet = {p.unit_id for p in people_for(office, "hoang liet")}
    assert ward.pk in at_hoang_liet
    assert other.pk not in at_hoang_liet
    client.force_login(office)
    page = client.get(reverse("org:person_list"), {"q": "mo dai kim"})
    assert [p.code for p in page.context["people"]] == ["w-2"]


def test_people_list_filters_by_a_unit_in_scope(demo_user, client):
    office = demo_user("thuongtruc")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    client.force_login(office)
    page = client.get(reverse("org:person_list"), {"unit": ward.pk})
    listed = page.context["people"]
    assert listed.paginator.count == Person.objects.filter(unit__path__startswith=ward.path).count()
    assert listed.paginator.count < Person.objects.count()
    assert all(p.unit.path.startswith(ward.path) for p in listed)
    html = page.content.decode()
    assert f'<option value="{ward.pk}" selected' in html
    assert '<label class="visually-hidden" for="people-unit">' in html


def test_a_unit_officer_cannot_filter_by_a_unit_outside_their_scope(demo_user, client):
    officer = demo_user("canbo.hoangliet")
    other = Unit.objects.get(code="phuong-dai-kim")
    client.force_login(officer)
    page = client.get(reverse("org:person_list"), {"unit": other.pk})
    assert page.context["unit"] is None
    assert all(p.unit.path.startswith(officer.unit.path) for p in page.context["people"])
    assert f'value="{other.pk}"' not in page.content.decode()
