"""The statistics pages cost as many queries with 200 more awards or movements than with 10."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.movements.models import Movement
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import PastAward
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


def test_the_award_statistics(office, demo):
    people = list(Person.objects.order_by("pk")[:300])
    units = list(Unit.objects.order_by("pk"))
    given = []

    def grow(count: int) -> None:
        start = len(given)
        awards = [
            PastAward(person=people[(start + n) % len(people)], year=2031, title_code="giay_khen")
            for n in range(count)
        ] + [
            PastAward(unit=units[(start + n) % len(units)], year=2031, title_code="bang_khen_tinh")
            for n in range(count)
        ]
        given.extend(PastAward.objects.bulk_create(awards))

    html = assert_flat(office, reverse("reports:award_statistics") + "?year=2031", grow)
    rows = re.findall(r'<td class="text-end">(\d+)</td>', html.content.decode())
    assert "210" in rows


def test_form_0601(office, demo):
    district = Unit.objects.get(code="hoang-mai")

    def grow(count: int) -> None:
        Movement.objects.bulk_create(
            Movement(
                name=f"Phong trào thử {n}", kind="campaign", year=2031, launched_by=district,
                starts_on=dt.date(2031, 1, 1), ends_on=dt.date(2031, 3, 1), status="launched",
            )
            for n in range(count)
        )  # fmt: skip

    html = assert_flat(office, reverse("reports:form_0601") + "?year=2031", grow).content.decode()
    assert ">210<" in html


def test_form_0602_and_0603(office, demo):
    people = list(Person.objects.order_by("pk")[:300])
    units = list(Unit.objects.order_by("pk"))
    given = []

    def grow(count: int) -> None:
        start = len(given)
        awards = [
            PastAward(person=people[(start + n) % len(people)], year=2031,
                      title_code="bang_khen_thu_tuong", basis_code="thuong_xuyen")
            for n in range(count)
        ] + [
            PastAward(unit=units[(start + n) % len(units)], year=2031, title_code="bang_khen_tinh")
            for n in range(count)
        ]  # fmt: skip
        given.extend(PastAward.objects.bulk_create(awards))

    html = assert_flat(office, reverse("reports:form_0602") + "?year=2031", grow).content.decode()
    assert ">210<" in html
    assert_flat(office, reverse("reports:form_0603") + "?year=2031", grow)


def test_form_0605_and_the_staff_list(office, demo_user):
    council = demo_user("thuongtruc").council

    def grow(count: int) -> None:
        WorkStaff.objects.bulk_create(
            WorkStaff(council=council, year=2031, full_name=f"Cán bộ {n}", gender="female",
                      birth_year=1990, education="university", started_year=2020)
            for n in range(count)
        )  # fmt: skip

    html = assert_flat(office, reverse("reports:form_0605") + "?year=2031", grow).content.decode()
    assert ">210<" in html
    assert_flat(office, reverse("reports:work_staff") + "?year=2031", grow, marker="Cán bộ ")


def test_the_persons_categories(office):
    people = list(Person.objects.order_by("sort_key", "pk")[:50])
    done = []

    def grow(count: int) -> None:
        for person in people[len(done) : len(done) + min(count, 20)]:
            PersonCategory.objects.create(person=person, year=2031, category="other")
            done.append(person)

    assert_flat(office, reverse("reports:person_categories") + "?year=2031", grow)


def test_form_0604(office, demo_user):
    council = demo_user("thuongtruc").council
    made = []

    def grow(count: int) -> None:
        start = len(made)
        made.extend(
            WorkBody.objects.bulk_create(
                WorkBody(council=council, year=2031, kind="home_affairs_section",
                         name=f"Phòng {start + n}")
                for n in range(count)
            )
        )  # fmt: skip

    html = assert_flat(office, reverse("reports:form_0604") + "?year=2031", grow).content.decode()
    assert ">210<" in html
