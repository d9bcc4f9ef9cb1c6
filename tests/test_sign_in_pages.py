"""Signing in through the login form and reading the page each role lands on.

These were browser tests that only read text after a page load; nothing on them
needs the browser (no script takes part), so Django's test client checks the same
text: the real login form, the demo password, the lockout backend, the redirect.
"""

import pytest
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

HOME_HEADINGS = {
    "admin": "Quản trị hệ thống",
    "thuongtruc": "Cơ quan thường trực Hội đồng",
    "uyvien": "Thành viên Hội đồng Thi đua - Khen thưởng",
    "chutich": "Lãnh đạo — Chủ tịch Hội đồng",
    "canbo.hoangliet": "Cán bộ thi đua, khen thưởng đơn vị",
    "cumtruong": "Cụm trưởng cụm thi đua",
}


def _sign_in(client, username: str, password: str = DEMO_PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def _signed_in_home(client, username: str) -> str:
    answer = _sign_in(client, username)
    assert answer.status_code == 302 and answer["Location"] == "/", answer
    assert client.session["_auth_user_id"]
    home = client.get("/")
    assert home.status_code == 200
    return home.content.decode()


@pytest.mark.parametrize(("username", "heading"), HOME_HEADINGS.items())
def test_each_role_signs_in_and_sees_its_home_page(client, username, heading):
    assert element_text(_signed_in_home(client, username), testid="home-heading") == heading


def test_unit_officer_home_shows_their_ward(client):
    assert "Phường Hoàng Liệt" in element_text(
        _signed_in_home(client, "canbo.hoangliet"), tag="main"
    )


def test_wrong_password_is_refused_in_vietnamese(client):
    answer = _sign_in(client, "admin", "sai-mat-khau")
    assert answer.status_code == 200 and "_auth_user_id" not in client.session
    main = element_text(answer.content.decode(), tag="main")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in main


def test_a_unit_officer_sees_the_tasks_of_their_unit(client):
    _signed_in_home(client, "canbo.hoangliet")
    page = client.get(reverse("plans:my_tasks")).content.decode()
    # Tasks given to "Các đơn vị thuộc Quận" are every unit's tasks.
    assert "Đăng ký danh hiệu" in element_text(page, testid="led-tasks")
