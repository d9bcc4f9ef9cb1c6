"""Business actions on movements: create, attach, launch, cascade."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.movements.models import (
    Movement,
    MovementDocument,
    MovementNotice,
    MovementStatus,
)


def _movement_snapshot(movement: Movement) -> dict:
    data = snapshot(movement)
    data["target_units"] = sorted(movement.target_units.values_list("pk", flat=True))
    return data


@transaction.atomic
def create_movement(actor, *, launched_by, target_units=(), parent=None, **fields) -> Movement:
    """A draft movement of `launched_by`; under `parent` it cascades a higher movement."""
    access.require_create_in(actor, launched_by)
    if parent is not None:
        parent = Movement.objects.get(pk=parent.pk)
        access.require(actor, access.VIEW, parent)
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
def update_movement(actor, movement: Movement, *, target_units=None, **changes) -> Movement:
    access.require(actor, access.CHANGE, movement)
    if movement.status != MovementStatus.DRAFT:
        raise ValidationError(_("Phong trào đã phát động, không sửa được nữa."))
    before = _movement_snapshot(movement)
    for field, value in changes.items():
        setattr(movement, field, value)
    movement.full_clean()
    movement.save()
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

    access.require(actor, access.CHANGE, movement)
    kind = validate_upload(filename, content)
    if not title.strip():
        raise ValidationError(_("Vui lòng nhập tên tài liệu."))
    document = MovementDocument(movement=movement, title=title.strip(), kind=kind)
    document.file.save(filename, ContentFile(content), save=False)
    return save_and_record(actor=actor, instance=document, action="movements.document.attach")


@transaction.atomic
def launch_movement(actor, movement: Movement) -> Movement:
    """Send the movement down: each target unit gets a notice and sees it from now on."""
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    access.require(actor, access.CHANGE, movement)
    if movement.status != MovementStatus.DRAFT:
        raise ValidationError(_("Phong trào này đã được phát động."))
    targets = list(movement.target_units.all())
    if not targets:
        raise ValidationError(_("Chọn ít nhất một đơn vị tham gia trước khi phát động."))
    before = _movement_snapshot(movement)
    movement.status = MovementStatus.LAUNCHED
    movement.launched_at = timezone.now()
    movement.save(update_fields=["status", "launched_at"])
    MovementNotice.objects.bulk_create(
        [MovementNotice(movement=movement, unit=unit) for unit in targets],
        ignore_conflicts=True,
    )
    record(
        actor=actor,
        action="movements.movement.launch",
        instance=movement,
        before=before,
        after=_movement_snapshot(movement),
        note=_("Gửi tới %(count)d đơn vị") % {"count": len(targets)},
    )
    return movement


def mark_notices_read(user, movement: Movement) -> int:
    """Opening a movement reads its notice for the user's unit (not an audited action)."""
    if not user.unit_id:
        return 0
    return MovementNotice.objects.filter(
        movement=movement, unit_id=user.unit_id, read_at__isnull=True
    ).update(read_at=timezone.now())
