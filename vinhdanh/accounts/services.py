"""Second-factor actions: enrol an authenticator app, verify a session, recovery codes."""

import django_otp
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from vinhdanh.audit.services import record

AUTHENTICATOR_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã khôi phục"


def normalise_code(code: str) -> str:
    """Codes are read as typed: spaces and dashes dropped, recovery codes in lower case."""
    return "".join(ch for ch in code if ch not in " -\t").lower()


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being enrolled: the same key until it is confirmed, so a reload
    of the enrolment page does not invalidate a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def replace_recovery_codes(user) -> list[str]:
    """New one-time recovery codes; the old ones stop working. Shown to the user once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    record(actor=user, action="accounts.recovery_codes_replaced", instance=user)
    return codes


def confirm_enrolment(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the pending authenticator with a code from it.

    On success the session counts as verified, any older authenticator is removed and
    fresh recovery codes are returned; on a wrong code, None (the device's throttle counts it).
    """
    user = request.user
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalise_code(code)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(actor=user, action="accounts.second_factor_enrolled", instance=user)
        codes = replace_recovery_codes(user)
    django_otp.login(request, device)
    return codes


def verify_session(request, code: str) -> bool:
    """Check a code from the authenticator, or a recovery code (used up on success)."""
    token = normalise_code(code)
    if not token:
        return False
    for device in devices_for_user(request.user, confirmed=True):
        if device.verify_token(token):
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                record(
                    actor=request.user, action="accounts.recovery_code_used", instance=request.user
                )
            return True
    return False


@transaction.atomic
def disable_second_factor(user) -> None:
    """Remove the authenticator and the recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record(actor=user, action="accounts.second_factor_disabled", instance=user)


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
