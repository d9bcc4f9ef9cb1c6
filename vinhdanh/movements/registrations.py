"""Business actions on registrations: start, fill in, import, send, return, approve.

The states and who moves them are movements.workflows.REGISTRATIONS; sending, returning and
approving go through the workflow engine (history row, audit entry, optimistic lock). Saving the
list is an edit, allowed while the registration is draft or returned, guarded by the same version.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.uploads import IMPORT_MAX_UNCOMPRESSED, SPREADSHEET, validate_upload
from vinhdanh.movements import permissions
from vinhdanh.movements.models import (
    Movement,
    MovementStatus,
    Registration,
    RegistrationEntry,
)
from vinhdanh.movements.registration_import import WorkbookUnreadable, parse_entries
from vinhdanh.movements.titles import COLLECTIVE, INDIVIDUAL, TITLE_KINDS, TITLE_NAMES
from vinhdanh.movements.workflows import EDITABLE_STATES, REGISTRATIONS
from vinhdanh.org.models import Person
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import allows, require


def _snapshot(registration: Registration) -> dict:
    data = snapshot(registration)
    data["entries"] = sorted(
        f"{person_id or '-'}:{title}"
        for person_id, title in registration.entries.values_list("person_id", "title")
    )
    return data


def may_edit(user, registration: Registration) -> bool:
    """Whether the page offers the list for editing: what `save_registration` accepts."""
    return registration.state in EDITABLE_STATES and allows(
        user, permissions.CHANGE_REGISTRATION, registration
    )


@transaction.atomic
def start_registration(actor, movement: Movement, unit) -> Registration:
    """The unit's registration for the movement, created empty if it has none yet."""
    require(actor, permissions.START_REGISTRATION, movement)
    if unit is None:
        raise ValidationError(_("Tài khoản của bạn chưa gắn với đơn vị nào nên chưa đăng ký được."))
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


def _require_editable(actor, registration: Registration) -> None:
    require(actor, permissions.CHANGE_REGISTRATION, registration)
    if registration.state not in EDITABLE_STATES:
        raise ValidationError(
            _("Bản đăng ký đang ở trạng thái “%(state)s”, không sửa được.")
            % {"state": registration.get_state_display()}
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
    """Replace the registration's list; `entries` are (person id or None, title id).

    `expected_version` is the version the page showed (None: the one `registration` carries);
    a registration changed since is refused with the engine's ConflictError.
    """
    registration = lock(REGISTRATIONS, registration, expected_version)
    _require_editable(actor, registration)
    checked = _check_entries(registration, entries)
    before = _snapshot(registration)
    registration.entries.all().delete()
    RegistrationEntry.objects.bulk_create(
        [RegistrationEntry(registration=registration, person=p, title=t) for p, t in checked]
    )
    changes = {} if commitment is None else {"commitment": commitment.strip()}
    registration = save_versioned(REGISTRATIONS, registration, **changes)
    record(
        actor=actor,
        action="movements.registration.save",
        instance=registration,
        before=before,
        after=_snapshot(registration),
    )
    return registration


@transaction.atomic
def import_registration(
    actor,
    registration: Registration,
    *,
    filename: str,
    content: bytes,
    expected_version: int | None = None,
) -> Registration:
    """Replace the list from a workbook; any bad row refuses the whole file."""
    validate_upload(
        filename, content, allowed=SPREADSHEET, max_uncompressed=IMPORT_MAX_UNCOMPRESSED
    )
    registration = lock(REGISTRATIONS, registration, expected_version)
    _require_editable(actor, registration)
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
def submit_registration(
    actor, registration: Registration, *, expected_version: int | None = None
) -> Registration:
    return transition(
        REGISTRATIONS,
        actor,
        registration,
        "submit",
        expected_version=expected_version,
        submitted_at=timezone.now(),
        return_reason="",
    )


@transaction.atomic
def save_and_submit_registration(
    actor,
    registration: Registration,
    *,
    entries,
    commitment: str | None = None,
    expected_version: int | None = None,
) -> Registration:
    """The page's "save and send": both or, if sending is refused, neither."""
    saved = save_registration(
        actor,
        registration,
        entries=entries,
        commitment=commitment,
        expected_version=expected_version,
    )
    return submit_registration(actor, saved)


@transaction.atomic
def return_registration(
    actor, registration: Registration, *, reason: str, expected_version: int | None = None
) -> Registration:
    """Back to the unit for completion; the reason is shown to it and kept in the history."""
    return transition(
        REGISTRATIONS,
        actor,
        registration,
        "return",
        note=reason,
        expected_version=expected_version,
        return_reason=(reason or "").strip(),
        decided_at=timezone.now(),
        decided_by=actor,
    )


@transaction.atomic
def approve_registration(
    actor, registration: Registration, *, expected_version: int | None = None
) -> Registration:
    return transition(
        REGISTRATIONS,
        actor,
        registration,
        "approve",
        expected_version=expected_version,
        return_reason="",
        decided_at=timezone.now(),
        decided_by=actor,
    )
