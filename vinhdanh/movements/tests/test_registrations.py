import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document
from openpyxl import Workbook, load_workbook

from vinhdanh.movements import documents, registrations, selectors
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import Movement, Registration, RegistrationState
from vinhdanh.org.models import Person, Unit
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


@pytest.fixture
def main(demo):
    return Movement.objects.get(name=MAIN)


def _workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã cá nhân", "Họ và tên", "Danh hiệu đăng ký"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_demo_has_registrations_in_every_state(main):
    states = set(Registration.objects.filter(movement=main).values_list("state", flat=True))
    assert states == set(RegistrationState.values)


def test_full_cycle_register_return_approve(main, demo_user):
    officer, office = demo_user("canbo.hoangliet"), demo_user("thuongtruc")
    registration = registrations.start_registration(officer, main, officer.unit)
    person = Person.objects.filter(unit=officer.unit).first()
    # Each service returns the registration as it now is (its version moved on).
    registration = registrations.save_registration(
        officer,
        registration,
        entries=[(None, "tap_the_lao_dong_xuat_sac"), (person.pk, "lao_dong_tien_tien")],
        expected_version=registration.version,
    )
    registration = registrations.submit_registration(officer, registration)
    with pytest.raises(ValidationError, match="lý do"):
        registrations.return_registration(office, registration, reason="  ")
    registration = registrations.return_registration(office, registration, reason="Thiếu cá nhân")
    registration.refresh_from_db()
    assert registration.state == RegistrationState.RETURNED
    assert registration.return_reason == "Thiếu cá nhân"
    registration = registrations.submit_registration(officer, registration)
    with pytest.raises(PermissionDenied):
        registrations.approve_registration(officer, registration)
    registration = registrations.approve_registration(office, registration)
    registration.refresh_from_db()
    assert registration.state == RegistrationState.APPROVED
    assert selectors.registered_titles(officer.unit, 2021) == {"tap_the_lao_dong_xuat_sac"}
    assert selectors.registered_titles(person, 2021) == {"lao_dong_tien_tien"}
    assert selectors.registered_titles(person, 2022) == set()
    with pytest.raises(ValidationError, match="không sửa được"):
        registrations.save_registration(officer, registration, entries=[])


def test_stale_registration_save_is_refused(main, demo_user):
    officer = demo_user("canbo.hoangliet")
    registration = registrations.start_registration(officer, main, officer.unit)
    old_version = registration.version
    registrations.save_registration(
        officer, registration, entries=[(None, "giay_khen")], expected_version=old_version
    )
    # The engine's refusal of a stale page (ConflictError is a ValidationError).
    with pytest.raises(ConflictError, match="vừa được người khác thay đổi"):
        registrations.save_registration(
            officer, registration, entries=[], expected_version=old_version
        )
    assert registration.entries.count() == 1


def test_wrong_title_kind_and_foreign_person_are_refused(main, demo_user):
    officer = demo_user("canbo.hoangliet")
    registration = registrations.start_registration(officer, main, officer.unit)
    stranger = Person.objects.exclude(unit=officer.unit).first()
    mine = Person.objects.filter(unit=officer.unit).first()
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        registrations.save_registration(
            officer, registration, entries=[(stranger.pk, "lao_dong_tien_tien")]
        )
    with pytest.raises(ValidationError, match="danh hiệu tập thể"):
        registrations.save_registration(officer, registration, entries=[(mine.pk, "giay_khen")])
    with pytest.raises(ValidationError, match="danh hiệu cá nhân"):
        registrations.save_registration(
            officer, registration, entries=[(None, "lao_dong_tien_tien")]
        )
    with pytest.raises(ValidationError, match="chưa có danh hiệu"):
        registrations.submit_registration(officer, registration)


def test_officer_cannot_register_another_unit(main, demo_user):
    officer = demo_user("canbo.hoangliet")
    with pytest.raises(PermissionDenied):
        registrations.start_registration(officer, main, Unit.objects.get(code="phuong-dinh-cong"))


def test_import_from_workbook_and_row_errors(main, demo_user):
    officer = demo_user("canbo.hoangliet")
    registration = registrations.start_registration(officer, main, officer.unit)
    person = Person.objects.filter(unit=officer.unit).first()
    good = _workbook(
        [
            ["", "", "Tập thể lao động xuất sắc"],
            [person.code, person.full_name, "Chiến sĩ thi đua cơ sở"],
        ]
    )
    registration = registrations.import_registration(
        officer, registration, filename="dk.xlsx", content=good
    )
    assert set(registration.entries.values_list("title", flat=True)) == {
        "tap_the_lao_dong_xuat_sac",
        "chien_si_thi_dua_co_so",
    }
    bad = _workbook([["", "", "Danh hiệu lạ"], ["khong-co", "", "Lao động tiên tiến"]])
    with pytest.raises(ValidationError) as caught:
        registrations.import_registration(officer, registration, filename="dk.xlsx", content=bad)
    assert any("Dòng 2" in m for m in caught.value.messages)
    assert any("Dòng 3" in m for m in caught.value.messages)
    assert registration.entries.count() == 2
    with pytest.raises(ValidationError):
        registrations.import_registration(
            officer, registration, filename="dk.xlsx", content=b"not a workbook"
        )


def test_overview_lists_units_not_registered(main):
    missing = {unit.code for unit in selectors.not_registered(main)}
    assert "phuong-hoang-liet" in missing
    assert "phuong-hoang-van-thu" in missing  # a draft is not a registration sent
    assert "phuong-dai-kim" not in missing
    rows = selectors.registration_overview(main)
    assert len(rows) == main.target_units.count()


def test_consolidated_exports(main):
    book = load_workbook(io.BytesIO(documents.registration_workbook(main)))
    values = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "Phường Đại Kim" in values
    assert "Phường Hoàng Văn Thụ" not in values  # drafts are not consolidated
    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(documents.registration_document(main))).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Tập thể lao động xuất sắc" in text


def test_pages_render(client, main, demo_user):
    client.force_login(demo_user("thuongtruc"))
    response = client.get(f"/movements/{main.pk}/")
    assert response.status_code == 200
    assert "Chưa đăng ký" in response.content.decode()
    assert client.get("/movements/").status_code == 200
    assert client.get("/movements/registrations/").status_code == 200
    response = client.get(f"/movements/{main.pk}/ke-hoach.docx")
    assert response["Content-Type"].endswith("document")
    assert client.get(f"/movements/{main.pk}/registrations.xlsx").status_code == 200
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get(f"/movements/{main.pk}/registrations.xlsx").status_code == 403
    other = Registration.objects.get(movement=main, unit__code="phuong-dai-kim")
    assert client.get(f"/movements/registrations/{other.pk}/").status_code == 404


def test_ward_launches_a_cascaded_movement_through_the_form(client, main, demo_user):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    assert client.get(f"/movements/new/?parent={main.pk}").status_code == 200
    response = client.post(
        f"/movements/new/?parent={main.pk}",
        {
            "name": "Thi đua phường Hoàng Liệt 2021",
            "kind": "regular",
            "year": 2021,
            "launched_by": officer.unit_id,
            "parent": main.pk,
            "starts_on": "2021-02-01",
            "ends_on": "2021-12-31",
            "target_units": [officer.unit_id],
        },
    )
    child = Movement.objects.get(name="Thi đua phường Hoàng Liệt 2021")
    assert response.status_code == 302 and child.parent == main
    client.post(f"/movements/{child.pk}/launch/")
    child.refresh_from_db()
    assert child.status == "launched"
    response = client.post(
        "/movements/new/",
        {
            "name": "Sai",
            "kind": "regular",
            "year": 2021,
            "launched_by": officer.unit_id,
            "starts_on": "2021-02-01",
            "ends_on": "2021-01-01",
            "target_units": [officer.unit_id],
        },
    )
    assert response.status_code == 200
    assert not Movement.objects.filter(name="Sai").exists()


def test_year_consolidation_for_the_standing_office(client, main, demo_user):
    client.force_login(demo_user("thuongtruc"))
    page = client.get("/movements/registrations/").content.decode()
    assert 'data-testid="year-exports"' in page
    response = client.get("/movements/registrations/2021.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    values = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert MAIN in values and "Phường Tân Mai" in values
    response = client.get("/movements/registrations/2021.docx")
    cells = [
        c.text
        for t in Document(io.BytesIO(response.content)).tables
        for r in t.rows
        for c in r.cells
    ]
    assert "Phường Đại Kim" in cells
    client.force_login(demo_user("canbo.hoangliet"))
    assert client.get("/movements/registrations/2021.xlsx").status_code == 403
