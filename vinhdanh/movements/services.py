"""Business actions on movements: create, edit, attach, launch, close, cascade.

Launching and closing are actions of movements.workflows.MOVEMENTS, applied by the workflow
engine (history row, audit entry, optimistic lock); editing a draft is guarded by the same
version.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.movements import permissions
from vinhdanh.movements.models import (
    Movement,
    MovementDocument,
    MovementNotice,
    MovementStatus,
)
from vinhdanh.movements.workflows import MOVEMENTS
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require


def _movement_snapshot(movement: Movement) -> dict:
    data = snapshot(movement)
    data["target_units"] = sorted(movement.target_units.values_list("pk", flat=True))
    return data


@transaction.atomic
def create_movement(actor, *, launched_by, target_units=(), parent=None, **fields) -> Movement:
    """A draft movement of `launched_by`; under `parent` it cascades a higher movement."""
    require(actor, permissions.CREATE_MOVEMENT)
    access.require_create_in(actor, launched_by)
    if parent is not None:
        parent = Movement.objects.get(pk=parent.pk)
        require(actor, permissions.CASCADE_MOVEMENT, parent)
        if parent.status == MovementStatus.DRAFT:
            raise ValidationError(_("Chỉ cụ thể hóa được phong trào cấp trên đã phát động."))
        if not parent.target_units.filter(pk=launched_by.pk).exists() and not (
            launched_by.path.startswith(parent.launched_by.path)
        ):
            raise ValidationError(
                _("Đơn vị phát động không thuộc phạm vi của phong trào cấp trên.")
            )
    movement = Movement(launched_by=launched_by, parent=parent, **fields)
    movement.full_clean()
    movement.save()
    _set_targets(movement, target_units)
    record(
        actor=actor,
        action="movements.movement.create",
        instance=movement,
        after=_movement_snapshot(movement),
    )
    return movement


def _set_targets(movement: Movement, target_units) -> None:
    units = list(target_units)
    outside = [u for u in units if not u.path.startswith(_scope_root(movement).path)]
    if outside:
        raise ValidationError(
            _("Đơn vị %(name)s nằm ngoài phạm vi của cơ quan phát động.") % {"name": outside[0]}
        )
    movement.target_units.set(units)


def _scope_root(movement: Movement):
    """A council's movement reaches the whole subtree of the council's unit."""
    unit = movement.launched_by
    council_unit = getattr(unit, "standing_office_of", None)
    office_of = council_unit.first() if council_unit is not None else None
    return office_of.unit if office_of is not None else unit


@transaction.atomic
def update_movement(
    actor, movement: Movement, *, target_units=None, expected_version=None, **changes
) -> Movement:
    """Edit a draft; `expected_version` is the version the page showed (None: `movement`'s)."""
    movement = lock(MOVEMENTS, movement, expected_version)
    require(actor, permissions.CHANGE_MOVEMENT, movement)
    if movement.status != MovementStatus.DRAFT:
        raise ValidationError(_("Phong trào đã phát động, không sửa được nữa."))
    before = _movement_snapshot(movement)
    for field, value in changes.items():
        setattr(movement, field, value)
    movement.full_clean()
    movement = save_versioned(MOVEMENTS, movement, **changes)
    if target_units is not None:
        _set_targets(movement, target_units)
    record(
        actor=actor,
        action="movements.movement.update",
        instance=movement,
        before=before,
        after=_movement_snapshot(movement),
    )
    return movement


@transaction.atomic
def attach_document(actor, movement: Movement, *, title: str, filename: str, content: bytes):
    from django.core.files.base import ContentFile

    require(actor, permissions.CHANGE_MOVEMENT, movement)
    kind = validate_upload(filename, content)
    if not title.strip():
        raise ValidationError(_("Vui lòng nhập tên tài liệu."))
    document = MovementDocument(movement=movement, title=title.strip(), kind=kind)
    document.file.save(filename, ContentFile(content), save=False)
    return save_and_record(actor=actor, instance=document, action="movements.document.attach")


@transaction.atomic
def launch_movement(actor, movement: Movement, *, expected_version=None) -> Movement:
    """Send the movement down: each target unit gets a notice and sees it from now on."""
    # Locked first so that the units counted and notified are those the launch is checked on.
    movement = lock(MOVEMENTS, movement, expected_version)
    targets = list(movement.target_units.all())
    movement = transition(
        MOVEMENTS,
        actor,
        movement,
        "launch",
        # The engine's one audit entry of the launch also sums up the notices sent with it.
        note=_("Gửi tới %(count)d đơn vị") % {"count": len(targets)},
        launched_at=timezone.now(),
    )
    MovementNotice.objects.bulk_create(
        [MovementNotice(movement=movement, unit=unit) for unit in targets],
        ignore_conflicts=True,
    )
    return movement


@transaction.atomic
def close_movement(actor, movement: Movement, *, expected_version=None) -> Movement:
    return transition(MOVEMENTS, actor, movement, "close", expected_version=expected_version)


def mark_notices_read(user, movement: Movement) -> int:
    """Opening a movement reads its notice for the user's unit (not an audited action)."""
    if not user.unit_id:
        return 0
    return MovementNotice.objects.filter(
        movement=movement, unit_id=user.unit_id, read_at__isnull=True
    ).update(read_at=timezone.now())
