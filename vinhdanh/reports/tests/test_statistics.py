import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from vinhdanh.org.models import Level, Person, Unit
from vinhdanh.records.models import PastAward
from vinhdanh.reports.statistics import award_statistics

pytestmark = pytest.mark.django_db


def test_shares_of_direct_workers_follow_the_awards_of_the_year(demo_user):
    stats = award_statistics(demo_user("thuongtruc"), 2020)
    awarded = PastAward.objects.filter(year=2020, person__isnull=False).select_related("person")
    pairs = {(a.person_id, a.title_code): a.person for a in awarded}
    assert stats.total("people") == len(pairs)
    # Exclusive categories: a manager who also works directly counts as a manager.
    assert stats.total("direct_workers") == sum(
        p.is_direct_worker and not p.is_manager for p in pairs.values()
    )
    assert stats.total("people") == sum(
        stats.total(part) for part in ("direct_workers", "managers", "entrepreneurs", "others")
    )
    lao_dong = next(row for row in stats.rows if row.title_code == "lao_dong_tien_tien")
    assert lao_dong.title_name == "Lao động tiên tiến"
    assert stats.share("direct_workers", "people") == pytest.approx(
        stats.total("direct_workers") / stats.total("people")
    )


def test_small_collectives_are_counted_among_collective_awards(demo_user):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    team = Unit.objects.create(
        code="to-dan-pho-1", name="Tổ dân phố số 1", kind="small_collective",
        level=Level.objects.get(code="commune"), parent=ward,
    )  # fmt: skip
    PastAward.objects.create(unit=team, year=2019, title_code="giay_khen")
    PastAward.objects.create(unit=ward, year=2019, title_code="tap_the_lao_dong_tien_tien")
    stats = award_statistics(demo_user("thuongtruc"), 2019)
    assert (stats.total("collectives"), stats.total("small_collectives")) == (2, 1)
    assert stats.share("small_collectives", "collectives") == 0.5


def test_a_unit_officer_counts_only_their_own_unit(demo_user):
    officer = demo_user("canbo.hoangliet")
    own = PastAward.objects.filter(year=2020, person__unit=officer.unit).count()
    assert award_statistics(officer, 2020).total("people") == own


def test_page_and_export(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("reports:award_statistics"), {"year": 2020}).content.decode()
    assert "Lao động tiên tiến" in page and "%" in page
    export = client.get(reverse("reports:award_statistics"), {"year": 2020, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet["A3"].value == "THỐNG KÊ KHEN THƯỞNG NĂM 2020"


def test_the_city_adds_up_its_wards_and_a_ward_counts_only_its_own(demo, demo_user):
    """Two-level government: the city's statistics include what its wards' people received;
    the ward's own statistics hold only its people, and the district's none of the city's."""
    from vinhdanh.awards.tests import two_levels

    levels = two_levels.build()
    neighbour = Person.objects.create(
        code="tm-hang-xom", full_name="Trần Văn Minh", unit=levels.person.unit.parent,
        gender="male",
    )  # fmt: skip
    district_before = award_statistics(demo_user("thuongtruc"), 2026).total("people")
    PastAward.objects.create(person=levels.person, year=2026, title_code="giay_khen")
    PastAward.objects.create(person=neighbour, year=2026, title_code="giay_khen")
    city, ward = (
        award_statistics(levels.city_office, 2026),
        award_statistics(levels.ward_office, 2026),
    )
    assert (city.total("people"), ward.total("people")) == (2, 1)
    assert award_statistics(demo_user("thuongtruc"), 2026).total("people") == district_before


def test_shares_are_taken_per_group_of_titles(demo_user):
    """A Giấy khen to a direct worker and a Huân chương to a manager: each group's share is
    its own (100% and 0%), not 50% over all titles together."""
    worker = Person.objects.filter(is_direct_worker=True, is_manager=False).order_by("pk").first()
    manager = Person.objects.filter(is_manager=True).order_by("pk").first()
    PastAward.objects.create(person=worker, year=2032, title_code="giay_khen")
    PastAward.objects.create(person=manager, year=2032, title_code="huan_chuong_lao_dong_hang_3")
    stats = award_statistics(demo_user("thuongtruc"), 2032)
    groups = {group.code: group for group in stats.groups()}
    assert groups["giay_khen"].share("direct_workers", "people") == 1
    assert groups["huan_chuong"].share("direct_workers", "people") == 0
    assert groups["huan_chuong"].share("managers", "people") == 1
    assert stats.share("direct_workers", "people") == 0.5


def test_the_category_of_the_awards_year_counts_not_the_flags(demo_user):
    from vinhdanh.reports.models import PersonCategory

    person = Person.objects.filter(is_direct_worker=True, is_manager=False).order_by("pk").first()
    PersonCategory.objects.create(person=person, year=2032, category="leader_department")
    PastAward.objects.create(person=person, year=2032, title_code="giay_khen")
    PastAward.objects.create(person=person, year=2033, title_code="giay_khen")
    office = demo_user("thuongtruc")
    in_2032, in_2033 = award_statistics(office, 2032), award_statistics(office, 2033)
    assert (in_2032.total("managers"), in_2032.total("direct_workers")) == (1, 0)
    assert (in_2033.total("managers"), in_2033.total("direct_workers")) == (0, 1)


def test_a_section_of_a_school_is_a_small_collective_a_department_is_not(demo_user):
    school = Unit.objects.get(code="thcs-hoang-liet")
    section = Unit.objects.create(
        code="to-toan-thcs-hl", name="Tổ Toán", kind="department", level=school.level,
        parent=school,
    )  # fmt: skip
    PastAward.objects.create(unit=section, year=2032, title_code="giay_khen")
    PastAward.objects.create(unit=school, year=2032, title_code="giay_khen")
    PastAward.objects.create(
        unit=Unit.objects.get(code="phong-noi-vu"), year=2032, title_code="giay_khen"
    )
    stats = award_statistics(demo_user("thuongtruc"), 2032)
    assert (stats.total("collectives"), stats.total("small_collectives")) == (3, 1)
