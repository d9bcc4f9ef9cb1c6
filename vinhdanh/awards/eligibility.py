"""The one adapter between nominations in the database and the rules engine.

Builds the engine's case from what the database knows about the subject (awards by
year held through decided nominations) and returns its verdict, or None when the
engine cannot judge the title (then the appraiser fills the checklist by hand).
"""

import datetime

from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES


def _engine():
    try:
        from vinhdanh.rules import engine
    except ImportError:
        return None
    return engine


def history_rows(nomination: Nomination) -> list[tuple]:
    subject = (
        {"person": nomination.person}
        if nomination.person_id
        else {"collective": nomination.collective}
    )
    held = (
        Nomination.objects.filter(**subject, state__in=AWARDED_STATES)
        .exclude(pk=nomination.pk)
        .values_list("year", "title__code", "basis__code")
    )
    return [tuple(row) for row in held]


def verdict_for(nomination: Nomination):
    engine = _engine()
    if engine is None:
        return None
    catalogue = engine.default_catalogue()
    if nomination.title.code not in catalogue.titles:
        return None
    try:
        history = engine.build_history(
            catalogue, nomination.subject_kind, {}, history_rows(nomination)
        )
        context = engine.Context(
            basis=nomination.basis.code,
            decision_date=datetime.date(nomination.year, 12, 31),
        )
        return engine.evaluate(
            engine.Case(nomination.year, nomination.title.code, history, context)
        )
    except (engine.CaseError, KeyError, LookupError, ValueError):
        return None


def prefilled_checklist(nomination: Nomination) -> tuple[list[dict], str, str]:
    """Checklist rows (rule, message, basis, engine result), the verdict and the law applied."""
    verdict = verdict_for(nomination)
    if verdict is None:
        return [], "", ""
    rows = [
        {
            "rule": check.rule,
            "message": check.message,
            "basis": check.basis,
            "engine": check.passed,
            "unconfirmed": check.unconfirmed,
        }
        for check in verdict.checks
    ]
    return rows, verdict.verdict, verdict.law_name
