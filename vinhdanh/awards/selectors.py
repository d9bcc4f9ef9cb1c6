"""Reading awards data within a user's scope."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role
from vinhdanh.awards.checks import missing_components as missing
from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES, PUBLIC_STATES
from vinhdanh.org.models import Person, Unit


def nominations_for(user, *, state: str = "", year: int | None = None) -> QuerySet:
    queryset = Nomination.objects.select_related("title", "basis", "person", "collective", "unit")
    queryset = access.scope_queryset(user, queryset)
    if access.role_of(user) != Role.ADMIN:
        # A dossier sent up is listed by the council it was sent to; the sender follows it
        # on its original (the status line), so its list does not show it twice.
        queryset = queryset.exclude(
            Q(received_in__isnull=False)
            & ~Q(received_in__to_council_id=getattr(user, "council_id", None))
        )
    if state:
        queryset = queryset.filter(state=state)
    if year:
        queryset = queryset.filter(year=year)
    return queryset


def public_nominations() -> QuerySet:
    return Nomination.objects.filter(state__in=PUBLIC_STATES).select_related(
        "title", "person", "collective", "unit", "decision"
    )


def required_components(nomination: Nomination) -> list[tuple[str, str]]:
    rows = nomination.title.title_components.filter(required=True, component__generated=False)
    return [(row.component.code, row.component.name) for row in rows.select_related("component")]


def missing_components(nomination: Nomination) -> list[str]:
    provided = set(nomination.attachments.values_list("component__code", flat=True))
    return missing(required_components(nomination), provided)


def _subject_filter(subject) -> Q:
    if isinstance(subject, Person):
        return Q(person=subject)
    if isinstance(subject, Unit):
        return Q(collective=subject)
    raise TypeError("subject must be a Person or a Unit")


def awards_history(subject) -> list[dict]:
    """Titles and awards a person or collective holds, newest year first.

    Revoked awards stay listed, marked, so the history explains a refused proposal.
    """
    rows = (
        Nomination.objects.filter(_subject_filter(subject))
        .filter(state__in=[*AWARDED_STATES, "revoked"], forwarded_from__isnull=True)
        .select_related("title", "basis", "decision")
        .order_by("-year", "title__name")
    )
    by_year: dict[int, list[Nomination]] = defaultdict(list)
    for row in rows:
        by_year[row.year].append(row)
    return [{"year": year, "awards": items} for year, items in by_year.items()]
