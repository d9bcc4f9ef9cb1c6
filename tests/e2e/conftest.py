"""Browser tests: Playwright driving Debian's chromium against the live test server."""

import os
from pathlib import Path

import pytest

from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the Hoàng Mai demo loaded.

    The session loaded the demo once (conftest.py); the flush that ends each test that
    commits puts that copy back, so every browser test starts from the same demo.
    """
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    # Irreversible actions ask first (data-confirm): the tests say yes, and record what was asked.
    page.confirmations = []

    def accept(dialog):
        page.confirmations.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.accept_dialogs = accept  # a test that answers "Cancel" removes this listener
    yield page
    context.close()


@pytest.fixture
def login(page, site):
    def sign_in(username: str):
        page.goto(f"{site}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site}/")
        return page

    return sign_in


def choose(page, selector: str, subject) -> None:
    """Pick `subject` in a search chooser: type its name, click its match."""
    page.fill(selector, str(subject))
    page.locator(f'[data-chooser-pick="{subject.pk}"]').click()
