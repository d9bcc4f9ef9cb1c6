"""Pages and the plan import at a province's size, on a database filled by province_scale.sql.

    DEBUG=1 DATABASE_URL=postgres://.../<db> python -m bench.province_scale

Prints each page's median time, queries and size as the city's standing office, and the
queries of saving a 2,000-task plan (in a transaction rolled back).
"""

import copy
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/reports/awards/?year=2026", "/plans/dashboard/", "/movements/"]
SEED = ROOT / "vinhdanh/plans/data/ke_hoach_01_2021_hoang_mai.txt"


def _measure(function, repeat: int = 3):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - started)
    return statistics.median(times), len(queries), result


def pages(username: str) -> None:
    from django.test import Client, override_settings

    from vinhdanh.accounts.models import User
    from vinhdanh.movements.models import Movement

    movement = Movement.objects.filter(name="Phong trào thử 1").first()
    urls = [*PAGES, *([f"/movements/{movement.pk}/"] if movement else [])]
    with override_settings(SECOND_FACTOR_REQUIRED_ROLES=[], ALLOWED_HOSTS=["*"]):
        client = Client()
        client.force_login(User.objects.get(username=username))
        for url in urls:
            seconds, queries, response = _measure(lambda url=url: client.get(url))
            size = len(response.content) / 1024
            status = response.status_code
            print(f"{url:32} {status} {seconds:6.2f} s {queries:5} queries {size:6.0f} KB")


def plan_import(tasks: int = 2000) -> None:
    from django.db import transaction

    from vinhdanh.accounts.models import User
    from vinhdanh.org.models import Council
    from vinhdanh.plans import importing, resolution, services

    council = Council.objects.select_related("unit").get(unit__code="hoang-mai")
    parsed = importing.parse_plan_bytes(SEED.read_bytes(), SEED.name, council)
    choices = dict.fromkeys(resolution.unmatched(parsed["names"]), resolution.KEEP_AS_TEXT)
    unit_of_name = resolution.apply_choices(parsed["names"], choices)
    seed_tasks, parsed["number"], parsed["tasks"] = parsed["tasks"], "99/KH-DO", []
    for n in range(tasks):
        task = copy.deepcopy(seed_tasks[n % len(seed_tasks)])
        task["position"], task["number"] = n + 1, str(n + 1)
        parsed["tasks"].append(task)
    office = User.objects.get(username="thuongtruc")
    save = services.save_parsed_plan
    for label, update in (("new plan", False), ("same plan again", True)):
        with transaction.atomic():
            if update:
                save(actor=office, parsed=parsed, unit_of_name=unit_of_name)
            seconds, queries, _ = _measure(
                lambda update=update: save(
                    actor=office, parsed=parsed, unit_of_name=unit_of_name, update=update
                ),
                repeat=1,
            )
            transaction.set_rollback(True)
        print(f"plan import, {tasks} tasks, {label}: {queries} queries, {seconds:.2f} s")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vinhdanh.settings")
    import django

    django.setup()
    pages(os.environ.get("BENCH_USER", "thuongtruc.hanoi"))
    plan_import()


if __name__ == "__main__":
    main()
