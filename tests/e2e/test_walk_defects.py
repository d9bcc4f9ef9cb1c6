"""Defects found on the walk, as a person meets them in the browser."""

from playwright.sync_api import expect

from tests.e2e.conftest import choose
from vinhdanh.awards.models import Title
from vinhdanh.org.models import Person


def test_the_verdict_shows_once_subject_title_and_year_are_chosen(login, site):
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("code").first()
    page = login("canbo.hoangliet")
    page.goto(f"{site}/awards/new/")
    page.get_by_test_id("verdict-empty").wait_for()
    choose(page, "#id_person", person)
    page.select_option("#id_title", str(Title.objects.get(code="giay_khen").pk))
    # The year is typed and the cursor stays there: no basis, no summary, no blur.
    page.fill("#id_year", "2021")
    verdict = page.get_by_test_id("verdict-detail")
    # The form opens on this year, so a verdict may show before the typed year arrives:
    # wait for the one of 2021.
    expect(verdict).to_contain_text("· 2021")
    assert person.full_name in verdict.inner_text()
    assert page.locator("#id_achievements").input_value() == ""


def test_the_charts_are_drawn_from_the_sites_own_chart_js(login, site, tmp_path):
    page = login("thuongtruc")
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if message.type == "error" else None
    )
    for path, key in (
        ("/plans/dashboard/", "tien-do-theo-quy"),
        ("/reports/awards/?year=2021", "theo-danh-hieu"),
        ("/awards/charts/", "ho-so-theo-trang-thai"),
    ):
        page.goto(f"{site}{path}")
        page.wait_for_function(
            "key => window.Chart && Chart.getChart(document.getElementById('chart-' + key))",
            arg=key,
        )
        drawn = page.evaluate(
            "key => Chart.getChart(document.getElementById('chart-' + key)).data.labels.length",
            key,
        )
        assert drawn > 0, path
        # The table is there for whoever does not see the drawing.
        page.get_by_test_id(f"chart-{key}").locator("summary").click()
        assert page.locator(f"#chart-{key}-table tbody tr").count() == drawn
    page.screenshot(path=str(tmp_path / "charts.png"), full_page=True)
    assert not [text for text in refused if "Content Security Policy" in text]
