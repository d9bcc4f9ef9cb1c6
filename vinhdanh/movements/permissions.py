"""Who may do what with movements and registrations: every check of the app is named here.

Roles come from accounts.predicates; "which rows" from the scope registry (`may_view`,
`may_change`). States are not permissions: what may move where is movements.workflows.
"""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor, may_change, may_view
from vinhdanh.workflow.permissions import define

HOANG_LIET = "phuong-hoang-liet"


def _hoang_liet_movement():
    """A draft movement of Hoàng Liệt's own; the demo has none (its movements are the district's
    and Định Công's), so the matrix asks about the one its officer would create."""
    import datetime

    from vinhdanh.movements.models import Movement, MovementKind
    from vinhdanh.org.models import Unit

    unit = Unit.objects.get(code=HOANG_LIET)
    movement, created = Movement.objects.get_or_create(
        name="Thi đua của phường Hoàng Liệt (mẫu)",
        launched_by=unit,
        defaults={
            "kind": MovementKind.REGULAR,
            "year": 2021,
            "starts_on": datetime.date(2021, 2, 1),
            "ends_on": datetime.date(2021, 12, 31),
        },
    )
    if created:
        movement.target_units.set([unit])
    return movement


def _district_movement():
    from vinhdanh.movements.demo import MAIN
    from vinhdanh.movements.models import Movement

    return Movement.objects.get(name=MAIN)


def _hoang_liet_registration():
    """Hoàng Liệt's registration for the district's movement; the demo leaves the ward
    unregistered (its officer registers in the browser test), so the matrix asks about the
    draft the officer would start."""
    from vinhdanh.movements.models import Registration
    from vinhdanh.org.models import Unit

    unit = Unit.objects.get(code=HOANG_LIET)
    return Registration.objects.get_or_create(movement=_district_movement(), unit=unit)[0]


# The standing office works for the whole organisation; a unit (or a cluster head for their own
# ward) for its own subtree: the scope registry says which rows.
_EDITORS = is_standing_office | is_unit_editor

CREATE_MOVEMENT = define("movements.create_movement", _EDITORS)
CHANGE_MOVEMENT = define(
    "movements.change_movement", _EDITORS & may_change, sample=_hoang_liet_movement
)
LAUNCH_MOVEMENT = define(
    "movements.launch_movement", _EDITORS & may_change, sample=_hoang_liet_movement
)
CLOSE_MOVEMENT = define(
    "movements.close_movement", _EDITORS & may_change, sample=_hoang_liet_movement
)
# A unit launches its own movement under one sent to it, and registers for it (the object is
# the higher movement).
CASCADE_MOVEMENT = define(
    "movements.cascade_movement", _EDITORS & may_view, sample=_district_movement
)
# A unit registers for a movement sent to it (the object is the movement).
START_REGISTRATION = define(
    "movements.start_registration", _EDITORS & may_view, sample=_district_movement
)
CHANGE_REGISTRATION = define(
    "movements.change_registration", _EDITORS & may_change, sample=_hoang_liet_registration
)
SUBMIT_REGISTRATION = define(
    "movements.submit_registration", _EDITORS & may_change, sample=_hoang_liet_registration
)
DECIDE_REGISTRATION = define(
    "movements.decide_registration",
    is_standing_office & may_view,
    sample=_hoang_liet_registration,
)
# The standing office's check list of who registered, and the consolidated exports.
CONSOLIDATE_REGISTRATIONS = define("movements.consolidate_registrations", is_standing_office)
