"""Showing a service's refusal to the user: its Vietnamese messages, never an error page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError


def refusal_messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]


def refusal_text(error: Exception) -> str:
    return " ".join(refusal_messages(error))


def show_refusal(request, error: Exception) -> None:
    for text in refusal_messages(error):
        messages.error(request, text)


def run_action(request, action: Callable[[], object], success: str) -> bool:
    """Call a service; on refusal show why, on success say what was done."""
    try:
        action()
    except (ValidationError, PermissionDenied) as error:
        show_refusal(request, error)
        return False
    messages.success(request, success)
    return True
