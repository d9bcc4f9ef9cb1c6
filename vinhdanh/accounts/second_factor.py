"""Who must prove a second factor, and whether they already have one.

The roles that must are a setting (SECOND_FACTOR_REQUIRED_ROLES); anyone who chose to
enrol is asked for a code too, since a factor that is never asked for protects nothing.
"""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from vinhdanh.accounts.access import role_of


def role_requires_second_factor(role: str | None, required_roles) -> bool:
    return role is not None and role in set(required_roles)


def requires_second_factor(user) -> bool:
    return role_requires_second_factor(role_of(user), settings.SECOND_FACTOR_REQUIRED_ROLES)


def has_confirmed_device(user) -> bool:
    """Whether the user has confirmed an authenticator app (recovery codes alone do not count)."""
    if user is None or not getattr(user, "pk", None):
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(user) -> bool:
    """Whether this request's session was verified with a second factor (OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())
