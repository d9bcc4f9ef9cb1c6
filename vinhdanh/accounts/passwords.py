"""The password length rule: shorter is allowed when a second factor stands behind it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vinhdanh.accounts.second_factor import has_confirmed_device

MIN_LENGTH_WITH_SECOND_FACTOR = 8
MIN_LENGTH_WITHOUT_SECOND_FACTOR = 14


def required_length(has_second_factor: bool) -> int:
    return MIN_LENGTH_WITH_SECOND_FACTOR if has_second_factor else MIN_LENGTH_WITHOUT_SECOND_FACTOR


def length_error(password: str, has_second_factor: bool) -> str | None:
    """The Vietnamese refusal for a password too short, or None."""
    minimum = required_length(has_second_factor)
    if len(password) >= minimum:
        return None
    if has_second_factor:
        return _("Mật khẩu quá ngắn: cần ít nhất %(min)d ký tự.") % {"min": minimum}
    return _(
        "Mật khẩu quá ngắn: cần ít nhất %(min)d ký tự khi chưa bật xác thực hai lớp "
        "(%(short)d ký tự nếu đã bật)."
    ) % {"min": minimum, "short": MIN_LENGTH_WITH_SECOND_FACTOR}


class SecondFactorAwareLengthValidator:
    """8 characters for a user with a confirmed authenticator, 14 for everyone else."""

    def validate(self, password: str, user=None) -> None:
        error = length_error(password, has_confirmed_device(user))
        if error:
            raise ValidationError(error, code="password_too_short")

    def get_help_text(self) -> str:
        return _(
            "Mật khẩu cần ít nhất %(long)d ký tự, hoặc %(short)d ký tự nếu tài khoản đã bật "
            "xác thực hai lớp."
        ) % {"long": MIN_LENGTH_WITHOUT_SECOND_FACTOR, "short": MIN_LENGTH_WITH_SECOND_FACTOR}
