"""Who may do what with initiatives and their councils: every check of the app is named here.

Roles come from accounts.predicates; "which rows" from the scope registry. The council's own
predicates (`is_office_of_council`, `sits_on_council`) read the initiative's council, joined
by the selectors, so a list asks them without a query per row.
"""

import rules
from django.utils import timezone

from vinhdanh.accounts.councils import acting_council
from vinhdanh.accounts.predicates import (
    is_standing_office,
    is_unit_editor,
    may_change,
    may_view,
)
from vinhdanh.workflow.permissions import define


@rules.predicate
def is_office_of_council(user, obj) -> bool:
    """The standing office acting for the council that governs the initiative's council."""
    if obj is None:
        return True
    council = getattr(obj, "council", obj)
    acting = acting_council(user)
    if getattr(user, "role", None) == "admin" or getattr(user, "is_superuser", False):
        return True
    return acting is not None and council.unit.path.startswith(acting.unit.path)


@rules.predicate
def sits_on_council(user, obj) -> bool:
    """The user holds a seat in force on the initiative's council (a member's own sheet)."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    today = timezone.localdate()
    return any(
        member.in_force(today) for member in obj.council.members.all() if member.user_id == user.pk
    )


def _sample(state: str, copy: bool = False):
    def find():
        from vinhdanh.initiatives.models import Initiative

        return (
            Initiative.objects.filter(state=state, forwarded_from__isnull=not copy)
            .select_related("council__unit", "unit")
            .order_by("pk")
            .first()
        )

    return find


def _council_sample():
    from vinhdanh.initiatives.models import InitiativeCouncil

    return InitiativeCouncil.objects.select_related("unit").order_by("pk").first()


_EDITORS = is_standing_office | is_unit_editor

FILE_INITIATIVE = define("initiatives.file_initiative", _EDITORS)
CHANGE_INITIATIVE = define(
    "initiatives.change_initiative", _EDITORS & may_change, sample=_sample("draft")
)
SUBMIT_INITIATIVE = define(
    "initiatives.submit_initiative", _EDITORS & may_change, sample=_sample("draft")
)
# The council's office takes it up, returns it, records the vote and the decision.
REVIEW_INITIATIVE = define(
    "initiatives.review_initiative",
    is_standing_office & may_change & is_office_of_council,
    sample=_sample("under_review"),
)
# A member scores with their own account; the office may type a member's paper sheet.
SCORE_INITIATIVE = define(
    "initiatives.score_initiative",
    (sits_on_council & may_view) | (is_standing_office & may_change & is_office_of_council),
    sample=_sample("under_review"),
)
# The unit, or the council's office, proposes a recognised initiative for the city's scope.
PROPOSE_UP = define("initiatives.propose_up", _EDITORS & may_change, sample=_sample("recognised"))
# The higher council's decision reaches the original below (the object is the original).
RECEIVE_RESULT = define(
    "initiatives.receive_result", is_standing_office, sample=_sample("proposed_up")
)
KEEP_COUNCIL = define(
    "initiatives.keep_council", is_standing_office & may_change, sample=_council_sample
)
VIEW_DECISION = define(
    "initiatives.view_decision", may_view, sample=_sample("recognised"), reads=True
)
