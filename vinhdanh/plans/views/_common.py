"""Helpers the plan views share: error messages and today's date."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils import timezone


def error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def flash_error(request, error: Exception) -> None:
    messages.error(request, error_text(error))


def today():
    return timezone.localdate()
