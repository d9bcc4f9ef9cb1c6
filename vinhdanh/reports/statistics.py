"""The figures the plan asks for: who the year's awards went to.

The plan (part II.2) asks to raise the share of awards to small collectives and to
direct workers; these counts show where a council stands, per title and overall.
"""

from collections import Counter
from dataclasses import dataclass, field

from vinhdanh.accounts import access
from vinhdanh.org.models import Person, Unit, UnitKind
from vinhdanh.records.history import award_facts
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


def award_statistics(user, year: int) -> AwardStatistics:
    people = {
        person.pk: person
        for person in access.scope_queryset(user, Person.objects.all()).only(
            "pk", "is_direct_worker", "is_manager", "gender"
        )
    }
    units = {
        unit.pk: unit for unit in access.scope_queryset(user, Unit.objects.all()).only("pk", "kind")
    }
    rows: dict[str, TitleCount] = {}

    def row_for(code: str) -> TitleCount:
        return rows.setdefault(code, TitleCount(code, title_name(code)))

    counted = Counter()
    for fact in award_facts("person", list(people)):
        if fact.year != year or counted[("person", fact.subject_id, fact.title_code)]:
            continue
        counted[("person", fact.subject_id, fact.title_code)] += 1
        person, row = people[fact.subject_id], row_for(fact.title_code)
        row.people += 1
        row.direct_workers += person.is_direct_worker
        row.managers += person.is_manager
        row.women += person.gender == "female"
    for fact in award_facts("unit", list(units)):
        if fact.year != year or counted[("unit", fact.subject_id, fact.title_code)]:
            continue
        counted[("unit", fact.subject_id, fact.title_code)] += 1
        row = row_for(fact.title_code)
        row.collectives += 1
        row.small_collectives += units[fact.subject_id].kind == UnitKind.SMALL_COLLECTIVE
    ordered = sorted(rows.values(), key=lambda r: (-(r.people + r.collectives), r.title_name))
    return AwardStatistics(year, ordered)
