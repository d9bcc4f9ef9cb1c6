"""The statistics counted by the database give the figures of the algorithm they replaced,
which read every award fact into Python (kept here as the reference)."""

from collections import Counter

import pytest

from vinhdanh.accounts import access
from vinhdanh.awards.models import Nomination
from vinhdanh.org.models import Person, Unit, UnitKind
from vinhdanh.records.history import award_facts
from vinhdanh.records.models import PastAward
from vinhdanh.reports.statistics import award_statistics

pytestmark = pytest.mark.django_db

FIGURES = ("people", "direct_workers", "managers", "women", "collectives", "small_collectives")


def reference_figures(user, year: int) -> dict[str, tuple]:
    people = {p.pk: p for p in access.scope_queryset(user, Person.objects.all())}
    units = {u.pk: u for u in access.scope_queryset(user, Unit.objects.all())}
    rows: dict[str, Counter] = {}
    counted = set()
    for fact in award_facts("person", list(people)):
        key = ("person", fact.subject_id, fact.title_code)
        if fact.year != year or key in counted:
            continue
        counted.add(key)
        person, row = people[fact.subject_id], rows.setdefault(fact.title_code, Counter())
        row["people"] += 1
        row["direct_workers"] += person.is_direct_worker
        row["managers"] += person.is_manager
        row["women"] += person.gender == "female"
    for fact in award_facts("unit", list(units)):
        key = ("unit", fact.subject_id, fact.title_code)
        if fact.year != year or key in counted:
            continue
        counted.add(key)
        row = rows.setdefault(fact.title_code, Counter())
        row["collectives"] += 1
        row["small_collectives"] += units[fact.subject_id].kind == UnitKind.SMALL_COLLECTIVE
    return {code: tuple(row[name] for name in FIGURES) for code, row in rows.items()}


def figures(user, year: int) -> dict[str, tuple]:
    stats = award_statistics(user, year)
    return {r.title_code: tuple(getattr(r, name) for name in FIGURES) for r in stats.rows}


def demo_years() -> list[int]:
    years = set(PastAward.objects.values_list("year", flat=True))
    years |= set(Nomination.objects.values_list("year", flat=True))
    return sorted(years)


@pytest.mark.parametrize("username", ["thuongtruc", "chutich", "canbo.hoangliet"])
def test_every_year_of_the_demo_has_the_reference_figures(demo_user, username):
    user = demo_user(username)
    years = demo_years()
    assert len(years) >= 3
    counted = {year: figures(user, year) for year in years}
    assert counted == {year: reference_figures(user, year) for year in years}
    assert any(counted.values())


def test_an_award_recorded_twice_counts_once_and_a_decided_nomination_counts(demo_user):
    """A past award and a decided nomination of the same title, year and person are one
    award; a decided nomination with no past award is one more."""
    office = demo_user("thuongtruc")
    decided = (
        Nomination.objects.filter(state__in=["decided", "handed_over"], person__isnull=False)
        .filter(forwarded_from__isnull=True)
        .select_related("title", "person")
        .first()
    )
    assert decided is not None
    year, code = decided.year, decided.title.code
    before = figures(office, year).get(code, (0,) * 6)
    PastAward.objects.create(person=decided.person, year=year, title_code=code)
    assert figures(office, year)[code] == before
    others = Person.objects.exclude(pk=decided.person_id)
    newcomer = others.exclude(pastaward__year=year, pastaward__title_code=code).first()
    PastAward.objects.create(person=newcomer, year=year, title_code=code)
    PastAward.objects.create(person=newcomer, year=year, title_code=code)
    after = figures(office, year)[code]
    assert after[0] == before[0] + 1
    assert figures(office, year) == reference_figures(office, year)


def test_the_city_adds_up_its_wards_as_the_reference_does(demo, demo_user):
    from vinhdanh.awards.tests import two_levels

    levels = two_levels.build()
    PastAward.objects.create(person=levels.person, year=2026, title_code="giay_khen")
    PastAward.objects.create(unit=levels.person.unit, year=2026, title_code="giay_khen")
    for user in (levels.city_office, levels.ward_office):
        assert figures(user, 2026) == reference_figures(user, 2026)
    assert figures(levels.city_office, 2026)["giay_khen"][0] >= 1
