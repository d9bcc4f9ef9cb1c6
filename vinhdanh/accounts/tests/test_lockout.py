"""Five failed logins lock the username, and separately the address, for the cool-off."""

import base64
import datetime

import pytest
import time_machine
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
OFFICER = "canbo.hoangliet"
LOCKED_TEXT = "tạm thời bị khóa vì đăng nhập sai quá 5 lần"


def _login(client, username, password, **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_client_login_in_a_test_passes_a_request_for_the_lockout_to_read(demo, client):
    # Axes refuses to judge a login without a request, so tests give one to client.login.
    assert client.login(request=HttpRequest(), username=OFFICER, password=DEMO_PASSWORD)
    assert not client.login(request=HttpRequest(), username=OFFICER, password="sai-mat-khau")


def test_four_failures_still_let_the_right_password_in(demo, client):
    for _ in range(4):
        response = _login(client, OFFICER, "sai-mat-khau")
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    response = _login(client, OFFICER, DEMO_PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


def test_five_failures_lock_the_account_and_the_right_password_then_fails(demo, client):
    for _ in range(5):
        _login(client, OFFICER, "sai-mat-khau")
    response = _login(client, OFFICER, DEMO_PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert LOCKED_TEXT in page
    assert "Tạm khóa đăng nhập" in page  # the site's own layout, in Vietnamese
    assert 'data-testid="user-menu"' not in page
    assert not _signed_in(client)


def test_the_account_stays_locked_from_another_address(demo, client):
    for number in range(5):
        _login(client, OFFICER, "sai-mat-khau", REMOTE_ADDR=f"198.51.100.{number + 1}")
    response = _login(client, OFFICER, DEMO_PASSWORD, REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 429
    assert not _signed_in(client)


def test_five_failures_from_one_address_lock_it_for_every_username(demo, client):
    for username in ["admin", "thuongtruc", "uyvien", "chutich", "khong-co-ai"]:
        _login(client, username, "sai-mat-khau", REMOTE_ADDR="203.0.113.5")
    response = _login(client, OFFICER, DEMO_PASSWORD, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 429
    assert not _signed_in(client)
    # The same officer from another address is not locked: no username reached five.
    response = _login(client, OFFICER, DEMO_PASSWORD, REMOTE_ADDR="203.0.113.6")
    assert response.status_code == 302
    assert _signed_in(client)


def test_the_lock_ends_after_the_cool_off(demo, client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            _login(client, OFFICER, "sai-mat-khau")
        assert _login(client, OFFICER, DEMO_PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=14), tick=False):
        assert _login(client, OFFICER, DEMO_PASSWORD).status_code == 429
    # The failure at minute 14 started the cool-off again.
    with time_machine.travel(start + datetime.timedelta(minutes=30), tick=False):
        assert _login(client, OFFICER, DEMO_PASSWORD).status_code == 302
    assert _signed_in(client)


def test_the_admin_site_login_is_locked_too(demo, client):
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "admin", "password": "sai-mat-khau"})
    response = client.post(url, {"username": "admin", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()


def _basic(username: str, password: str) -> dict:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_http_basic_on_the_api_counts_failures_and_locks(demo, client):
    url = "/api/units/"
    assert client.get(url, **_basic(OFFICER, DEMO_PASSWORD)).status_code == 200
    for _ in range(4):
        assert client.get(url, **_basic(OFFICER, "sai-mat-khau")).status_code in (401, 403)
    # The fifth failure locks, and says so.
    assert client.get(url, **_basic(OFFICER, "sai-mat-khau")).status_code == 429
    response = client.get(url, **_basic(OFFICER, DEMO_PASSWORD))
    assert response.status_code == 429
    assert LOCKED_TEXT in response.json()["detail"]


def test_a_lock_from_the_api_closes_the_login_page_too(demo, client):
    for _ in range(5):
        client.get("/api/units/", **_basic(OFFICER, "sai-mat-khau"))
    assert _login(client, OFFICER, DEMO_PASSWORD).status_code == 429


@pytest.fixture
def behind_one_proxy(settings):
    """nginx in front, appending the client's address to X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_a_proxy_each_client_address_is_counted_apart(demo, client, behind_one_proxy):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for username in ["admin", "thuongtruc", "uyvien", "chutich", "khong-co-ai"]:
        _login(client, username, "x", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    locked = _login(client, OFFICER, DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert locked.status_code == 429
    # Another client behind the same proxy is not locked.
    other = _login(client, OFFICER, DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 302


def test_behind_a_proxy_an_address_written_by_the_client_does_not_dodge_the_lock(
    demo, client, behind_one_proxy
):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    usernames = ["admin", "thuongtruc", "uyvien", "chutich", "khong-co-ai"]
    for number, username in enumerate(usernames):
        # The client invents a new address each time; nginx appends the real one.
        forwarded = f"10.9.9.{number}, 203.0.113.5"
        _login(client, username, "x", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    forwarded = "10.9.9.200, 203.0.113.5"
    locked = _login(client, OFFICER, DEMO_PASSWORD, HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    assert locked.status_code == 429
