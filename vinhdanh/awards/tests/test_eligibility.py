"""The verdict on a nomination reads the subject's record from the database."""

import pytest

from vinhdanh.awards import services
from vinhdanh.awards.eligibility import prefilled_checklist, verdict_for
from vinhdanh.awards.models import Nomination, Title
from vinhdanh.awards.models.nomination import AWARDED_STATES
from vinhdanh.org.models import Person, Unit
from vinhdanh.records import services as records
from vinhdanh.records.selectors import record_by_year

pytestmark = pytest.mark.django_db


def nominate(demo_user, person, title_code: str, year: int = 2021) -> Nomination:
    title = Title.objects.get(code=title_code)
    return services.create_nomination(
        demo_user("canbo.hoangliet"),
        person=person,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=year,
        achievements="Hoàn thành xuất sắc nhiệm vụ.",
    )


@pytest.fixture
def newcomer(demo_user):
    from vinhdanh.org.services import create_person

    ward = Unit.objects.get(code="phuong-hoang-liet")
    return create_person(
        actor=demo_user("thuongtruc"),
        code="elig-1",
        full_name="Vũ Thị Lan",
        unit=ward,
        gender="female",
    )


def test_a_2021_base_level_title_needs_the_initiative_the_records_hold(demo_user, newcomer):
    office = demo_user("thuongtruc")
    for year in (2020, 2021):
        records.record_rating(actor=office, person=newcomer, year=year, level="xuat_sac")
    records.record_past_award(
        actor=office, person=newcomer, year=2021, title_code="lao_dong_tien_tien"
    )
    nomination = nominate(demo_user, newcomer, "chien_si_thi_dua_co_so")
    verdict = verdict_for(nomination)
    assert verdict.verdict == "ineligible"
    assert "Nghị định 91/2017" in verdict.law_name
    records.record_initiative(
        actor=office, person=newcomer, year=2021, scope="co_so", name="Số hóa hồ sơ"
    )
    assert verdict_for(nomination).verdict != "ineligible"
    rows, verdict_code, law = prefilled_checklist(nomination)
    assert law == verdict.law_name
    assert rows and all(row["basis"] for row in rows)
    assert verdict_code == verdict_for(nomination).verdict


def test_a_ward_with_no_rating_on_record_is_not_declared_eligible(demo_user):
    title = Title.objects.get(code="lao_dong_tien_tien")
    person = Person.objects.create(
        code="elig-2",
        full_name="Hà Văn Sơn",
        unit=Unit.objects.get(code="phuong-hoang-liet"),
        gender="male",
    )
    nomination = services.create_nomination(
        demo_user("canbo.hoangliet"), person=person, title=title,
        basis=title.award_bases.get(code="thuong_xuyen"), year=2021, achievements="x",
    )  # fmt: skip
    assert verdict_for(nomination).verdict in {"ineligible", "needs_review"}


def test_decided_nominations_appear_in_the_record_by_year():
    decided = Nomination.objects.filter(state__in=AWARDED_STATES, person__isnull=False).first()
    rows = record_by_year(person=decided.person)
    names = [
        award["name"] for row in rows if row["year"] == decided.year for award in row["awards"]
    ]
    assert decided.title.name in names
    references = [a["decision"] for row in rows for a in row["awards"]]
    assert decided.decision.reference in references


def test_a_title_the_province_requires_registration_for_checks_the_registrations(
    demo_user, newcomer
):
    from vinhdanh.rules.provincial import province_of, set_rule_setting

    office = demo_user("thuongtruc")
    set_rule_setting(
        actor=office, province=province_of(newcomer.unit), name="registration_required",
        text='["lao_dong_tien_tien"]',
    )  # fmt: skip
    records.record_rating(actor=office, person=newcomer, year=2021, level="xuat_sac")
    verdict = verdict_for(nominate(demo_user, newcomer, "lao_dong_tien_tien"))
    check = next(c for c in verdict.checks if c.rule == "dang_ky_thi_dua")
    assert check.passed is False and verdict.verdict == "ineligible"
    assert "đăng ký thi đua" in check.basis


def test_the_cluster_leader_is_known_from_the_cluster_vote(demo_user):
    from vinhdanh.awards.eligibility import _cluster_leader
    from vinhdanh.scoring.selectors import proposals_for_year

    leader = proposals_for_year(2021).filter(rank=1).first()
    title = Title.objects.get(code="co_thi_dua_tinh")
    nomination = services.create_nomination(
        demo_user("thuongtruc"), collective=leader.unit, title=title,
        basis=title.award_bases.get(code="thuong_xuyen"), year=2021, achievements="x",
    )  # fmt: skip
    assert _cluster_leader(nomination) is True
    check = next(c for c in verdict_for(nomination).checks if c.rule == "dan_dau_cum_khoi")
    assert check.passed is True


def test_the_form_previews_the_verdict_before_anything_is_saved(demo_user, client, newcomer):
    office = demo_user("thuongtruc")
    records.record_rating(actor=office, person=newcomer, year=2021, level="khong_hoan_thanh")
    client.force_login(demo_user("canbo.hoangliet"))
    title = Title.objects.get(code="lao_dong_tien_tien")
    before = Nomination.objects.count()
    params = {
        "person": newcomer.pk,
        "title": title.pk,
        "basis": title.award_bases.get(code="thuong_xuyen").pk,
        "year": 2021,
    }
    page = client.get("/awards/preview/", params).content.decode()
    assert "Chưa đủ điều kiện" in page and "Không hoàn thành nhiệm vụ".lower() in page.lower()
    assert Nomination.objects.count() == before
    empty = client.get("/awards/preview/", {"year": 2021}).content.decode()
    assert "verdict-empty" in empty


def test_the_nomination_page_shows_the_verdict_with_its_basis(demo_user, client, newcomer):
    nomination = nominate(demo_user, newcomer, "lao_dong_tien_tien")
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(f"/awards/{nomination.pk}/verdict/").content.decode()
    assert "Vũ Thị Lan" in page and "Nghị định 91/2017" in page
    client.force_login(demo_user("canbo.dinhcong"))
    assert client.get(f"/awards/{nomination.pk}/verdict/").status_code == 404
