"""The one writer of the tree's dated changes: a unit ends, a successor is linked, a person
moves with a dated history. Reorganisations and whole-unit merges both write through here;
callers hold the transaction and check permissions."""

import datetime

from vinhdanh.org.models import Person, PersonUnitHistory, Unit, UnitSuccession


def move_person(person: Person, unit: Unit, on: datetime.date | None) -> None:
    """Close the person's current unit row on `on` and open one at `unit` from `on`."""
    if person.unit_id == unit.pk:
        return
    current = (
        PersonUnitHistory.objects.filter(person=person, valid_to__isnull=True)
        .order_by("-pk")
        .first()
    )
    if current is None:
        # People created before the history existed (or by the demo): since an unknown day.
        current = PersonUnitHistory(person=person, unit_id=person.unit_id, valid_from=None)
    if current.valid_from is not None and on is not None and current.valid_from > on:
        on = current.valid_from
    current.valid_to = on
    current.save()
    PersonUnitHistory.objects.create(person=person, unit=unit, valid_from=on)
    Person.objects.filter(pk=person.pk).update(unit=unit)
    person.unit = unit


def open_history(person: Person, on: datetime.date | None) -> None:
    """The first row of a new person's history."""
    PersonUnitHistory.objects.create(person=person, unit_id=person.unit_id, valid_from=on)


def end_unit(unit: Unit, on: datetime.date, *, merged_into: Unit | None = None) -> None:
    unit.valid_to = on
    unit.is_active = False
    if merged_into is not None:
        unit.merged_into = merged_into
        unit.merged_on = on
    unit.save()


def link(
    predecessor: Unit, successor: Unit, on: datetime.date, share: str, *, reorganisation=None
) -> UnitSuccession:
    return UnitSuccession.objects.update_or_create(
        predecessor=predecessor,
        successor=successor,
        defaults={"effective_on": on, "share": share, "reorganisation": reorganisation},
    )[0]
