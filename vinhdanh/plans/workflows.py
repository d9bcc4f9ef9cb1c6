"""Units' own plans as a workflow: sent, then accepted or returned by the office, sent again.

A unit may replace its plan until the office accepts it; a returned plan comes back with
the office's reason (a note is required) and waits for the unit to send it again.
"""

from django.utils.translation import gettext_lazy as _

from vinhdanh.plans.models import UnitPlanState
from vinhdanh.workflow.table import Action, Workflow

SUBMITTED, ACCEPTED, RETURNED = (
    UnitPlanState.SUBMITTED.value,
    UnitPlanState.ACCEPTED.value,
    UnitPlanState.RETURNED.value,
)

UNIT_PLANS = Workflow(
    name="plans.unit_plan",
    states=UnitPlanState,
    noun=_("kế hoạch của đơn vị"),
    history=("plans.UnitPlanTransition", "submission"),
    actions={
        "resubmit": Action(
            "resubmit", frozenset({SUBMITTED, RETURNED}), (SUBMITTED,),
            "plans.submit_unit_plan", _("Gửi lại"),
        ),
        "accept": Action(
            "accept", frozenset({SUBMITTED}), (ACCEPTED,), "plans.decide_unit_plan",
            _("Tiếp nhận"),
        ),
        "return": Action(
            "return", frozenset({SUBMITTED}), (RETURNED,), "plans.decide_unit_plan",
            _("Trả lại"), note_required=True,
        ),
    },
)  # fmt: skip
# The first sending creates the row (there is no state to move from); its history row says so.
SUBMIT = "submit"
