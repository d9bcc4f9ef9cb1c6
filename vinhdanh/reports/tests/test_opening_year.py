"""Statistics open on the latest year that has data, and a chosen year stays chosen."""

import pytest
from django.urls import reverse

from vinhdanh.movements.models import Movement
from vinhdanh.records.models import PastAward

pytestmark = pytest.mark.django_db


def test_statistics_open_on_the_latest_year_with_an_award_the_user_sees(demo_user, client):
    office = demo_user("thuongtruc")
    client.force_login(office)
    person = PastAward.objects.filter(person__isnull=False).first().person
    PastAward.objects.create(person=person, year=2023, title_code="giay_khen")
    page = client.get(reverse("reports:award_statistics"))
    assert page.context["stats"].year == 2023
    assert "Thống kê khen thưởng năm 2023" in page.content.decode()


def test_an_award_out_of_scope_does_not_choose_the_opening_year(demo_user, client):
    from vinhdanh.org.models import Person

    officer = demo_user("canbo.hoangliet")
    own = Person.objects.filter(unit__path__startswith=officer.unit.path).first()
    other = Person.objects.exclude(unit__path__startswith=officer.unit.path).first()
    PastAward.objects.create(person=own, year=2024, title_code="giay_khen")
    PastAward.objects.create(person=other, year=2025, title_code="giay_khen")
    client.force_login(officer)
    assert client.get(reverse("reports:award_statistics")).context["stats"].year == 2024


def test_a_chosen_year_stays_chosen_on_the_next_report(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    assert (
        client.get(reverse("reports:award_statistics"), {"year": 2019}).context["stats"].year
        == 2019
    )
    assert client.get(reverse("reports:award_statistics")).context["stats"].year == 2019
    assert client.get(reverse("reports:form_0601")).context["year"] == 2019


def test_form_0601_opens_on_the_latest_year_with_a_launched_movement(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    latest = (
        Movement.objects.exclude(status="draft")
        .filter(launched_by__path__startswith=demo_user("thuongtruc").council.unit.path)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    assert client.get(reverse("reports:form_0601")).context["year"] == latest


def test_shares_are_written_the_vietnamese_way(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("reports:award_statistics"), {"year": 2020})
    groups = page.context["groups"]
    shares = [g[key] for g in groups for key in ("direct", "managers", "women", "small")]
    written = [value for value in shares if value != "—"]
    assert written and all(value.endswith("%") and "." not in value for value in written)
