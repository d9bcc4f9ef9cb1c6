"""Sessions end after 15 idle minutes (5 for the admin role) and 12 hours after the login."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from vinhdanh.accounts.session_lifetime import expiry_reason, should_record_activity

HOUR = 3600
LOGIN = reverse("accounts:login")


def test_expiry_rules_without_a_database():
    def reason(now, last, logged_in):
        return expiry_reason(
            now=now,
            last_activity=last,
            logged_in_at=logged_in,
            idle_seconds=900,
            lifetime_seconds=12 * HOUR,
        )

    assert reason(1000 + 899, 1000, 1000) is None
    assert reason(1000 + 901, 1000, 1000) == "idle"
    assert reason(12 * HOUR + 1, 12 * HOUR - 60, 0) == "lifetime"
    assert reason(500, None, None) is None
    assert should_record_activity(100, None)
    assert not should_record_activity(110, 100)
    assert should_record_activity(130, 100)


def _at(start, minutes):
    return time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False)


@pytest.mark.django_db
def test_an_officer_idle_for_more_than_15_minutes_is_logged_out(demo_user, client):
    start = timezone.now()
    with _at(start, 0):
        client.force_login(demo_user("canbo.hoangliet"))
        assert client.get("/plans/").status_code == 200
    with _at(start, 14):
        assert client.get("/plans/").status_code == 200
    with _at(start, 14 + 16):
        response = client.get("/plans/")
        assert response.status_code == 302
        assert response["Location"] == f"{LOGIN}?next=%2Fplans%2F"
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "Phiên làm việc đã hết hạn vì không hoạt động quá 15 phút." in page


@pytest.mark.django_db
def test_the_admin_role_is_logged_out_after_5_idle_minutes(demo_user, client):
    start = timezone.now()
    with _at(start, 0):
        client.force_login(demo_user("admin"))
        assert client.get("/plans/").status_code == 200
    with _at(start, 4):
        assert client.get("/plans/").status_code == 200
    with _at(start, 4 + 6):
        assert client.get("/plans/")["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_an_active_session_still_ends_after_its_lifetime(demo_user, client, settings):
    settings.SESSION_COOKIE_AGE = HOUR
    start = timezone.now()
    with _at(start, 0):
        client.force_login(demo_user("canbo.hoangliet"))
    for minutes in range(10, 60, 10):
        with _at(start, minutes):
            assert client.get("/plans/").status_code == 200
    with _at(start, 61):
        response = client.get("/plans/", follow=True)
        assert "Phiên làm việc đã quá thời hạn tối đa." in response.content.decode()
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_htmx_request_is_told_to_reload_the_login_page(demo_user, client):
    start = timezone.now()
    with _at(start, 0):
        client.force_login(demo_user("canbo.hoangliet"))
        client.get("/plans/")
    with _at(start, 20):
        response = client.get("/org/people/", HTTP_HX_REQUEST="true")
        assert response["HX-Redirect"].startswith(LOGIN)


@pytest.mark.django_db
def test_the_idle_limits_come_from_the_settings(demo_user, client, settings):
    settings.SESSION_IDLE_MINUTES = 60
    start = timezone.now()
    with _at(start, 0):
        client.force_login(demo_user("canbo.hoangliet"))
        client.get("/plans/")
    with _at(start, 45):
        assert client.get("/plans/").status_code == 200
