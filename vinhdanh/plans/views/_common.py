"""Helpers the plan views share: today's date."""

from django.utils import timezone

from vinhdanh.accounts import access


def today():
    return timezone.localdate()


def sees_every_line(user) -> bool:
    """The organisation-wide roles read which units of a group task are late; a unit reads
    its own line and the counts."""
    return access.role_of(user) in access.ORGANISATION_WIDE_VIEWERS
