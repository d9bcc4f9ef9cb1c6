"""A task led by a group ("Các đơn vị thuộc Quận"): one line per unit, each with its own
reports, status, reminders and calendar entry; the task is its units' status."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from vinhdanh.accounts.models import User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Unit
from vinhdanh.plans import exports, services, tracking
from vinhdanh.plans.models import Notification, Plan, Reminder, TaskAssignment
from vinhdanh.plans.status import Status, UnitLine, group_progress, roll_up

D = dt.date
DEADLINE = D(2021, 2, 28)


# -- the status of a group task (pure) ---------------------------------------------------
def test_a_group_task_is_done_only_when_every_unit_is():
    lines = [UnitLine("Hoàng Liệt", D(2021, 2, 1), D(2021, 2, 10)), UnitLine("Định Công")]
    progress = group_progress(DEADLINE, lines, D(2021, 2, 15))
    assert progress.status == Status.IN_PROGRESS
    assert (progress.done, progress.total, progress.percent_done) == (1, 2, 50)
    assert roll_up(lines) == (D(2021, 2, 1), None)


def test_one_unit_done_late_makes_the_task_done_late_and_is_named():
    lines = [
        UnitLine("Hoàng Liệt", D(2021, 2, 1), D(2021, 2, 10)),
        UnitLine("Định Công", D(2021, 2, 5), D(2021, 3, 4)),
    ]
    progress = group_progress(DEADLINE, lines, D(2021, 3, 10))
    assert progress.status == Status.DONE_LATE
    assert progress.late == ["Định Công"] and progress.overdue == []
    assert roll_up(lines) == (D(2021, 2, 1), D(2021, 3, 4))


def test_all_on_time_is_done_and_open_units_past_the_deadline_are_overdue():
    on_time = [UnitLine("A", D(2021, 2, 1), D(2021, 2, 2)), UnitLine("B", None, D(2021, 2, 20))]
    assert group_progress(DEADLINE, on_time, D(2021, 4, 1)).status == Status.DONE
    open_late = [UnitLine("A", D(2021, 2, 1), D(2021, 2, 2)), UnitLine("B", D(2021, 2, 3))]
    progress = group_progress(DEADLINE, open_late, D(2021, 3, 1))
    assert progress.status == Status.OVERDUE
    assert progress.overdue == ["B"] and progress.late_units == ["B"]
    assert progress.counts[Status.DONE] == 1 and progress.counts[Status.OVERDUE] == 1


def test_no_lines_is_never_done():
    assert roll_up([]) == (None, None)
    assert group_progress(DEADLINE, [], D(2021, 1, 1)).status == Status.NOT_STARTED


# -- with the demo -----------------------------------------------------------------------
pytestmark_db = pytest.mark.django_db


@pytest.fixture
def plan(demo):
    return Plan.objects.select_related("council__unit").get(number="01/KH-HĐTĐKT")


@pytest.fixture
def task5(plan):
    """Task 5 of the seed, led by "Các đơn vị thuộc Quận", due 28/02/2021."""
    return plan.tasks.get(number="5")


@pytest.mark.django_db
def test_the_import_gave_each_unit_of_the_council_its_line(plan, task5):
    group = set(tracking.group_units(plan).values_list("pk", flat=True))
    lines = set(task5.assignments.values_list("unit_id", flat=True))
    assert task5.lead_groups == ["Các đơn vị thuộc Quận"]
    assert len(group) > 20 and lines == group
    group_tasks = plan.tasks.exclude(lead_groups=[])
    assert sorted(group_tasks.values_list("number", flat=True), key=int) == [
        "5", "7", "16", "21", "23", "25",
    ]  # fmt: skip
    assert all(task.assignments.exists() for task in group_tasks)
    assert not plan.tasks.get(number="8").assignments.exists()


@pytest.mark.django_db
def test_two_wards_report_and_the_task_follows_its_units(task5, demo_user):
    hoang_liet, dinh_cong = demo_user("canbo.hoangliet"), demo_user("canbo.dinhcong")
    with time_machine.travel(dt.datetime(2021, 2, 10, 9, 0)):
        services.submit_report(
            actor=hoang_liet, task=task5, unit=hoang_liet.unit, text="Đã đăng ký.", done=True
        )
    task5.refresh_from_db()
    line = TaskAssignment.objects.get(task=task5, unit=hoang_liet.unit)
    assert (line.done_on, line.percent) == (D(2021, 2, 10), 100)
    # One ward done is not the task done for all 31.
    assert task5.done_on is None and task5.started_on == D(2021, 2, 10)
    with time_machine.travel(dt.datetime(2021, 2, 12, 9, 0)):
        assert task5.status_on(D(2021, 2, 12)) == Status.IN_PROGRESS
        services.submit_report(
            actor=dinh_cong, task=task5, unit=dinh_cong.unit, text="Đang tổng hợp.", percent=40
        )
    other = TaskAssignment.objects.get(task=task5, unit=dinh_cong.unit)
    assert (other.started_on, other.done_on, other.percent) == (D(2021, 2, 12), None, 40)
    assert AuditEntry.objects.filter(action="plans.assignment.done").count() == 1


@pytest.mark.django_db
def test_a_ward_reports_only_for_its_own_line(task5, demo_user):
    officer = demo_user("canbo.hoangliet")
    assert tracking.reporting_units(officer, task5) == [officer.unit]
    other = Unit.objects.get(code="phuong-dinh-cong")
    with pytest.raises(Exception, match="không chủ trì"):
        services.submit_report(actor=officer, task=task5, unit=other, text="Thay mặt.")
    assert not TaskAssignment.objects.filter(task=task5, unit=other, started_on__isnull=False)


@pytest.mark.django_db
def test_the_task_is_done_when_the_last_unit_is_and_late_units_are_named(task5, demo_user):
    office = demo_user("thuongtruc")
    lines = list(task5.assignments.select_related("unit"))
    late, others = lines[0], lines[1:]
    TaskAssignment.objects.filter(pk__in=[line.pk for line in others]).update(
        started_on=D(2021, 2, 1), done_on=D(2021, 2, 20), percent=100
    )
    with time_machine.travel(dt.datetime(2021, 3, 3, 9, 0)):
        services.submit_report(actor=office, task=task5, unit=late.unit, text="Xong.", done=True)
    task5.refresh_from_db()
    assert task5.done_on == D(2021, 3, 3)
    assert task5.status_on(D(2021, 3, 5)) == Status.DONE_LATE
    response_rows = group_progress(
        task5.deadline_date,
        [UnitLine(a.unit.name, a.started_on, a.done_on) for a in task5.assignments.all()],
        D(2021, 3, 5),
    )
    assert response_rows.late == [late.unit.name]
    # The office takes one unit's "done" back: the task is open again.
    services.reopen_task(actor=office, task=task5, unit=late.unit)
    task5.refresh_from_db()
    assert task5.done_on is None
    with pytest.raises(ValidationError, match="chưa hoàn thành"):
        services.reopen_task(actor=office, task=task5, unit=late.unit)


@pytest.mark.django_db
def test_the_task_page_shows_each_units_progress(client, task5, demo_user):
    ward = demo_user("canbo.hoangliet")
    with time_machine.travel(dt.datetime(2021, 2, 10, 9, 0)):
        services.submit_report(actor=ward, task=task5, unit=ward.unit, text="Xong.", done=True)
    client.force_login(demo_user("thuongtruc"))
    with time_machine.travel(dt.datetime(2021, 3, 5, 9, 0)):
        html = client.get(reverse("plans:task_detail", args=[task5.pk])).content.decode()
    lines = task5.assignments.count()
    assert html.count('data-testid="unit-line"') == lines
    assert f"1/{lines} đơn vị hoàn thành" in html
    assert "Phường Định Công" in html.split('data-testid="late-units"')[1].split("</span>")[0]
    # A ward sees its own line, not the other wards'.
    client.force_login(ward)
    with time_machine.travel(dt.datetime(2021, 3, 5, 9, 0)):
        html = client.get(reverse("plans:task_detail", args=[task5.pk])).content.decode()
    assert html.count('data-testid="unit-line"') == 1


@pytest.mark.django_db
def test_the_wards_own_list_shows_its_own_status(client, task5, demo_user):
    ward = demo_user("canbo.hoangliet")
    with time_machine.travel(dt.datetime(2021, 2, 10, 9, 0)):
        services.submit_report(actor=ward, task=task5, unit=ward.unit, text="Xong.", done=True)
    client.force_login(ward)
    with time_machine.travel(dt.datetime(2021, 3, 5, 9, 0)):
        response = client.get(reverse("plans:my_tasks"))
    rows = {row.task.number: row for row in response.context["rows"]}
    assert rows["5"].status == Status.DONE
    assert rows["16"].status == Status.NOT_STARTED
    assert rows["7"].task.assignments.filter(unit=ward.unit).exists()


# -- reminders ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_reminders_reach_every_open_line_and_the_office(task5, demo_user):
    ward, office = demo_user("canbo.hoangliet"), demo_user("thuongtruc")
    TaskAssignment.objects.filter(task=task5, unit=ward.unit).update(done_on=D(2021, 2, 20))
    with time_machine.travel(dt.datetime(2021, 2, 25, 7, 0)):
        services.send_plan_reminders()
    events = Reminder.objects.filter(task=task5)
    open_units = set(task5.assignments.filter(done_on__isnull=True).values_list("unit", flat=True))
    assert set(events.values_list("unit_id", flat=True)) == open_units
    assert not Notification.objects.filter(user=ward, text__startswith="Nhiệm vụ 5 ").exists()
    dinh_cong = demo_user("canbo.dinhcong")
    assert Notification.objects.filter(user=dinh_cong, text__startswith="Nhiệm vụ 5 ").count() == 1
    # The standing office hears of each unit's open line.
    office_notes = Notification.objects.filter(user=office, text__startswith="Nhiệm vụ 5 ")
    assert office_notes.count() == len(open_units)
    assert office_notes.filter(text__endswith="(Đơn vị: Phường Định Công)").count() == 1


@pytest.mark.django_db
def test_nobody_to_receive_is_not_logged_as_sent_and_is_tried_again(task5, demo_user):
    unit = Unit.objects.get(code="phuong-dinh-cong")
    User.objects.filter(unit=unit).update(is_active=False)
    User.objects.filter(role="standing_office").update(is_active=False)
    with time_machine.travel(dt.datetime(2021, 2, 25, 7, 0)):
        services.send_plan_reminders()
    event = Reminder.objects.get(task=task5, unit=unit, kind="due_soon")
    assert (event.outcome, event.recipients) == ("no_recipient", 0)
    entry = AuditEntry.objects.get(action="plans.reminder.no_recipient", object_id=str(event.pk))
    assert entry.after["outcome"] == "no_recipient"
    assert not AuditEntry.objects.filter(action="plans.reminder.send", object_id=str(event.pk))
    # An officer arrives: the next run sends the same event, once.
    User.objects.filter(username="canbo.dinhcong").update(is_active=True)
    with time_machine.travel(dt.datetime(2021, 2, 26, 7, 0)):
        services.send_plan_reminders()
        services.send_plan_reminders()
    event.refresh_from_db()
    assert (event.outcome, event.recipients, event.unit_recipients) == ("sent", 1, 1)
    assert Reminder.objects.filter(task=task5, unit=unit, kind="due_soon").count() == 1
    officer = demo_user("canbo.dinhcong")
    assert Notification.objects.filter(user=officer, text__startswith="Nhiệm vụ 5 ").count() == 1


@pytest.mark.django_db
def test_the_task_page_says_when_a_unit_had_nobody_to_receive(client, task5, demo_user):
    unit = Unit.objects.get(code="phuong-dinh-cong")
    User.objects.filter(unit=unit).update(is_active=False)
    User.objects.filter(role="standing_office").update(is_active=False)
    with time_machine.travel(dt.datetime(2021, 2, 25, 7, 0)):
        services.send_plan_reminders()
    client.force_login(demo_user("admin"))
    html = client.get(reverse("plans:task_detail", args=[task5.pk])).content.decode()
    rows = html.split('data-testid="unit-line"')[1:]
    row = next(part for part in rows if "Phường Định Công" in part)
    assert "không có người nhận" in row


# -- calendar feed -----------------------------------------------------------------------
@pytest.mark.django_db
def test_a_wards_feed_holds_its_group_tasks(client, task5, demo_user):
    ward = demo_user("canbo.hoangliet")
    new = services.create_feed_token(actor=ward, unit=ward.unit)
    text = client.get(reverse("plans:unit_feed", args=[new.secret])).content.decode()
    assert f"UID:task-{task5.pk}-20210228@" in text
    assert "DTSTART;VALUE=DATE:20210228" in text
    numbers = {task.number for task in exports.tasks_of_unit(ward.unit)}
    assert {"5", "7", "16", "21", "23", "25"} <= numbers
    # A line taken away by the office leaves the ward's calendar too.
    TaskAssignment.objects.filter(task=task5, unit=ward.unit).delete()
    assert "5" not in {task.number for task in exports.tasks_of_unit(ward.unit)}


# -- the data migration ------------------------------------------------------------------
@pytest.mark.django_db
def test_the_migration_splits_a_group_task_one_ward_ticked_done(plan, task5, demo_user):
    """Before: Hoàng Liệt's "done" made task 5 done late for all 31 units."""
    import importlib

    from django.apps import apps as live_apps

    from vinhdanh.plans.models import ProgressReport

    migration = importlib.import_module("vinhdanh.plans.migrations.0006_group_tasks_per_unit")
    ward = demo_user("canbo.hoangliet")
    TaskAssignment.objects.filter(task__plan=plan).delete()
    ProgressReport.objects.create(
        task=task5,
        unit=ward.unit,
        author=ward,
        reported_on=D(2021, 3, 2),
        text="Xong",
        is_done=True,
    )
    type(task5).objects.filter(pk=task5.pk).update(started_on=D(2021, 3, 2), done_on=D(2021, 3, 2))
    Reminder.objects.create(
        plan=plan, task=task5, unit=ward.unit, kind="overdue", deadline=DEADLINE, recipients=0
    )
    migration.split_group_tasks(live_apps, None)
    migration.mark_unreceived_reminders(live_apps, None)
    migration.keep_baselines(live_apps, None)
    task5.refresh_from_db()
    group = set(tracking.group_units(plan).values_list("pk", flat=True))
    assert set(task5.assignments.values_list("unit_id", flat=True)) == group
    line = task5.assignments.get(unit=ward.unit)
    assert (line.started_on, line.done_on, line.percent) == (D(2021, 3, 2), D(2021, 3, 2), 100)
    assert task5.assignments.filter(done_on__isnull=False).count() == 1
    # The task is open again: one ward of 31 finished.
    assert (task5.started_on, task5.done_on) == (D(2021, 3, 2), None)
    assert Reminder.objects.get(task=task5, unit=ward.unit).outcome == "no_recipient"
    plan.refresh_from_db()
    assert len(plan.baseline) == 25
    # Tasks led by named units get no lines.
    assert not plan.tasks.get(number="8").assignments.exists()


@pytest.mark.django_db
def test_a_ward_reads_the_counts_but_not_which_other_wards_are_late(client, task5, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    with time_machine.travel(dt.datetime(2021, 3, 5, 9, 0)):
        html = client.get(reverse("plans:task_detail", args=[task5.pk])).content.decode()
    assert "0/" in html and 'data-testid="late-units"' not in html
    assert "Phường Định Công" not in html
