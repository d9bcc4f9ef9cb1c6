"""Reading initiatives and their councils within the user's scope."""

from django.db.models import Prefetch, QuerySet

from vinhdanh.accounts import access
from vinhdanh.initiatives.models import (
    Initiative,
    InitiativeAuthor,
    InitiativeCouncil,
    InitiativeCouncilMember,
)
from vinhdanh.initiatives.rules import averages, criteria_of


def initiatives_for(user, *, year=None, state="", field="", unit=None) -> QuerySet:
    rows = access.scope_queryset(
        user,
        Initiative.objects.select_related("unit", "council__unit").prefetch_related(
            Prefetch("authors", queryset=InitiativeAuthor.objects.select_related("person")),
            "council__members",
        ),
    )
    if year:
        rows = rows.filter(year=year)
    if state:
        rows = rows.filter(state=state)
    if field:
        rows = rows.filter(field__icontains=field)
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    return rows.order_by("-year", "-pk")


def councils_for(user) -> QuerySet:
    return access.scope_queryset(user, InitiativeCouncil.objects.select_related("unit")).order_by(
        "unit__path", "level", "pk"
    )


def members_of(council: InitiativeCouncil) -> list[InitiativeCouncilMember]:
    return list(council.members.select_related("person__unit", "user").order_by("valid_to", "pk"))


def score_table(initiative: Initiative) -> dict:
    """Each member's sheet (points per criterion and total) and the mean per criterion."""
    criteria = criteria_of(initiative.council.criteria)
    sheets: dict[int, dict] = {}
    members = {}
    for row in initiative.scores.select_related("member__person"):
        sheets.setdefault(row.member_id, {})[row.criterion] = row.points
        members[row.member_id] = row.member
    rows = [
        {
            "member": members[member_id],
            "points": [sheet.get(c.code) for c in criteria],
            "total": sum(sheet.get(c.code, 0) for c in criteria),
        }
        for member_id, sheet in sheets.items()
    ]
    mean = averages(criteria, list(sheets.values()))
    return {
        "criteria": criteria,
        "rows": rows,
        "mean": [mean.get(c.code) for c in criteria] if mean else [],
        "mean_total": mean.get("total") if mean else None,
    }


def recognised_for_person(user, person) -> QuerySet:
    """The initiatives a person authored that a council recognised, in the user's scope."""
    return (
        access.scope_queryset(user, Initiative.objects.select_related("council__unit"))
        .filter(authors__person=person, state__in=("recognised", "proposed_up", "recognised_up"))
        .order_by("-year", "-pk")
    )
