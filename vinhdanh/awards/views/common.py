from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError


def report(request, error) -> None:
    """Show a service's refusal as a Vietnamese message on the next page."""
    if isinstance(error, ValidationError):
        for text in error.messages:
            messages.error(request, text)
    elif isinstance(error, PermissionDenied):
        messages.error(request, str(error))


def parse_date(value: str):
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
