"""The facts the statistics forms count, read from the database for the acting council.

A form is the report of a body: the acting council (its unit and the units below it — the
city adds up its wards) for the organisation-wide roles, the user's own unit for a unit's
officer. Counting is left to the pure modules (form_0601 …); every function here costs a
fixed number of queries whatever the number of rows.
"""

import datetime

from django.db.models import F

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council, nearest_council
from vinhdanh.movements.models import Movement, MovementStatus
from vinhdanh.org.models import Cluster, Council, Person, Unit
from vinhdanh.records.history import _AWARD_ROWS_SOURCES, past_award_rows
from vinhdanh.reports.categories import category_of, default_category
from vinhdanh.reports.form_0601 import MovementFacts, MovementLink, own_movements
from vinhdanh.reports.form_0602 import AwardItem
from vinhdanh.reports.form_0605 import StaffFacts
from vinhdanh.reports.models import PersonCategory, WorkBody, WorkStaff


def reporting_paths(user) -> list[str]:
    """The unit subtrees the user reports for ("" is everything: an instance administrator
    with no council)."""
    if access.role_of(user) in access.ORGANISATION_WIDE_VIEWERS:
        paths = access.council_paths(user)
        if paths:
            return paths
        return [""] if access.role_of(user) in access.INSTANCE_WIDE else []
    return access.own_unit_paths(user)


def reporting_council(user) -> Council | None:
    return acting_council(user)


def receiving_unit(council) -> str:
    """Who the report goes to: the council above (a district's to the city's), else the
    Ministry of Home Affairs."""
    if council is not None and council.unit.parent_id:
        above = nearest_council(council.unit.parent)
        if above is not None:
            return above.name
    return "Bộ Nội vụ (Vụ Thi đua - Khen thưởng)"


def movement_facts(user, year: int) -> list[MovementFacts]:
    """The movements (and cluster emulations) the reporting body counts for `year`: those it
    or a unit below it launched (not those sent down to it), each sub-movement once with its
    parent. Two queries."""
    facts: list[MovementFacts] = []
    for path in reporting_paths(user):
        rows = list(
            Movement.objects.filter(year=year, launched_by__path__startswith=path)
            .exclude(status=MovementStatus.DRAFT)
            .values_list(
                "pk", "launched_by__path", "parent_id", "launched_by__level__code",
                "starts_on", "ends_on", "kind",
            )
        )  # fmt: skip
        links = [MovementLink(pk, unit_path, parent) for pk, unit_path, parent, *_ in rows]
        counted = own_movements(links, path)
        facts += [
            MovementFacts(level, starts, ends, kind)
            for pk, _path, _parent, level, starts, ends, kind in rows
            if pk in counted
        ]
        clusters = Cluster.objects.filter(year=year, council__unit__path__startswith=path)
        for level in clusters.values_list("council__unit__level__code", flat=True):
            facts.append(
                MovementFacts(
                    level, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "regular",
                    for_cluster=True,
                )
            )  # fmt: skip
    return facts


def _rows_with_basis(source, field: str):
    rows = source(field)
    names = {f.name for f in rows.model._meta.get_fields()}
    basis = F("basis_code") if "basis_code" in names else F("basis__code")
    return rows.annotate(award_basis=basis)


def award_items(user, year: int, title_codes: set[str]) -> list[AwardItem]:
    """The (subject, title) pairs held in `year` among `title_codes` by the people and
    collectives the user sees, each once with its basis, the person's category of that
    year and whether the collective is an enterprise. A few queries whatever the count."""
    people = access.scope_queryset(user, Person.objects.all())
    units = access.scope_queryset(user, Unit.objects.all())
    items: list[AwardItem] = []
    for field, subjects in (("person", people), ("unit", units)):
        pairs: dict[tuple[int, str], str] = {}
        for source in (past_award_rows, *_AWARD_ROWS_SOURCES):
            rows = (
                _rows_with_basis(source, field)
                .filter(award_year=year, award_title__in=title_codes,
                        award_subject__in=subjects.values("pk"))
                .order_by()
                .values_list("award_subject", "award_title", "award_basis")
            )  # fmt: skip
            for subject, title, basis in rows:
                pairs.setdefault((subject, title), basis or "")
        ids = sorted({subject for subject, _title in pairs})
        if field == "person":
            categories = person_categories(ids, year)
            items += [
                AwardItem("person", title, basis, category=categories[subject])
                for (subject, title), basis in pairs.items()
            ]
        else:
            kinds = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "kind"))
            items += [
                AwardItem("unit", title, basis, enterprise=kinds.get(subject) == "enterprise")
                for (subject, title), basis in pairs.items()
            ]
    return items


def person_categories(ids: list[int], year: int) -> dict[int, str]:
    """Each person's category of `year`: the entry kept for that year, else the one their
    flags give. Two queries."""
    kept = {
        pk: {y: c}
        for pk, y, c in PersonCategory.objects.filter(person_id__in=ids, year=year).values_list(
            "person_id", "year", "category"
        )
    }
    flags = Person.objects.filter(pk__in=ids).values_list("pk", "is_manager", "is_direct_worker")
    return {
        pk: category_of(kept.get(pk, {}), year, default_category(manager, direct))
        for pk, manager, direct in flags
    }


def work_bodies(council, year: int) -> list[WorkBody]:
    if council is None:
        return []
    return list(WorkBody.objects.filter(council=council, year=year).order_by("kind", "name"))


def work_staff(council, year: int) -> list[WorkStaff]:
    if council is None:
        return []
    return list(WorkStaff.objects.filter(council=council, year=year).order_by("full_name", "pk"))


def _counted(model, user, year: int):
    """The rows of every council the reporting body covers (the city adds up its wards')."""
    rows = model.objects.none()
    for path in reporting_paths(user):
        rows = rows | model.objects.filter(year=year, council__unit__path__startswith=path)
    return rows


def counted_work_bodies(user, year: int) -> list[str]:
    """The kinds of the bodies doing the work, of every council reported on (form 0604)."""
    return list(_counted(WorkBody, user, year).values_list("kind", flat=True))


def counted_staff_facts(user, year: int) -> list[StaffFacts]:
    """The staff doing the work, of every council reported on (form 0605)."""
    rows = _counted(WorkStaff, user, year).values_list(
        "gender", "birth_year", "education", "started_year"
    )
    return [StaffFacts(g == "female", born, edu, started) for g, born, edu, started in rows]
