"""Who may do what with ceremonies: every check of the app is named here."""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor, may_change
from vinhdanh.workflow.permissions import define


def _demo_ceremony():
    from vinhdanh.ceremonies.models import Ceremony

    return Ceremony.objects.order_by("pk").first()


def _demo_reception():
    from vinhdanh.ceremonies.models import Reception

    return Reception.objects.order_by("pk").first()


CREATE_CEREMONY = define("ceremonies.create_ceremony", is_standing_office)
MANAGE_CEREMONY = define(
    "ceremonies.manage_ceremony", is_standing_office & may_change, sample=_demo_ceremony
)
# A unit records the ceremony at which it received an award (the office may do it for it).
RECORD_RECEPTION = define("ceremonies.record_reception", is_standing_office | is_unit_editor)
CHANGE_RECEPTION = define(
    "ceremonies.change_reception",
    (is_standing_office | is_unit_editor) & may_change,
    sample=_demo_reception,
)
