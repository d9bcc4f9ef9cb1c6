"""Business actions on training sessions: one function per action, each in a transaction.

Announcing, holding, reporting and cancelling are actions of training.workflows.SESSIONS,
applied by the workflow engine (history row, audit entry, optimistic lock). Registering,
attendance and evaluations change rows of the session under the same lock, so two clerks
filling the last seat at once cannot both get it.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.training import permissions
from vinhdanh.training.models import Attendee, Evaluation, TrainingMaterial, TrainingSession
from vinhdanh.training.workflows import (
    ATTENDANCE_OPEN,
    EDITABLE,
    REGISTRATION_OPEN,
    SESSIONS,
)
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require


def _session_snapshot(session: TrainingSession) -> dict:
    data = snapshot(session)
    data["invited_units"] = sorted(session.invited_units.values_list("pk", flat=True))
    return data


def _check_invited(session: TrainingSession, units) -> list:
    units = list(units)
    root = session.council.unit.path
    outside = [unit for unit in units if not unit.path.startswith(root)]
    if outside:
        raise ValidationError(
            _("Đơn vị %(name)s không thuộc phạm vi của hội đồng tổ chức.") % {"name": outside[0]}
        )
    return units


@transaction.atomic
def create_session(actor, *, invited_units=(), council=None, **fields) -> TrainingSession:
    """A draft session of the actor's acting council."""
    require(actor, permissions.CREATE_SESSION)
    council = council or acting_council(actor)
    if council is None:
        raise ValidationError(_("Tài khoản chưa gắn với hội đồng nào, không tạo được lớp."))
    session = TrainingSession(council=council, created_by=actor, **fields)
    session.full_clean()
    session.save()
    session.invited_units.set(_check_invited(session, invited_units))
    record(
        actor=actor,
        action="training.session.create",
        instance=session,
        after=_session_snapshot(session),
    )
    return session


@transaction.atomic
def update_session(
    actor, session: TrainingSession, *, invited_units=None, expected_version=None, **changes
) -> TrainingSession:
    session = lock(SESSIONS, session, expected_version)
    require(actor, permissions.MANAGE_SESSION, session)
    if session.state not in EDITABLE:
        raise ValidationError(_("Lớp tập huấn đã tổ chức hoặc đã hủy, không sửa được nữa."))
    before = _session_snapshot(session)
    for field, value in changes.items():
        setattr(session, field, value)
    session.full_clean()
    if invited_units is not None:
        units = _check_invited(session, invited_units)
        dropped = set(session.invited_units.values_list("pk", flat=True)) - {u.pk for u in units}
        if dropped and session.attendees.filter(unit__pk__in=dropped).exists():
            raise ValidationError(
                _("Đơn vị bỏ khỏi danh sách mời đã đăng ký học viên; xóa đăng ký trước.")
            )
    session = save_versioned(SESSIONS, session, **changes)
    if invited_units is not None:
        session.invited_units.set(units)
    _check_capacity(session)
    record(
        actor=actor,
        action="training.session.update",
        instance=session,
        before=before,
        after=_session_snapshot(session),
    )
    return session


@transaction.atomic
def add_material(actor, session: TrainingSession, *, name: str, filename: str, content: bytes):
    require(actor, permissions.MANAGE_SESSION, session)
    validate_upload(filename, content)
    if not name.strip():
        raise ValidationError(_("Vui lòng nhập tên tài liệu."))
    material = TrainingMaterial(session=session, name=name.strip())
    material.file.save(filename, ContentFile(content), save=False)
    return save_and_record(actor=actor, instance=material, action="training.material.add")


def _locked(session: TrainingSession) -> TrainingSession:
    """The stored session, locked: the list changes under it one writer at a time (the last
    seat goes once). No version check: registering does not overwrite the session's fields."""
    return TrainingSession.objects.select_for_update(of=("self",)).get(pk=session.pk)


def _check_capacity(session: TrainingSession) -> None:
    taken = session.attendees.count()
    if taken > session.capacity:
        raise ValidationError(
            _("Lớp chỉ có %(capacity)d chỗ, đã đăng ký %(taken)d người.")
            % {"capacity": session.capacity, "taken": taken}
        )


@transaction.atomic
def register_attendees(actor, session: TrainingSession, *, unit, people) -> list[Attendee]:
    """The unit's people on the session's list: all of them, or none if one is refused."""
    session = _locked(session)
    require(actor, permissions.REGISTER_ATTENDEES, session)
    if session.state not in REGISTRATION_OPEN:
        raise ValidationError(_("Lớp tập huấn không còn nhận đăng ký."))
    if session.registration_deadline and timezone.localdate() > session.registration_deadline:
        raise ValidationError(
            _("Đã hết hạn đăng ký (%(day)s).")
            % {"day": session.registration_deadline.strftime("%d/%m/%Y")}
        )
    access.require_create_in(actor, unit)
    invited = list(session.invited_units.all())
    if not any(unit.path.startswith(invited_unit.path) for invited_unit in invited):
        raise ValidationError(_("Đơn vị %(name)s không được mời dự lớp này.") % {"name": unit})
    people = list(people)
    if not people:
        raise ValidationError(_("Chọn ít nhất một người để đăng ký."))
    stranger = next((p for p in people if not p.unit.path.startswith(unit.path)), None)
    if stranger is not None:
        raise ValidationError(
            _("%(person)s không thuộc đơn vị %(unit)s.") % {"person": stranger, "unit": unit}
        )
    already = set(
        session.attendees.filter(person__in=people).values_list("person__full_name", flat=True)
    )
    if already:
        raise ValidationError(
            _("Đã đăng ký trước đó: %(names)s.") % {"names": ", ".join(sorted(already))}
        )
    if session.per_unit_limit:
        of_unit = session.attendees.filter(unit=unit).count()
        if of_unit + len(people) > session.per_unit_limit:
            raise ValidationError(
                _("Mỗi đơn vị cử tối đa %(limit)d người; %(unit)s đã cử %(count)d.")
                % {"limit": session.per_unit_limit, "unit": unit, "count": of_unit}
            )
    taken = session.attendees.count()
    if taken + len(people) > session.capacity:
        raise ValidationError(
            _("Lớp còn %(left)d chỗ, không đăng ký thêm %(asked)d người được.")
            % {"left": max(session.capacity - taken, 0), "asked": len(people)}
        )
    attendees = [
        Attendee.objects.create(session=session, unit=unit, person=person, registered_by=actor)
        for person in people
    ]
    record(
        actor=actor,
        action="training.attendee.register",
        instance=session,
        after={"unit": unit.pk, "people": [p.pk for p in people]},
    )
    return attendees


@transaction.atomic
def withdraw_attendee(actor, attendee: Attendee) -> None:
    session = _locked(attendee.session)
    require(actor, permissions.CHANGE_ATTENDEE, attendee)
    if session.state not in REGISTRATION_OPEN:
        raise ValidationError(_("Lớp tập huấn không còn nhận thay đổi đăng ký."))
    before = snapshot(attendee)
    attendee.delete()
    record(actor=actor, action="training.attendee.withdraw", instance=session, before=before)


@transaction.atomic
def record_attendance(actor, session: TrainingSession, *, present_ids) -> TrainingSession:
    """Who came: every registered person is marked present or absent at once."""
    session = _locked(session)
    require(actor, permissions.RECORD_ATTENDANCE, session)
    if session.state not in ATTENDANCE_OPEN:
        raise ValidationError(_("Chỉ điểm danh được khi lớp đã tổ chức và chưa báo cáo."))
    present = set(int(pk) for pk in present_ids)
    registered = set(session.attendees.values_list("pk", flat=True))
    unknown = present - registered
    if unknown:
        raise ValidationError(_("Có người được đánh dấu có mặt nhưng không có trong danh sách."))
    session.attendees.filter(pk__in=present).update(attended=True)
    session.attendees.exclude(pk__in=present).update(attended=False)
    record(
        actor=actor,
        action="training.attendance.record",
        instance=session,
        after={"present": len(present), "absent": len(registered - present)},
    )
    return session


@transaction.atomic
def save_evaluation(actor, attendee: Attendee, **scores) -> Evaluation:
    """The attendee's evaluation, handed in by their unit or the office after the session."""
    require(actor, permissions.CHANGE_ATTENDEE, attendee)
    if attendee.session.state not in ATTENDANCE_OPEN:
        raise ValidationError(_("Chỉ nhận phiếu đánh giá khi lớp đã tổ chức và chưa báo cáo."))
    if not attendee.attended:
        raise ValidationError(
            _("%(person)s vắng mặt, không có phiếu đánh giá.") % {"person": attendee.person}
        )
    evaluation = Evaluation.objects.filter(attendee=attendee).first()
    before = snapshot(evaluation) if evaluation else None
    evaluation = evaluation or Evaluation(attendee=attendee)
    for field, value in scores.items():
        setattr(evaluation, field, value)
    return save_and_record(
        actor=actor, instance=evaluation, action="training.evaluation.save", before=before
    )


@transaction.atomic
def announce_session(actor, session, *, expected_version=None):
    return transition(SESSIONS, actor, session, "announce", expected_version=expected_version)


@transaction.atomic
def hold_session(actor, session, *, expected_version=None):
    return transition(SESSIONS, actor, session, "hold", expected_version=expected_version)


@transaction.atomic
def report_session(actor, session, *, result_summary: str = "", expected_version=None):
    if result_summary.strip():
        session = lock(SESSIONS, session, expected_version)
        require(actor, permissions.MANAGE_SESSION, session)
        session = save_versioned(SESSIONS, session, result_summary=result_summary.strip())
        expected_version = session.version
    return transition(SESSIONS, actor, session, "report", expected_version=expected_version)


@transaction.atomic
def cancel_session(actor, session, *, note: str, expected_version=None):
    return transition(
        SESSIONS, actor, session, "cancel", note=note, expected_version=expected_version
    )
