"""The one adapter between nominations in the database and the rules engine.

Builds the engine's case from what the database knows about the subject (the
records' ratings, initiatives and discipline; awards received before Vinh Danh and
through decided nominations; for a collective, its members' head counts) and
returns its verdict under the province's settings, or None when the engine cannot
judge the title (then the appraiser fills the checklist by hand).
"""

import datetime

from django.core.exceptions import ValidationError

from vinhdanh.awards.models import Nomination
from vinhdanh.awards.models.nomination import AWARDED_STATES
from vinhdanh.awards.quota import province_year_count
from vinhdanh.movements.selectors import registered_titles
from vinhdanh.records.history import history_rows, members_of
from vinhdanh.rules.engine import (
    Case,
    CaseError,
    Context,
    QuotaCounts,
    default_catalogue,
    history_from_rows,
)
from vinhdanh.rules.engine.judge import Judgement, judge
from vinhdanh.rules.provincial import config_for
from vinhdanh.scoring.models import ClusterProposal

LOOKBACK_YEARS = 10


def _history(nomination: Nomination, config):
    """The subject's record from the database: ratings, awards, initiatives, discipline."""
    field, subject_id = (
        ("person", nomination.person_id)
        if nomination.person_id
        else ("unit", nomination.collective_id)
    )
    rows = history_rows(
        [subject_id],
        nomination.year - LOOKBACK_YEARS,
        nomination.year,
        field=field,
        # A successor collective counts its predecessors' titles only where the province says.
        with_predecessors=bool(config.get("successor_counts_predecessor_titles")),
    ).get(subject_id, {"ratings": [], "awards": [], "initiatives": [], "discipline": []})
    if nomination.state in AWARDED_STATES:
        # A decided nomination is itself in the record; judge it as it stood before.
        own = (nomination.year, nomination.title.code, nomination.basis.code)
        if own in rows["awards"]:
            rows["awards"].remove(own)
    kind = "person" if nomination.person_id else "collective"
    return history_from_rows(kind, **rows)


def _cluster_leader(nomination: Nomination) -> bool | None:
    """Whether the collective led its cluster this year; None until its cluster has voted."""
    if not nomination.collective_id:
        return None
    voted = ClusterProposal.objects.filter(
        year=nomination.year, cluster__members=nomination.collective
    )
    if not voted.exists():
        return None
    return voted.filter(unit=nomination.collective, rank=1).exists()


def _yearly_quota(nomination: Nomination) -> QuotaCounts | None:
    """For a title capped per year over the province (Công dân Thủ đô ưu tú): how many the
    province gives or is asked for that year, this dossier included."""
    count = province_year_count(nomination)
    return None if count is None else QuotaCounts(0, count)


def case_for(nomination: Nomination, on: datetime.date | None = None) -> Case | None:
    """The engine's case for a nomination (decided `on`, default 31/12 of its year), or None
    when the engine does not know the title."""
    if nomination.title.code not in default_catalogue().titles:
        return None
    subject = nomination.person or nomination.collective
    context = Context(
        members=members_of(nomination.collective, nomination.year)
        if nomination.collective_id
        else None,
        basis=nomination.basis.code,
        decision_date=on or datetime.date(nomination.year, 12, 31),
        registered=nomination.title.code in registered_titles(subject, nomination.year),
        cluster_leader=_cluster_leader(nomination),
        quota=_yearly_quota(nomination),
    )
    config = config_for(nomination.unit)
    return Case(nomination.year, nomination.title.code, _history(nomination, config), context)


def judgement_for(nomination: Nomination, on: datetime.date | None = None) -> Judgement | None:
    """The one verdict and bonus (`judge`, as the CLI and the API), or None when the engine
    cannot judge the title. An input error raises CaseError with the engine's message."""
    try:
        case = case_for(nomination, on)
    except CaseError:
        raise
    except (KeyError, LookupError, ValueError):
        return None
    if case is None:
        return None
    try:
        return judge(case, config_for(nomination.unit))
    except CaseError:
        raise
    except (KeyError, LookupError, ValueError):
        return None


def input_error(nomination: Nomination) -> str | None:
    """The engine's refusal of the nomination's facts (the CLI's and the API's words), or None."""
    try:
        judgement_for(nomination)
    except CaseError as error:
        return str(error)
    return None


def verdict_context(nomination: Nomination) -> dict:
    """What a page shows: the verdict, the bonus it would carry, or the input error."""
    try:
        judgement = judgement_for(nomination)
    except CaseError as error:
        return {"verdict": None, "bonus": None, "input_error": str(error)}
    if judgement is None:
        return {"verdict": None, "bonus": None, "input_error": None}
    return {"verdict": judgement.verdict, "bonus": judgement.bonus, "input_error": None}


def require_valid_input(nomination: Nomination, field: str | None = None) -> None:
    """Refuse a nomination whose facts the engine refuses, with the same message."""
    message = input_error(nomination)
    if message:
        raise ValidationError({field: message} if field else message)


def verdict_for(nomination: Nomination):
    """The engine's verdict on a nomination, or None when the engine cannot judge it or its
    facts are refused (see :func:`input_error` for the message)."""
    try:
        judgement = judgement_for(nomination)
    except CaseError:
        return None
    return judgement.verdict if judgement else None


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
