"""Scope rules of contests, registered with accounts.access, and the view of entry files.

A contest and everything in it belongs to its council's unit (a council's own work). A judge
sees the contests they judge and their own score sheets, whatever their role or unit.
"""

from django.db.models import Q
from django.urls import reverse

from vinhdanh.accounts import access
from vinhdanh.contests.models import (
    Contest,
    ContestDecision,
    ContestJudge,
    Criterion,
    Entry,
    Prize,
    Round,
    Score,
    Sheet,
)
from vinhdanh.core.files import register_serving_view


def _judged_by(prefix: str):
    def condition(user) -> Q:
        return Q(**{f"{prefix}judges__user_id": user.pk})

    return condition


def register_contest_scopes() -> None:
    rule = {"council_own": True}
    access.register(
        Contest, access.ScopeRule(unit_path="unit__path", extra_view=_judged_by(""), **rule)
    )
    access.register(
        Round,
        access.ScopeRule(
            unit_path="contest__unit__path", extra_view=_judged_by("contest__"), **rule
        ),
    )
    for model in (Prize, ContestJudge, ContestDecision, Entry):
        access.register(model, access.ScopeRule(unit_path="contest__unit__path", **rule))
    access.register(Criterion, access.ScopeRule(unit_path="round__contest__unit__path", **rule))
    access.register(
        Sheet,
        access.ScopeRule(
            unit_path="round__contest__unit__path",
            extra_view=lambda user: Q(judge_id=user.pk),
            **rule,
        ),
    )
    access.register(
        Score,
        access.ScopeRule(
            unit_path="sheet__round__contest__unit__path",
            extra_view=lambda user: Q(sheet__judge_id=user.pk),
            **rule,
        ),
    )
    register_serving_view(
        Entry, "file", lambda entry: reverse("contests:entry_file", args=[entry.pk])
    )
