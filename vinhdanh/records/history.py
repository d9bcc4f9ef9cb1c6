"""Building the rules engine's histories from the database, in bulk.

One query per kind of fact for a whole set of subjects, so screening a unit (or a
city) costs a handful of queries, not one per person.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.db.models import F, QuerySet

from vinhdanh.org.models import Person, UnitSuccession
from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating
from vinhdanh.rules.engine import History, Members, history_from_rows


class AwardFact(NamedTuple):
    subject_id: int
    year: int
    title_code: str
    basis_code: str
    reference: str  # the decision that conferred it, as staff write it


# Where awards come from: this app's PastAward, and whatever other apps register (the
# awards app adds its decided nominations). A source takes the subject field ("person"
# or "unit") and ids, and yields AwardFacts.
AwardSource = Callable[[str, list[int]], Iterable[AwardFact]]
_AWARD_SOURCES: list[AwardSource] = []


def register_award_source(source: AwardSource) -> None:
    if source not in _AWARD_SOURCES:
        _AWARD_SOURCES.append(source)


def past_awards(field: str, ids: list[int]) -> Iterable[AwardFact]:
    rows = PastAward.objects.filter(**{f"{field}_id__in": ids}).values_list(
        f"{field}_id", "year", "title_code", "basis_code", "decision_ref"
    )
    return (AwardFact(*row) for row in rows)


def award_facts(field: str, ids: list[int]) -> list[AwardFact]:
    return [fact for source in (past_awards, *_AWARD_SOURCES) for fact in source(field, ids)]


# The same facts as querysets, for counts made by the database (statistics over a province
# would otherwise load every award into Python). A rows source takes the subject field and
# returns a queryset annotated `award_subject`, `award_year` and `award_title`, holding
# exactly the facts its AwardSource yields.
AwardRowsSource = Callable[[str], QuerySet]
_AWARD_ROWS_SOURCES: list[AwardRowsSource] = []


def register_award_rows_source(source: AwardRowsSource) -> None:
    if source not in _AWARD_ROWS_SOURCES:
        _AWARD_ROWS_SOURCES.append(source)


def past_award_rows(field: str) -> QuerySet:
    return PastAward.objects.filter(**{f"{field}__isnull": False}).annotate(
        award_subject=F(f"{field}_id"), award_year=F("year"), award_title=F("title_code")
    )


def award_rows(field: str, year: int, subjects: QuerySet) -> QuerySet:
    """The (subject, title) pairs held in `year` by the subjects of `subjects` (a queryset
    of persons or units), each pair once however many sources record it: a UNION."""
    parts = [
        source(field)
        .filter(award_year=year, award_subject__in=subjects.values("pk"))
        .order_by()
        .values_list("award_subject", "award_title")
        for source in (past_award_rows, *_AWARD_ROWS_SOURCES)
    ]
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0].distinct()


def latest_award_year(field: str, subjects: QuerySet) -> int | None:
    """The latest year in which a subject of `subjects` holds an award, from every source."""
    # The newest row first rather than MAX(): the database walks the year index backwards
    # and stops at the first award in scope (MAX over a join read every decided dossier of
    # a province: 0.56 s at 1,000,000 nominations).
    years = [
        source(field)
        .filter(award_subject__in=subjects.values("pk"))
        .order_by("-award_year")
        .values_list("award_year", flat=True)
        .first()
        for source in (past_award_rows, *_AWARD_ROWS_SOURCES)
    ]
    return max((year for year in years if year is not None), default=None)


def predecessors_of(unit_ids: list[int]) -> dict[int, list[int]]:
    """Each unit's predecessors, theirs too (a ward merged in 2025 from wards merged before);
    one query per generation."""
    found: dict[int, list[int]] = {pk: [] for pk in unit_ids}
    frontier = {pk: {pk} for pk in unit_ids}  # unit whose predecessors we look for -> owners
    seen = set(unit_ids)
    while frontier:
        links = UnitSuccession.objects.filter(successor_id__in=frontier).values_list(
            "successor_id", "predecessor_id"
        )
        next_frontier: dict[int, set[int]] = defaultdict(set)
        for successor, predecessor in links:
            for owner in frontier[successor]:
                if predecessor not in found[owner] and predecessor != owner:
                    found[owner].append(predecessor)
                    next_frontier[predecessor].add(owner)
        frontier = {pk: owners for pk, owners in next_frontier.items() if pk not in seen}
        seen |= set(frontier)
    return found


def _empty() -> dict:
    return {"ratings": [], "awards": [], "initiatives": [], "discipline": []}


def history_rows(
    ids: list[int],
    first_year: int,
    last_year: int,
    field: str = "person",
    *,
    with_predecessors: bool = False,
) -> dict[int, dict]:
    """Every subject's rows by kind, limited to the years the rules look at.

    `with_predecessors` (collectives, when the province's setting
    `successor_counts_predecessor_titles` is on) adds the predecessors' titles.
    """
    rows: dict[int, dict] = defaultdict(_empty)
    key = f"{field}_id"
    years = {f"{key}__in": ids, "year__gte": first_year, "year__lte": last_year}
    for subject_id, year, level in Rating.objects.filter(**years).values_list(key, "year", "level"):
        rows[subject_id]["ratings"].append((year, level))
    for fact in award_facts(field, ids):
        if first_year <= fact.year <= last_year:
            row = (fact.year, fact.title_code, fact.basis_code) if fact.basis_code else fact[1:3]
            rows[fact.subject_id]["awards"].append(row)
    if with_predecessors and field == "unit":
        owners: dict[int, set[int]] = defaultdict(set)
        for unit_id, predecessors in predecessors_of(ids).items():
            for predecessor in predecessors:
                owners[predecessor].add(unit_id)
        for fact in award_facts("unit", list(owners)):
            if first_year <= fact.year <= last_year:
                row = (
                    (fact.year, fact.title_code, fact.basis_code) if fact.basis_code else fact[1:3]
                )
                for unit_id in owners[fact.subject_id]:
                    rows[unit_id]["awards"].append(row)
    for subject_id, year, scope in Initiative.objects.filter(**years).values_list(
        key, "year", "scope"
    ):
        rows[subject_id]["initiatives"].append((year, scope))
    for subject_id, year, form, until in DisciplineRecord.objects.filter(**years).values_list(
        key, "year", "form", "until"
    ):
        # The engine counts a penalty in whole years: it runs to the year its end date falls in.
        rows[subject_id]["discipline"].append((year, form, until.year) if until else (year, form))
    return rows


def person_histories(person_ids: list[int], year: int, lookback: int = 10) -> dict[int, History]:
    """The engine's History of each person, from `lookback` years before `year` to `year`."""
    rows = history_rows(person_ids, year - lookback, year)
    return {pid: history_from_rows("person", **rows.get(pid, _empty())) for pid in person_ids}


def members_of(unit, year: int) -> Members:
    """Head counts of a collective's people for the year: the facts collective titles need."""
    ids = list(Person.objects.filter(unit=unit).values_list("pk", flat=True))
    levels = dict(
        Rating.objects.filter(person_id__in=ids, year=year).values_list("person_id", "level")
    )
    held: dict[str, set[int]] = defaultdict(set)
    for fact in award_facts("person", ids):
        if fact.year == year:
            held[fact.title_code].add(fact.subject_id)
    disciplined = (
        DisciplineRecord.objects.filter(person_id__in=ids, year=year)
        .exclude(form__in=["dang_xem_xet", "khien_trach"])
        .values("person_id")
        .distinct()
        .count()
    )
    return Members(
        total=len(ids),
        completed_tasks=sum(1 for level in levels.values() if level != "khong_hoan_thanh")
        if levels
        else None,
        lao_dong_tien_tien=len(held["lao_dong_tien_tien"]),
        chien_si_thi_dua_co_so=len(held["chien_si_thi_dua_co_so"]),
        disciplined=disciplined,
    )
