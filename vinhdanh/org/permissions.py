"""Who may change the organisation registry: named permissions over the scope registry.

"Which rows" stays in `accounts.access` (org/scopes.py); these say which actions.
"""

import rules

from vinhdanh.accounts import access
from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor, may_change
from vinhdanh.workflow.permissions import define


@rules.predicate
def may_add_in_unit(user, unit) -> bool:
    """New rows may belong to `unit` (its people, sub-units, records); None: a root unit."""
    return access.can_create_in(user, unit)


@rules.predicate
def has_unit(user) -> bool:
    return bool(getattr(user, "unit_id", None))


def _hoang_liet():
    from vinhdanh.org.models import Unit

    return Unit.objects.filter(code="phuong-hoang-liet").first()


def _hoang_liet_person():
    from vinhdanh.org.models import Person

    return Person.objects.filter(unit__code="phuong-hoang-liet").order_by("pk").first()


# Someone who may add people somewhere: the pages that add them (a form, an import).
may_add_people = is_standing_office | (is_unit_editor & has_unit)

define("org.add_people", may_add_people)
define("org.import_people", may_add_people)
define("org.add_person", may_add_in_unit, sample=_hoang_liet)
define("org.change_person", may_change, sample=_hoang_liet_person)
define("org.add_unit", may_add_in_unit, sample=_hoang_liet)
define("org.change_unit", may_change, sample=_hoang_liet)
# The 2025 reform merged wards: only the office reshapes the tree.
define("org.merge_units", is_standing_office)
# Reorganisations (the 2025 reform recorded as it happened) reshape the whole tree.
define("org.manage_reorganisations", is_standing_office)
define("org.apply_reorganisation", is_standing_office)
