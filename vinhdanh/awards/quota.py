"""How much of each unit's quota a year's proposals use, for the council before it votes."""

from collections import defaultdict
from dataclasses import dataclass

from vinhdanh.accounts import access
from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import State
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.history import award_facts
from vinhdanh.rules.engine import CheckResult, RulesConfig, get_engine
from vinhdanh.rules.provincial import PROVINCE_LEVEL, config_for

# A quota is a share of something: the holders of the title below, or the headcount.
QUOTA_BASE = {
    "chien_si_thi_dua_co_so": "lao_dong_tien_tien",
    "chien_si_thi_dua_tinh": "chien_si_thi_dua_co_so",
    "lao_dong_tien_tien": None,
}
# Proposals that still claim a place: neither abandoned nor refused.
LIVE_STATES = [
    State.SUBMITTED, State.RETURNED, State.APPRAISED, State.ANNOUNCED, State.VOTING,
    State.VOTED, State.FORWARDED, State.DECIDED, State.HANDED_OVER,
]  # fmt: skip


@dataclass
class QuotaRow:
    unit: Unit
    title_code: str
    title_name: str
    base: int
    nominated: int
    check: CheckResult


def _unit_chain(unit: Unit) -> list[int]:
    return [int(part) for part in unit.path.strip("/").split("/") if part]


def _configs(units: list[Unit]) -> dict[int, RulesConfig]:
    """Each unit's rules configuration: that of its province (`provincial.province_of`).

    The ancestors of every unit come in one query and each province's configuration is
    read once, so the page costs the same for ten units as for a hundred.
    """
    chains = {unit.pk: _unit_chain(unit) for unit in units}
    known = Unit.objects.filter(pk__in={pk for chain in chains.values() for pk in chain})
    by_pk = {unit.pk: unit for unit in known.select_related("level")}
    per_province: dict[int, RulesConfig] = {}
    configs = {}
    for unit in units:
        chain = [by_pk[pk] for pk in chains[unit.pk] if pk in by_pk]
        province = next((u for u in reversed(chain) if u.level.code == PROVINCE_LEVEL), chain[0])
        if province.pk not in per_province:
            per_province[province.pk] = config_for(province)
        configs[unit.pk] = per_province[province.pk]
    return configs


def _holders(people_ids: list[int], year: int) -> dict[str, set[int]]:
    """Per title, who holds it this year or is proposed for it: the base of the next title."""
    titles = {base for base in QUOTA_BASE.values() if base}
    held: dict[str, set[int]] = defaultdict(set)
    for fact in award_facts("person", people_ids):
        if fact.year == year and fact.title_code in titles:
            held[fact.title_code].add(fact.subject_id)
    proposed = Nomination.objects.filter(
        forwarded_from__isnull=True,
        person_id__in=people_ids,
        year=year,
        title__code__in=titles,
        state__in=LIVE_STATES,
    ).values_list("title__code", "person_id")
    for title_code, person_id in proposed:
        held[title_code].add(person_id)
    return held


def quota_use(user, year: int) -> list[QuotaRow]:
    """One row per unit and title with a quota, for the proposals the user may see.

    A handful of queries whatever the number of units and proposals.
    """
    proposals = (
        access.scope_queryset(user, Nomination.objects.all())
        .filter(
            forwarded_from__isnull=True,
            year=year,
            person__isnull=False,
            state__in=LIVE_STATES,
            title__code__in=QUOTA_BASE,
        )
        .select_related("unit", "title")
    )
    counted: dict[tuple[int, str], int] = defaultdict(int)
    units, names = {}, {}
    for nomination in proposals:
        counted[(nomination.unit_id, nomination.title.code)] += 1
        units[nomination.unit_id] = nomination.unit
        names[nomination.title.code] = nomination.title.name
    if not counted:
        return []
    people: dict[int, list[int]] = defaultdict(list)
    for unit_id, person_id in Person.objects.filter(unit_id__in=units).values_list("unit_id", "pk"):
        people[unit_id].append(person_id)
    holders = _holders([pk for ids in people.values() for pk in ids], year)
    configs = _configs(list(units.values()))
    rows = []
    for (unit_id, title_code), nominated in sorted(
        counted.items(), key=lambda item: (units[item[0][0]].sort_key, item[0][1])
    ):
        unit = units[unit_id]
        base_title = QUOTA_BASE[title_code]
        members = people[unit_id]
        base = len(holders[base_title] & set(members)) if base_title else len(members)
        check = get_engine(configs[unit_id]).quota_check(title_code, year, base, nominated)
        if check is not None:
            rows.append(QuotaRow(unit, title_code, names[title_code], base, nominated, check))
    return rows


# Titles capped per year over a whole province, the province's decisions and pending dossiers
# together: Hà Nội's "Công dân Thủ đô ưu tú" (QĐ 71/2025/QĐ-UBND: at most
# `cong_dan_thu_do_uu_tu_max` a year, law.md §13.1 mục 7).
PROVINCE_YEARLY_CAPS = frozenset({"cong_dan_thu_do_uu_tu"})


def province_year_count(nomination: Nomination) -> int | None:
    """How many of the nomination's title its province gives or is asked for in its year, this
    one included; None for a title without a yearly cap over the province.

    Counted: every live dossier (decided or pending, neither abandoned nor refused) of the
    province, each once (a copy sent up to the city is its original's), and the awards recorded
    outside Vinh Danh for that year. Two queries."""
    from django.db.models import Q

    from vinhdanh.records.models import PastAward
    from vinhdanh.rules.provincial import province_of

    code = nomination.title.code
    if code not in PROVINCE_YEARLY_CAPS:
        return None
    province = province_of(nomination.unit)
    path = province.path if province is not None else nomination.unit.path
    own = {pk for pk in (nomination.pk, nomination.forwarded_from_id) if pk}
    dossiers = (
        Nomination.objects.filter(
            forwarded_from__isnull=True,
            title__code=code,
            year=nomination.year,
            state__in=LIVE_STATES,
            unit__path__startswith=path,
        )
        .exclude(pk__in=own)
        .count()
    )
    recorded = PastAward.objects.filter(
        Q(person__unit__path__startswith=path) | Q(unit__path__startswith=path),
        title_code=code,
        year=nomination.year,
    ).count()
    return dossiers + recorded + 1
