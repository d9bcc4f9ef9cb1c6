"""The plan pages cost as many queries with 200 more rows as with 10 (no N+1)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import (
    FeedToken,
    Notification,
    Plan,
    PlanChange,
    ProgressReport,
    Reminder,
    ReportAttachment,
    Task,
    TaskAssignment,
    UnitPlanSubmission,
    UnitPlanTransition,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(demo):
    return Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)


def _tasks(plan, lead: Unit, helper: Unit):
    numbers = numbering()

    def grow(count: int) -> None:
        made = Task.objects.bulk_create(
            Task(
                plan=plan,
                position=1000 + n,
                number=f"T{n}",
                section="Quý I",
                content=f"Nhiệm vụ thử {n}",
                deadline_kind="date",
                # Some overdue, some open: every status the pages colour.
                deadline_date=dt.date(2021, 3, 1) + dt.timedelta(days=n % 60),
                deadline_text=f"Tháng {1 + n % 12}",
                lead_groups=["Các đơn vị thuộc Quận"] if n % 5 == 0 else [],
            )
            for n in (next(numbers) for _ in range(count))
        )
        Task.lead_units.through.objects.bulk_create(
            Task.lead_units.through(task=task, unit=lead) for task in made
        )
        Task.coordinating_units.through.objects.bulk_create(
            Task.coordinating_units.through(task=task, unit=helper) for task in made
        )

    return grow


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


@pytest.fixture
def grow_tasks(plan):
    return _tasks(
        plan, Unit.objects.get(code="phong-noi-vu"), Unit.objects.get(code="phuong-hoang-liet")
    )


@pytest.mark.parametrize("name", ["plan_detail", "plan_timeline", "plan_calendar"])
def test_the_plan_pages(office, plan, grow_tasks, name):
    url = reverse(f"plans:{name}", args=[plan.pk])
    if name == "plan_calendar":
        url += "?month=2021-03"
    html = assert_flat(office, url, grow_tasks).content.decode()
    assert "Nhiệm vụ thử 210" in html


def test_the_progress_dashboard(office, grow_tasks):
    html = assert_flat(office, reverse("plans:dashboard"), grow_tasks).content.decode()
    assert "Nhiệm vụ thử 1" in html and "Phòng Nội vụ" in html


def test_the_units_task_list(client, demo_user, plan):
    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    grow = _tasks(plan, officer.unit, Unit.objects.get(code="phong-noi-vu"))
    url = reverse("plans:my_tasks")
    assert_flat(client, url, grow)
    # Newest plan first, a page at a time: the demo's tasks and the 210 added ones.
    led = client.get(url).context
    assert len(led["rows"]) == 50 and led["page"].paginator.count > 210
    later = client.get(url, {"list": "led", "page": 4}).context
    assert later["page"].number == 4 and len(later["rows"]) == 50
    assert not {row.task.pk for row in later["rows"]} & {row.task.pk for row in led["rows"]}


def test_the_plan_list(office, plan):
    numbers = numbering()

    def grow(count: int) -> None:
        made = Plan.objects.bulk_create(
            Plan(number=f"{n}/KH-THU", year=2030, title=f"Kế hoạch thử {n}", council=plan.council)
            for n in (next(numbers) for _ in range(count))
        )
        Task.objects.bulk_create(
            Task(plan=made_plan, position=1, number="1", content="Việc") for made_plan in made
        )

    html = assert_flat(office, reverse("plans:plan_list"), grow).content.decode()
    assert "Kế hoạch thử 210" in html


def test_a_tasks_reports(office, demo_user, plan):
    task = plan.tasks.get(number="1")
    unit, author = Unit.objects.get(code="phong-noi-vu"), demo_user("thuongtruc")

    def grow(count: int) -> None:
        reports = ProgressReport.objects.bulk_create(
            ProgressReport(
                task=task, unit=unit, author=author, reported_on=dt.date(2021, 6, 1), text="Báo"
            )
            for _ in range(count)
        )
        ReportAttachment.objects.bulk_create(
            ReportAttachment(
                report=r, file="plans/reports/x.txt", original_name="x.txt", kind="txt", size=1
            )
            for r in reports
        )

    html = assert_flat(office, reverse("plans:task_detail", args=[task.pk]), grow).content.decode()
    assert html.count('class="bi bi-paperclip"') >= 210


def test_the_units_plans_table(office, plan):
    numbers = numbering()
    parent = plan.council.unit
    level = Unit.objects.get(code="phuong-hoang-liet").level

    def grow(count: int) -> None:
        units = [
            Unit.objects.create(
                code=f"don-vi-thu-{n}", name=f"Đơn vị thử {n}", kind="ward", level=level,
                parent=parent,
            )
            for n in (next(numbers) for _ in range(count))
        ]  # fmt: skip
        sent = UnitPlanSubmission.objects.bulk_create(
            UnitPlanSubmission(
                plan=plan, unit=unit, file="plans/unit_plans/x.txt", original_name="kh.txt",
                kind="txt", submitted_on=dt.date(2021, 1, 20),
            )
            for unit in units[::2]
        )  # fmt: skip
        UnitPlanTransition.objects.bulk_create(
            UnitPlanTransition(submission=s, action="submit", from_state="", to_state="submitted")
            for s in sent
        )

    html = assert_flat(office, reverse("plans:unit_plans", args=[plan.pk]), grow).content.decode()
    assert "Đơn vị thử 210" in html
    assert html.count('data-testid="unit-plan-decision"') >= 105


def test_notifications_and_feed_addresses(office, demo_user):
    user = demo_user("thuongtruc")
    numbers = numbering()

    def grow(count: int) -> None:
        Notification.objects.bulk_create(
            Notification(user=user, text=f"Nhắc việc {n}", url="/") for n in range(count)
        )
        FeedToken.objects.bulk_create(
            FeedToken(
                owner=user,
                unit=user.unit,
                token_hash=f"hash-{next(numbers)}",
                prefix="abc",
                expires_at=timezone.now() + dt.timedelta(days=30),
            )
            for n in range(count)
        )

    assert "Nhắc việc" in assert_flat(office, reverse("plans:notifications"), grow).content.decode()
    assert "abc…" in assert_flat(office, reverse("plans:feeds"), grow).content.decode()


def test_the_plan_page_with_group_tasks_and_their_changes(office, plan, demo_user):
    """Per-unit progress of every group task, the diff and the history: flat too."""
    numbers = numbering()
    wards = list(Unit.objects.filter(parent=plan.council.unit)[:5])
    actor = demo_user("thuongtruc")

    def grow(count: int) -> None:
        made = Task.objects.bulk_create(
            Task(
                plan=plan,
                position=2000 + n,
                number=f"G{n}",
                section="Quý II",
                content=f"Việc của nhóm {n}",
                deadline_date=dt.date(2021, 5, 1),
                lead_groups=["Các đơn vị thuộc Quận"],
            )
            for n in (next(numbers) for _ in range(count))
        )
        TaskAssignment.objects.bulk_create(
            TaskAssignment(task=task, unit=unit, done_on=dt.date(2021, 6, 1) if i else None)
            for task in made
            for i, unit in enumerate(wards)
        )
        PlanChange.objects.bulk_create(
            PlanChange(plan=plan, task=task, kind="added", task_number=task.number, actor=actor)
            for task in made[:40]
        )

    html = assert_flat(office, reverse("plans:plan_detail", args=[plan.pk]), grow).content.decode()
    assert "Việc của nhóm 210" in html
    assert html.count("4/5 đơn vị hoàn thành") >= 210


def test_a_group_tasks_unit_lines(office, plan):
    task = plan.tasks.get(number="5")
    numbers = numbering()
    level = Unit.objects.get(code="phuong-hoang-liet").level

    def grow(count: int) -> None:
        units = [
            Unit.objects.create(
                code=f"don-vi-nhom-{n}", name=f"Đơn vị nhóm {n}", kind="ward", level=level,
                parent=plan.council.unit,
            )
            for n in (next(numbers) for _ in range(count))
        ]  # fmt: skip
        TaskAssignment.objects.bulk_create(TaskAssignment(task=task, unit=u) for u in units)
        Reminder.objects.bulk_create(
            Reminder(plan=plan, task=task, unit=u, kind="overdue", deadline=task.deadline_date)
            for u in units
        )

    url = reverse("plans:task_detail", args=[task.pk])
    html = assert_flat(office, url, grow).content.decode()
    assert "Đơn vị nhóm 210" in html
