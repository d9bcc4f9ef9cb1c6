"""The home page's task counts, made by the database, agree with the statuses of status.py."""

import datetime as dt

import pytest

from vinhdanh.plans import selectors
from vinhdanh.plans.status import Status

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [dt.date(2021, 1, 20), dt.date(2021, 6, 30), dt.date(2022, 1, 1)])
@pytest.mark.parametrize("username", ["thuongtruc", "canbo.hoangliet"])
def test_overdue_and_due_soon_as_the_rows_say(demo_user, username, today):
    user = demo_user(username)
    tasks = selectors.tasks_for(user) if username == "thuongtruc" else selectors.led_tasks(user)
    rows = selectors.rows(tasks.distinct(), today)
    expected = {
        "overdue": sum(1 for row in rows if row.status == Status.OVERDUE),
        "due_soon": sum(1 for row in rows if row.due_soon),
    }
    assert selectors.deadline_counts(tasks, today) == expected
    assert rows


def test_a_done_task_is_neither_overdue_nor_due_soon(demo_user):
    user = demo_user("thuongtruc")
    tasks = selectors.tasks_for(user)
    task = tasks.filter(deadline_date__isnull=False, done_on__isnull=True).order_by("pk").first()
    late = task.deadline_date + dt.timedelta(days=1)
    before = selectors.deadline_counts(tasks, late)
    type(task).objects.filter(pk=task.pk).update(done_on=late)
    after = selectors.deadline_counts(tasks, late)
    assert after["overdue"] == before["overdue"] - 1


@pytest.mark.parametrize("today", [dt.date(2021, 1, 20), dt.date(2021, 6, 30), dt.date(2022, 1, 1)])
def test_the_dashboard_counts_as_the_rows_say(demo_user, today):
    tasks = selectors.tasks_for(demo_user("thuongtruc"))
    rows = selectors.rows(tasks, today)
    assert selectors.status_totals(tasks, today) == selectors.status_counts(rows)
    expected: dict[str, list[int]] = {}
    for row in rows:
        if row.status != Status.OVERDUE and not row.due_soon:
            continue
        names = [unit.name for unit in row.task.lead_units.all()] + list(row.task.lead_groups)
        if row.task.lead_is_group:
            # A group task counts for each unit whose own line is open, not for the group.
            open_lines = {a.unit.name for a in row.task.assignments.all() if not a.done_on}
            names = sorted(open_lines | {unit.name for unit in row.task.lead_units.all()})
        for name in names or ["—"]:
            counts = expected.setdefault(name, [0, 0])
            counts[0 if row.status == Status.OVERDUE else 1] += 1
    loads = selectors.unit_loads(tasks, today)
    assert {c.unit_name: [c.overdue_count, c.due_soon_count] for c in loads} == expected
    assert [c.overdue_count for c in loads] == sorted(
        (c.overdue_count for c in loads), reverse=True
    )


def test_a_unit_card_shows_its_first_tasks_and_counts_the_rest(demo_user):
    from vinhdanh.org.models import Unit
    from vinhdanh.plans.models import Plan, Task

    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    team = Unit.objects.get(code="phong-tu-phap")
    for n in range(12):
        task = Task.objects.create(
            plan=plan, position=3000 + n, number=f"P{n}", content=f"Việc pháp chế {n}",
            deadline_date=dt.date(2021, 2, 1) + dt.timedelta(days=n),
        )  # fmt: skip
        task.lead_units.add(team)
    loads = selectors.unit_loads(selectors.tasks_for(demo_user("thuongtruc")), dt.date(2021, 3, 1))
    card = next(card for card in loads if card.unit_name == team.name)
    assert card.overdue_count >= 12 and len(card.overdue) == 5
    assert card.hidden == card.overdue_count + card.due_soon_count - 5
    shown = [row.task.deadline_date for row in card.overdue]
    assert shown == sorted(shown)


def test_the_dashboard_page_pages_its_unit_cards(demo_user, client):
    from django.urls import reverse

    from vinhdanh.org.models import Level, Unit
    from vinhdanh.plans.models import Plan, Task

    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    district = Unit.objects.get(code="hoang-mai")
    for n in range(40):
        unit = Unit.objects.create(
            code=f"to-thu-{n}", name=f"Tổ thử {n:02d}", kind="small_collective",
            level=Level.objects.get(code="commune"), parent=district,
        )  # fmt: skip
        task = Task.objects.create(
            plan=plan, position=4000 + n, number=f"Q{n}", content=f"Việc tổ {n}",
            deadline_date=dt.date(2021, 1, 2),
        )  # fmt: skip
        task.lead_units.add(unit)
    client.force_login(demo_user("thuongtruc"))
    first = client.get(reverse("plans:dashboard")).content.decode()
    total = len(selectors.unit_loads(selectors.tasks_for(demo_user("thuongtruc")), dt.date.today()))
    pages = -(-total // 30)
    assert f"Trang 1/{pages}" in first and first.count('class="card shadow-sm h-100"') == 30
    last = client.get(reverse("plans:dashboard"), {"page": pages}).content.decode()
    assert last.count('class="card shadow-sm h-100"') == total - 30 * (pages - 1)


def test_a_ward_that_finished_its_line_has_no_overdue_group_task(demo_user):
    from vinhdanh.plans.models import TaskAssignment

    ward = demo_user("canbo.hoangliet")
    today = dt.date(2021, 3, 5)  # task 5 (28/02/2021) is overdue for every open line
    before = selectors.deadline_counts(selectors.open_led_tasks(ward), today)
    TaskAssignment.objects.filter(task__number="5", unit=ward.unit).update(done_on=today)
    after = selectors.deadline_counts(selectors.open_led_tasks(ward), today)
    assert after["overdue"] == before["overdue"] - 1
