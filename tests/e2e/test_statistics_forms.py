"""The standing office keeps the staff doing the work and reads form 0605 in the browser."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_office_adds_a_civil_servant_and_form_0605_counts_her(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/reports/work-staff/?year=2030")
    form = page.get_by_test_id("add-work-staff")
    form.locator("#id_staff-full_name").fill("Lê Thị Hoa")
    form.locator("#id_staff-gender").select_option("female")
    form.locator("#id_staff-birth_year").fill("1990")
    form.locator("#id_staff-education").select_option("university")
    form.locator("#id_staff-started_year").fill("2029")  # a year before: under 5 years
    form.get_by_role("button", name="Thêm").click()
    expect(page.get_by_test_id("work-staff")).to_contain_text("Lê Thị Hoa")
    page.goto(f"{site}/reports/form-0605/?year=2030")
    table = page.get_by_test_id("form-0605")
    expect(table).to_contain_text("Từ 31 đến 40")
    total = table.locator("tbody tr").first
    expect(total.locator("td.text-end")).to_have_text(["1", "1"])
    expect(page.get_by_test_id("stat-form-0605")).to_contain_text("0605.N/BNV-TĐKT")


def test_a_2021_form_is_the_old_circulars(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/reports/form-0602/?year=2021")
    expect(page.get_by_test_id("stat-form-0602")).to_contain_text("0702.N/BNV-TĐKT")
    expect(page.get_by_test_id("stat-form-0602")).not_to_contain_text("02/2023")


def test_the_statistics_pages_raise_no_policy_violation_and_draw_their_charts(login, site):
    page = login("thuongtruc")
    seen = []
    page.on(
        "console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None
    )
    for path in (
        "/reports/form-0601/?year=2021",
        "/reports/form-0603/?year=2021",
        "/reports/form-0604/?year=2024",
        "/reports/form-0605/?year=2024",
        "/reports/work-staff/?year=2024",
        "/reports/person-categories/?year=2021",
        "/reports/awards/?year=2021",
    ):
        page.goto(f"{site}{path}", wait_until="load", timeout=60000)
    # The demo's 2024 staff: form 0605's chart of its rows is drawn by the site's script.
    page.goto(f"{site}/reports/form-0605/?year=2024", wait_until="load")
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.getElementById('chart-theo-dong'))"
    )
    assert seen == []
