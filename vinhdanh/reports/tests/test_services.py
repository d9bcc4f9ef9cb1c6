"""Keeping the staff and bodies of forms 0604/0605 and the persons' categories: checked,
audited, whole, with a Vietnamese message for every refusal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Person
from vinhdanh.reports import services
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff

pytestmark = pytest.mark.django_db
STAFF = {"full_name": "Lê Thị Hoa", "gender": "female", "birth_year": 1990,
         "education": "university", "started_year": 2015, "full_time": True}  # fmt: skip


def test_the_office_adds_and_removes_staff_with_audit(demo_user):
    office = demo_user("thuongtruc")
    staff = services.add_work_staff(office, office.council, year=2030, **STAFF)
    assert AuditEntry.objects.filter(action="reports.work_staff.add").count() == 1
    services.remove_work_staff(office, office.council, staff)
    assert not WorkStaff.objects.filter(pk=staff.pk).exists()
    assert AuditEntry.objects.filter(action="reports.work_staff.remove").count() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"birth_year": 2026}, "birth_year", "Năm sinh không hợp lệ"),
        ({"started_year": 2036}, "started_year", "sau năm báo cáo"),
        ({"birth_year": 2005, "started_year": 2018}, "started_year", "ít nhất 15 năm"),
    ],
)
def test_impossible_years_are_refused_in_vietnamese(demo_user, change, field, message):
    office = demo_user("thuongtruc")
    with pytest.raises(ValidationError) as refused:
        services.add_work_staff(office, office.council, year=2030, **{**STAFF, **change})
    assert message in " ".join(refused.value.message_dict[field])
    assert not WorkStaff.objects.filter(year=2030).exists()


def test_a_ward_officer_may_not_keep_the_councils_staff(demo_user):
    officer = demo_user("canbo.hoangliet")
    with pytest.raises(PermissionDenied):
        services.add_work_staff(officer, demo_user("thuongtruc").council, year=2030, **STAFF)


def test_a_body_is_listed_once_a_year(demo_user):
    office = demo_user("thuongtruc")
    services.add_work_body(office, office.council, year=2030, kind="local_section",
                           name="Phòng  Nội vụ")  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.add_work_body(office, office.council, year=2030, kind="local_section",
                               name="phòng nội vụ")  # fmt: skip
    assert "đã có trong năm 2030" in str(refused.value)
    assert WorkBody.objects.get(year=2030).name == "Phòng Nội vụ"


def test_the_category_is_set_per_year_replaced_and_audited(demo_user):
    officer = demo_user("canbo.hoangliet")
    person = Person.objects.filter(unit=officer.unit).order_by("pk").first()
    services.set_person_category(officer, person, year=2030, category="direct_worker")
    services.set_person_category(officer, person, year=2030, category="leader_other")
    services.set_person_category(officer, person, year=2031, category="other")
    assert dict(PersonCategory.objects.filter(person=person).values_list("year", "category")) == {
        2030: "leader_other", 2031: "other",
    }  # fmt: skip
    assert AuditEntry.objects.filter(action="reports.person_category.set").count() == 3
    with pytest.raises(ValidationError):
        services.set_person_category(officer, person, year=2030, category="boss")


def test_a_ward_officer_may_not_set_another_wards_person(demo_user):
    officer = demo_user("canbo.hoangliet")
    other = Person.objects.filter(unit__code="phuong-dinh-cong").order_by("pk").first()
    with pytest.raises(PermissionDenied):
        services.set_person_category(officer, other, year=2030, category="other")


def test_the_pages_add_and_set_through_the_services(demo_user, client):
    office = demo_user("thuongtruc")
    client.force_login(office)
    url = reverse("reports:work_staff") + "?year=2030"
    answer = client.post(url, {f"staff-{k}": v for k, v in STAFF.items()}, follow=True)
    assert "Đã thêm Lê Thị Hoa" in answer.content.decode()
    refused = client.post(url, {"staff-full_name": "", "staff-birth_year": "abc"})
    assert "Năm sinh phải là một số." in refused.content.decode()
    staff = WorkStaff.objects.get(year=2030)
    client.post(reverse("reports:work_staff_delete", args=[staff.pk]))
    assert not WorkStaff.objects.filter(year=2030).exists()
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()
    page = reverse("reports:person_categories") + "?year=2030"
    client.post(page, {"person": person.pk, "category": "entrepreneur"})
    assert PersonCategory.objects.get(person=person, year=2030).category == "entrepreneur"


def test_the_categories_page_offers_the_choice_only_for_ones_own_people(demo_user, client):
    client.force_login(demo_user("canbo.hoangliet"))
    page = client.get(reverse("reports:person_categories"), {"year": 2030})
    rows = page.context["rows"]
    own = [row for row in rows if row["person"].unit.code == "phuong-hoang-liet"]
    assert own and all(row["may_set"] for row in own)
    assert all(not row["may_set"] for row in rows if row not in own)
    uyvien = demo_user("uyvien")  # a council member reads, sets nothing
    client.force_login(uyvien)
    rows = client.get(reverse("reports:person_categories"), {"year": 2030}).context["rows"]
    assert rows and not any(row["may_set"] for row in rows)


def test_an_ended_seat_reads_the_list_and_adds_nothing(demo_user, client):
    import datetime

    from vinhdanh.org.models import Council

    office = demo_user("thuongtruc")
    services.add_work_staff(office, office.council, year=2030, **STAFF)
    # The district's council ended with the 2025 reform: its office reads, adds nothing.
    Council.objects.filter(pk=office.council_id).update(valid_to=datetime.date(2025, 7, 1))
    client.force_login(office)
    page = client.get(reverse("reports:work_staff"), {"year": 2030})
    assert page.status_code == 200 and not page.context["may_keep"]
    html = page.content.decode()
    assert "Lê Thị Hoa" in html and 'data-testid="add-work-staff"' not in html
    refused = client.post(reverse("reports:work_staff") + "?year=2030",
                          {f"staff-{k}": v for k, v in STAFF.items()})  # fmt: skip
    assert refused.status_code == 200 and WorkStaff.objects.filter(year=2030).count() == 1
