"""The registry's pages cost as many queries with 200 more rows as with 10 (no N+1)."""

import datetime

import pytest
from django.urls import reverse

from vinhdanh.core.tests.query_budget import assert_flat, numbering
from vinhdanh.core.text import person_sort_key, search_text
from vinhdanh.org.models import (
    Cluster,
    CouncilMember,
    Person,
    PlannedMove,
    PlannedSource,
    PlannedUnit,
    Reorganisation,
    Unit,
)
from vinhdanh.records.models import Initiative, Rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    return client


@pytest.fixture
def ward(demo):
    return Unit.objects.get(code="phuong-hoang-liet")


def grow_people(unit: Unit, name: str = "Nguyễn Văn Thử"):
    numbers = numbering()

    def grow(count: int) -> None:
        people = []
        for n in (next(numbers) for _ in range(count)):
            full_name = f"{name} {n}"
            people.append(
                Person(
                    code=f"thu-{unit.pk}-{n}",
                    full_name=full_name,
                    unit=unit,
                    gender="male" if n % 2 else "female",
                    search_text=search_text(full_name, f"thu-{n}"),
                    sort_key=person_sort_key(full_name),
                )
            )
        Person.objects.bulk_create(people)

    return grow


def grow_units(parent: Unit):
    numbers = numbering()

    def grow(count: int) -> None:
        for n in (next(numbers) for _ in range(count)):
            Unit.objects.create(
                code=f"to-thu-{parent.pk}-{n}",
                name=f"Tổ thử {n}",
                kind="small_collective",
                level=parent.level,
                parent=parent,
            )

    return grow


def test_the_unit_tree(office, ward):
    # The ward's own units are one level below the council's units: counted on the ward's
    # node, drawn with ?all=1.
    grow = grow_units(ward)
    html = assert_flat(office, reverse("org:unit_tree"), grow).content.decode()
    assert "Tổ thử 210" not in html and 'data-testid="hidden-units"' in html
    whole = reverse("org:unit_tree") + "?all=1"
    assert "Tổ thử 420" in assert_flat(office, whole, grow).content.decode()


def test_a_units_page_with_its_people_sub_units_and_records(office, ward):
    people, units = grow_people(ward), grow_units(ward)
    years = numbering()

    def grow(count: int) -> None:
        people(count)
        units(count)
        # A year apiece (a rating is one per year), back from 2019: the record grows by years.
        for year in (2020 - next(years) for _ in range(count // 2)):
            Rating.objects.create(unit=ward, year=year, level="tot")
            Initiative.objects.create(unit=ward, year=year, name=f"Sáng kiến {year}", scope="co_so")

    html = assert_flat(office, reverse("org:unit_detail", args=[ward.pk]), grow).content.decode()
    assert "Tổ thử 210" in html and "Nguyễn Văn Thử" in html and "Sáng kiến 1916" in html


@pytest.mark.parametrize("query", ["", "?q=nguyen+van+thu"])
def test_the_people_list_and_its_search(office, ward, query):
    url = reverse("org:person_list") + query
    html = assert_flat(office, url, grow_people(ward)).content.decode()
    assert "Nguyễn Văn Thử" in html


def test_the_cluster_list(office, ward):
    council = Cluster.objects.first().council
    follower = CouncilMember.objects.filter(council=council).first()
    numbers = numbering()

    def grow(count: int) -> None:
        for n in (next(numbers) for _ in range(count)):
            cluster = Cluster.objects.create(
                council=council, year=2030, code=f"cum-thu-{n}", name=f"Cụm thử {n}", head=ward
            )
            cluster.members.add(ward)
            cluster.followers.add(follower)

    html = assert_flat(office, reverse("org:cluster_list"), grow).content.decode()
    assert "Cụm thử 210" in html


def test_the_reorganisation_list(office, ward, demo_user):
    numbers = numbering()
    actor = demo_user("thuongtruc")

    def grow(count: int) -> None:
        for n in (next(numbers) for _ in range(count)):
            item = Reorganisation.objects.create(
                name=f"Đợt thử {n}", effective_on=datetime.date(2025, 7, 1), created_by=actor,
                council=actor.council,
            )  # fmt: skip
            PlannedUnit.objects.create(reorganisation=item, unit=ward)
            item.dissolved.add(ward)

    assert_flat(office, reverse("org:reorganisation_list"), grow, few=3, many=30, marker="Đợt thử")


def test_a_reorganisation_with_many_people_to_place(office, ward, demo_user):
    item = Reorganisation.objects.create(
        name="Đợt thử", effective_on=datetime.date(2025, 7, 1), created_by=demo_user("thuongtruc"),
        council=demo_user("thuongtruc").council,
    )  # fmt: skip
    Unit.objects.filter(parent=ward).update(valid_to=datetime.date(2025, 7, 1))
    other = Unit.objects.get(code="phuong-dinh-cong")
    planned = PlannedUnit.objects.create(reorganisation=item, unit=other)
    PlannedSource.objects.create(planned=planned, predecessor=ward, share="part")
    people = grow_people(ward, "Trần Văn Chuyển")

    def grow(count: int) -> None:
        people(count)
        unplaced = Person.objects.filter(unit=ward).exclude(pk__in=item.moves.values("person_id"))[
            : count // 2 + 1
        ]
        PlannedMove.objects.bulk_create(
            PlannedMove(reorganisation=item, person=person, planned=planned) for person in unplaced
        )

    assert_flat(
        office,
        reverse("org:reorganisation_detail", args=[item.pk]),
        grow,
        few=4,
        many=40,
        marker="Trần Văn Chuyển",
    )
