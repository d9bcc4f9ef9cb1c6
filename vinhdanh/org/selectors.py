"""Reading the registry within the user's scope."""

from django.db.models import Case, Count, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from vinhdanh.accounts import access
from vinhdanh.core.text import fold
from vinhdanh.org.models import Cluster, Person, Unit


def _matching(queryset: QuerySet, query: str) -> QuerySet:
    """Rows whose words start with the query's words; a whole-phrase match comes first."""
    folded = fold(query)
    for word in folded.split():
        queryset = queryset.filter(search_text__contains=f" {word}")
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    exact_first = Case(When(search_text__contains=f" {folded} ", then=Value(0)), default=Value(1))
    return queryset.annotate(search_rank=exact_first).order_by("search_rank", *ordering)


def units_for(user, query: str = "") -> QuerySet:
    units = access.scope_queryset(user, Unit.objects.select_related("level", "parent"))
    return _matching(units, query) if query else units


def people_for(user, query: str = "", unit: Unit | None = None) -> QuerySet:
    people = access.scope_queryset(user, Person.objects.select_related("unit"))
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    return _matching(people, query) if query else people


def member_count() -> Coalesce:
    """How many units a cluster has, counted in a subquery of its own.

    A count over the `members` join multiplies with any other join on `members`: the scope
    rule of a cluster head filters on the members too, and a 7-unit cluster counted 49.
    """
    through = Cluster.members.through.objects.filter(cluster_id=OuterRef("pk"))
    counted = through.values("cluster_id").annotate(total=Count("*")).values("total")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def clusters_for(user, year: int | None = None) -> QuerySet:
    clusters = access.scope_queryset(
        user, Cluster.objects.select_related("head", "deputy").annotate(member_count=member_count())
    )
    return clusters.filter(year=year) if year else clusters


def unit_forest(units: list[Unit]) -> list[dict]:
    """Nest units into trees; a unit whose parent is not visible becomes a root."""
    by_id = {unit.pk: {"unit": unit, "children": []} for unit in units}
    roots = []
    for unit in sorted(units, key=lambda item: (item.path.count("/"), item.sort_key)):
        node = by_id[unit.pk]
        parent = by_id.get(unit.parent_id)
        (parent["children"] if parent else roots).append(node)
    return roots
