import datetime as dt

from vinhdanh.plans import demo as plans_demo
from vinhdanh.plans.models import Plan, ProgressReport, Task, UnitPlanSubmission
from vinhdanh.plans.status import Status


def test_demo_plan_is_the_seed_with_its_25_tasks(demo):
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    assert plan.tasks.count() == 25
    assert plan.unit_plan_deadline == dt.date(2021, 1, 30)
    task8 = plan.tasks.get(number="8")
    assert [u.code for u in task8.lead_units.all()] == ["phong-y-te"]
    assert {u.code for u in task8.coordinating_units.all()} == {"phong-kinh-te", "phong-noi-vu"}


def test_demo_load_twice_creates_nothing_twice(demo):
    counts = (
        Plan.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
        UnitPlanSubmission.objects.count(),
    )
    plans_demo.load()
    assert counts == (
        Plan.objects.count(),
        Task.objects.count(),
        ProgressReport.objects.count(),
        UnitPlanSubmission.objects.count(),
    )


def test_demo_shows_every_status(demo):
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    statuses = {task.status_on(dt.date(2026, 1, 1)) for task in plan.tasks.all()}
    assert statuses == set(Status)
