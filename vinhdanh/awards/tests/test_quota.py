"""law.md §10: under ND 91/2017 Chiến sĩ thi đua cơ sở was capped at 15% of a unit's LĐTT."""

import pytest
from django.urls import reverse

from vinhdanh.awards import services
from vinhdanh.awards.models import Title
from vinhdanh.awards.quota import quota_use
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import PastAward

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward_with_ten_lao_dong_tien_tien():
    ward = Unit.objects.get(code="phuong-giap-bat")
    people = list(Person.objects.filter(unit=ward).order_by("code")[:10])
    PastAward.objects.bulk_create(
        PastAward(person=p, year=2021, title_code="lao_dong_tien_tien") for p in people
    )
    return ward, people


def propose(demo_user, people, title_code="chien_si_thi_dua_co_so"):
    title = Title.objects.get(code=title_code)
    office = demo_user("thuongtruc")
    for person in people:
        nomination = services.create_nomination(
            office, person=person, title=title, basis=title.award_bases.get(code="thuong_xuyen"),
            year=2021, achievements="x",
        )  # fmt: skip
        nomination.state = "submitted"
        nomination.save(update_fields=["state"])


def rows_for(demo_user, ward):
    return [r for r in quota_use(demo_user("thuongtruc"), 2021) if r.unit == ward]


def test_one_in_ten_is_within_the_fifteen_percent(demo_user, ward_with_ten_lao_dong_tien_tien):
    ward, people = ward_with_ten_lao_dong_tien_tien
    propose(demo_user, people[:1])
    (row,) = rows_for(demo_user, ward)
    assert (row.base, row.nominated, row.check.passed) == (10, 1, True)


def test_two_in_ten_exceed_it_and_the_page_says_so(
    demo_user, client, ward_with_ten_lao_dong_tien_tien
):
    ward, people = ward_with_ten_lao_dong_tien_tien
    propose(demo_user, people[:2])
    (row,) = rows_for(demo_user, ward)
    assert (row.base, row.nominated, row.check.passed) == (10, 2, False)
    assert "Nghị định 91/2017" in row.check.basis
    client.force_login(demo_user("uyvien"))
    page = client.get(reverse("awards:quota"), {"year": 2021}).content.decode()
    assert "Vượt giới hạn" in page and ward.name in page


def test_unit_officers_do_not_see_the_council_quota_page(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(reverse("awards:quota")).status_code == 403
