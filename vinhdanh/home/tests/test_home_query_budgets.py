"""Each role's home page costs as many queries with 200 more rows as with 10 (no N+1)."""

import datetime as dt

import pytest
from django.urls import reverse

from vinhdanh.audit.services import record
from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Cluster, CouncilMember, Unit
from vinhdanh.org.tests.test_query_budgets import grow_people, grow_units
from vinhdanh.plans.models import Plan, Task

pytestmark = pytest.mark.django_db

HOMES = ["admin", "thuongtruc", "uyvien", "chutich", "canbo.hoangliet", "cumtruong"]


def _grow_everything(user):
    """What the home pages count and list: units, people, clusters, tasks, audit entries."""
    unit = user.unit or Unit.objects.get(code="hoang-mai")
    people, units = grow_people(unit), grow_units(unit)
    council = Cluster.objects.first().council
    year = Cluster.objects.order_by("-year").values_list("year", flat=True).first()
    follower = CouncilMember.objects.filter(user__username="uyvien").first() or (
        CouncilMember.objects.filter(council=council).first()
    )
    plan = Plan.objects.get(number="01/KH-HĐTĐKT")
    numbers = numbering()

    def grow(count: int) -> None:
        people(count)
        units(count)
        for n in (next(numbers) for _ in range(count)):
            cluster = Cluster.objects.create(
                council=council, year=year, code=f"cum-home-{n}", name=f"Cụm {n}", head=unit
            )
            cluster.members.add(unit)
            cluster.followers.add(follower)
            task = Task.objects.create(
                plan=plan,
                position=2000 + n,
                number=f"H{n}",
                content=f"Việc {n}",
                deadline_date=dt.date(2021, 2, 1),
                lead_groups=["Các đơn vị thuộc Quận"],
            )
            task.lead_units.add(unit)
            record(actor=user, action="core.test.home", instance=cluster)

    return grow


@pytest.mark.parametrize("username", HOMES)
def test_every_roles_home(client, demo_user, username):
    user = demo_user(username)
    client.force_login(user)
    html = assert_flat(client, reverse("home:index"), _grow_everything(user)).content.decode()
    # The clusters panel, or a unit officer's own sub-units, list the new rows.
    assert "Cụm 210" in html or "Tổ thử 210" in html
