"""Decided nominations as awards held, for the records' histories and the rules."""

from django.db.models import F, QuerySet

from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES
from vinhdanh.records.history import AwardFact

_SUBJECT_FIELD = {"person": "person", "unit": "collective"}


def _awarded() -> QuerySet:
    # The sender's original carries the award; the copy a higher council decided on is
    # the same award and would count it twice.
    return Nomination.objects.filter(state__in=AWARDED_STATES, forwarded_from__isnull=True)


def decided_award_rows(field: str) -> QuerySet:
    subject = _SUBJECT_FIELD[field]
    return _awarded().annotate(
        award_subject=F(f"{subject}_id"), award_year=F("year"), award_title=F("title__code")
    )


def decided_awards(field: str, ids: list[int]):
    subject = _SUBJECT_FIELD[field]
    rows = (
        _awarded()
        .filter(**{f"{subject}_id__in": ids})
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
