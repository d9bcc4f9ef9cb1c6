"""A movement sent to a province's units, and an office's hundreds of movements, are listed
a page at a time; the registration figures count every target unit."""

import re

import pytest
from django.urls import reverse

from vinhdanh.movements import selectors
from vinhdanh.movements.models import Registration, RegistrationState
from vinhdanh.movements.tests.test_query_budgets import Rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(demo):
    return Rows()


def test_the_registration_figures_count_every_target(rows):
    rows.targets_of_main(120)
    main = rows.main
    Registration.objects.filter(movement=main, unit__code="to-thu-3").update(state="approved")
    totals = dict(selectors.registration_totals(main))
    targets = list(main.target_units.all())
    by_unit = {r.unit_id: r for r in Registration.objects.filter(movement=main)}
    expected: dict[str, int] = {}
    for unit in targets:
        registration = by_unit.get(unit.pk)
        label = registration.get_state_display() if registration else "Chưa đăng ký"
        expected[label] = expected.get(label, 0) + 1
    expected.setdefault("Chưa đăng ký", 0)
    assert totals == expected
    assert totals[str(RegistrationState.APPROVED.label)] >= 1
    assert sum(totals.values()) == len(targets)


def test_the_movement_page_lists_its_targets_a_page_at_a_time(client, demo_user, rows):
    rows.targets_of_main(120)
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:movement_detail", args=[rows.main.pk])
    targets = list(rows.main.target_units.all())
    first = client.get(url).content.decode()
    overview = first.split('data-testid="registration-overview"')[1].split("</table>")[0]
    assert overview.count("<tr>") == 50
    assert f"Đơn vị tham gia ({len(targets)})" in first
    assert f"tổng cộng {len(targets)} đơn vị" in first
    last_page = -(-len(targets) // 50)
    assert f"Trang 1/{last_page}" in first
    last = client.get(url, {"page": last_page}).content.decode()
    overview = last.split('data-testid="registration-overview"')[1].split("</table>")[0]
    assert overview.count("<tr>") == len(targets) - 50 * (last_page - 1)
    assert targets[-1].name in overview


def test_the_movement_list_pages_and_keeps_the_year(client, demo_user, rows):
    rows.movements(130)
    client.force_login(demo_user("thuongtruc"))
    url = reverse("movements:movement_list")
    count = selectors.movements_for(demo_user("thuongtruc"), 2021).count()
    page = client.get(url, {"year": 2021}).content.decode()
    table = page.split('data-testid="movement-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + 50  # the header and a page
    assert f"{count} phong trào" in page
    assert re.search(r'href="\?year=2021&amp;page=2"|href="\?year=2021&page=2"', page)
