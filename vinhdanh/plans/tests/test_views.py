import io
import re

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from vinhdanh.audit.models import AuditEntry
from vinhdanh.documents.reader import read_plan
from vinhdanh.documents.tests import builders
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import Notification, Plan, PlanImport


@pytest.fixture
def plan(demo):
    return Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


@pytest.fixture
def officer(client, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    return client


@pytest.mark.parametrize("name", ["plan_detail", "plan_timeline", "plan_calendar", "unit_plans"])
def test_plan_pages_render(office, plan, name):
    response = office.get(reverse(f"plans:{name}", args=[plan.pk]))
    assert response.status_code == 200
    assert "01/KH-HĐTĐKT" in response.content.decode()


def test_appendix_is_grouped_like_the_document(office, plan):
    html = office.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    # A section heading is the first text of its cell, wherever the template breaks the line.
    positions = [re.search(rf">\s*Quý {q} ", html).start() for q in ("I", "II", "III", "IV")]
    assert positions == sorted(positions)
    assert html.count('data-testid="task-row"') == 25


def test_calendar_month_lists_its_deadlines(office, plan):
    html = office.get(reverse("plans:plan_calendar", args=[plan.pk]) + "?month=2021-04").content
    html = html.decode()
    assert "04/2021" in html
    assert html.count("Xây dựng và triển khai Kế hoạch thực hiện phong trào thi đua") >= 4


def test_lists_and_dashboard_render(office, plan):
    for name in ("plan_list", "dashboard", "notifications", "feeds", "my_tasks"):
        assert office.get(reverse(f"plans:{name}")).status_code == 200


def test_dashboard_lists_overdue_tasks_per_unit(office, plan):
    html = office.get(reverse("plans:dashboard")).content.decode()
    assert "Phòng Nội vụ" in html
    assert "Quá hạn" in html


def test_exports_read_back_as_the_same_tasks(office, plan):
    docx = office.get(reverse("plans:export_docx", args=[plan.pk]))
    assert docx["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(docx.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "KẾ HOẠCH" in text and "Số: 01/KH-HĐTĐKT" in text and "Nguyễn Minh Tâm" in text
    again = read_plan(docx.content, "x.docx")
    original = read_plan(builders.seed_bytes(), "seed.txt")
    assert [(t.number, t.section, t.lead_units, t.deadline) for t in again.tasks] == [
        (t.number, t.section, t.lead_units, t.deadline) for t in original.tasks
    ]
    xlsx = office.get(reverse("plans:export_xlsx", args=[plan.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row >= 25
    assert len(read_plan(xlsx.content, "x.xlsx").tasks) == 25


def test_unit_feed_is_an_icalendar_of_the_unit_deadlines(client, plan, demo_user):
    from vinhdanh.plans import services

    unit = Unit.objects.get(code="phong-noi-vu")
    new = services.create_feed_token(actor=demo_user("thuongtruc"), unit=unit)
    response = client.get(reverse("plans:unit_feed", args=[new.secret]))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20210130" in text
    assert client.get(reverse("plans:unit_feed", args=["forged"])).status_code == 404


def test_upload_preview_and_confirm_through_the_pages(office, no_demo_plan):
    upload = io.BytesIO(builders.seed_docx_bytes())
    upload.name = "ke-hoach.docx"
    response = office.post(reverse("plans:import_upload"), {"file": upload})
    draft = PlanImport.objects.get(original_name="ke-hoach.docx")
    assert response.url == reverse("plans:import_preview", args=[draft.pk])
    html = office.get(response.url).content.decode()
    assert 'data-testid="preview-task-count">25<' in html
    # The preview says the group tasks will get one line per unit under the council.
    plan_units = Unit.objects.filter(parent__code="hoang-mai", is_active=True).count()
    assert f"({plan_units} đơn vị)" in html.split('data-testid="group-split"')[1]
    response = office.post(reverse("plans:import_confirm", args=[draft.pk]))
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    assert response.url == reverse("plans:plan_detail", args=[plan.pk])
    assert plan.tasks.get(number="5").assignments.count() == plan_units
    assert plan.body_text.startswith("Phát huy kết quả đạt được")


def test_a_bad_upload_shows_the_reason(office):
    upload = io.BytesIO(b"MZ" + bytes(300))
    upload.name = "ke-hoach.docx"
    response = office.post(reverse("plans:import_upload"), {"file": upload})
    assert response.status_code == 400
    assert 'data-testid="import-error"' in response.content.decode()


def test_unit_officers_cannot_import(officer):
    assert officer.get(reverse("plans:import_upload")).status_code == 403


def test_officer_sees_own_and_group_tasks_only(officer, plan, demo_user):
    task = plan.tasks.get(number="12")
    assert officer.get(reverse("plans:task_detail", args=[task.pk])).status_code == 404
    task.lead_units.add(demo_user("canbo.hoangliet").unit)
    assert officer.get(reverse("plans:task_detail", args=[task.pk])).status_code == 200
    html = officer.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert html.count('data-testid="task-row"') < 25


def test_report_through_the_page(officer, plan, demo_user):
    task = plan.tasks.get(number="12")
    task.lead_units.set([demo_user("canbo.hoangliet").unit])
    attachment = io.BytesIO(b"%PDF-1.4\n" + bytes(100))
    attachment.name = "bao-cao.pdf"
    response = officer.post(
        reverse("plans:task_report", args=[task.pk]),
        {"text": "Đã hoàn thành", "done": "1", "attachments": [attachment]},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done_on is not None
    assert task.reports.get().attachments.count() == 1


def test_notifications_are_the_users_own(officer, demo_user):
    Notification.objects.create(user=demo_user("canbo.hoangliet"), text="Nhắc việc A", url="/")
    Notification.objects.create(user=demo_user("canbo.dinhcong"), text="Nhắc việc B", url="/")
    html = officer.get(reverse("plans:notifications")).content.decode()
    assert "Nhắc việc A" in html and "Nhắc việc B" not in html


def test_a_report_form_refuses_bad_input_in_vietnamese(officer, plan, demo_user):
    task = plan.tasks.get(number="12")
    task.lead_units.set([demo_user("canbo.hoangliet").unit])
    url = reverse("plans:task_report", args=[task.pk])
    response = officer.post(url, {"text": " ", "percent": "150"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hãy ghi nội dung báo cáo." in html and "Tiến độ phải từ 0 đến 100%." in html
    other = Unit.objects.get(code="phong-noi-vu")
    response = officer.post(url, {"text": "Xong", "unit": other.pk})
    assert "Đơn vị đã chọn không chủ trì nhiệm vụ này." in response.content.decode()
    assert not task.reports.exists()


def test_the_office_reopens_a_done_task_through_the_page(office, plan):
    task = plan.tasks.get(number="1")
    url = reverse("plans:task_reopen", args=[task.pk])
    assert office.post(url).status_code == 302
    task.refresh_from_db()
    assert task.done_on is None
    assert AuditEntry.objects.filter(action="plans.task.reopen", object_id=str(task.pk)).exists()
    response = office.post(url)
    assert response.status_code == 400
    assert "chưa hoàn thành" in response.content.decode()


def test_a_unit_officer_is_offered_no_reopen_and_is_refused(officer, plan, demo_user):
    task = plan.tasks.get(number="5")  # a group's task: every unit sees it
    task.done_on = task.deadline_date
    task.save()
    page = officer.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert "Mở lại nhiệm vụ" not in page and 'data-testid="report-form"' in page
    response = officer.post(reverse("plans:task_reopen", args=[task.pk]))
    assert response.status_code == 400
    assert "Bạn không có quyền thực hiện thao tác này." in response.content.decode()
    task.refresh_from_db()
    assert task.done_on is not None


def test_marking_notifications_read_is_audited_once(officer, demo_user):
    user = demo_user("canbo.hoangliet")
    made = [Notification.objects.create(user=user, text=f"Nhắc {n}", url="/") for n in range(3)]
    response = officer.post(reverse("plans:notifications"))
    assert response.status_code == 302
    assert not Notification.objects.filter(user=user, read=False).exists()
    entry = AuditEntry.objects.get(action="plans.notification.read_all")
    assert entry.actor == user
    assert sorted(entry.after["notifications"]) == [n.pk for n in made]
    assert officer.post(reverse("plans:notifications")).status_code == 302
    assert AuditEntry.objects.filter(action="plans.notification.read_all").count() == 1


def test_a_name_left_unchosen_is_asked_for_on_the_preview(office, no_demo_plan):
    text = builders.seed_bytes().decode().replace("Phòng Quản lý đô thị", "Ban Quản lý chợ Mơ")
    upload = io.BytesIO(text.encode())
    upload.name = "ke-hoach.txt"
    draft_url = office.post(reverse("plans:import_upload"), {"file": upload}).url
    draft = PlanImport.objects.get(original_name="ke-hoach.txt")
    preview = office.get(draft_url).content.decode()
    assert 'name="name-0"' in preview and "Ban Quản lý chợ Mơ" in preview
    response = office.post(reverse("plans:import_confirm", args=[draft.pk]), {"name-0": ""})
    assert response.status_code == 400
    assert "Hãy chọn đơn vị cho “Ban Quản lý chợ Mơ”" in response.content.decode()
    assert not Plan.objects.filter(number="01/KH-HĐTĐKT").exists()
    response = office.post(reverse("plans:import_confirm", args=[draft.pk]), {"name-0": "text"})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="plans.plan_import.preview").count() == 1


def test_the_upload_page_asks_for_a_file(office):
    response = office.post(reverse("plans:import_upload"), {})
    assert response.status_code == 400
    assert "Hãy chọn tệp kế hoạch (.docx, .xlsx hoặc .txt)." in response.content.decode()
