import io
import json

import pytest
from django.core.management import CommandError, call_command

from vinhdanh.plans.models import Plan, Task

SEED = "vinhdanh/plans/data/ke_hoach_01_2021_hoang_mai.txt"


def test_dry_run_json_saves_nothing(no_demo_plan):
    out = io.StringIO()
    call_command("import_plan", SEED, "--dry-run", "--json", stdout=out)
    assert len(json.loads(out.getvalue())["tasks"]) == 25
    assert not Plan.objects.exists()


def test_without_dry_run_the_plan_is_saved_through_the_service(no_demo_plan):
    out = io.StringIO()
    call_command("import_plan", SEED, stdout=out)
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    assert plan.tasks.count() == 25
    assert "25 nhiệm vụ" in out.getvalue()
    assert list(plan.tasks.get(number="8").lead_units.values_list("code", flat=True)) == [
        "phong-y-te"
    ]


def test_a_second_import_is_refused_unless_update(demo):
    with pytest.raises(CommandError, match="đã có"):
        call_command("import_plan", SEED, stdout=io.StringIO())
    call_command("import_plan", SEED, "--update", stdout=io.StringIO())
    assert Plan.objects.filter(number="01/KH-HĐTĐKT").count() == 1
    assert Task.objects.filter(plan__number="01/KH-HĐTĐKT").count() == 25
