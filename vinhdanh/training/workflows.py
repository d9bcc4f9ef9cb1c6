"""The workflow of a training session, as data (see workflow.table).

draft → announced (the invitations go to the units) → held (after it starts; attendance is
recorded) → reported (the result written up); a draft or announced session can be
cancelled with a reason.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.training import permissions
from vinhdanh.training.models import SessionState
from vinhdanh.workflow.table import Action, Workflow

DRAFT, ANNOUNCED, HELD = SessionState.DRAFT, SessionState.ANNOUNCED, SessionState.HELD


def _ready_to_announce(session, actor) -> str | None:
    if not session.invited_units.exists():
        return _("Chọn ít nhất một đơn vị được mời trước khi gửi giấy mời.")
    if session.starts_at <= timezone.now():
        return _("Lớp tập huấn đã qua giờ bắt đầu, không gửi giấy mời được nữa.")
    return None


def _started(session, actor) -> str | None:
    if session.starts_at > timezone.now():
        return _("Lớp tập huấn chưa bắt đầu (%(day)s).") % {
            "day": timezone.localtime(session.starts_at).strftime("%d/%m/%Y %H:%M")
        }
    return None


def _attendance_recorded(session, actor) -> str | None:
    if session.attendees.filter(attended__isnull=True).exists():
        return _(
            "Còn học viên chưa điểm danh: ghi có mặt hoặc vắng cho từng người trước khi báo cáo."
        )
    if not session.result_summary.strip():
        return _("Ghi kết quả, đánh giá chung của lớp trước khi báo cáo.")
    return None


SESSIONS = Workflow(
    name="training.session",
    states=SessionState,
    noun=gettext_lazy("lớp tập huấn"),
    history=("training.SessionTransition", "session"),
    actions={
        "announce": Action(
            "announce",
            frozenset({DRAFT}),
            (ANNOUNCED,),
            permissions.MANAGE_SESSION,
            gettext_lazy("Gửi giấy mời"),
            guard=_ready_to_announce,
        ),
        "hold": Action(
            "hold",
            frozenset({ANNOUNCED}),
            (HELD,),
            permissions.MANAGE_SESSION,
            gettext_lazy("Xác nhận đã tổ chức"),
            guard=_started,
        ),
        "report": Action(
            "report",
            frozenset({HELD}),
            (SessionState.REPORTED,),
            permissions.MANAGE_SESSION,
            gettext_lazy("Báo cáo kết quả"),
            guard=_attendance_recorded,
        ),
        "cancel": Action(
            "cancel",
            frozenset({DRAFT, ANNOUNCED}),
            (SessionState.CANCELLED,),
            permissions.MANAGE_SESSION,
            gettext_lazy("Hủy lớp"),
            note_required=True,
        ),
    },
)

# A unit registers its people while the invitation stands and the session has not begun.
REGISTRATION_OPEN = frozenset({ANNOUNCED})
# Attendance and evaluations are recorded once the session took place.
ATTENDANCE_OPEN = frozenset({HELD})
EDITABLE = frozenset({DRAFT, ANNOUNCED})
