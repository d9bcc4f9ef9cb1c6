"""Business actions of ceremonies: one function per action, each in a transaction.

Inviting, holding, reporting and cancelling are actions of ceremonies.workflows.CEREMONIES,
applied by the workflow engine (history row, audit entry, optimistic lock).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.models import Certificate
from vinhdanh.ceremonies import permissions
from vinhdanh.ceremonies.models import Ceremony, Honouree, Reception, UnitAttendance
from vinhdanh.ceremonies.ordering import Presented, moved, presentation_order
from vinhdanh.ceremonies.workflows import CEREMONIES, PREPARING
from vinhdanh.core.services import save_and_record
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require


def _snapshot(ceremony: Ceremony) -> dict:
    data = snapshot(ceremony)
    data["invited_units"] = sorted(ceremony.invited_units.values_list("pk", flat=True))
    return data


def _invited(ceremony: Ceremony, units) -> list:
    units = list(units)
    outside = [u for u in units if not u.path.startswith(ceremony.council.unit.path)]
    if outside:
        raise ValidationError(
            _("Đơn vị %(name)s không thuộc phạm vi của hội đồng.") % {"name": outside[0]}
        )
    return units


@transaction.atomic
def create_ceremony(actor, *, invited_units=(), council=None, **fields) -> Ceremony:
    require(actor, permissions.CREATE_CEREMONY)
    council = council or acting_council(actor)
    if council is None:
        raise ValidationError(_("Tài khoản chưa gắn với hội đồng nào."))
    ceremony = Ceremony(council=council, created_by=actor, **fields)
    ceremony.full_clean()
    ceremony.save()
    ceremony.invited_units.set(_invited(ceremony, invited_units))
    record(
        actor=actor, action="ceremonies.ceremony.create", instance=ceremony,
        after=_snapshot(ceremony),
    )  # fmt: skip
    return ceremony


@transaction.atomic
def update_ceremony(
    actor, ceremony: Ceremony, *, invited_units=None, expected_version=None, **changes
) -> Ceremony:
    ceremony = lock(CEREMONIES, ceremony, expected_version)
    require(actor, permissions.MANAGE_CEREMONY, ceremony)
    if ceremony.state not in PREPARING:
        raise ValidationError(_("Hội nghị đã tổ chức hoặc đã hủy, không sửa được nữa."))
    before = _snapshot(ceremony)
    for field, value in changes.items():
        setattr(ceremony, field, value)
    ceremony.full_clean()
    ceremony = save_versioned(CEREMONIES, ceremony, **changes)
    if invited_units is not None:
        ceremony.invited_units.set(_invited(ceremony, invited_units))
    record(
        actor=actor, action="ceremonies.ceremony.update", instance=ceremony, before=before,
        after=_snapshot(ceremony),
    )  # fmt: skip
    return ceremony


def _year_certificates(ceremony: Ceremony):
    """The certificates of the year's decisions the council's unit issued, still in force."""
    return Certificate.objects.filter(
        decision__issuer=ceremony.council.unit,
        decision__state="issued",
        decision__year=ceremony.year,
        revoked_at__isnull=True,
    ).select_related("nomination__title", "nomination__person", "nomination__collective")


def _presented(certificate) -> Presented:
    nomination = certificate.nomination
    subject = nomination.collective or nomination.person
    return Presented(
        key=certificate.pk,
        group=nomination.title.group or "",
        title=nomination.title.name,
        is_collective=nomination.collective_id is not None,
        sort_name=getattr(subject, "sort_key", "") or certificate.recipient,
    )


@transaction.atomic
def draw_honourees(actor, ceremony: Ceremony) -> int:
    """The year's honourees in presentation order; drawing again keeps nobody twice and
    adds those decided since, after the ones already ordered."""
    ceremony = lock(CEREMONIES, ceremony)
    require(actor, permissions.MANAGE_CEREMONY, ceremony)
    if ceremony.state not in PREPARING:
        raise ValidationError(_("Hội nghị đã tổ chức, không đổi danh sách được nữa."))
    already = set(ceremony.honourees.values_list("certificate_id", flat=True))
    new = [c for c in _year_certificates(ceremony) if c.pk not in already]
    if not new and not already:
        raise ValidationError(
            _("Chưa có quyết định khen thưởng nào của năm %(year)s còn hiệu lực.")
            % {"year": ceremony.year}
        )
    start = len(already)
    order = presentation_order([_presented(c) for c in new])
    Honouree.objects.bulk_create(
        [
            Honouree(ceremony=ceremony, certificate_id=key, position=start + index)
            for index, key in enumerate(order, start=1)
        ]
    )
    record(
        actor=actor, action="ceremonies.honourees.draw", instance=ceremony,
        after={"added": len(order)},
    )  # fmt: skip
    return len(order)


@transaction.atomic
def move_honouree(actor, honouree: Honouree, *, step: int) -> None:
    ceremony = lock(CEREMONIES, honouree.ceremony)
    require(actor, permissions.MANAGE_CEREMONY, ceremony)
    if ceremony.state not in PREPARING:
        raise ValidationError(_("Hội nghị đã tổ chức, không đổi thứ tự được nữa."))
    rows = list(ceremony.honourees.order_by("position", "pk"))
    order = moved([row.pk for row in rows], honouree.pk, step)
    by_pk = {row.pk: row for row in rows}
    for position, pk in enumerate(order, start=1):
        by_pk[pk].position = position
    Honouree.objects.bulk_update(rows, ["position"])
    record(
        actor=actor, action="ceremonies.honourees.reorder", instance=ceremony,
        after={"moved": honouree.pk, "step": step},
    )  # fmt: skip


@transaction.atomic
def record_attendance(actor, ceremony: Ceremony, *, present_units, received) -> Ceremony:
    """Which invited units came and which honourees received their award in person."""
    ceremony = lock(CEREMONIES, ceremony)
    require(actor, permissions.MANAGE_CEREMONY, ceremony)
    if ceremony.state != "held":
        raise ValidationError(_("Chỉ ghi có mặt khi hội nghị đã tổ chức và chưa báo cáo."))
    invited = list(ceremony.invited_units.all())
    present = {unit.pk for unit in present_units}
    UnitAttendance.objects.filter(ceremony=ceremony).delete()
    UnitAttendance.objects.bulk_create(
        [UnitAttendance(ceremony=ceremony, unit=u, present=u.pk in present) for u in invited]
    )
    got = {h.pk for h in received}
    ceremony.honourees.update(received=False)
    ceremony.honourees.filter(pk__in=got).update(received=True)
    record(
        actor=actor, action="ceremonies.attendance.record", instance=ceremony,
        after={"units_present": len(present), "received": len(got)},
    )  # fmt: skip
    return ceremony


@transaction.atomic
def invite(actor, ceremony, *, expected_version=None):
    return transition(CEREMONIES, actor, ceremony, "invite", expected_version=expected_version)


@transaction.atomic
def hold(actor, ceremony, *, expected_version=None):
    return transition(CEREMONIES, actor, ceremony, "hold", expected_version=expected_version)


@transaction.atomic
def report(actor, ceremony, *, report: str = "", expected_version=None):
    if report.strip():
        ceremony = lock(CEREMONIES, ceremony, expected_version)
        require(actor, permissions.MANAGE_CEREMONY, ceremony)
        ceremony = save_versioned(CEREMONIES, ceremony, report=report.strip())
        expected_version = ceremony.version
    return transition(CEREMONIES, actor, ceremony, "report", expected_version=expected_version)


@transaction.atomic
def cancel(actor, ceremony, *, note: str, expected_version=None):
    return transition(
        CEREMONIES, actor, ceremony, "cancel", note=note, expected_version=expected_version
    )


@transaction.atomic
def record_reception(actor, *, certificate, unit, **fields) -> Reception:
    """A unit's ceremony of receiving an award given to it or to its people."""
    require(actor, permissions.RECORD_RECEPTION)
    access.require_create_in(actor, unit)
    nomination = certificate.nomination
    owner = nomination.collective or (nomination.person.unit if nomination.person_id else None)
    if owner is None or not owner.path.startswith(unit.path):
        raise ValidationError(
            _("Danh hiệu này không phải của %(unit)s hay người, tập thể thuộc đơn vị.")
            % {"unit": unit}
        )
    if certificate.revoked_at is not None:
        raise ValidationError(_("Danh hiệu đã bị thu hồi, không tổ chức đón nhận được."))
    reception = Reception(certificate=certificate, unit=unit, recorded_by=actor, **fields)
    return save_and_record(actor=actor, instance=reception, action="ceremonies.reception.record")
