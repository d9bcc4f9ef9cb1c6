"""The workflows of writing contests, as data (see workflow.table).

A contest: draft → open (entries come in) → judging → decided (prizes given, winners public).
A round: pending → open (judges score) → closed (results; the top N go on).
An entry: submitted → accepted or rejected (with a reason); accepted → finalist or eliminated
when the preliminary round closes; finalist (or accepted, in a one-round contest) → awarded or
not awarded by the decision.
A score sheet: assigned → submitted (locked), or → conflict (the judge's reason) → replaced.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.contests import permissions
from vinhdanh.contests.models import (
    ContestState,
    EntryState,
    RoundState,
    SheetState,
)
from vinhdanh.workflow.table import Action, Workflow


def _ready_to_open(contest, actor) -> str | None:
    if not contest.formats:
        return _("Chọn ít nhất một hình thức bài dự thi.")
    rounds = list(contest.rounds.all())
    if not rounds:
        return _("Thêm ít nhất một vòng chấm trước khi phát động cuộc thi.")
    for round_ in rounds:
        if not round_.criteria.exists():
            return _("Vòng “%(round)s” chưa có tiêu chí chấm.") % {
                "round": round_.get_kind_display()
            }
    if not contest.prizes.filter(count__gt=0).exists():
        return _("Thêm cơ cấu giải thưởng trước khi phát động cuộc thi.")
    if contest.closes_at <= contest.opens_at:
        return _("Hạn cuối nhận bài phải sau ngày bắt đầu nhận bài.")
    return None


def _final_round_closed(contest, actor) -> str | None:
    last = contest.rounds.order_by("-number").first()
    if last is None or last.state != RoundState.CLOSED:
        return _("Vòng chấm cuối cùng chưa tổng hợp kết quả.")
    return None


CONTESTS = Workflow(
    name="contests.contest",
    states=ContestState,
    noun=gettext_lazy("cuộc thi"),
    history=("contests.ContestTransition", "contest"),
    actions={
        "open": Action(
            "open",
            frozenset({ContestState.DRAFT}),
            (ContestState.OPEN,),
            permissions.MANAGE_CONTEST,
            gettext_lazy("Phát động, nhận bài"),
            guard=_ready_to_open,
        ),
        "close_entries": Action(
            "close_entries",
            frozenset({ContestState.OPEN}),
            (ContestState.JUDGING,),
            permissions.MANAGE_CONTEST,
            gettext_lazy("Kết thúc nhận bài, bắt đầu chấm"),
        ),
        "decide": Action(
            "decide",
            frozenset({ContestState.JUDGING}),
            (ContestState.DECIDED,),
            permissions.MANAGE_CONTEST,
            gettext_lazy("Quyết định trao giải"),
            guard=_final_round_closed,
        ),
    },
)


def _round_can_open(round_, actor) -> str | None:
    if round_.contest.state != ContestState.JUDGING:
        return _("Cuộc thi chưa kết thúc nhận bài.")
    earlier = round_.contest.rounds.filter(number__lt=round_.number).exclude(
        state=RoundState.CLOSED
    )
    if earlier.exists():
        return _("Vòng trước chưa tổng hợp kết quả.")
    if not round_.sheets.exists():
        return _("Chưa phân công giám khảo cho vòng này.")
    return None


def _round_can_close(round_, actor) -> str | None:
    waiting = round_.sheets.filter(state__in=[SheetState.ASSIGNED, SheetState.CONFLICT]).count()
    if waiting:
        return _("Còn %(count)d phiếu chấm chưa nộp hoặc chưa thay giám khảo.") % {"count": waiting}
    return None


ROUNDS = Workflow(
    name="contests.round",
    states=RoundState,
    noun=gettext_lazy("vòng chấm"),
    history=("contests.RoundTransition", "round"),
    actions={
        "open": Action(
            "open",
            frozenset({RoundState.PENDING}),
            (RoundState.OPEN,),
            permissions.MANAGE_ROUND,
            gettext_lazy("Bắt đầu chấm"),
            guard=_round_can_open,
        ),
        "close": Action(
            "close",
            frozenset({RoundState.OPEN}),
            (RoundState.CLOSED,),
            permissions.MANAGE_ROUND,
            gettext_lazy("Tổng hợp kết quả vòng"),
            guard=_round_can_close,
        ),
    },
)

ENTRIES = Workflow(
    name="contests.entry",
    states=EntryState,
    noun=gettext_lazy("bài dự thi"),
    history=("contests.EntryTransition", "entry"),
    actions={
        "accept": Action(
            "accept",
            frozenset({EntryState.SUBMITTED}),
            (EntryState.ACCEPTED,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Nhận vào chấm"),
        ),
        "reject": Action(
            "reject",
            frozenset({EntryState.SUBMITTED}),
            (EntryState.REJECTED,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Không nhận (không hợp lệ)"),
            note_required=True,
        ),
        "advance": Action(
            "advance",
            frozenset({EntryState.ACCEPTED}),
            (EntryState.FINALIST,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Vào chung khảo"),
        ),
        "eliminate": Action(
            "eliminate",
            frozenset({EntryState.ACCEPTED}),
            (EntryState.ELIMINATED,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Dừng ở vòng sơ khảo"),
        ),
        "award": Action(
            "award",
            frozenset({EntryState.ACCEPTED, EntryState.FINALIST}),
            (EntryState.AWARDED,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Trao giải"),
        ),
        "not_award": Action(
            "not_award",
            frozenset({EntryState.ACCEPTED, EntryState.FINALIST}),
            (EntryState.NOT_AWARDED,),
            permissions.SCREEN_ENTRY,
            gettext_lazy("Không đoạt giải"),
        ),
    },
)


def _all_scored(sheet, actor) -> str | None:
    missing = sheet.round.criteria.exclude(pk__in=sheet.scores.values("criterion_id"))
    if missing.exists():
        return _("Phiếu chấm còn thiếu điểm tiêu chí “%(name)s”.") % {"name": missing.first()}
    return None


SHEETS = Workflow(
    name="contests.sheet",
    states=SheetState,
    noun=gettext_lazy("phiếu chấm"),
    history=("contests.SheetTransition", "sheet"),
    actions={
        "submit": Action(
            "submit",
            frozenset({SheetState.ASSIGNED}),
            (SheetState.SUBMITTED,),
            permissions.SCORE_SHEET,
            gettext_lazy("Nộp phiếu chấm"),
            guard=_all_scored,
        ),
        "declare_conflict": Action(
            "declare_conflict",
            frozenset({SheetState.ASSIGNED}),
            (SheetState.CONFLICT,),
            permissions.SCORE_SHEET,
            gettext_lazy("Báo xung đột lợi ích"),
            note_required=True,
        ),
        "replace": Action(
            "replace",
            frozenset({SheetState.CONFLICT}),
            (SheetState.REPLACED,),
            permissions.REPLACE_JUDGE,
            gettext_lazy("Thay giám khảo"),
        ),
    },
)
