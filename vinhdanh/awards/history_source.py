"""Decided nominations as awards held, for the records' histories and the rules."""

from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES
from vinhdanh.records.history import AwardFact

_SUBJECT_FIELD = {"person": "person", "unit": "collective"}


def decided_awards(field: str, ids: list[int]):
    subject = _SUBJECT_FIELD[field]
    rows = (
        Nomination.objects.filter(**{f"{subject}_id__in": ids}, state__in=AWARDED_STATES)
        # The sender's original carries the award; the copy a higher council decided on is
        # the same award and would count it twice.
        .filter(forwarded_from__isnull=True)
        .select_related("title", "basis", "decision")
        .only("year", f"{subject}_id", "title__code", "basis__code", "decision")
    )
    for nomination in rows:
        yield AwardFact(
            getattr(nomination, f"{subject}_id"),
            nomination.year,
            nomination.title.code,
            nomination.basis.code,
            nomination.decision.reference if nomination.decision_id else "",
        )
