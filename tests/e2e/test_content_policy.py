"""The pages work under the content policy: no violation, and what moved out of inline works."""

import pytest

from vinhdanh.plans.models import FeedToken, Plan


@pytest.fixture
def violations(page):
    """Every content-policy violation the browser reports, from the console and the DOM event."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective));"
    )
    return seen


def test_main_pages_raise_no_violation(login, site, violations):
    page = login("thuongtruc")
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    for path in (
        "/",
        "/org/people/",
        "/plans/",
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/calendar/?month=2021-04",
        "/awards/",
        "/khong-co-trang-nay/",
    ):
        # "load" rather than "networkidle": a loaded machine may keep htmx requests in flight.
        page.goto(f"{site}{path}", wait_until="load", timeout=60000)
    assert violations == []


def test_timeline_bars_are_placed_by_the_site_script(login, site, violations):
    page = login("thuongtruc")
    plan = Plan.objects.get(number="01/KH-HĐTĐKT", year=2021)
    page.goto(f"{site}/plans/{plan.pk}/timeline/")
    bar = page.get_by_test_id("timeline-bar").first
    expected = bar.get_attribute("data-grid-column")
    start, end = (int(part) for part in expected.split(" / "))
    placed = bar.evaluate("el => getComputedStyle(el).gridColumnStart + '/' + el.style.gridColumn")
    assert placed.startswith(f"{start}/") and str(end) in placed
    assert violations == []


def test_live_search_works_without_inline_style(login, site, violations):
    page = login("thuongtruc")
    page.goto(f"{site}/org/people/")
    page.fill("#people-search", "nguyen minh tam")
    page.wait_for_function("() => document.querySelectorAll('#people-table tbody tr').length === 1")
    assert violations == []


def test_language_switch_submits_on_change(login, site, violations):
    page = login("thuongtruc")
    page.select_option("select[name=language]", "en")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.locator("html").get_attribute("lang") == "en"
    assert violations == []


def test_a_feed_address_is_made_shown_once_and_revoked(login, site, violations):
    page = login("thuongtruc")
    page.get_by_test_id("user-menu").click()
    page.get_by_test_id("my-feeds").click()
    page.get_by_test_id("feed-create").click()
    address = page.get_by_test_id("new-feed-url").locator("input").input_value()
    assert address.startswith(f"{site}/plans/feed/") and address.endswith(".ics")
    feed = page.request.get(address)
    assert feed.status == 200 and feed.text().startswith("BEGIN:VCALENDAR")
    page.get_by_test_id("feed-revoke").first.click()
    assert "Đã thu hồi liên kết" in page.locator("main").inner_text()
    assert page.request.get(address).status == 404
    assert FeedToken.objects.filter(revoked_at__isnull=False).count() == 1
    assert violations == []


def test_the_watcher_sees_what_the_policy_blocks(login, site, violations):
    page = login("thuongtruc")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>');"
        "const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
        "document.body.appendChild(s);"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran") is None
    assert any("style-src" in text for text in violations)
    assert any("script-src" in text for text in violations)
