"""Who in a unit is eligible for what in a year: verdicts with their reasons."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts import access
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.history import person_histories
from vinhdanh.rules.engine import (
    ELIGIBLE,
    INELIGIBLE,
    NEEDS_REVIEW,
    Case,
    default_catalogue,
    evaluate,
    get_engine,
)
from vinhdanh.rules.provincial import config_for

VERDICT_LABELS = {
    ELIGIBLE: _("Đủ điều kiện"),
    NEEDS_REVIEW: _("Cần xem xét"),
    INELIGIBLE: _("Chưa đủ điều kiện"),
}

# The individual titles a unit's screening covers; the engine knows the others too.
INDIVIDUAL_TITLES = [
    "lao_dong_tien_tien",
    "chien_si_thi_dua_co_so",
    "chien_si_thi_dua_tinh",
    "chien_si_thi_dua_toan_quoc",
    "bang_khen_tinh",
    "bang_khen_thu_tuong",
    "huan_chuong_lao_dong_hang_3",
    "giay_khen",
]


@dataclass
class ScreeningRow:
    person: Person
    verdicts: dict[str, str]


def screening_titles(year: int) -> list[tuple[str, str]]:
    """(title id, name) of the individual titles in force in `year`."""
    catalogue = default_catalogue()
    titles = []
    for title_id in INDIVIDUAL_TITLES:
        title = catalogue.titles.get(title_id)
        if title is not None and "person" in title.subjects:
            titles.append((title_id, title.name))
    return titles


def screen_unit(user, unit: Unit, year: int) -> tuple[list[tuple[str, str]], list[ScreeningRow]]:
    """The verdict of every title for every person of `unit` (and its sub-units) the user sees."""
    people = list(
        access.scope_queryset(user, Person.objects.select_related("unit")).filter(
            unit__path__startswith=unit.path
        )
    )
    titles = screening_titles(year)
    histories = person_histories([p.pk for p in people], year)
    engine = get_engine(config_for(unit))
    verdicts = engine.screen((histories[p.pk] for p in people), year, [t for t, _ in titles])
    rows = [ScreeningRow(person, verdict) for person, verdict in zip(people, verdicts, strict=True)]
    return titles, rows


def explain(person: Person, title_id: str, year: int):
    """The full verdict, with every check, its message and legal basis."""
    history = person_histories([person.pk], year)[person.pk]
    return evaluate(Case(year, title_id, history), config_for(person.unit))
