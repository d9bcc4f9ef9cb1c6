"""Reading movements and registrations within the user's scope."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from vinhdanh.accounts import access
from vinhdanh.movements.models import (
    Movement,
    MovementNotice,
    Registration,
    RegistrationEntry,
    RegistrationState,
)
from vinhdanh.org.models import Person, Unit


def movements_for(user, year: int | None = None) -> QuerySet:
    movements = access.scope_queryset(user, Movement.objects.select_related("launched_by"))
    return movements.filter(year=year) if year else movements


def registrations_for(user, movement: Movement | None = None) -> QuerySet:
    registrations = access.scope_queryset(
        user, Registration.objects.select_related("movement", "unit")
    )
    return registrations.filter(movement=movement) if movement else registrations


def unread_notices(user) -> QuerySet:
    if not user.unit_id:
        return MovementNotice.objects.none()
    return MovementNotice.objects.filter(unit_id=user.unit_id, read_at__isnull=True).select_related(
        "movement"
    )


_NOT_REGISTERED = _("Chưa đăng ký")


@dataclass
class OverviewRow:
    unit: Unit
    registration: Registration | None

    @property
    def state_label(self) -> str:
        if self.registration is None:
            return str(_NOT_REGISTERED)
        return self.registration.get_state_display()


def registration_overview(movement: Movement, targets=None) -> list[OverviewRow]:
    """Every target unit with its registration, or none: the standing office's check list.

    `targets` are the target units to list (a page of them) when the caller has them.
    """
    if targets is None:
        targets = movement.target_units.all()
    targets = list(targets)
    by_unit = {}
    registrations = Registration.objects.filter(movement=movement)
    for registration in registrations.filter(unit_id__in=[unit.pk for unit in targets]):
        # The page asks each row whether it was late, which reads the movement's deadline.
        registration.movement = movement
        by_unit[registration.unit_id] = registration
    return [OverviewRow(unit, by_unit.get(unit.pk)) for unit in targets]


def registration_totals(movement: Movement) -> list[tuple[str, int]]:
    """How many target units are at each registration state, and how many have none:
    [(label, count)], counted by the database."""
    counts = dict(
        Registration.objects.filter(movement=movement, unit__in=movement.target_units.all())
        .order_by()
        .values_list("state")
        .annotate(count=Count("pk"))
    )
    targets = movement.target_units.count()
    totals = [
        (str(label), counts[state])
        for state, label in RegistrationState.choices
        if counts.get(state)
    ]
    return [*totals, (str(_NOT_REGISTERED), targets - sum(counts.values()))]


def not_registered(movement: Movement) -> list[Unit]:
    """Target units that have not sent a registration (none, or still a draft)."""
    sent = Registration.objects.filter(movement=movement).exclude(state=RegistrationState.DRAFT)
    return list(movement.target_units.exclude(pk__in=sent.values("unit_id")))


def registered_titles(subject: Unit | Person, year: int, *, approved_only: bool = True) -> set[str]:
    """Title ids (rules catalogue) the unit or person registered for in `year`.

    Feeds the eligibility rules: some titles need a registration at the start of the year.
    Only approved registrations count unless `approved_only` is False (then sent ones too).
    """
    states = [RegistrationState.APPROVED]
    if not approved_only:
        states.append(RegistrationState.SUBMITTED)
    entries = RegistrationEntry.objects.filter(
        registration__movement__year=year, registration__state__in=states
    )
    if isinstance(subject, Person):
        entries = entries.filter(person=subject)
    else:
        entries = entries.filter(person__isnull=True, registration__unit=subject)
    return set(entries.values_list("title", flat=True))


def consolidated_rows(movement: Movement) -> list[list]:
    """One row per registered title of the movement's sent or approved registrations."""
    entries = (
        RegistrationEntry.objects.filter(registration__movement=movement)
        .exclude(registration__state=RegistrationState.DRAFT)
        .select_related("registration__unit", "person")
        .order_by("registration__unit__sort_key", "person__sort_key", "title")
    )
    rows = []
    for number, entry in enumerate(entries, start=1):
        rows.append(
            [
                number,
                entry.registration.unit.name,
                entry.person.full_name if entry.person else "Tập thể",
                entry.person.position if entry.person else "",
                entry.get_title_display(),
                entry.registration.get_state_display(),
            ]
        )
    return rows


def year_rows(year: int, units=None) -> list[list]:
    """The whole district's sent or approved registrations of `year`, across movements."""
    entries = (
        RegistrationEntry.objects.filter(registration__movement__year=year)
        .exclude(registration__state=RegistrationState.DRAFT)
        .select_related("registration__unit", "registration__movement", "person")
        .order_by("registration__unit__sort_key", "person__sort_key", "title")
    )
    if units is not None:
        entries = entries.filter(registration__unit__in=units)
    return [
        [
            number,
            entry.registration.unit.name,
            entry.person.full_name if entry.person else "Tập thể",
            entry.get_title_display(),
            entry.registration.movement.name,
            entry.registration.get_state_display(),
        ]
        for number, entry in enumerate(entries, start=1)
    ]
