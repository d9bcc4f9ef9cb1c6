import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vinhdanh.org.models import Person, Unit
from vinhdanh.records import services
from vinhdanh.records.history import person_histories
from vinhdanh.records.models import Rating
from vinhdanh.records.screening import explain, screen_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward():
    return Unit.objects.get(code="phuong-yen-so")


@pytest.fixture
def newcomer(ward, demo_user):
    office = demo_user("thuongtruc")
    from vinhdanh.org import services as org_services

    return org_services.create_person(
        actor=office, code="new-cstd", full_name="Đỗ Thị Mai", unit=ward, gender="female"
    )


def record_years(
    actor, person, levels: dict[int, str], awards: dict[int, str] = (), initiatives=()
):
    for year, level in levels.items():
        services.record_rating(actor=actor, person=person, year=year, level=level)
    for year, title in dict(awards).items():
        services.record_past_award(actor=actor, person=person, year=year, title_code=title)
    for year in initiatives:
        services.record_initiative(
            actor=actor, person=person, year=year, scope="co_so", name="Cải tiến"
        )


def test_history_is_built_from_every_kind_of_record(demo_user, newcomer):
    office = demo_user("thuongtruc")
    record_years(
        office, newcomer, {2020: "xuat_sac", 2021: "xuat_sac"}, {2020: "lao_dong_tien_tien"}, [2021]
    )
    services.record_discipline(actor=office, person=newcomer, year=2019, form="khien_trach")
    history = person_histories([newcomer.pk], 2021)[newcomer.pk]
    assert history.kind == "person"
    verdict = explain(newcomer, "lao_dong_tien_tien", 2021)
    assert verdict.verdict == "eligible"


def test_chien_si_thi_dua_co_so_needed_an_initiative_in_2021(demo_user, newcomer):
    """law.md §10: under ND 91/2017 the base-level title required an initiative."""
    office = demo_user("thuongtruc")
    record_years(
        office, newcomer, {2020: "xuat_sac", 2021: "xuat_sac"}, {2021: "lao_dong_tien_tien"}
    )
    without = explain(newcomer, "chien_si_thi_dua_co_so", 2021)
    assert without.verdict == "ineligible"
    assert any("sáng kiến" in c.message.lower() for c in without.failed())
    services.record_initiative(
        actor=office, person=newcomer, year=2021, scope="co_so", name="Cải tiến"
    )
    with_initiative = explain(newcomer, "chien_si_thi_dua_co_so", 2021)
    assert with_initiative.verdict != "ineligible"


def test_screening_covers_every_person_of_the_unit_with_one_verdict_per_title(demo_user, ward):
    titles, rows = screen_unit(demo_user("thuongtruc"), ward, 2021)
    assert {row.person.unit_id for row in rows} == {ward.pk}
    assert len(rows) == Person.objects.filter(unit=ward).count()
    assert "lao_dong_tien_tien" in dict(titles)
    seen = {verdict for row in rows for verdict in row.verdicts.values()}
    assert seen <= {"eligible", "ineligible", "needs_review"}
    assert "eligible" in seen and "ineligible" in seen


def test_screening_is_scoped_to_what_the_user_sees(demo_user):
    officer = demo_user("canbo.hoangliet")
    other = Unit.objects.get(code="phuong-dinh-cong")
    assert screen_unit(officer, other, 2021)[1] == []


def test_unit_officer_cannot_record_facts_outside_their_ward(demo_user):
    officer = demo_user("canbo.hoangliet")
    outsider = Person.objects.filter(unit__code="phuong-dinh-cong").first()
    with pytest.raises(PermissionDenied):
        services.record_rating(actor=officer, person=outsider, year=2021, level="xuat_sac")
    assert not Rating.objects.filter(person=outsider, year=2022).exists()


def test_recording_a_rating_twice_updates_it(demo_user, newcomer):
    office = demo_user("thuongtruc")
    services.record_rating(actor=office, person=newcomer, year=2021, level="tot")
    services.record_rating(actor=office, person=newcomer, year=2021, level="xuat_sac")
    assert list(Rating.objects.filter(person=newcomer).values_list("level", flat=True)) == [
        "xuat_sac"
    ]


def test_screening_page_explains_a_verdict_and_exports_xlsx(demo_user, client, ward):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("records:screening"), {"unit": ward.pk, "year": 2021})
    assert page.status_code == 200
    assert "Lao động tiên tiến" in page.content.decode()
    person = Person.objects.filter(unit=ward).first()
    detail = client.get(
        reverse("records:screening_detail", args=[person.pk, "chien_si_thi_dua_co_so"]),
        {"year": 2021},
    )
    assert "Nghị định 91/2017" in detail.content.decode()
    export = client.get(
        reverse("records:screening"), {"unit": ward.pk, "year": 2021, "format": "xlsx"}
    )
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_unit_officer_gets_not_found_for_another_wards_screening(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    other = Unit.objects.get(code="phuong-dinh-cong")
    assert client.get(reverse("records:screening"), {"unit": other.pk}).status_code == 404


def test_person_page_shows_the_record_year_by_year(demo_user, client):
    strong = Person.objects.filter(pastaward__title_code="chien_si_thi_dua_co_so").first()
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("org:person_detail", args=[strong.pk])).content.decode()
    assert "Thành tích qua các năm" in page
    assert "Chiến sĩ thi đua cơ sở" in page
    assert "Hoàn thành xuất sắc nhiệm vụ" in page
