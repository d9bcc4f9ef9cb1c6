"""Password rules: 8 characters with a second factor, 14 without, and Django's usual checks."""

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError

from vinhdanh.accounts.passwords import length_error, required_length


def test_required_length_without_a_database():
    assert required_length(has_second_factor=True) == 8
    assert required_length(has_second_factor=False) == 14
    assert length_error("a" * 13, has_second_factor=False) == (
        "Mật khẩu quá ngắn: cần ít nhất 14 ký tự khi chưa bật xác thực hai lớp "
        "(8 ký tự nếu đã bật)."
    )
    assert length_error("a" * 14, has_second_factor=False) is None
    assert (
        length_error("a" * 7, has_second_factor=True) == "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."
    )
    assert length_error("a" * 8, has_second_factor=True) is None


def _problems(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.django_db
def test_an_eleven_character_password_needs_a_second_factor(demo_user, enrolled):
    with_device, without_device = demo_user("thuongtruc"), demo_user("uyvien")
    enrolled(with_device)
    assert _problems("Sen-hong-9x", with_device) == []
    assert _problems("Sen-hong-9x", without_device) == [
        "Mật khẩu quá ngắn: cần ít nhất 14 ký tự khi chưa bật xác thực hai lớp "
        "(8 ký tự nếu đã bật)."
    ]
    assert _problems("Sen-hong-9x-Ha-Noi", without_device) == []


@pytest.mark.django_db
def test_django_checks_speak_vietnamese(demo_user):
    user = demo_user("canbo.hoangliet")
    assert "Mật khẩu này quá phổ biến." in _problems("password", user)
    assert "Mật khẩu này hoàn toàn là số." in _problems("20212021202120212", user)
    assert any("Mật khẩu quá giống với" in p for p in _problems("canbo.hoangliet1", user))


def test_the_rules_are_explained():
    texts = " ".join(password_validators_help_texts())
    assert "ít nhất 14 ký tự, hoặc 8 ký tự nếu tài khoản đã bật xác thực hai lớp" in texts


def test_only_the_test_run_stores_passwords_with_a_fast_hash():
    from vinhdanh import settings as production_settings

    # The test settings trade strength for speed (settings_test.py); production may not.
    assert production_settings.PASSWORD_HASHERS[0].endswith(".PBKDF2PasswordHasher")
    assert not any("MD5" in hasher for hasher in production_settings.PASSWORD_HASHERS)
