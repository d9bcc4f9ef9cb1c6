import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.documents.tests import builders
from vinhdanh.org.models import Unit
from vinhdanh.plans import services
from vinhdanh.plans.models import Plan, PlanImport, Task


def _preview(user, content=None, name="ke-hoach.txt"):
    content = builders.seed_bytes() if content is None else content
    return services.preview_import(actor=user, filename=name, content=content)


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("kh.txt", builders.seed_bytes),
        ("kh.docx", builders.seed_docx_bytes),
        ("kh.xlsx", builders.seed_xlsx_bytes),
    ],
)
def test_preview_saves_nothing_and_confirm_saves_the_25_tasks(no_demo_plan, demo_user, name, build):
    office = demo_user("thuongtruc")
    draft = _preview(office, build(), name)
    assert not Plan.objects.filter(number="01/KH-HĐTĐKT").exists()
    assert len(draft.parsed["tasks"]) == 25
    plan = services.confirm_import(actor=office, draft=draft, choices={})
    assert plan.tasks.count() == 25
    assert (plan.year, plan.date, plan.title) == (
        2021,
        dt.date(2021, 1, 13),
        "Triển khai công tác thi đua khen thưởng năm 2021",
    )
    sections = list(plan.tasks.values_list("section", flat=True))
    assert [sections.count(q) for q in ("Quý I", "Quý II", "Quý III", "Quý IV")] == [14, 5, 4, 2]
    task8 = plan.tasks.get(number="8")
    assert list(task8.lead_units.values_list("code", flat=True)) == ["phong-y-te"]
    assert set(task8.coordinating_units.values_list("code", flat=True)) == {
        "phong-kinh-te",
        "phong-noi-vu",
    }
    task14 = plan.tasks.get(number="14")
    assert (task14.deadline_kind, task14.deadline_date) == ("higher_level", None)
    task1 = plan.tasks.get(number="1")
    assert task1.coordinating_groups == ["Các đơn vị thuộc Quận"]
    assert plan.unit_plan_deadline == dt.date(2021, 1, 30)
    assert AuditEntry.objects.filter(action="plans.plan.import", object_id=str(plan.pk)).exists()


def test_importing_the_same_plan_twice_is_refused(demo_user):
    office = demo_user("thuongtruc")
    draft = _preview(office)
    with pytest.raises(ValidationError, match="đã có trong hệ thống"):
        services.confirm_import(actor=office, draft=draft, choices={})
    assert Plan.objects.filter(number="01/KH-HĐTĐKT").count() == 1
    assert Task.objects.filter(plan__number="01/KH-HĐTĐKT").count() == 25


def test_update_keeps_reports_and_never_duplicates(demo_user):
    office = demo_user("thuongtruc")
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    done_task = plan.tasks.get(number="1")
    assert done_task.reports.exists()
    ids = set(plan.tasks.values_list("pk", flat=True))
    again = services.confirm_import(actor=office, draft=_preview(office), choices={}, update=True)
    assert again.pk == plan.pk
    assert set(again.tasks.values_list("pk", flat=True)) == ids
    assert again.tasks.get(number="1").reports.exists()


def test_unmatched_names_wait_for_the_staff_and_nothing_is_created(no_demo_plan, demo_user):
    office = demo_user("thuongtruc")
    text = builders.seed_bytes().decode().replace("Phòng Quản lý đô thị", "Ban Quản lý chợ Mơ")
    draft = _preview(office, text.encode())
    pending = [n for n, i in draft.parsed["names"].items() if i["kind"] == "unknown"]
    assert pending == ["Ban Quản lý chợ Mơ"]
    units_before = Unit.objects.count()
    with pytest.raises(ValidationError, match="Ban Quản lý chợ Mơ"):
        services.confirm_import(actor=office, draft=draft, choices={})
    assert not Plan.objects.filter(number="01/KH-HĐTĐKT").exists()
    plan = services.confirm_import(
        actor=office, draft=draft, choices={"Ban Quản lý chợ Mơ": "text"}
    )
    task = plan.tasks.get(number="12")
    assert task.lead_groups == ["Ban Quản lý chợ Mơ"]
    assert "unit_unmatched" in task.flags
    assert Unit.objects.count() == units_before


def test_a_chosen_unit_is_linked(no_demo_plan, demo_user):
    office = demo_user("thuongtruc")
    text = builders.seed_bytes().decode().replace("Phòng Quản lý đô thị", "Phòng Đô thị")
    draft = _preview(office, text.encode())
    qldt = Unit.objects.get(code="phong-qldt")
    suggestions = [s["id"] for s in draft.parsed["names"]["Phòng Đô thị"]["suggestions"]]
    assert qldt.pk in suggestions
    plan = services.confirm_import(
        actor=office, draft=draft, choices={"Phòng Đô thị": str(qldt.pk)}
    )
    assert list(plan.tasks.get(number="12").lead_units.all()) == [qldt]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kh.docx", builders.docx_without_plan_bytes(), "Không tìm thấy bảng nhiệm vụ"),
        ("kh.txt", b"", "rỗng"),
        ("kh.exe", b"MZ\x90\x00" + bytes(200), ""),
        ("kh.docx", builders.corrupt_zip_bytes(), ""),
        ("kh.pdf", b"%PDF-1.4\n" + bytes(100), ""),
    ],
)
def test_bad_files_are_refused_with_a_message(demo_user, name, content, message):
    kept = PlanImport.objects.count()
    with pytest.raises(ValidationError) as error:
        _preview(demo_user("thuongtruc"), content, name)
    assert message in " ".join(error.value.messages)
    assert error.value.messages[0]
    assert PlanImport.objects.count() == kept


def test_only_the_office_imports_and_confirms(demo_user):
    with pytest.raises(PermissionDenied):
        _preview(demo_user("canbo.hoangliet"))
    draft = _preview(demo_user("thuongtruc"))
    with pytest.raises(ValidationError):
        services.confirm_import(actor=demo_user("admin"), draft=draft, choices={}, update=True)
