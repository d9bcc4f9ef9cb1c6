"""Helpers the plan views share: today's date."""

from django.utils import timezone


def today():
    return timezone.localdate()
