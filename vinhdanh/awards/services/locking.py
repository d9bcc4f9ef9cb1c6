"""Optimistic locking of nominations, and the one way a nomination changes state.

Every change compares the version the actor's page carried with the stored one and
writes with `UPDATE ... WHERE pk = ? AND version = ?`, so of two people acting on the
same nomination at once exactly one wins and the other gets ConflictError.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards import workflow
from vinhdanh.awards.models import Nomination, Transition


class ConflictError(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Hồ sơ vừa được người khác thay đổi trong lúc bạn thao tác. "
                "Vui lòng tải lại trang để xem trạng thái mới rồi thực hiện lại."
            ),
            code="conflict",
        )


def lock(nomination: Nomination, expected_version: int | None) -> Nomination:
    """The stored nomination, locked for this transaction, if the actor saw its last version."""
    expected = nomination.version if expected_version is None else int(expected_version)
    current = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if current.version != expected:
        raise ConflictError()
    return current


def save_fields(nomination: Nomination, **changes) -> Nomination:
    updated = Nomination.objects.filter(pk=nomination.pk, version=nomination.version).update(
        **changes, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise ConflictError()
    nomination.refresh_from_db()
    return nomination


def move(
    actor, nomination: Nomination, action: str, to_state: str, *, note: str = "", **changes
) -> Nomination:
    """Apply a workflow step: state check, versioned write, history row and audit entry."""
    try:
        workflow.check_step(action, nomination.state)
    except workflow.StepRefused as error:
        raise ValidationError(str(error)) from None
    before = snapshot(nomination)
    from_state = nomination.state
    save_fields(nomination, state=to_state, **changes)
    Transition.objects.create(
        nomination=nomination,
        action=action,
        from_state=from_state,
        to_state=to_state,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )
    record(
        actor=actor,
        action=f"awards.nomination.{action}",
        instance=nomination,
        before=before,
        after=snapshot(nomination),
        note=note[:500],
    )
    return nomination
