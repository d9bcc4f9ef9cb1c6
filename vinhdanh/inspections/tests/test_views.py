"""The pages of inspections: scope, refusals in words, the minutes, query budgets."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.inspections import services
from vinhdanh.inspections.demo import TITLE
from vinhdanh.inspections.models import Finding, FollowUp, InspectionPlan, Visit
from vinhdanh.org.models import Unit

pytestmark = pytest.mark.django_db


def _login(client, demo_user, username):
    client.force_login(demo_user(username))
    return client


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_inspected_ward_sees_its_own_visit_and_not_another_wards(client, demo_user):
    plan = InspectionPlan.objects.get(title=TITLE)
    own = Visit.objects.get(plan=plan, unit__code="phuong-hoang-liet")
    other = Visit.objects.get(plan=plan, unit__code="phuong-dinh-cong")
    officer = _login(client, demo_user, "canbo.hoangliet")
    assert officer.get(reverse("inspections:visit_detail", args=[own.pk])).status_code == 200
    assert officer.get(reverse("inspections:visit_detail", args=[other.pk])).status_code == 404
    page = officer.get(reverse("inspections:plan_detail", args=[plan.pk])).content.decode()
    assert "Phường Hoàng Liệt" in page and "Phường Định Công" not in page


def test_a_draft_plan_is_the_offices_alone(client, demo_user, council):
    office = demo_user("thuongtruc")
    plan = services.create_plan(office, council=council, title="Kiểm tra đột xuất", year=2021)
    team = services.add_team(office, plan, name="Đoàn 2", leader=office)
    ward = Unit.objects.get(code="phuong-hoang-liet")
    visit = services.schedule_visit(
        office, plan, unit=ward, team=team, scheduled_on=datetime.date(2021, 10, 5)
    )
    officer = _login(client, demo_user, "canbo.hoangliet")
    assert officer.get(reverse("inspections:visit_detail", args=[visit.pk])).status_code == 404
    services.issue_plan(office, plan)
    assert officer.get(reverse("inspections:visit_detail", args=[visit.pk])).status_code == 200


def test_the_findings_sheet_names_the_row_without_evidence(client, demo_user, issued_visit):
    member = _login(client, demo_user, "uyvien")
    first, second, _third = issued_visit.plan.items.all()
    response = member.post(
        reverse("inspections:findings_save", args=[issued_visit.pk]),
        {
            f"item_{first.pk}_result": "met",
            f"item_{first.pk}_evidence": "Kế hoạch 12/KH-UBND",
            f"item_{second.pk}_result": "met",
            f"item_{second.pk}_evidence": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ghi minh chứng (văn bản, hồ sơ đã xem) hoặc đính kèm tệp minh chứng." in page
    assert not Finding.objects.filter(visit=issued_visit).exists()


def test_the_minutes_carry_the_findings_the_conclusion_and_both_signers(client, demo_user):
    visit = Visit.objects.get(plan__title=TITLE, unit__code="phuong-tan-mai")
    office = _login(client, demo_user, "thuongtruc")
    text = _text(office.get(reverse("inspections:minutes_docx", args=[visit.pk])).content)
    assert "BIÊN BẢN KIỂM TRA" in text
    assert "Công tác thi đua, khen thưởng năm 2021 tại Phường Tân Mai" in text
    assert "Đạt một phần" in text and "Không áp dụng" in text
    assert visit.conclusion in text
    follow_up = FollowUp.objects.get(visit=visit)
    assert f"{follow_up.text} (hạn hoàn thành: 30/09/2021)" in text
    assert "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" in text and "TRƯỞNG ĐOÀN KIỂM TRA" in text


def test_the_years_summary_counts_the_demo(client, demo_user):
    plan = InspectionPlan.objects.get(title=TITLE)
    office = _login(client, demo_user, "thuongtruc")
    text = _text(office.get(reverse("inspections:summary_docx", args=[plan.pk])).content)
    assert "kiểm tra 4 đơn vị; 3 đơn vị đã ký biên bản" in text
    assert "Các đơn vị đạt toàn bộ nội dung kiểm tra: Phường Hoàng Liệt." in text
    assert "1 việc đã hoàn thành, 1 việc đang thực hiện, trong đó 1 việc quá hạn." in text


def test_the_plan_task_shows_the_inspection(client, demo_user):
    plan = InspectionPlan.objects.get(title=TITLE)
    assert plan.plan_task is not None, "the demo links the inspection to task 20"
    office = _login(client, demo_user, "thuongtruc")
    page = office.get(reverse("plans:task_detail", args=[plan.plan_task_id])).content.decode()
    assert plan.title in page and "3/4 đơn vị đã ký biên bản" in page


def test_the_late_follow_up_is_in_the_units_inbox(client, demo_user, demo):
    tan_mai = Unit.objects.get(code="phuong-tan-mai")
    officer = demo_user("canbo.hoangliet")
    officer.unit = tan_mai  # an officer of the ward whose item is late
    officer.save()
    page = _login(client, demo_user, "canbo.hoangliet").get(reverse("home:index"))
    assert "Việc khắc phục sau kiểm tra quá hạn" in page.content.decode()


def test_the_lists_cost_the_same_queries_with_more_rows(client, demo_user, council):
    office = _login(client, demo_user, "thuongtruc")
    plan = InspectionPlan.objects.get(title=TITLE)
    visit = Visit.objects.filter(plan=plan).first()
    counter = iter(range(10_000))

    def more_plans(count):
        InspectionPlan.objects.bulk_create(
            [
                InspectionPlan(council=council, year=2021, title=f"Kế hoạch thử {next(counter)}")
                for _ in range(count)
            ]
        )

    def more_items(count):
        FollowUp.objects.bulk_create(
            [
                FollowUp(
                    visit=visit,
                    text=f"Khắc phục thử {next(counter)}",
                    due_on=datetime.date(2021, 12, 1),
                )
                for _ in range(count)
            ]
        )

    assert_flat(office, reverse("inspections:plan_list"), more_plans)
    assert_flat(office, reverse("inspections:follow_up_list"), more_items)
    assert_flat(
        office,
        reverse("inspections:visit_detail", args=[visit.pk]),
        more_items,
        marker="Khắc phục thử",
    )
