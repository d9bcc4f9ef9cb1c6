"""Inspections through their services: the plan, findings with evidence, minutes, follow-ups."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.inspections import services
from vinhdanh.inspections.models import (
    Finding,
    FollowUp,
    FollowUpState,
    PlanState,
    VisitState,
)
from vinhdanh.inspections.tests.conftest import rows
from vinhdanh.workflow.engine import ConflictError

pytestmark = pytest.mark.django_db


def test_a_plan_without_visits_cannot_be_issued(demo_user, council):
    office = demo_user("thuongtruc")
    plan = services.create_plan(office, council=council, title="Kiểm tra trống", year=2021)
    assert plan.items.count() == len(services.DEFAULT_CHECKLIST)
    with pytest.raises(ValidationError, match="chưa có lịch kiểm tra"):
        services.issue_plan(office, plan)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT


def test_a_plan_needs_a_checklist(demo_user, council):
    with pytest.raises(ValidationError, match="ít nhất một nội dung"):
        services.create_plan(
            demo_user("thuongtruc"),
            council=council,
            title="Không nội dung",
            year=2021,
            checklist=[],
        )


def test_a_unit_is_scheduled_once_per_plan(demo_user, issued_visit, ward):
    with pytest.raises(ValidationError, match="đã có lịch kiểm tra"):
        services.schedule_visit(
            demo_user("thuongtruc"),
            issued_visit.plan,
            unit=ward,
            team=issued_visit.team,
            scheduled_on=datetime.date(2021, 8, 1),
        )


def test_a_finding_without_evidence_refuses_the_whole_sheet(demo_user, issued_visit):
    sheet = rows(issued_visit, "met", "met")
    sheet[1].evidence = "  "
    with pytest.raises(services.FindingsRefused) as refused:
        services.record_findings(demo_user("uyvien"), issued_visit, sheet)
    assert refused.value.by_item == {
        sheet[1].item.pk: "Ghi minh chứng (văn bản, hồ sơ đã xem) hoặc đính kèm tệp minh chứng."
    }
    # Nothing half-saved: the first row, acceptable alone, was not kept either.
    assert not Finding.objects.filter(visit=issued_visit).exists()


def test_a_finding_not_met_needs_a_remark(demo_user, issued_visit):
    sheet = rows(issued_visit, "not_met", note="")
    with pytest.raises(services.FindingsRefused) as refused:
        services.record_findings(demo_user("thuongtruc"), issued_visit, sheet)
    assert "nhận xét" in next(iter(refused.value.by_item.values()))


def test_not_applicable_needs_no_evidence(demo_user, issued_visit):
    sheet = rows(issued_visit, "na", evidence="")
    saved = services.record_findings(demo_user("thuongtruc"), issued_visit, sheet)
    assert [f.result for f in saved] == ["na"]


def test_an_evidence_file_goes_through_the_upload_gate(demo_user, issued_visit):
    sheet = rows(issued_visit, "met", evidence="")
    sheet[0].evidence_upload = ("minh-chung.exe", b"MZ\x90\x00 not a document")
    with pytest.raises(ValidationError):
        services.record_findings(demo_user("thuongtruc"), issued_visit, sheet)
    assert not Finding.objects.filter(visit=issued_visit).exists()
    sheet[0].evidence_upload = ("minh-chung.txt", "Sổ theo dõi khen thưởng 2021".encode())
    (finding,) = services.record_findings(demo_user("thuongtruc"), issued_visit, sheet)
    assert finding.evidence_file and finding.evidence_name == "minh-chung.txt"


def test_someone_off_the_team_cannot_record_findings(demo_user, issued_visit):
    with pytest.raises(PermissionDenied):
        services.record_findings(demo_user("chutich"), issued_visit, rows(issued_visit, "met"))


def test_the_visit_is_conducted_only_with_every_item_and_a_conclusion(demo_user, issued_visit):
    member = demo_user("uyvien")
    services.record_findings(member, issued_visit, rows(issued_visit, "met", "met"))
    with pytest.raises(ValidationError, match="Còn 1 nội dung"):
        services.conduct_visit(member, issued_visit, conclusion="Tốt.")
    services.record_findings(member, issued_visit, rows(issued_visit, "met", "met", "partly"))
    issued_visit.refresh_from_db()
    with pytest.raises(ValidationError, match="kết luận"):
        services.conduct_visit(member, issued_visit)
    visit = services.conduct_visit(member, issued_visit, conclusion="Cơ bản đạt yêu cầu.")
    assert visit.state == VisitState.CONDUCTED
    # Findings are frozen once conducted.
    with pytest.raises(ValidationError, match="Đã hoàn thành kiểm tra"):
        services.record_findings(member, visit, rows(visit, "not_met"))


def _conducted(demo_user, visit):
    member = demo_user("uyvien")
    services.record_findings(member, visit, rows(visit, "met", "met", "not_met"))
    visit.refresh_from_db()
    return services.conduct_visit(member, visit, conclusion="Còn tồn tại ở nội dung 3.")


def test_only_the_team_leader_or_the_office_signs_the_minutes(demo_user, issued_visit):
    visit = _conducted(demo_user, issued_visit)
    with pytest.raises(PermissionDenied):
        services.sign_minutes(demo_user("uyvien"), visit, unit_representative="Ông A")
    with pytest.raises(ValidationError, match="người đại diện"):
        services.sign_minutes(demo_user("thuongtruc"), visit)
    visit = services.sign_minutes(
        demo_user("thuongtruc"), visit, unit_representative="Nguyễn Văn A, Phó Chủ tịch UBND"
    )
    assert visit.state == VisitState.SIGNED and visit.signed_at is not None
    assert AuditEntry.objects.filter(action="inspections.visit.sign").count() == 1


def test_a_stale_page_cannot_sign(demo_user, issued_visit):
    visit = _conducted(demo_user, issued_visit)
    with pytest.raises(ConflictError):
        services.sign_minutes(
            demo_user("thuongtruc"),
            visit,
            unit_representative="Ông A",
            expected_version=visit.version - 1,
        )


def test_reopening_a_conducted_visit_needs_a_reason(demo_user, issued_visit):
    visit = _conducted(demo_user, issued_visit)
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen_visit(demo_user("uyvien"), visit, note="")
    visit = services.reopen_visit(demo_user("uyvien"), visit, note="Ghi nhầm nội dung 3.")
    assert visit.state == VisitState.SCHEDULED


def test_a_follow_up_is_due_after_the_visit_and_closed_by_the_unit(demo_user, issued_visit):
    office = demo_user("thuongtruc")
    with pytest.raises(ValidationError, match="phải sau ngày kiểm tra"):
        services.add_follow_up(
            office, issued_visit, text="Lưu hồ sơ", due_on=issued_visit.scheduled_on
        )
    item = services.add_follow_up(
        office, issued_visit, text="Lưu hồ sơ", due_on=datetime.date(2021, 9, 1)
    )
    officer = demo_user("cumtruong")  # the officer of Đại Kim, the inspected ward
    with pytest.raises(ValidationError, match="Ghi kết quả"):
        services.complete_follow_up(officer, item, result="")
    item = services.complete_follow_up(officer, item, result="Đã sắp xếp hồ sơ theo năm.")
    assert item.state == FollowUpState.DONE and item.closed_at is not None
    # Another ward's officer cannot touch it.
    with pytest.raises(PermissionDenied):
        services.reopen_follow_up(demo_user("canbo.hoangliet"), item, note="x")
    item = services.reopen_follow_up(office, item, note="Chưa đủ hồ sơ năm 2020.")
    assert item.state == FollowUpState.OPEN


def test_closing_the_plan_needs_every_minutes_signed_and_a_summary(demo_user, issued_visit):
    office = demo_user("thuongtruc")
    plan = issued_visit.plan
    with pytest.raises(ValidationError, match="chưa ký biên bản"):
        services.close_plan(office, plan, summary="Tổng kết.")
    visit = _conducted(demo_user, issued_visit)
    services.sign_minutes(office, visit, unit_representative="Ông A")
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="tổng kết"):
        services.close_plan(office, plan)
    plan = services.close_plan(office, plan, summary="Các đơn vị thực hiện tốt.")
    assert plan.state == PlanState.CLOSED


def test_reminders_go_once_before_the_deadline_and_once_when_late(demo_user, issued_visit):
    officer = demo_user("cumtruong")
    officer.email = "daikim@example.vn"
    officer.save()
    item = services.add_follow_up(
        demo_user("thuongtruc"), issued_visit, text="Lưu hồ sơ", due_on=datetime.date(2021, 9, 10)
    )
    FollowUp.objects.exclude(pk=item.pk).update(state=FollowUpState.DONE)  # the demo's items
    assert services.send_follow_up_reminders(datetime.date(2021, 9, 1)) == 0
    assert services.send_follow_up_reminders(datetime.date(2021, 9, 8)) == 1
    assert services.send_follow_up_reminders(datetime.date(2021, 9, 9)) == 0
    assert services.send_follow_up_reminders(datetime.date(2021, 9, 11)) == 1
    assert services.send_follow_up_reminders(datetime.date(2021, 9, 12)) == 0
    assert [m.to for m in mail.outbox] == [["daikim@example.vn"]] * 2
    assert "Quá hạn" in mail.outbox[1].subject
