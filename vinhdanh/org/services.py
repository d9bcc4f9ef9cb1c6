"""Business actions on the organisation registry: one function per action, each asking its
named permission (org/permissions.py) and writing its audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import snapshot
from vinhdanh.core.services import apply_changes, save_and_record
from vinhdanh.core.uploads import (
    IMPORT_MAX_UNCOMPRESSED,
    SPREADSHEET,
    UploadRejected,
    validate_upload,
)
from vinhdanh.core.workbook import RowError, WorkbookUnreadable
from vinhdanh.org import reshaping
from vinhdanh.org.dating import require_active
from vinhdanh.org.models import Person, Unit
from vinhdanh.org.people_import import PEOPLE_FILE_MAX_BYTES, parse_people_workbook
from vinhdanh.workflow.permissions import allows, require


def _require_adding_to(actor, name: str, unit) -> None:
    if not allows(actor, name, unit):
        raise PermissionDenied(_("Bạn không có quyền thêm dữ liệu cho đơn vị này."))


@transaction.atomic
def create_unit(*, actor, **fields) -> Unit:
    _require_adding_to(actor, "org.add_unit", fields.get("parent"))
    return save_and_record(actor=actor, instance=Unit(**fields), action="org.unit.create")


@transaction.atomic
def update_unit(*, actor, unit: Unit, **changes) -> Unit:
    require(actor, "org.change_unit", unit)
    if "parent" in changes:
        _require_adding_to(actor, "org.add_unit", changes["parent"])
    before = snapshot(unit)
    apply_changes(unit, changes)
    return save_and_record(actor=actor, instance=unit, action="org.unit.update", before=before)


@transaction.atomic
def create_person(*, actor, **fields) -> Person:
    _require_adding_to(actor, "org.add_person", fields.get("unit"))
    if fields.get("unit") is not None:
        require_active(fields["unit"], timezone.localdate())
    person = save_and_record(actor=actor, instance=Person(**fields), action="org.person.create")
    reshaping.open_history(person, timezone.localdate())
    return person


@transaction.atomic
def update_person(*, actor, person: Person, **changes) -> Person:
    require(actor, "org.change_person", person)
    if "unit" in changes:
        _require_adding_to(actor, "org.add_person", changes["unit"])
    before = snapshot(person)
    new_unit = changes.pop("unit", person.unit)
    if new_unit is not None and new_unit.pk != person.unit_id:
        require_active(new_unit, timezone.localdate())
        # A move keeps the unit left behind in the person's dated history.
        reshaping.move_person(person, new_unit, timezone.localdate())
    apply_changes(person, changes)
    return save_and_record(actor=actor, instance=person, action="org.person.update", before=before)


class PeopleImportRefused(ValidationError):
    """The workbook had bad rows; nothing was imported. `errors` are the rows and reasons."""

    def __init__(self, errors):
        super().__init__(
            _("Tệp bị từ chối, chưa nhập dòng nào: %(count)d dòng có lỗi.") % {"count": len(errors)}
        )
        self.errors = errors


@transaction.atomic
def import_people(*, actor, filename: str, content: bytes) -> list[Person]:
    """Create every person of the workbook, or none when any row is bad."""
    require(actor, "org.import_people")
    try:
        validate_upload(
            filename,
            content,
            allowed=SPREADSHEET,
            max_bytes=PEOPLE_FILE_MAX_BYTES,
            max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        )
    except UploadRejected as refused:
        raise PeopleImportRefused([RowError(0, refused.message)]) from refused

    units = {unit.code: unit for unit in access.scope_queryset(actor, Unit.objects.all(), "change")}
    try:
        parsed = parse_people_workbook(
            content,
            unit_codes=set(units),
            existing_codes=set(Person.objects.values_list("code", flat=True)),
        )
    except WorkbookUnreadable as error:
        raise PeopleImportRefused([RowError(0, str(error))]) from error
    if parsed.errors:
        raise PeopleImportRefused(parsed.errors)
    created = []
    for row in parsed.rows:
        unit = units[row.pop("unit_code")]
        created.append(create_person(actor=actor, unit=unit, **row))
    return created
