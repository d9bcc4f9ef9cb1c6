"""Who may record the facts the rules read: whoever may add rows to the subject's unit."""

from vinhdanh.org.permissions import may_add_in_unit
from vinhdanh.workflow.permissions import define


def _hoang_liet():
    from vinhdanh.org.models import Unit

    return Unit.objects.filter(code="phuong-hoang-liet").first()


# Asked with the unit that owns the fact: the person's unit, or the collective itself.
define("records.record_fact", may_add_in_unit, sample=_hoang_liet)
