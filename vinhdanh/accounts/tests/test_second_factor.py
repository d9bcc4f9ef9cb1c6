"""The second factor: who must enrol, the enrolment, verification, recovery codes, /admin/."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from vinhdanh.accounts.access import ORGANISATION_WIDE_VIEWERS
from vinhdanh.accounts.second_factor import role_requires_second_factor
from vinhdanh.accounts.tests.conftest import current_code
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
ENROL = reverse("accounts:second_factor_enrol")
VERIFY = reverse("accounts:second_factor_verify")


def test_by_default_the_organisation_wide_roles_must_use_a_second_factor():
    from vinhdanh import settings as production

    assert set(production.SECOND_FACTOR_REQUIRED_ROLES) == {
        str(r) for r in ORGANISATION_WIDE_VIEWERS
    }


def test_the_role_rule_without_a_database():
    required = ["admin", "leader"]
    assert role_requires_second_factor("leader", required)
    assert not role_requires_second_factor("unit_officer", required)
    assert not role_requires_second_factor(None, required)
    assert not role_requires_second_factor("admin", [])


@pytest.mark.parametrize("username", ["admin", "thuongtruc", "uyvien", "chutich"])
def test_an_organisation_wide_role_without_a_device_is_sent_to_enrol(
    demo_user, client, second_factor_on, username
):
    client.force_login(demo_user(username))
    response = client.get("/plans/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fplans%2F"


@pytest.mark.parametrize("username", ["canbo.hoangliet", "cumtruong"])
def test_a_unit_officer_or_cluster_head_is_not_forced(
    demo_user, client, second_factor_on, username
):
    client.force_login(demo_user(username))
    response = client.get(reverse("home:index"))
    assert response.status_code == 200
    assert 'data-testid="home-heading"' in response.content.decode()


def test_enrolment_shows_an_inline_qr_and_the_key_and_confirms_with_a_code(
    demo_user, client, second_factor_on
):
    user = demo_user("thuongtruc")
    client.force_login(user)
    page = client.get(f"{ENROL}?next=/plans/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page  # drawn on the server: no image fetched from elsewhere
    assert "<img" not in page
    key = re.search(r'data-testid="manual-key">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    import base64

    assert base64.b32decode(key) == device.bin_key

    wrong = client.post(ENROL, {"code": "000000", "next": "/plans/"})
    assert "Mã không đúng hoặc đã hết hạn" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5), tick=False):
        done = client.post(ENROL, {"code": current_code(device), "next": "/plans/"})
        page = done.content.decode()
        codes = re.findall(r"<li class=\"col\">([a-z2-7]+)</li>", page)
        assert "Đã bật xác thực hai lớp." in page
        assert len(codes) == 10 and len(set(codes)) == 10
        device.refresh_from_db()
        assert device.confirmed
        # The session is verified: the page asked for first now opens.
        assert client.get("/plans/").status_code == 200


def test_after_the_password_a_user_with_a_device_must_enter_a_code(
    demo_user, client, second_factor_on, enrolled
):
    device, _ = enrolled(demo_user("chutich"))
    response = client.post(
        reverse("accounts:login"),
        {"username": "chutich", "password": DEMO_PASSWORD, "next": "/plans/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"{VERIFY}?next=%2Fplans%2F"
    assert "Nhập mã 6 chữ số từ ứng dụng xác thực" in response.content.decode()
    assert client.get("/plans/").status_code == 302  # the password alone opens nothing

    wrong = client.post(VERIFY, {"code": "123456", "next": "/plans/"})
    assert "Mã không đúng, đã dùng hoặc đã hết hạn" in wrong.content.decode()

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5), tick=False):
        right = client.post(VERIFY, {"code": current_code(device), "next": "/plans/"})
        assert right.status_code == 302
        assert right["Location"] == "/plans/"
        assert client.get("/plans/").status_code == 200


def test_verify_refuses_a_next_address_on_another_site(
    demo_user, client, second_factor_on, enrolled
):
    user = demo_user("chutich")
    device, _ = enrolled(user)
    client.force_login(user)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home:index")


def test_a_recovery_code_works_once(demo_user, client, second_factor_on, enrolled):
    user = demo_user("uyvien")
    _, codes = enrolled(user)
    client.force_login(user)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/plans/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9

    client.logout()
    client.force_login(user)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200
    assert "Mã không đúng, đã dùng hoặc đã hết hạn" in again.content.decode()
    assert client.get("/plans/").status_code == 302


def test_a_unit_officer_who_chose_a_second_factor_is_asked_for_it(
    demo_user, client, second_factor_on, enrolled
):
    user = demo_user("canbo.hoangliet")
    enrolled(user)
    client.force_login(user)
    response = client.get("/plans/")
    assert response["Location"] == f"{VERIFY}?next=%2Fplans%2F"


def test_the_admin_site_needs_a_verified_session_even_when_no_role_requires_it(
    demo_user, client, settings, enrolled
):
    settings.SECOND_FACTOR_REQUIRED_ROLES = []
    settings.SECOND_FACTOR_FOR_ADMIN_SITE = True
    admin = demo_user("admin")
    client.force_login(admin)
    assert client.get(reverse("home:index")).status_code == 200
    response = client.get("/admin/")
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"

    device, _ = enrolled(admin)
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    client.post(VERIFY, {"code": current_code(device)})
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "accounts/user/" in response.content.decode()


def test_the_api_refuses_an_unverified_session_and_basic_for_a_required_role(
    demo_user, client, second_factor_on
):
    import base64

    client.force_login(demo_user("thuongtruc"))
    response = client.get("/api/units/")
    assert response.status_code == 403
    assert "cần xác thực hai lớp" in response.json()["detail"]

    client.logout()
    token = base64.b64encode(f"thuongtruc:{DEMO_PASSWORD}".encode()).decode()
    response = client.get("/api/units/", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code in (401, 403)
    assert "không thể dùng HTTP Basic" in response.json()["detail"]


def test_regenerating_recovery_codes_replaces_the_old_ones(
    demo_user, client, second_factor_on, enrolled
):
    user = demo_user("thuongtruc")
    device, old_codes = enrolled(user)
    client.force_login(user)
    client.post(VERIFY, {"code": current_code(device)})
    page = client.post(reverse("accounts:recovery_codes_regenerate")).content.decode()
    new_codes = re.findall(r"<li class=\"col\">([a-z2-7]+)</li>", page)
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new_codes) == 10
    assert stored == set(new_codes)
    assert not stored & set(old_codes)


def test_disabling_needs_the_password_and_removes_the_devices(
    demo_user, client, second_factor_on, enrolled
):
    user = demo_user("canbo.dinhcong")
    device, _ = enrolled(user)
    client.force_login(user)
    client.post(VERIFY, {"code": current_code(device)})
    url = reverse("accounts:second_factor_disable")

    refused = client.post(url, {"password": "sai"}, follow=True)
    assert "Mật khẩu hiện tại không đúng." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()

    done = client.post(url, {"password": DEMO_PASSWORD}, follow=True)
    assert "Đã tắt xác thực hai lớp." in done.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_a_required_role_that_removes_its_device_must_enrol_again(
    demo_user, client, second_factor_on, enrolled
):
    user = demo_user("thuongtruc")
    device, _ = enrolled(user)
    client.force_login(user)
    client.post(VERIFY, {"code": current_code(device)})
    response = client.post(reverse("accounts:second_factor_disable"), {"password": DEMO_PASSWORD})
    assert response["Location"] == ENROL
    assert client.get("/plans/")["Location"].startswith(ENROL)


def test_the_security_page_shows_the_state(demo_user, client, enrolled):
    user = demo_user("cumtruong")
    client.force_login(user)
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Chưa bật." in page
    device, _ = enrolled(user)
    client.post(VERIFY, {"code": current_code(device)})
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Đang bật" in page
    assert "Còn 10 mã khôi phục chưa dùng." in page


def test_the_demo_says_which_roles_enrol_at_first_login(db, settings, capsys):
    settings.SECOND_FACTOR_REQUIRED_ROLES = ["admin", "standing_office"]
    call_command("load_demo", "--i-know-this-is-not-production")
    out = capsys.readouterr().out
    assert "phải đăng ký xác thực hai lớp" in out
    assert "Quản trị hệ thống, Cơ quan thường trực." in out
