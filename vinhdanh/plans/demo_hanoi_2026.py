"""The 2026 plans of the demo's Hà Nội chapter: the city's and each new ward's, a few tasks."""

import datetime

from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.documents.structure import DeadlineKind
from vinhdanh.org.models import Council
from vinhdanh.plans.models import Plan, Task


def load() -> None:
    city = Council.objects.get(unit__code="ha-noi")
    plans = [(city, "01/KH-HĐTĐKT-TP", "UBND thành phố Hà Nội", data.CITY_TASKS)]
    for name, slug, _w, _p in data.NEW_WARDS:
        plans.append(
            (
                Council.objects.get(unit__code=data.ward_code(slug)),
                f"01/KH-HĐTĐKT-{slug}",
                f"UBND phường {name}",
                data.WARD_TASKS,
            )
        )
    for council, number, issuer, tasks in plans:
        plan, created = Plan.objects.get_or_create(
            number=number,
            year=data.YEAR,
            defaults={
                "council": council,
                "date": datetime.date(data.YEAR, 1, 10),
                "place": "Hà Nội",
                "title": f"Kế hoạch công tác thi đua, khen thưởng năm {data.YEAR}",
                "issuer": issuer,
            },
        )
        if not created:
            continue
        for position, (content, deadline) in enumerate(tasks, start=1):
            task = Task.objects.create(
                plan=plan,
                position=position,
                number=str(position),
                content=content,
                deadline_kind=DeadlineKind.DATE,
                deadline_date=deadline,
                deadline_text=f"{deadline:%d/%m/%Y}",
            )
            task.lead_units.set([council.standing_office])
