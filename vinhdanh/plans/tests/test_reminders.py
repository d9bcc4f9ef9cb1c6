import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from vinhdanh.plans.models import Notification, Plan, Reminder
from vinhdanh.plans.services import send_plan_reminders


@pytest.fixture
def task(demo, demo_user):
    """Task 12 (deadline 10/4/2021), led by Phường Hoàng Liệt whose officer has an e-mail."""
    officer = demo_user("canbo.hoangliet")
    officer.email = "hoangliet@example.invalid"
    officer.save()
    task = Plan.objects.get(number="01/KH-HĐTĐKT").tasks.get(number="12")
    task.lead_units.set([officer.unit])
    return task


def _mine():
    """The mails to Hoàng Liệt's officer about task 12 (its group tasks have lines too)."""
    return [
        m for m in mail.outbox if "hoangliet@example.invalid" in m.to and "Nhiệm vụ 12 " in m.body
    ]


def _notified(user):
    return Notification.objects.filter(user=user, text__startswith="Nhiệm vụ 12 ")


def test_due_soon_then_overdue_once_each(task, demo_user, settings):
    settings.PLAN_REMINDER_DAYS = 7
    officer = demo_user("canbo.hoangliet")
    with time_machine.travel(dt.datetime(2021, 4, 2, 7, 0)):
        send_plan_reminders()
    assert not _mine()
    with time_machine.travel(dt.datetime(2021, 4, 3, 7, 0)):
        send_plan_reminders()
        send_plan_reminders()
    assert len(_mine()) == 1
    assert "sắp đến hạn" in _mine()[0].body
    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        call_command("send_plan_reminders")
    with time_machine.travel(dt.datetime(2021, 4, 20, 7, 0)):
        call_command("send_plan_reminders")
    assert len(_mine()) == 2
    assert "quá hạn" in _mine()[1].body
    kinds = Reminder.objects.filter(task=task).values_list("kind", flat=True)
    assert sorted(kinds) == ["due_soon", "overdue"]
    assert _notified(officer).count() == 2


def test_the_window_is_a_setting(task, settings):
    settings.PLAN_REMINDER_DAYS = 2
    with time_machine.travel(dt.datetime(2021, 4, 7, 7, 0)):
        send_plan_reminders()
    assert not _mine()
    with time_machine.travel(dt.datetime(2021, 4, 8, 7, 0)):
        send_plan_reminders()
    assert len(_mine()) == 1


def test_done_tasks_and_a_moved_deadline(task):
    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        send_plan_reminders()
    assert len(_mine()) == 1
    task.deadline_date = dt.date(2021, 5, 10)
    task.save()
    with time_machine.travel(dt.datetime(2021, 5, 5, 7, 0)):
        send_plan_reminders()
    assert len(_mine()) == 2  # a new deadline is a new event
    task.done_on = dt.date(2021, 5, 6)
    task.save()
    with time_machine.travel(dt.datetime(2021, 5, 12, 7, 0)):
        send_plan_reminders()
    assert len(_mine()) == 2


def test_the_periodic_job_sends_the_same_reminders(task):
    from vinhdanh.plans.tasks import daily_plan_reminders

    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        daily_plan_reminders.call_local()
    assert len(_mine()) == 1


def test_units_without_their_own_plan_are_reminded_once(demo, demo_user):
    officer = demo_user("canbo.dinhcong")
    officer.email = "dinhcong@example.invalid"
    officer.save()
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    plan.unit_submissions.filter(unit=officer.unit).delete()
    with time_machine.travel(dt.datetime(2021, 1, 25, 7, 0)):
        send_plan_reminders()
        send_plan_reminders()
    with time_machine.travel(dt.datetime(2021, 2, 1, 7, 0)):
        send_plan_reminders()
    mine = [m for m in mail.outbox if "dinhcong@example.invalid" in m.to]
    assert len(mine) == 2
    assert "trước 30/01/2021" in mine[0].body and "đã qua" in mine[1].body
    # Hoàng Liệt sent its plan on time: nothing for its officer about it.
    hoang_liet = demo_user("canbo.hoangliet")
    assert not Notification.objects.filter(user=hoang_liet, url__contains="unit-plans").exists()


def test_each_event_sent_is_one_audit_entry_of_the_system(task):
    from vinhdanh.audit.models import AuditEntry

    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        send_plan_reminders()
        send_plan_reminders()
    entries = AuditEntry.objects.filter(action="plans.reminder.send", object_type="plans.reminder")
    reminder = Reminder.objects.get(task=task, kind="overdue")
    entry = entries.get(object_id=str(reminder.pk))
    # The ward's officer and the standing office (thuongtruc).
    assert entry.actor is None and entry.after["recipients"] == 2
    assert entry.after["unit_recipients"] == 1 and entry.after["outcome"] == "sent"
    assert "quá hạn" in entry.note


def test_reminders_go_to_the_units_officers_and_the_office_only(task, demo_user):
    from vinhdanh.accounts.models import User

    officer = demo_user("canbo.hoangliet")
    colleague = User.objects.create_user(
        "lanhdao.hoangliet", role="leader", unit=officer.unit, email="ld@example.invalid"
    )
    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        send_plan_reminders()
    assert _notified(officer).count() == 1
    assert _notified(demo_user("thuongtruc")).count() == 1
    assert not Notification.objects.filter(user=colleague).exists()
    for other in ("uyvien", "chutich", "canbo.dinhcong", "cumtruong"):
        assert not _notified(demo_user(other)).exists(), other


def test_the_task_page_lists_its_reminders_and_who_received_them(client, task, demo_user):
    from django.urls import reverse

    with time_machine.travel(dt.datetime(2021, 4, 11, 7, 0)):
        send_plan_reminders()
    client.force_login(demo_user("thuongtruc"))
    html = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    listed = html.split('data-testid="task-reminders"')[1].split("</ul>")[0]
    assert "Phường Hoàng Liệt" in listed and "Quá hạn" in listed and "2 người nhận" in listed
    client.force_login(demo_user("canbo.hoangliet"))
    html = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert 'data-testid="task-reminders"' not in html
