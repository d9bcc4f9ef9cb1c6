import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.accounts import access
from vinhdanh.org.models import Unit
from vinhdanh.plans import selectors, services
from vinhdanh.plans.models import Plan, Task, UnitPlanSubmission
from vinhdanh.plans.status import Status

PDF = b"%PDF-1.4\n% bao cao\n" + b"0" * 100


@pytest.fixture
def plan(demo):
    return Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)


@pytest.fixture
def ward_task(plan, demo_user):
    """Task 12 handed to Phường Hoàng Liệt, so its officer leads it."""
    task = plan.tasks.get(number="12")
    task.lead_units.set([demo_user("canbo.hoangliet").unit])
    return task


def test_lead_unit_reports_with_attachment_and_completes_late(ward_task, demo_user):
    officer = demo_user("canbo.hoangliet")
    with time_machine.travel(dt.datetime(2021, 4, 5, 9, 0)):
        services.submit_report(
            actor=officer,
            task=ward_task,
            unit=officer.unit,
            text="Đã có dự thảo",
            percent=50,
            files=[("bc.pdf", PDF)],
        )
        ward_task.refresh_from_db()
        assert ward_task.status_on(dt.date(2021, 4, 5)) == Status.IN_PROGRESS
    with time_machine.travel(dt.datetime(2021, 4, 12, 9, 0)):
        report = services.submit_report(
            actor=officer, task=ward_task, unit=officer.unit, text="Đã ban hành", done=True
        )
    ward_task.refresh_from_db()
    assert report.percent == 100
    assert ward_task.done_on == dt.date(2021, 4, 12)
    assert ward_task.status_on(dt.date(2021, 5, 1)) == Status.DONE_LATE
    assert ward_task.reports.first().attachments.count() == 0
    assert ward_task.reports.last().attachments.get().kind == "pdf"


def test_other_units_cannot_report(ward_task, demo_user):
    other = demo_user("canbo.dinhcong")
    with pytest.raises(PermissionDenied):
        services.submit_report(actor=other, task=ward_task, unit=other.unit, text="x")


def test_a_report_needs_text_and_safe_files(ward_task, demo_user):
    officer = demo_user("canbo.hoangliet")
    with pytest.raises(ValidationError, match="nội dung"):
        services.submit_report(actor=officer, task=ward_task, unit=officer.unit, text=" ")
    with pytest.raises(ValidationError):
        services.submit_report(
            actor=officer,
            task=ward_task,
            unit=officer.unit,
            text="x",
            files=[("virus.pdf", b"MZ" + bytes(100))],
        )
    assert not ward_task.reports.exists()


def test_coordinating_units_see_the_tasks_they_help_with(plan, demo_user):
    officer = demo_user("canbo.hoangliet")
    task = plan.tasks.get(number="11")
    assert not access.can(officer, access.VIEW, task)
    task.coordinating_units.add(officer.unit)
    assert access.can(officer, access.VIEW, task)
    led, helped = selectors.unit_tasks(officer)
    assert task in helped and task not in led
    assert len(set(helped.values_list("pk", flat=True))) == helped.count()
    # Tasks given to "Các đơn vị thuộc Quận" concern every unit.
    assert plan.tasks.get(number="5") in led


def test_unit_plan_table_shows_on_time_late_and_missing(plan, demo_user):
    rows = {
        row.unit.code: row.state
        for row in selectors.unit_plan_table(demo_user("thuongtruc"), plan, dt.date(2021, 3, 1))
    }
    assert rows["phong-y-te"] == "on_time"
    assert rows["phong-vhtt"] == "late"
    assert rows["phong-qldt"] == "missing_overdue"
    assert "thcs-hoang-liet" not in rows  # a school answers to its department, not the council
    early = selectors.unit_plan_table(demo_user("thuongtruc"), plan, dt.date(2021, 1, 20))
    assert {row.state for row in early if row.submission is None} == {"missing"}


def test_a_unit_sends_its_own_plan_and_only_its_own(plan, demo_user):
    officer = demo_user("canbo.dinhcong")
    with time_machine.travel(dt.datetime(2021, 1, 29, 9, 0)):
        submission = services.submit_unit_plan(
            actor=officer, plan=plan, unit=officer.unit, filename="kh.pdf", content=PDF
        )
    assert submission.submitted_on == dt.date(2021, 1, 29)
    assert UnitPlanSubmission.objects.filter(plan=plan, unit=officer.unit).count() == 1
    with pytest.raises(PermissionDenied):
        services.submit_unit_plan(
            actor=officer,
            plan=plan,
            unit=Unit.objects.get(code="phuong-hoang-liet"),
            filename="kh.pdf",
            content=PDF,
        )


def test_reopen_is_for_the_office(plan, demo_user):
    task = plan.tasks.get(number="1")
    with pytest.raises(PermissionDenied):
        services.reopen_task(actor=demo_user("canbo.hoangliet"), task=task)
    services.reopen_task(actor=demo_user("thuongtruc"), task=task)
    assert Task.objects.get(pk=task.pk).done_on is None
