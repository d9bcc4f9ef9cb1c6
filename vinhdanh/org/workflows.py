"""Reorganisations as a workflow: recorded as a draft, then applied at once (or cancelled)."""

from django.utils.translation import gettext_lazy as _

from vinhdanh.org.models import ReorganisationState
from vinhdanh.workflow.table import Action, Workflow

DRAFT, APPLIED, CANCELLED = (
    ReorganisationState.DRAFT.value,
    ReorganisationState.APPLIED.value,
    ReorganisationState.CANCELLED.value,
)

REORGANISATIONS = Workflow(
    name="org.reorganisation",
    states=ReorganisationState,
    noun=_("đợt sắp xếp"),
    history=("org.ReorganisationTransition", "reorganisation"),
    actions={
        "apply": Action(
            "apply", frozenset({DRAFT}), (APPLIED,), "org.apply_reorganisation", _("Áp dụng"),
        ),
        "cancel": Action(
            "cancel", frozenset({DRAFT}), (CANCELLED,), "org.apply_reorganisation", _("Hủy"),
            note_required=True,
        ),
    },
)  # fmt: skip
