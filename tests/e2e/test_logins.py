"""In a browser: a standing-office account enrols its second factor at first login."""

import base64

import pytest
from django_otp.oath import totp

from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD


@pytest.fixture
def second_factor_on(settings):
    settings.SECOND_FACTOR_REQUIRED_ROLES = ["admin", "standing_office", "council_member", "leader"]
    settings.SECOND_FACTOR_FOR_ADMIN_SITE = True


def _code_for(manual_key: str) -> str:
    key = base64.b32decode(manual_key.replace(" ", ""))
    return f"{totp(key):06d}"


def _sign_in(page, site, username):
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")


def test_first_login_enrols_then_the_next_login_asks_for_a_code(page, site, second_factor_on):
    _sign_in(page, site, "thuongtruc")
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    assert page.locator("[data-testid=enrol-qr] svg").count() == 1
    manual_key = page.get_by_test_id("manual-key").inner_text()
    page.fill("#id_code", _code_for(manual_key))
    page.get_by_test_id("code-submit").click()
    codes = page.get_by_test_id("recovery-codes").inner_text().split()
    assert len(codes) == 10
    page.get_by_text("Tiếp tục").click()
    page.wait_for_url(f"{site}/")
    assert page.get_by_test_id("home-heading").inner_text() == "Cơ quan thường trực Hội đồng"

    page.get_by_test_id("user-menu").click()
    page.get_by_text("Đăng xuất").click()
    page.wait_for_url("**/accounts/login/**")
    _sign_in(page, site, "thuongtruc")
    page.wait_for_url("**/accounts/second-factor/verify/**")
    page.fill("#id_code", codes[0])
    page.get_by_test_id("code-submit").click()
    page.wait_for_url(f"{site}/")
    assert page.get_by_test_id("home-heading").inner_text() == "Cơ quan thường trực Hội đồng"


def test_five_wrong_passwords_show_the_lockout_page(page, site):
    for _ in range(5):
        page.goto(f"{site}/accounts/login/")
        page.fill("#id_username", "canbo.hoangliet")
        page.fill("#id_password", "sai-mat-khau")
        page.click("button[type=submit]")
    assert "tạm thời bị khóa" in page.get_by_test_id("lockout-message").inner_text()
