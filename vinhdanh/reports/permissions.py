"""Who reads the statistics: every signed-in user, each within their own scope.

The figures themselves are scoped by the rows the user may see (`accounts.access`).
"""

import rules

from vinhdanh.workflow.permissions import define

define("reports.view_statistics", rules.is_authenticated, reads=True)

from vinhdanh.accounts.predicates import (  # noqa: E402
    is_standing_office,
    is_unit_editor,
    may_change,
)

KEEP_WORK_STAFF = define("reports.keep_work_staff", is_standing_office)
# The lists hold personal data (names, years of birth): read by the standing office only,
# also once its seat has ended (then read only).
VIEW_WORK_STAFF = define("reports.view_work_staff", is_standing_office, reads=True)


def _a_person():
    from vinhdanh.org.models import Person

    return Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()


SET_PERSON_CATEGORY = define(
    "reports.set_person_category", (is_standing_office | is_unit_editor) & may_change,
    sample=_a_person,
)  # fmt: skip
