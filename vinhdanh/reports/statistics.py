"""The figures the plan asks for: who the year's awards went to.

The plan (part II.2) asks to raise the share of awards to small collectives and to
direct workers; these counts show where a council stands, per title and per group of
titles (danh hiệu thi đua, huân chương, bằng khen, giấy khen …: a share over all titles
together mixes a Giấy khen with a Huân chương). Individuals are counted by the forms'
exclusive categories of the award's year (reports.categories): each person in exactly one
of leaders, entrepreneurs, direct workers and others; small collectives as the forms define
them (reports.categories.is_small_collective).
"""

from dataclasses import dataclass, field

from django.db import connections

from vinhdanh.accounts import access
from vinhdanh.org.models import Gender, Person, Unit
from vinhdanh.records.history import award_rows, latest_award_year
from vinhdanh.records.selectors import title_name
from vinhdanh.reports.categories import GOVERNING_KINDS, UNIT_KINDS, Category
from vinhdanh.reports.models import PersonCategory
from vinhdanh.rules.engine import default_catalogue


@dataclass
class TitleCount:
    title_code: str
    title_name: str
    people: int = 0
    direct_workers: int = 0
    managers: int = 0  # every leading category: bộ/tỉnh, vụ/sở, from deputy head up
    entrepreneurs: int = 0
    others: int = 0
    women: int = 0
    collectives: int = 0
    small_collectives: int = 0


# The groups of titles shares are taken over, in the order the page shows them.
TITLE_GROUPS = [
    ("danh_hieu_thi_dua", "Danh hiệu thi đua"),
    ("huan_chuong", "Huân chương"),
    ("huy_chuong", "Huy chương"),
    ("danh_hieu_vinh_du_nha_nuoc", "Danh hiệu vinh dự Nhà nước"),
    ("giai_thuong", "Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước"),
    ("ky_niem_chuong", "Kỷ niệm chương, Huy hiệu"),
    ("bang_khen", "Bằng khen"),
    ("giay_khen", "Giấy khen"),
    ("khac", "Khác"),
]
_GROUP_NAMES = dict(TITLE_GROUPS)


def title_group(title_code: str) -> str:
    title = default_catalogue().titles.get(title_code)
    if title is None:
        return "khac"
    if title.kind == "emulation_title":
        return "danh_hieu_thi_dua"
    return title.group if title.group in _GROUP_NAMES else "khac"


@dataclass
class GroupShares:
    code: str
    name: str
    counts: TitleCount

    def share(self, part: str, whole: str) -> float | None:
        whole_count = getattr(self.counts, whole)
        return None if whole_count == 0 else getattr(self.counts, part) / whole_count


@dataclass
class AwardStatistics:
    year: int
    rows: list[TitleCount] = field(default_factory=list)

    def total(self, attribute: str) -> int:
        return sum(getattr(row, attribute) for row in self.rows)

    def share(self, part: str, whole: str) -> float | None:
        whole_count = self.total(whole)
        return None if whole_count == 0 else self.total(part) / whole_count

    def groups(self) -> list[GroupShares]:
        """The counts added up per group of titles, in TITLE_GROUPS order, groups with no
        award left out."""
        found: dict[str, TitleCount] = {}
        numbers = [name for name in TitleCount.__dataclass_fields__ if name not in
                   ("title_code", "title_name")]  # fmt: skip
        for row in self.rows:
            code = title_group(row.title_code)
            total = found.setdefault(code, TitleCount(code, _GROUP_NAMES[code]))
            for name in numbers:
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return [GroupShares(code, name, found[code]) for code, name in TITLE_GROUPS
                if code in found]  # fmt: skip


def _grouped(field: str, year: int, subjects, sums: str, sum_params: list, joins: str = "",
             join_params: list | None = None) -> list[tuple]:  # fmt: skip
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
        f"{joins} GROUP BY pairs.award_title"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*sum_params, *pairs_params, *(join_params or [])])
        return cursor.fetchall()


def _sum_when(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _in(values) -> tuple[str, list]:
    values = sorted(values)
    return "(" + ", ".join(["%s"] * len(values)) + ")", values


def award_statistics(user, year: int) -> AwardStatistics:
    """Counted by the database: awards held in `year` (past awards and decided nominations,
    each subject and title once) by the people and units the user sees."""
    rows: dict[str, TitleCount] = {}

    def row_for(code: str) -> TitleCount:
        return rows.setdefault(code, TitleCount(code, title_name(code)))

    people = access.scope_queryset(user, Person.objects.all())
    quote = connections[people.db].ops.quote_name
    categories = quote(PersonCategory._meta.db_table)
    # The person's category of the award's year; with no entry, the one of their flags.
    category = (
        "COALESCE(category.category, CASE WHEN subject.is_manager THEN %s "
        "WHEN subject.is_direct_worker THEN %s ELSE %s END)"
    )
    category_params = [Category.LEADER_OTHER.value, Category.DIRECT_WORKER.value,
                       Category.OTHER.value]  # fmt: skip
    leaders, leader_params = _in(
        [Category.LEADER_HIGH.value, Category.LEADER_DEPARTMENT.value, Category.LEADER_OTHER.value]
    )
    person_sums = ", ".join(
        [
            _sum_when(f"{category} = %s"),
            _sum_when(f"{category} IN {leaders}"),
            _sum_when(f"{category} = %s"),
            _sum_when(f"{category} = %s"),
            _sum_when("subject.gender = %s"),
        ]
    )
    person_params = [
        *category_params, Category.DIRECT_WORKER.value,
        *category_params, *leader_params,
        *category_params, Category.ENTREPRENEUR.value,
        *category_params, Category.OTHER.value,
        Gender.FEMALE.value,
    ]  # fmt: skip
    joins = (
        f"LEFT JOIN {categories} category ON category.person_id = subject.{quote('id')} "
        "AND category.year = %s"
    )
    for code, count, direct, managers, entrepreneurs, others, women in _grouped(
        "person", year, people, person_sums, person_params, joins, [year]
    ):
        row = row_for(code)
        row.people, row.direct_workers, row.managers = count, direct, managers
        row.entrepreneurs, row.others, row.women = entrepreneurs, others, women
    units = access.scope_queryset(user, Unit.objects.all())
    unit_kinds, unit_params = _in(UNIT_KINDS)
    governing, governing_params = _in(GOVERNING_KINDS)
    small = _sum_when(
        f"(subject.kind = %s OR (subject.kind NOT IN {unit_kinds} AND parent.kind IS NOT NULL "
        f"AND parent.kind NOT IN {governing}))"
    )
    unit_joins = (
        f"LEFT JOIN {quote(Unit._meta.db_table)} parent "
        f"ON parent.{quote('id')} = subject.{quote('parent_id')}"
    )
    for code, count, small_count in _grouped(
        "unit", year, units, small, ["small_collective", *unit_params, *governing_params],
        unit_joins,
    ):  # fmt: skip
        row = row_for(code)
        row.collectives, row.small_collectives = count, small_count
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
