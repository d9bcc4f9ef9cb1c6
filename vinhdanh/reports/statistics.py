"""The figures the plan asks for: who the year's awards went to.

The plan (part II.2) asks to raise the share of awards to small collectives and to
direct workers; these counts show where a council stands, per title and overall.
"""

from dataclasses import dataclass, field

from django.db import connections

from vinhdanh.accounts import access
from vinhdanh.org.models import Gender, Person, Unit, UnitKind
from vinhdanh.records.history import award_rows, latest_award_year
from vinhdanh.records.selectors import title_name


@dataclass
class TitleCount:
    title_code: str
    title_name: str
    people: int = 0
    direct_workers: int = 0
    managers: int = 0
    women: int = 0
    collectives: int = 0
    small_collectives: int = 0


@dataclass
class AwardStatistics:
    year: int
    rows: list[TitleCount] = field(default_factory=list)

    def total(self, attribute: str) -> int:
        return sum(getattr(row, attribute) for row in self.rows)

    def share(self, part: str, whole: str) -> float | None:
        whole_count = self.total(whole)
        return None if whole_count == 0 else self.total(part) / whole_count


def _grouped(field: str, year: int, subjects, sums: str, sum_params: list) -> list[tuple]:
    """One GROUP BY over the year's (subject, title) pairs joined to their subjects:
    [(title_code, count, *sums)]."""
    pairs = award_rows(field, year, subjects)
    # Raw SQL does not pass the router: read from the database the queryset reads from (the
    # reports replica inside `report_reads()`, core/db_routing.py).
    connection = connections[pairs.db]
    pairs_sql, pairs_params = pairs.query.get_compiler(connection=connection).as_sql()
    meta, quote = subjects.model._meta, connection.ops.quote_name
    table, key = quote(meta.db_table), quote(meta.pk.column)
    # Only column and table names are formatted in; every value is a parameter.
    sql = (
        f"SELECT pairs.award_title, COUNT(*), {sums} "
        f"FROM ({pairs_sql}) pairs JOIN {table} subject ON subject.{key} = pairs.award_subject "
        "GROUP BY pairs.award_title"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*sum_params, *pairs_params])
        return cursor.fetchall()


def _sum_when(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def award_statistics(user, year: int) -> AwardStatistics:
    """Counted by the database: awards held in `year` (past awards and decided nominations,
    each subject and title once) by the people and units the user sees."""
    rows: dict[str, TitleCount] = {}

    def row_for(code: str) -> TitleCount:
        return rows.setdefault(code, TitleCount(code, title_name(code)))

    people = access.scope_queryset(user, Person.objects.all())
    person_sums = ", ".join(
        [
            _sum_when("subject.is_direct_worker"),
            _sum_when("subject.is_manager"),
            _sum_when("subject.gender = %s"),
        ]
    )
    for code, count, direct, managers, women in _grouped(
        "person", year, people, person_sums, [Gender.FEMALE.value]
    ):
        row = row_for(code)
        row.people, row.direct_workers, row.managers, row.women = count, direct, managers, women
    units = access.scope_queryset(user, Unit.objects.all())
    for code, count, small in _grouped(
        "unit", year, units, _sum_when("subject.kind = %s"), [UnitKind.SMALL_COLLECTIVE.value]
    ):
        row = row_for(code)
        row.collectives, row.small_collectives = count, small
    ordered = sorted(rows.values(), key=lambda r: (-(r.people + r.collectives), r.title_name))
    return AwardStatistics(year, ordered)


def latest_award_year_for(user) -> int | None:
    """The latest year in which someone or some unit the user sees holds an award."""
    people = access.scope_queryset(user, Person.objects.all())
    units = access.scope_queryset(user, Unit.objects.all())
    years = [latest_award_year("person", people), latest_award_year("unit", units)]
    return max((year for year in years if year is not None), default=None)


# -- over the years: the charts of the statistics page ---------------------------------
TREND_YEARS = 5  # the year shown and the four before it


@dataclass
class AwardTrends:
    """Awards held per year, by title and by the unit of the subject (a person's unit, or
    the collective itself), each subject and title once a year as in `award_statistics`."""

    years: list[int]
    by_title: dict[str, dict[int, int]] = field(default_factory=dict)  # title code -> year -> n
    by_unit: dict[int, dict[int, int]] = field(default_factory=dict)  # unit id -> year -> n


def _grouped_pairs(field: str, year: int, subjects, unit_column: str) -> list[tuple]:
    """[(title_code, unit_id, count)] of the year's (subject, title) pairs: one GROUP BY."""
    pairs = award_rows(field, year, subjects)
    connection = connections[pairs.db]
    pairs_sql, pairs_params = pairs.query.get_compiler(connection=connection).as_sql()
    meta, quote = subjects.model._meta, connection.ops.quote_name
    table, key = quote(meta.db_table), quote(meta.pk.column)
    unit = f"subject.{quote(unit_column)}"
    sql = (
        f"SELECT pairs.award_title, {unit}, COUNT(*) "
        f"FROM ({pairs_sql}) pairs JOIN {table} subject ON subject.{key} = pairs.award_subject "
        f"GROUP BY pairs.award_title, {unit}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, pairs_params)
        return cursor.fetchall()


def award_trends(user, last_year: int, span: int = TREND_YEARS) -> AwardTrends:
    """Two GROUP BYs a year (people, collectives), whatever the number of awards."""
    trends = AwardTrends(years=list(range(last_year - span + 1, last_year + 1)))
    people = access.scope_queryset(user, Person.objects.all())
    units = access.scope_queryset(user, Unit.objects.all())
    for year in trends.years:
        for field_name, subjects, unit_column in (
            ("person", people, Person._meta.get_field("unit").column),
            ("unit", units, Unit._meta.pk.column),
        ):
            for code, unit_id, count in _grouped_pairs(field_name, year, subjects, unit_column):
                by_year = trends.by_title.setdefault(code, {})
                by_year[year] = by_year.get(year, 0) + count
                by_year = trends.by_unit.setdefault(unit_id, {})
                by_year[year] = by_year.get(year, 0) + count
    return trends


def top_series(counts: dict, years: list[int], keep: int) -> tuple[list, dict[int, int]]:
    """The `keep` keys with the most awards over the years (ties by key), and the rest added
    up year by year (the chart's "others")."""
    ranked = sorted(counts, key=lambda key: (-sum(counts[key].values()), str(key)))
    rest: dict[int, int] = {}
    for key in ranked[keep:]:
        for year in years:
            rest[year] = rest.get(year, 0) + counts[key].get(year, 0)
    return ranked[:keep], rest
