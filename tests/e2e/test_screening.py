"""A large unit's screening through the browser: the job, its progress bar, its pages."""

import re

from vinhdanh.org.models import Unit


def test_a_large_units_screening_runs_as_a_job_and_pages_its_result(login, site, settings):
    settings.SCREENING_INLINE_LIMIT = 5  # the demo ward counts as large
    ward = Unit.objects.get(code="phuong-hoang-liet")
    page = login("canbo.hoangliet")
    page.goto(f"{site}/records/screening/?unit={ward.pk}&year=2021")
    background = page.get_by_test_id("screening-in-background")
    background.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/records/screening/jobs/\d+/$"))
    progress = page.get_by_test_id("screening-progress")
    page.get_by_test_id("screening-result-link").wait_for()
    assert progress.locator("[role=progressbar]").get_attribute("aria-valuenow") == "100"
    # The bar's width comes from the site script (no inline style under the CSP).
    bar = progress.locator(".progress-bar")
    assert bar.evaluate("element => element.style.width") == "100%"
    page.get_by_test_id("screening-result-link").click()
    rows = page.get_by_test_id("screening-table").locator("tbody tr")
    assert 0 < rows.count() <= 100
    # A verdict opens its reasons beside the table.
    rows.first.locator("button").first.click()
    page.get_by_test_id("verdict-detail").wait_for()
    assert page.get_by_test_id("verdict-detail").locator("li").count() > 0
