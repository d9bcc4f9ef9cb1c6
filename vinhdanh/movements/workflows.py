"""The workflows of movements and registrations, as data (see workflow.table).

A movement: draft → launched (sent down to its target units) → closed (summed up).
A registration: draft → submitted → approved, or submitted → returned (with a reason) →
submitted again. The unit edits its list only while the registration is draft or returned.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.movements import permissions
from vinhdanh.movements.models import MovementStatus, RegistrationState
from vinhdanh.workflow.table import Action, Workflow

DRAFT, LAUNCHED, CLOSED = MovementStatus.DRAFT, MovementStatus.LAUNCHED, MovementStatus.CLOSED


def _has_targets(movement, actor) -> str | None:
    if not movement.target_units.exists():
        return _("Chọn ít nhất một đơn vị tham gia trước khi phát động.")
    return None


MOVEMENTS = Workflow(
    name="movements.movement",
    states=MovementStatus,
    noun=gettext_lazy("phong trào"),
    history=("movements.MovementTransition", "movement"),
    state_field="status",
    actions={
        "launch": Action(
            "launch",
            frozenset({DRAFT}),
            (LAUNCHED,),
            permissions.LAUNCH_MOVEMENT,
            gettext_lazy("Phát động"),
            guard=_has_targets,
        ),
        "close": Action(
            "close",
            frozenset({LAUNCHED}),
            (CLOSED,),
            permissions.CLOSE_MOVEMENT,
            gettext_lazy("Tổng kết"),
        ),
    },
)

EDITABLE_STATES = frozenset({RegistrationState.DRAFT, RegistrationState.RETURNED})


def _has_entries(registration, actor) -> str | None:
    if not registration.entries.exists():
        return _("Bản đăng ký chưa có danh hiệu nào, chưa gửi được.")
    return None


REGISTRATIONS = Workflow(
    name="movements.registration",
    states=RegistrationState,
    noun=gettext_lazy("bản đăng ký"),
    history=("movements.RegistrationTransition", "registration"),
    actions={
        "submit": Action(
            "submit",
            EDITABLE_STATES,
            (RegistrationState.SUBMITTED,),
            permissions.SUBMIT_REGISTRATION,
            gettext_lazy("Gửi"),
            guard=_has_entries,
        ),
        "return": Action(
            "return",
            frozenset({RegistrationState.SUBMITTED}),
            (RegistrationState.RETURNED,),
            permissions.DECIDE_REGISTRATION,
            gettext_lazy("Trả lại để bổ sung"),
            note_required=True,
        ),
        "approve": Action(
            "approve",
            frozenset({RegistrationState.SUBMITTED}),
            (RegistrationState.APPROVED,),
            permissions.DECIDE_REGISTRATION,
            gettext_lazy("Duyệt"),
        ),
    },
)
