"""The statistics pages cost as many queries with 200 more awards or movements than with 10."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.movements.models import Movement
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import PastAward

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
