"""A person's or collective's record year by year, for their page."""

from collections import defaultdict

from vinhdanh.org.models import Unit
from vinhdanh.records.history import award_facts, predecessors_of
from vinhdanh.records.models import DisciplineRecord, Initiative, Rating
from vinhdanh.rules.engine import default_catalogue
from vinhdanh.rules.provincial import config_for


def title_name(title_code: str) -> str:
    title = default_catalogue().titles.get(title_code)
    return title.name if title else title_code


def record_by_year(*, person=None, unit=None) -> list[dict]:
    """[{year, rating, awards, initiatives, discipline}] newest first."""
    subject = {"person": person} if person is not None else {"unit": unit}
    years: dict[int, dict] = defaultdict(
        lambda: {"rating": None, "awards": [], "initiatives": [], "discipline": []}
    )
    for rating in Rating.objects.filter(**subject):
        years[rating.year]["rating"] = rating.get_level_display()
    field, subject_id = ("person", person.pk) if person is not None else ("unit", unit.pk)
    for fact in award_facts(field, [subject_id]):
        years[fact.year]["awards"].append(
            {"name": title_name(fact.title_code), "decision": fact.reference}
        )
    for initiative in Initiative.objects.filter(**subject):
        years[initiative.year]["initiatives"].append(
            f"{initiative.name} ({initiative.get_scope_display()})"
        )
    for penalty in DisciplineRecord.objects.filter(**subject):
        years[penalty.year]["discipline"].append(penalty.get_form_display())
    return [{"year": year, **years[year]} for year in sorted(years, reverse=True)]


def predecessor_awards(unit) -> dict:
    """The titles of a unit's predecessors (theirs too), and whether the province counts them
    for the successor's eligibility (setting `successor_counts_predecessor_titles`)."""
    chain = predecessors_of([unit.pk])[unit.pk]
    if not chain:
        return {"rows": [], "counted": False}
    names = dict(Unit.objects.filter(pk__in=chain).values_list("pk", "name"))
    rows = sorted(
        (
            {
                "year": fact.year,
                "unit": names.get(fact.subject_id, ""),
                "name": title_name(fact.title_code),
                "decision": fact.reference,
            }
            for fact in award_facts("unit", chain)
        ),
        key=lambda row: (-row["year"], row["unit"], row["name"]),
    )
    counted = bool(config_for(unit).get("successor_counts_predecessor_titles"))
    return {"rows": rows, "counted": counted}
