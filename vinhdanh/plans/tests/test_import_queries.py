"""Saving an imported plan costs the same number of queries for 30 tasks as for 300."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vinhdanh.audit.models import AuditEntry
from vinhdanh.documents.tests import builders
from vinhdanh.org.models import Council
from vinhdanh.plans import importing, resolution, services
from vinhdanh.plans.models import ProgressReport, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(demo):
    council = Council.objects.select_related("unit").get(unit__code="hoang-mai")
    parsed = importing.parse_plan_bytes(builders.seed_bytes(), "kh.txt", council)
    choices = dict.fromkeys(resolution.unmatched(parsed["names"]), resolution.KEEP_AS_TEXT)
    return parsed, resolution.apply_choices(parsed["names"], choices)


def plan_of(parsed: dict, count: int, number: str) -> dict:
    """The seed's tasks repeated to `count` tasks, numbered on, under a new plan number."""
    plan = copy.deepcopy(parsed)
    plan["number"] = number
    tasks = parsed["tasks"]
    plan["tasks"] = []
    for position in range(count):
        task = copy.deepcopy(tasks[position % len(tasks)])
        task["position"], task["number"] = position + 1, str(position + 1)
        plan["tasks"].append(task)
    return plan


@pytest.fixture(autouse=True)
def sqlite_real_parameter_limit(monkeypatch):
    """Django splits a bulk insert on SQLite at 999 parameters, the limit of SQLite before
    3.32; the SQLite we run takes 32,766 or more, as PostgreSQL takes the whole list."""
    if connection.vendor == "sqlite":
        monkeypatch.setattr(connection.features, "max_query_params", 32766)


def save_counting(office, parsed, unit_of_name, **options) -> int:
    with CaptureQueriesContext(connection) as context:
        services.save_parsed_plan(actor=office, parsed=parsed, unit_of_name=unit_of_name, **options)
    return len(context.captured_queries)


def test_the_queries_of_an_import_do_not_grow_with_its_tasks(seed, demo_user):
    office = demo_user("thuongtruc")
    parsed, unit_of_name = seed
    save_counting(office, plan_of(parsed, 5, "89/KH"), unit_of_name)  # fills what fills once
    small = save_counting(office, plan_of(parsed, 30, "90/KH"), unit_of_name)
    large = save_counting(office, plan_of(parsed, 300, "91/KH"), unit_of_name)
    assert small == large
    saved = Task.objects.filter(plan__number="91/KH")
    assert saved.count() == 300
    task8 = saved.get(number="8")  # the seed's task 8: Phòng Y tế leads, two offices help
    assert list(task8.lead_units.values_list("code", flat=True)) == ["phong-y-te"]
    assert set(task8.coordinating_units.values_list("code", flat=True)) == {
        "phong-kinh-te",
        "phong-noi-vu",
    }
    assert AuditEntry.objects.filter(action="plans.plan.import").count() == 3


def test_updating_a_plan_keeps_reported_tasks_and_costs_no_more_with_more_tasks(seed, demo_user):
    office = demo_user("thuongtruc")
    parsed, unit_of_name = seed
    for number, count in (("92/KH", 30), ("93/KH", 300)):
        services.save_parsed_plan(
            actor=office, parsed=plan_of(parsed, count, number), unit_of_name=unit_of_name
        )
    for number, last in (("92/KH", "30"), ("93/KH", "300")):
        reported = Task.objects.get(plan__number=number, number=last)
        ProgressReport.objects.create(
            task=reported, unit=reported.plan.council.unit, reported_on="2021-03-01", text="Đã làm"
        )
    # The new versions drop the last ten tasks and give five others new units: a new version
    # writes what changed (a rewrite of every task costs one UPDATE per hundred tasks).
    shorter = {}
    for number, count in (("92/KH", 30), ("93/KH", 300)):
        shorter[number] = plan_of(parsed, count - 10, number)
        for task in shorter[number]["tasks"][:5]:
            task["lead_units"], task["coordinating_units"] = ["Phòng Nội vụ"], []
    small = save_counting(office, shorter["92/KH"], unit_of_name, update=True)
    large = save_counting(office, shorter["93/KH"], unit_of_name, update=True)
    assert small == large
    tasks = Task.objects.filter(plan__number="93/KH")
    assert tasks.count() == 291  # 290 in the document, and the reported one kept, flagged
    reported.refresh_from_db()
    assert importing.REMOVED_FROM_DOCUMENT in reported.flags
    first = tasks.get(number="1")
    assert list(first.lead_units.values_list("code", flat=True)) == ["phong-noi-vu"]
    assert not first.coordinating_units.exists()
    unchanged = tasks.get(number="8")
    assert set(unchanged.coordinating_units.values_list("code", flat=True)) == {
        "phong-kinh-te",
        "phong-noi-vu",
    }
