"""Who may record the facts the rules read: whoever may add rows to the subject's unit."""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor
from vinhdanh.org.permissions import has_unit, may_add_in_unit
from vinhdanh.workflow.permissions import define


def _hoang_liet():
    from vinhdanh.org.models import Unit

    return Unit.objects.filter(code="phuong-hoang-liet").first()


# Asked with the unit that owns the fact: the person's unit, or the collective itself.
define("records.record_fact", may_add_in_unit, sample=_hoang_liet)

# The pages where units keep their people's records (lists, forms, imports): the standing
# office and unit officers; each row is then asked with "records.record_fact".
define("records.keep_records", is_standing_office | (is_unit_editor & has_unit))
