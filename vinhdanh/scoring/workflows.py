"""The cluster year's workflows as data: criteria sheets, scorecards, ballot rounds.

A sheet is open for scoring, locked (early, by the office) or finalised; a new deadline
reopens a locked sheet. Past its deadline an open sheet is closed to units and the cluster
head as if locked (`CriteriaSheet.is_locked`), without a transition: nobody acted.
A scorecard is being self-scored until its unit sends it, then the cluster head reviews it
(every review save is a step, so the history says when). The unit may still correct its own
points until the sheet locks; the office adjusts any card until the sheet is finalised.
A ballot round is open until the office counts it, after its closing time or, at the
cluster's meeting, as soon as every member unit has voted.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.scoring import permissions as perms
from vinhdanh.scoring.models import (
    BallotState,
    CriteriaSheet,
    CriterionKind,
    Scorecard,
    ScorecardState,
    SheetState,
)
from vinhdanh.workflow.table import Action, Workflow

SELF, REVIEW, FINAL = "self", "review", "final"


def sheet_closed_reason(sheet: CriteriaSheet, stage: str) -> str | None:
    """Why scoring at `stage` is closed on this sheet, or None while it is open."""
    if sheet.state == SheetState.FINALISED:
        return _("Kết quả chấm điểm đã được chốt, không sửa được.")
    if stage != FINAL and sheet.is_locked:
        return _("Bảng điểm đã khóa (hạn chấm điểm %(day)s); chỉ Hội đồng còn điều chỉnh được.") % {
            "day": sheet.deadline.strftime("%d/%m/%Y") if sheet.deadline else "—"
        }
    return None


def _unit_may_send(card: Scorecard, actor) -> str | None:
    closed = sheet_closed_reason(card.sheet, SELF)
    if closed:
        return closed
    missing = card.scores.filter(self_points__isnull=True, criterion__kind=CriterionKind.STANDARD)
    codes = list(missing.values_list("criterion__code", flat=True)[:10])
    if codes:
        return _("Chưa tự chấm các tiêu chí: %(codes)s.") % {"codes": ", ".join(codes)}
    return None


def _head_may_review(card: Scorecard, actor) -> str | None:
    return sheet_closed_reason(card.sheet, REVIEW)


def _voting_closed(ballot, actor) -> str | None:
    """Counted after the closing time, or as soon as every member unit has voted: at the
    cluster's meeting the units vote and the ballot is counted the same day."""
    if timezone.now() >= ballot.closes_at:
        return None
    cast = ballot.casts.count()
    if cast >= ballot.member_count:
        return None
    return _(
        "Chưa hết thời gian bỏ phiếu và còn đơn vị chưa bỏ phiếu (%(cast)d/%(members)d đơn vị "
        "đã bỏ phiếu), chưa kiểm phiếu được."
    ) % {"cast": cast, "members": ballot.member_count}


OPEN, LOCKED, FINALISED = SheetState.OPEN, SheetState.LOCKED, SheetState.FINALISED
SHEETS = Workflow(
    name="scoring.sheet",
    states=SheetState,
    noun=gettext_lazy("bảng tiêu chí"),
    history=("scoring.SheetTransition", "sheet"),
    actions={
        # A new deadline reopens a locked sheet (open stays open, with the new date).
        "deadline": Action(
            "deadline",
            frozenset({OPEN, LOCKED}),
            (OPEN,),
            perms.SET_SHEET_DEADLINE,
            gettext_lazy("Đặt hạn chấm điểm"),
        ),
        "lock": Action(
            "lock", frozenset({OPEN}), (LOCKED,), perms.LOCK_SHEET, gettext_lazy("Khóa")
        ),
        "finalise": Action(
            "finalise",
            frozenset({OPEN, LOCKED}),
            (FINALISED,),
            perms.FINALISE_SHEET,
            gettext_lazy("Chốt kết quả"),
        ),
    },
)

DRAFT, SUBMITTED, REVIEWED = ScorecardState.DRAFT, ScorecardState.SUBMITTED, ScorecardState.REVIEWED
SCORECARDS = Workflow(
    name="scoring.scorecard",
    states=ScorecardState,
    noun=gettext_lazy("bảng điểm"),
    history=("scoring.ScorecardTransition", "scorecard"),
    actions={
        "submit": Action(
            "submit",
            frozenset({DRAFT}),
            (SUBMITTED,),
            perms.SUBMIT_SCORECARD,
            gettext_lazy("Gửi kết quả tự chấm"),
            guard=_unit_may_send,
        ),
        # The head reviews what the unit sent; each save of review points is one step.
        "review": Action(
            "review",
            frozenset({SUBMITTED, REVIEWED}),
            (REVIEWED,),
            perms.REVIEW_SCORECARD,
            gettext_lazy("Thẩm định"),
            guard=_head_may_review,
        ),
    },
)

BALLOTS = Workflow(
    name="scoring.ballot",
    states=BallotState,
    noun=gettext_lazy("đợt bỏ phiếu"),
    history=("scoring.BallotRoundTransition", "round"),
    actions={
        "count": Action(
            "count",
            frozenset({BallotState.OPEN}),
            (BallotState.COUNTED,),
            perms.COUNT_BALLOT,
            gettext_lazy("Kiểm phiếu"),
            guard=_voting_closed,
        ),
    },
)
