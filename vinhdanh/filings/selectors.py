"""Reading filings within the user's scope, and the councils the public may file to."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from vinhdanh.accounts import access
from vinhdanh.filings.models import OPEN_STATES, Filing, FilingKind
from vinhdanh.org.models import Council


def _in_force(prefix: str, day: datetime.date) -> Q:
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


def councils_in_force(day: datetime.date | None = None) -> QuerySet:
    day = day or timezone.localdate()
    return (
        Council.objects.filter(_in_force("", day) & _in_force("unit__", day))
        .select_related("unit")
        .order_by("unit__path")
    )


def open_kinds() -> QuerySet:
    return FilingKind.objects.filter(active=True)


def filings_for(user) -> QuerySet:
    return access.scope_queryset(
        user, Filing.objects.select_related("kind", "council", "council__unit")
    )


def waiting_for_office(user) -> QuerySet:
    """Filings the office still has to answer, the nearest deadline first."""
    return filings_for(user).filter(state__in=OPEN_STATES).order_by("due_on", "pk")
