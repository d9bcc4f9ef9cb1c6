"""Each list and dashboard page of the app costs as many queries with 200 more rows as with 10."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import (
    Movement,
    MovementNotice,
    Registration,
    RegistrationEntry,
    RegistrationState,
)
from vinhdanh.org.models import Person, Unit

pytestmark = pytest.mark.django_db

FEW, MANY = 10, 200


class Rows:
    """Quickly made rows of the kind a page lists, each batch numbered on from the last."""

    def __init__(self):
        self.made = 0
        self.district = Unit.objects.get(code="hoang-mai")
        self.main = Movement.objects.get(name=MAIN)
        self.ward = Unit.objects.get(code="phuong-hoang-liet")

    def _numbers(self, count: int) -> range:
        numbers = range(self.made, self.made + count)
        self.made += count
        return numbers

    def movements(self, count: int, **extra) -> list[Movement]:
        return Movement.objects.bulk_create(
            [
                Movement(
                    name=f"Phong trào thử {n}",
                    kind="regular",
                    year=2021,
                    launched_by=self.district,
                    starts_on=datetime.date(2021, 1, 1),
                    ends_on=datetime.date(2021, 12, 31),
                    status="launched",
                    **extra,
                )
                for n in self._numbers(count)
            ]
        )

    def registrations_of_the_ward(self, count: int) -> None:
        """One sent registration of Hoàng Liệt, with a collective title, per new movement."""
        movements = self.movements(count)
        sent = timezone.now()
        registrations = Registration.objects.bulk_create(
            [
                Registration(movement=m, unit=self.ward, state="submitted", submitted_at=sent)
                for m in movements
            ]
        )
        RegistrationEntry.objects.bulk_create(
            [RegistrationEntry(registration=r, title="giay_khen") for r in registrations]
        )

    def targets_of_main(self, count: int) -> None:
        """New small units, each a target of the main movement with a sent registration and
        one person registered for a title, and a cascade of the movement by the district."""
        units = Unit.objects.bulk_create(
            [
                Unit(
                    code=f"to-thu-{n}",
                    name=f"Tổ thử {n}",
                    kind="small_collective",
                    level=self.district.level,
                    parent=self.district,
                    path=f"{self.district.path}9{n:05d}/",
                    sort_key=f"zz{n:05d}",
                )
                for n in self._numbers(count)
            ]
        )
        self.main.target_units.add(*units)
        people = Person.objects.bulk_create(
            [Person(code=f"nguoi-thu-{u.code}", full_name=f"Người {u.name}", unit=u) for u in units]
        )
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    movement=self.main,
                    unit=u,
                    state=RegistrationState.SUBMITTED,
                    submitted_at=timezone.now(),
                )
                for u in units
            ]
        )
        RegistrationEntry.objects.bulk_create(
            [
                RegistrationEntry(registration=r, person=p, title="lao_dong_tien_tien")
                for r, p in zip(registrations, people, strict=True)
            ]
        )
        Movement.objects.bulk_create(
            [
                Movement(
                    name=f"Cụ thể hóa {u.name}",
                    kind="regular",
                    year=2021,
                    launched_by=self.district,
                    parent=self.main,
                    starts_on=datetime.date(2021, 1, 1),
                    ends_on=datetime.date(2021, 12, 31),
                    status="launched",
                )
                for u in units
            ]
        )

    def notices_to_the_ward(self, count: int) -> None:
        movements = self.movements(count)
        MovementNotice.objects.bulk_create(
            [MovementNotice(movement=m, unit=self.ward) for m in movements]
        )


@pytest.fixture
def rows(demo):
    return Rows()


def _same_cost(client, url, grow) -> None:
    assert_flat(client, url, grow, few=FEW, many=MANY)


def test_movement_list(client, demo_user, rows):
    client.force_login(demo_user("thuongtruc"))
    _same_cost(client, reverse("movements:movement_list"), rows.movements)


def test_movement_list_with_the_units_notices(client, demo_user, rows):
    client.force_login(demo_user("canbo.hoangliet"))
    _same_cost(client, reverse("movements:movement_list"), rows.notices_to_the_ward)


def test_movement_detail_with_its_targets_registrations_and_cascades(client, demo_user, rows):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:movement_detail", args=[rows.main.pk])
    _same_cost(client, url, rows.targets_of_main)
    page = client.get(url).content.decode()
    assert "Tổ thử 209" in page and "Cụ thể hóa Tổ thử 209" in page


def test_registration_list(client, demo_user, rows):
    client.force_login(demo_user("thuongtruc"))
    _same_cost(client, reverse("movements:registration_list"), rows.registrations_of_the_ward)


def test_registration_list_of_a_unit(client, demo_user, rows):
    client.force_login(demo_user("canbo.hoangliet"))
    _same_cost(client, reverse("movements:registration_list"), rows.registrations_of_the_ward)


def test_registration_list_shows_a_page_of_fifty_and_keeps_the_state_filter(
    client, demo_user, rows
):
    client.force_login(demo_user("thuongtruc"))
    rows.registrations_of_the_ward(120)
    url = reverse("movements:registration_list")
    first = client.get(url).context["registrations"]
    assert len(first.object_list) == 50 and first.has_next()
    second = client.get(url, {"page": 2}).context["registrations"]
    assert not {r.pk for r in first} & {r.pk for r in second}
    draft = client.get(url, {"state": "draft"})
    assert {r.state for r in draft.context["registrations"]} <= {"draft"}
    assert draft.context["page_query"] == "state=draft"  # the pager's links keep the filter


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_consolidated_exports_of_a_movement(client, demo_user, rows, fmt):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:registrations_export", args=[rows.main.pk, fmt])
    _same_cost(client, url, rows.targets_of_main)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_consolidated_exports_of_the_year(client, demo_user, rows, fmt):
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:registrations_year_export", args=[2021, fmt])
    _same_cost(client, url, rows.registrations_of_the_ward)


def test_the_dashboard_card_of_unread_notices(client, demo_user, rows):
    from vinhdanh.movements.dashboard import cards

    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    _same_cost(client, reverse("home:index"), rows.notices_to_the_ward)
    assert cards(officer)[0].value >= FEW + MANY


def test_the_api_lists(client, demo_user, rows):
    client.force_login(demo_user("thuongtruc"))
    _same_cost(client, "/movements/api/movements/", rows.movements)
    _same_cost(client, "/movements/api/registrations/", rows.registrations_of_the_ward)
