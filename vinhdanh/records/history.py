"""Building the rules engine's histories from the database, in bulk.

One query per kind of fact for a whole set of people, so screening a unit (or a
city) costs a handful of queries, not one per person.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating
from vinhdanh.rules.engine import History, history_from_rows

# Other apps add where awards come from (e.g. decided nominations): each source takes
# person ids and yields (person_id, year, title id, basis code).
AwardSource = Callable[[list[int]], Iterable[tuple[int, int, str, str]]]
_AWARD_SOURCES: list[AwardSource] = []


def register_award_source(source: AwardSource) -> None:
    if source not in _AWARD_SOURCES:
        _AWARD_SOURCES.append(source)


def _past_awards(person_ids: list[int]):
    return PastAward.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "year", "title_code", "basis_code"
    )


def history_rows(person_ids: list[int], first_year: int, last_year: int) -> dict[int, dict]:
    """Every person's rows by kind, limited to the years the rules look at."""
    rows: dict[int, dict] = defaultdict(
        lambda: {"ratings": [], "awards": [], "initiatives": [], "discipline": []}
    )
    years = {"year__gte": first_year, "year__lte": last_year}
    for person_id, year, level in Rating.objects.filter(
        person_id__in=person_ids, **years
    ).values_list("person_id", "year", "level"):
        rows[person_id]["ratings"].append((year, level))
    for source in [_past_awards, *_AWARD_SOURCES]:
        for person_id, year, title, basis in source(person_ids):
            if first_year <= year <= last_year:
                row = (year, title, basis) if basis else (year, title)
                rows[person_id]["awards"].append(row)
    for person_id, year, scope in Initiative.objects.filter(
        person_id__in=person_ids, **years
    ).values_list("person_id", "year", "scope"):
        rows[person_id]["initiatives"].append((year, scope))
    for person_id, year, form, until in DisciplineRecord.objects.filter(
        person_id__in=person_ids, **years
    ).values_list("person_id", "year", "form", "until"):
        rows[person_id]["discipline"].append((year, form, until) if until else (year, form))
    return rows


def person_histories(person_ids: list[int], year: int, lookback: int = 10) -> dict[int, History]:
    """The engine's History of each person, from `lookback` years before `year` to `year`."""
    rows = history_rows(person_ids, year - lookback, year)
    empty = {"ratings": [], "awards": [], "initiatives": [], "discipline": []}
    return {pid: history_from_rows("person", **rows.get(pid, empty)) for pid in person_ids}
