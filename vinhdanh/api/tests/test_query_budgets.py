"""The API's lists cost as many queries for a page of 50 rows as for a page of 10."""

import pytest

from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.org.models import Cluster, Unit
from vinhdanh.org.tests.test_query_budgets import grow_people, grow_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


@pytest.fixture
def ward(demo):
    return Unit.objects.get(code="phuong-hoang-liet")


def test_units(office, ward):
    response = assert_flat(office, f"/api/units/?parent={ward.pk}", grow_units(ward))
    assert len(response.json()["results"]) == 50


def test_people(office, ward):
    # People of a new sub-unit only: the page holds the new rows, 10 then a full 50.
    team = Unit.objects.create(
        code="to-api", name="Tổ API", kind="small_collective", level=ward.level, parent=ward
    )
    response = assert_flat(office, f"/api/people/?unit={team.pk}", grow_people(team))
    assert len(response.json()["results"]) == 50


def test_clusters(office, ward):
    council = Cluster.objects.first().council
    members = list(Unit.objects.filter(parent=ward.parent)[:5])
    numbers = numbering()

    def grow(count: int) -> None:
        for n in (next(numbers) for _ in range(count)):
            cluster = Cluster.objects.create(
                council=council, year=2031, code=f"cum-api-{n}", name=f"Cụm {n}", head=ward
            )
            cluster.members.add(*members)

    response = assert_flat(office, "/api/clusters/?year=2031", grow)
    rows = response.json()["results"]
    assert len(rows) == 50 and all(len(row["members"]) == len(members) for row in rows)


def test_nominations_by_cursor(office, ward):
    """The first page and a page reached by cursor cost the same, with 10 or 200 more rows."""
    from vinhdanh.awards.models import Nomination

    sample = Nomination.objects.filter(unit=ward, person__isnull=False).first()

    def grow(count: int) -> None:
        Nomination.objects.bulk_create(
            Nomination(
                unit=ward, person=sample.person, title=sample.title, basis=sample.basis,
                year=2038, achievements="x", decision=sample.decision,
            )
            for _ in range(count)
        )  # fmt: skip

    response = assert_flat(office, "/api/nominations/?year=2038", grow)
    assert len(response.json()["results"]) == 50
    following = response.json()["next"]
    assert_flat(office, following, grow)
