import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vinhdanh.accounts import services

ORGANISATION_WIDE_ROLES = ["admin", "standing_office", "council_member", "leader"]


@pytest.fixture
def second_factor_on(settings):
    """The production rule: organisation-wide roles must use a second factor, /admin/ too."""
    settings.SECOND_FACTOR_REQUIRED_ROLES = ORGANISATION_WIDE_ROLES
    settings.SECOND_FACTOR_FOR_ADMIN_SITE = True


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app would show now, computed from the device's key."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def enrolled():
    """Give a user a confirmed authenticator and recovery codes, as enrolment would."""

    def enrol(user) -> tuple[TOTPDevice, list[str]]:
        device = services.pending_authenticator(user)
        device.confirmed = True
        device.save()
        return device, services.replace_recovery_codes(user)

    return enrol
