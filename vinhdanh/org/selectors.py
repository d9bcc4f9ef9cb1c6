"""Reading the registry within the user's scope."""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from vinhdanh.accounts import access
from vinhdanh.core.text import fold
from vinhdanh.org.models import Cluster, Person, Unit


def _words_q(field: str, words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": f" {word}"})
    return condition


def _matching(queryset: QuerySet, query: str, unit_field: str | None = None) -> QuerySet:
    """Rows whose words start with the query's words; a whole-phrase match comes first.

    With `unit_field` (people), the query may end with the name of the row's unit: "mo hoang
    liet" is a Mơ of Hoàng Liệt, "hoang liet" everyone there. The unit's part is read as a
    phrase of at least UNIT_PHRASE_MIN letters, so a name's last initial ("nguyen van a")
    does not pull in every unit that has a word starting with it.
    """
    folded = fold(query)
    words = folded.split()
    found = _words_q("search_text", words)
    if unit_field:
        for split in range(len(words)):
            phrase = " ".join(words[split:])
            if len(phrase.replace(" ", "")) >= UNIT_PHRASE_MIN:
                unit_q = Q(**{f"{unit_field}__contains": f" {phrase}"})
                found |= _words_q("search_text", words[:split]) & unit_q
    queryset = queryset.filter(found)
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    exact_first = Case(When(search_text__contains=f" {folded} ", then=Value(0)), default=Value(1))
    return queryset.annotate(search_rank=exact_first).order_by("search_rank", *ordering)


UNIT_PHRASE_MIN = 3


def units_for(user, query: str = "") -> QuerySet:
    units = access.scope_queryset(user, Unit.objects.select_related("level", "parent"))
    return _matching(units, query) if query else units


def people_for(user, query: str = "", unit: Unit | None = None) -> QuerySet:
    people = access.scope_queryset(user, Person.objects.select_related("unit"))
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    return _matching(people, query, unit_field="unit__search_text") if query else people


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


def unit_depth(unit: Unit) -> int:
    """0 for a root of the whole tree (the province), 1 for the units under it, …"""
    return unit.path.count("/") - 2


def unit_forest(units: list[Unit], max_depth: int | None = None) -> list[dict]:
    """Nest units into trees; a unit whose parent is not visible becomes a root.

    Units deeper than `max_depth` (`unit_depth`) are not drawn: the deepest drawn ancestor
    counts them (`hidden`), and its own page lists them. A province's tree is a thousand
    units; its page draws the council's units and those directly under it."""
    by_id = {unit.pk: {"unit": unit, "children": [], "hidden": 0} for unit in units}
    roots = []
    for unit in sorted(units, key=lambda item: (item.path.count("/"), item.sort_key)):
        node = by_id[unit.pk]
        parent = by_id.get(unit.parent_id)
        if parent is None:
            node["drawn_at"] = node
            roots.append(node)
        elif max_depth is not None and unit_depth(unit) > max_depth:
            node["drawn_at"] = parent["drawn_at"]
            node["drawn_at"]["hidden"] += 1
        else:
            node["drawn_at"] = node
            parent["children"].append(node)
    return roots
