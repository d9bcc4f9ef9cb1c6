"""Business actions on registrations: fill in, import, send, return, approve.

States: not sent (draft) -> sent -> approved, or sent -> returned for completion -> sent.
The unit edits only while not sent or returned; the standing office decides.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.accounts.models import Role
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET, validate_upload
from vinhdanh.movements.models import (
    Movement,
    MovementStatus,
    Registration,
    RegistrationEntry,
    RegistrationState,
)
from vinhdanh.movements.registration_import import WorkbookUnreadable, parse_entries
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, TITLE_KINDS, TITLE_NAMES
from vinhdanh.org.models import Person

EDITABLE_STATES = {RegistrationState.DRAFT, RegistrationState.RETURNED}
DECIDERS = (Role.ADMIN, Role.STANDING_OFFICE)


def _snapshot(registration: Registration) -> dict:
    data = snapshot(registration)
    data["entries"] = sorted(
        f"{person_id or '-'}:{title}"
        for person_id, title in registration.entries.values_list("person_id", "title")
    )
    return data


def _locked(registration_id: int) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("movement", "unit")
        .get(pk=registration_id)
    )


@transaction.atomic
def start_registration(actor, movement: Movement, unit) -> Registration:
    """The unit's registration for the movement, created empty if it has none yet."""
    access.require(actor, access.VIEW, movement)
    access.require_create_in(actor, unit)
    if movement.status != MovementStatus.LAUNCHED:
        raise ValidationError(_("Phong trào chưa phát động hoặc đã kết thúc."))
    if not movement.target_units.filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị không thuộc danh sách tham gia phong trào này."))
    registration, created = Registration.objects.get_or_create(movement=movement, unit=unit)
    if created:
        record(
            actor=actor,
            action="movements.registration.start",
            instance=registration,
            after=_snapshot(registration),
        )
    return registration


def _check_entries(registration: Registration, entries) -> list[tuple[Person | None, str]]:
    people = {p.pk: p for p in Person.objects.filter(unit__path__startswith=registration.unit.path)}
    checked, seen = [], set()
    for person_id, title in entries:
        if title not in TITLE_NAMES:
            raise ValidationError(
                _("Danh hiệu “%(title)s” không có trong danh mục.") % {"title": title}
            )
        person = None
        if person_id:
            person = people.get(int(person_id))
            if person is None:
                raise ValidationError(_("Cá nhân được chọn không thuộc đơn vị đăng ký."))
            if TITLE_KINDS[title] != INDIVIDUAL:
                raise ValidationError(
                    _("“%(title)s” là danh hiệu tập thể, không đăng ký cho cá nhân.")
                    % {"title": TITLE_NAMES[title]}
                )
        elif TITLE_KINDS[title] != COLLECTIVE:
            raise ValidationError(
                _("“%(title)s” là danh hiệu cá nhân, cần chọn người đăng ký.")
                % {"title": TITLE_NAMES[title]}
            )
        key = (person.pk if person else None, title)
        if key not in seen:
            seen.add(key)
            checked.append((person, title))
    return checked


def _require_editable(actor, registration: Registration, expected_version: int | None) -> None:
    access.require(actor, access.CHANGE, registration)
    if registration.state not in EDITABLE_STATES:
        raise ValidationError(
            _("Bản đăng ký đang ở trạng thái “%(state)s”, không sửa được.")
            % {"state": registration.get_state_display()}
        )
    if expected_version is not None and registration.version != expected_version:
        raise ValidationError(
            _(
                "Bản đăng ký vừa được người khác sửa (phiên bản %(now)d, bạn đang sửa phiên bản "
                "%(yours)d). Hãy tải lại trang để xem thay đổi rồi sửa tiếp."
            )
            % {"now": registration.version, "yours": expected_version}
        )


@transaction.atomic
def save_registration(
    actor,
    registration: Registration,
    *,
    entries,
    commitment: str | None = None,
    expected_version: int | None = None,
) -> Registration:
    """Replace the registration's list; `entries` are (person id or None, title id)."""
    registration = _locked(registration.pk)
    _require_editable(actor, registration, expected_version)
    checked = _check_entries(registration, entries)
    before = _snapshot(registration)
    registration.entries.all().delete()
    RegistrationEntry.objects.bulk_create(
        [RegistrationEntry(registration=registration, person=p, title=t) for p, t in checked]
    )
    if commitment is not None:
        registration.commitment = commitment.strip()
    registration.version += 1
    registration.save()
    record(
        actor=actor,
        action="movements.registration.save",
        instance=registration,
        before=before,
        after=_snapshot(registration),
    )
    return registration


@transaction.atomic
def import_registration(actor, registration: Registration, *, filename: str, content: bytes):
    """Replace the list from a workbook; any bad row refuses the whole file."""
    validate_upload(
        filename, content, allowed=SPREADSHEET, max_uncompressed=IMPORT_MAX_UNCOMPRESSED
    )
    registration = _locked(registration.pk)
    _require_editable(actor, registration, None)
    people = dict(
        Person.objects.filter(unit__path__startswith=registration.unit.path).values_list(
            "code", "pk"
        )
    )
    try:
        parsed = parse_entries(content, person_codes=set(people))
    except WorkbookUnreadable as error:
        raise ValidationError(str(error)) from error
    if parsed.errors:
        raise ValidationError(
            [
                _("Dòng %(row)d: %(message)s") % {"row": e.row, "message": e.message}
                for e in parsed.errors
            ]
        )
    if not parsed.rows:
        raise ValidationError(_("Tệp không có dòng đăng ký nào."))
    entries = [(people[code] if code else None, title) for code, title in parsed.rows]
    return save_registration(actor, registration, entries=entries)


@transaction.atomic
def submit_registration(actor, registration: Registration) -> Registration:
    registration = _locked(registration.pk)
    _require_editable(actor, registration, None)
    if not registration.entries.exists():
        raise ValidationError(_("Bản đăng ký chưa có danh hiệu nào, chưa gửi được."))
    before = _snapshot(registration)
    registration.state = RegistrationState.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.return_reason = ""
    registration.version += 1
    registration.save()
    record(
        actor=actor,
        action="movements.registration.submit",
        instance=registration,
        before=before,
        after=_snapshot(registration),
    )
    return registration


def _decide(actor, registration: Registration, state: str, action: str, reason: str = ""):
    access.require_role(actor, *DECIDERS)
    registration = _locked(registration.pk)
    if registration.state != RegistrationState.SUBMITTED:
        raise ValidationError(_("Chỉ xử lý được bản đăng ký đã gửi."))
    before = _snapshot(registration)
    registration.state = state
    registration.return_reason = reason
    registration.decided_at = timezone.now()
    registration.decided_by = actor
    registration.version += 1
    registration.save()
    record(
        actor=actor,
        action=action,
        instance=registration,
        before=before,
        after=_snapshot(registration),
        note=reason,
    )
    return registration


@transaction.atomic
def return_registration(actor, registration: Registration, *, reason: str) -> Registration:
    if not reason.strip():
        raise ValidationError(_("Vui lòng ghi rõ lý do trả lại để đơn vị bổ sung."))
    return _decide(
        actor,
        registration,
        RegistrationState.RETURNED,
        "movements.registration.return",
        reason.strip(),
    )


@transaction.atomic
def approve_registration(actor, registration: Registration) -> Registration:
    return _decide(
        actor, registration, RegistrationState.APPROVED, "movements.registration.approve"
    )
