"""The one function that changes a workflow's state, and the optimistic lock it relies on.

Every transition locks the row, compares the version the actor's page carried with the stored
one, checks the table (source state, named target, permission, guard), writes with
`UPDATE ... WHERE pk = ? AND version = ?`, adds the history row and the audit entry, all in
the caller's transaction. Of two people acting on one object at once exactly one wins; the
other gets ConflictError.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.workflow.permissions import require
from vinhdanh.workflow.table import ActionRefused, Workflow


class ConflictError(ValidationError):
    def __init__(self, noun: object = None):
        super().__init__(
            _(
                "%(noun)s vừa được người khác thay đổi trong lúc bạn thao tác. "
                "Vui lòng tải lại trang để xem trạng thái mới rồi thực hiện lại."
            )
            % {"noun": str(noun or _("Dữ liệu")).capitalize()},
            code="conflict",
        )


def lock(workflow: Workflow, obj: Model, expected_version: int | None = None) -> Model:
    """The stored object, locked for this transaction, if the actor saw its last version."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() must run inside the service's transaction")
    version_field = workflow.version_field
    expected = getattr(obj, version_field) if expected_version is None else int(expected_version)
    current = type(obj)._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)
    if getattr(current, version_field) != expected:
        raise ConflictError(workflow.noun)
    return current


def save_versioned(workflow: Workflow, obj: Model, **changes) -> Model:
    """Write `changes` only if nobody wrote since `obj` was read; the version goes up by one."""
    version_field = workflow.version_field
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        changes.setdefault("updated_at", timezone.now())
    updated = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, **{version_field: getattr(obj, version_field)})
        .update(**changes, **{version_field: F(version_field) + 1})
    )
    if not updated:
        raise ConflictError(workflow.noun)
    obj.refresh_from_db()
    return obj


def transition(
    workflow: Workflow,
    actor,
    obj: Model,
    action_name: str,
    *,
    to: str | None = None,
    note: str = "",
    expected_version: int | None = None,
    **changes,
) -> Model:
    """Apply one action of `workflow` to `obj` and record it; `changes` are written with it.

    `expected_version` is the version the actor's page showed (None: the one `obj` carries).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("transition() must run inside the service's transaction")
    obj = lock(workflow, obj, expected_version)
    from_state = getattr(obj, workflow.state_field)
    try:
        action, target = workflow.check(action_name, from_state, to)
    except ActionRefused as refusal:
        raise ValidationError(str(refusal)) from None
    require(actor, action.permission, obj)
    note = (note or "").strip()
    if action.note_required and not note:
        raise ValidationError(_("Vui lòng ghi rõ lý do."))
    if action.guard is not None:
        reason = action.guard(obj, actor)
        if reason:
            raise ValidationError(reason)
    before = snapshot(obj)
    save_versioned(workflow, obj, **{workflow.state_field: target}, **changes)
    history_model, owner_field = workflow.history
    apps.get_model(history_model).objects.create(
        **{owner_field: obj},
        action=action.name,
        from_state=from_state,
        to_state=target,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )
    record(
        actor=actor,
        action=f"{workflow.name}.{action.name}",
        instance=obj,
        before=before,
        after=snapshot(obj),
        note=note[:500],
    )
    return obj
