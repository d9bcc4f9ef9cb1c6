"""Defects found on the walk through the registry: cluster counts, people search and list."""

import io

import pytest
from django.urls import reverse

from vinhdanh.org import services
from vinhdanh.org.models import Cluster, Person, Unit
from vinhdanh.org.selectors import people_for
from vinhdanh.org.tests.test_import_service import workbook

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


def _upload(*rows):
    content = workbook(*rows)
    upload = io.BytesIO(content)
    upload.name = "ds.xlsx"
    return upload


def test_re_importing_people_previews_the_changes_then_applies_them(demo_user, client):
    office = demo_user("thuongtruc")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = services.create_person(
        actor=office, code="re-1", full_name="Phạm Văn Cường", unit=ward, gender="male",
        position="Chuyên viên", birth_year=1980,
    )  # fmt: skip
    client.force_login(office)
    changed = [
        "re-1",
        "Phạm Văn Cường",
        "phuong-dai-kim",
        "Trưởng phòng",
        "Nam",
        1980,
        "",
        "Có",
        "",
    ]
    added = ["re-2", "Đào Thị Lan", "phuong-hoang-liet", "", "Nữ", 1992, "", "", ""]
    preview = client.post(reverse("org:people_import"), {"file": _upload(changed, added)})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Xem trước: chưa lưu gì" in html
    assert "Trưởng phòng" in html and "phuong-dai-kim" in html
    plan = preview.context["plan"]
    assert [row["code"] for row in plan.creates] == ["re-2"]
    assert plan.updates[0].changes == {
        "unit_code": ("phuong-hoang-liet", "phuong-dai-kim"),
        "position": ("Chuyên viên", "Trưởng phòng"),
        "is_manager": (False, True),
    }
    # The preview wrote nothing.
    person.refresh_from_db()
    assert (person.position, person.unit_id) == ("Chuyên viên", ward.pk)
    assert not Person.objects.filter(code="re-2").exists()

    applied = client.post(reverse("org:people_import"), {"plan": preview.context["token"]})
    assert applied.status_code == 302
    person.refresh_from_db()
    assert person.position == "Trưởng phòng"
    assert person.unit.code == "phuong-dai-kim"
    assert person.is_manager is True
    assert Person.objects.get(code="re-2").full_name == "Đào Thị Lan"
    # The move is in the person's dated history, as for a move made on the form.
    assert person.unit_history.count() == 2


def test_a_preview_is_refused_when_the_person_changed_in_between(demo_user, client):
    office = demo_user("thuongtruc")
    ward = Unit.objects.get(code="phuong-hoang-liet")
    person = services.create_person(
        actor=office, code="re-3", full_name="Lý Văn Tú", unit=ward, gender="male"
    )
    client.force_login(office)
    row = ["re-3", "Lý Văn Tú", "phuong-hoang-liet", "Phó phòng", "Nam", "", "", "", ""]
    preview = client.post(reverse("org:people_import"), {"file": _upload(row)})
    services.update_person(actor=office, person=person, position="Kế toán")
    applied = client.post(reverse("org:people_import"), {"plan": preview.context["token"]})
    assert applied.status_code == 400
    assert "vừa được người khác sửa" in applied.content.decode()
    person.refresh_from_db()
    assert person.position == "Kế toán"


def test_a_tampered_or_foreign_preview_token_applies_nothing(demo_user, client):
    office = demo_user("thuongtruc")
    client.force_login(office)
    row = ["re-4", "Hồ Thị Na", "phuong-hoang-liet", "", "Nữ", "", "", "", ""]
    preview = client.post(reverse("org:people_import"), {"file": _upload(row)})
    token = preview.context["token"]
    client.force_login(demo_user("canbo.hoangliet"))
    refused = client.post(reverse("org:people_import"), {"plan": token})
    assert refused.status_code == 400
    assert "hết hạn hoặc không hợp lệ" in refused.content.decode()
    client.force_login(office)
    assert client.post(reverse("org:people_import"), {"plan": token + "x"}).status_code == 400
    assert not Person.objects.filter(code="re-4").exists()


def test_a_unit_officer_cannot_update_a_person_of_another_unit_by_import(demo_user):
    office = demo_user("thuongtruc")
    other = Unit.objects.get(code="phuong-dai-kim")
    services.create_person(
        actor=office, code="re-5", full_name="Tạ Văn Ba", unit=other, gender="male"
    )
    row = ["re-5", "Tạ Văn Ba", "phuong-hoang-liet", "", "Nam", "", "", "", ""]
    with pytest.raises(services.PeopleImportRefused) as refused:
        services.preview_people_import(
            actor=demo_user("canbo.hoangliet"), filename="ds.xlsx", content=workbook(row)
        )
    assert [(e.row, "đã có trong hệ thống" in e.message) for e in refused.value.errors] == [
        (2, True)
    ]
    assert Person.objects.get(code="re-5").unit_id == other.pk
