"""Screening a unit and a person's record by year cost as many queries with 200 more rows."""

import pytest
from django.urls import reverse

from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.tests.test_query_budgets import grow_people
from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


def test_screening_a_unit(office, demo):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    people = grow_people(ward, name="Trần Thị Rà Soát")

    def grow(count: int) -> None:
        people(count)
        added = Person.objects.filter(unit=ward, rating__isnull=True, full_name__contains="Soát")
        for person in added:
            Rating.objects.create(person=person, year=2021, level="xuat_sac")
            Rating.objects.create(person=person, year=2020, level="xuat_sac")
            PastAward.objects.create(person=person, year=2020, title_code="lao_dong_tien_tien")
            Initiative.objects.create(person=person, year=2021, name="SK", scope="co_so")

    url = reverse("records:screening") + f"?unit={ward.pk}&year=2021"
    html = assert_flat(office, url, grow).content.decode()
    assert "Trần Thị Rà Soát 210" in html


def test_a_persons_record_by_year(office, demo):
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()
    years = numbering()

    def grow(count: int) -> None:
        # One rating a year (back from 1999), and an award, an initiative, a penalty each.
        for year in (2000 - next(years) for _ in range(count // 4)):
            Rating.objects.create(person=person, year=year, level="tot")
            PastAward.objects.create(person=person, year=year, title_code="lao_dong_tien_tien")
            Initiative.objects.create(person=person, year=year, name=f"SK {year}", scope="co_so")
            DisciplineRecord.objects.create(person=person, year=year, form="khien_trach")

    url = reverse("org:person_detail", args=[person.pk])
    html = assert_flat(office, url, grow).content.decode()
    assert "SK 1948" in html
