"""Who may do what with exemplars: every check of the app is named here.

A unit (or the standing office for any unit of its council) proposes; the standing office
verifies, returns, refuses, publishes, withdraws and turns a verified exemplar into an ad-hoc
commendation. Which rows: the scope registry (`may_view`, `may_change`).
"""

from vinhdanh.accounts.predicates import is_standing_office, is_unit_editor, may_change, may_view
from vinhdanh.workflow.permissions import define


def _sample(state: str):
    def sample():
        from vinhdanh.exemplars.models import Exemplar

        return (
            Exemplar.objects.filter(state=state, unit__code="phuong-hoang-liet")
            .order_by("pk")
            .first()
        )

    return sample


_EDITORS = is_standing_office | is_unit_editor

CREATE_EXEMPLAR = define("exemplars.create_exemplar", _EDITORS)
CHANGE_EXEMPLAR = define(
    "exemplars.change_exemplar", _EDITORS & may_change, sample=_sample("draft")
)
PROPOSE_EXEMPLAR = define(
    "exemplars.propose_exemplar", _EDITORS & may_change, sample=_sample("draft")
)
REVIEW_EXEMPLAR = define(
    "exemplars.review_exemplar", is_standing_office & may_view, sample=_sample("proposed")
)
PUBLISH_EXEMPLAR = define(
    "exemplars.publish_exemplar", is_standing_office & may_view, sample=_sample("verified")
)
COMMEND_EXEMPLAR = define(
    "exemplars.commend_exemplar", is_standing_office & may_view, sample=_sample("verified")
)
# The year's summary report of the "Người tốt, việc tốt" movement.
EXEMPLAR_REPORT = define("exemplars.exemplar_report", is_standing_office, reads=True)
