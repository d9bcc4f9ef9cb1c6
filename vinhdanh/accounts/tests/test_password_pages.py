"""Changing and resetting a password, in Vietnamese, from the user menu and the login page."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Hoa-sen-Ho-Guom-2021"


def test_the_login_page_links_to_the_reset_and_the_menu_to_the_account_pages(demo_user, client):
    login_page = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("accounts:password_reset")}"' in login_page
    client.force_login(demo_user("canbo.hoangliet"))
    home = client.get(reverse("home:index")).content.decode()
    assert f'href="{reverse("accounts:password_change")}"' in home
    assert f'href="{reverse("accounts:security")}"' in home


def test_changing_the_password(demo_user, client):
    user = demo_user("canbo.hoangliet")
    client.force_login(user)
    url = reverse("accounts:password_change")
    form = client.get(url).content.decode()
    assert "Mật khẩu cũ" in form
    short = client.post(
        url, {"old_password": DEMO_PASSWORD, "new_password1": "Ngan-9x", "new_password2": "Ngan-9x"}
    )
    assert "Mật khẩu quá ngắn: cần ít nhất 14 ký tự" in short.content.decode()
    done = client.post(
        url,
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Mật khẩu của bạn đã được đổi." in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Still signed in: the session follows the new password.
    assert client.get(reverse("home:index")).status_code == 200


def test_resetting_the_password_by_e_mail(demo_user, client):
    user = demo_user("canbo.dinhcong")
    user.email = "dinhcong@hoangmai.example"
    user.save()
    sent = client.post(reverse("accounts:password_reset"), {"email": user.email}, follow=True)
    assert "thư hướng dẫn đặt lại mật khẩu đã được gửi" in sent.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Đặt lại mật khẩu Vinh Danh"
    assert "Tên đăng nhập của bạn: canbo.dinhcong" in message.body
    assert "Nếu bạn không yêu cầu, hãy bỏ qua thư này" in message.body
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Mật khẩu mới đã được lưu." in done.content.decode()
    login = client.post(
        reverse("accounts:login"), {"username": "canbo.dinhcong", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302
    # The link works once.
    assert (
        "không hợp lệ, đã được dùng hoặc đã hết hạn"
        in client.get(link, follow=True).content.decode()
    )


def test_an_unknown_address_sends_nothing_and_says_the_same(demo, client):
    sent = client.post(reverse("accounts:password_reset"), {"email": "ai@do.example"}, follow=True)
    assert "thư hướng dẫn đặt lại mật khẩu đã được gửi" in sent.content.decode()
    assert mail.outbox == []
