"""Searching from the header and the people list's live search, in the browser.

Signing in and reading each role's home page: tests/test_sign_in_pages.py.
"""


def test_searching_without_accents_finds_the_ward(login, site):
    page = login("thuongtruc")
    page.fill("input[name=q]", "hoang liet")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=hoang+liet")
    results = page.get_by_test_id("unit-results")
    assert "Phường Hoàng Liệt" in results.inner_text()
    results.get_by_text("Phường Hoàng Liệt").click()
    assert page.locator("h1").inner_text() == "Phường Hoàng Liệt"


def test_people_live_search_narrows_the_list(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/org/people/")
    page.fill("#people-search", "nguyen minh tam")
    page.wait_for_function("() => document.querySelectorAll('#people-table tbody tr').length === 1")
    assert "Nguyễn Minh Tâm" in page.locator("#people-table").inner_text()
