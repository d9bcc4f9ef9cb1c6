"""How much of each unit's quota a year's proposals use, for the council before it votes."""

from collections import defaultdict
from dataclasses import dataclass

from vinhdanh.accounts import access
from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import State
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.history import award_facts
from vinhdanh.rules.engine import CheckResult, get_engine
from vinhdanh.rules.provincial import config_for

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


def _holders(people_ids: list[int], title_code: str, year: int) -> set[int]:
    held = {
        f.subject_id
        for f in award_facts("person", people_ids)
        if f.year == year and f.title_code == title_code
    }
    proposed = Nomination.objects.filter(
        person_id__in=people_ids, year=year, title__code=title_code, state__in=LIVE_STATES
    ).values_list("person_id", flat=True)
    return held | set(proposed)


def quota_use(user, year: int) -> list[QuotaRow]:
    """One row per unit and title with a quota, for the proposals the user may see."""
    proposals = (
        access.scope_queryset(user, Nomination.objects.all())
        .filter(year=year, person__isnull=False, state__in=LIVE_STATES, title__code__in=QUOTA_BASE)
        .select_related("unit", "title")
    )
    counted: dict[tuple[int, str], int] = defaultdict(int)
    units, names = {}, {}
    for nomination in proposals:
        counted[(nomination.unit_id, nomination.title.code)] += 1
        units[nomination.unit_id] = nomination.unit
        names[nomination.title.code] = nomination.title.name
    rows = []
    for (unit_id, title_code), nominated in sorted(
        counted.items(), key=lambda item: (units[item[0][0]].sort_key, item[0][1])
    ):
        unit = units[unit_id]
        people = list(Person.objects.filter(unit=unit).values_list("pk", flat=True))
        base_title = QUOTA_BASE[title_code]
        base = len(_holders(people, base_title, year)) if base_title else len(people)
        check = get_engine(config_for(unit)).quota_check(title_code, year, base, nominated)
        if check is not None:
            rows.append(QuotaRow(unit, title_code, names[title_code], base, nominated, check))
    return rows
