"""Reading exemplars within the user's scope, and the public honour board."""

from django.db.models import Count, Prefetch, Q, QuerySet

from vinhdanh.accounts import access
from vinhdanh.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState
from vinhdanh.org.models import Council


def exemplars_for(user, *, year: int | None = None, state: str | None = None) -> QuerySet:
    rows = access.scope_queryset(
        user,
        Exemplar.objects.select_related("unit", "council", "nomination__title"),
    )
    if year:
        rows = rows.filter(year=year)
    if state:
        rows = rows.filter(state=state)
    return rows.order_by("-year", "-pk")


def board_councils() -> QuerySet:
    """The councils that have an honour board: at least one exemplar published."""
    return (
        Council.objects.select_related("unit")
        .annotate(published=Count("exemplars", filter=Q(exemplars__state=ExemplarState.PUBLISHED)))
        .filter(published__gt=0)
        .order_by("unit__sort_key", "pk")
    )


def board_years(council: Council) -> list[int]:
    return list(
        Exemplar.objects.filter(council=council, state=ExemplarState.PUBLISHED)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def board(council: Council, year: int) -> QuerySet:
    """The published exemplars of a council's year, each with the photos the board may show:
    those of an exemplar whose person consented (the others are never read)."""
    return (
        Exemplar.objects.filter(council=council, year=year, state=ExemplarState.PUBLISHED)
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "photos",
                queryset=ExemplarPhoto.objects.filter(exemplar__consent_given=True),
                to_attr="public_photos",
            )
        )
        .order_by("-published_at", "-pk")
    )


def public_photo(pk: int) -> ExemplarPhoto | None:
    """A photo the public may see: of a published exemplar, whose person consented."""
    return (
        ExemplarPhoto.objects.filter(
            pk=pk,
            exemplar__state=ExemplarState.PUBLISHED,
            exemplar__consent_given=True,
        )
        .select_related("exemplar")
        .first()
    )
