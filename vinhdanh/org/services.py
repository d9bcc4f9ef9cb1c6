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
from vinhdanh.org.people_import import (
    PEOPLE_FILE_MAX_BYTES,
    ImportPlan,
    parse_people_workbook,
    person_values,
    plan_import,
)
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


def _read_people_file(actor, filename: str, content: bytes) -> tuple[list[dict], dict, dict]:
    """The checked rows of a workbook, the units the actor may add to, the stored people.

    A code already in the registry is an update when the actor may change that person, and
    refused as taken when the person is outside the actor's scope.
    """
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
        parsed = parse_people_workbook(content, unit_codes=set(units), existing_codes=set())
        if parsed.errors:
            raise PeopleImportRefused(parsed.errors)
        changeable, taken = _stored_people(actor, [row["code"] for row in parsed.rows])
        if taken:
            # Read again naming the codes of people outside the actor's scope: their rows
            # are refused with their Excel row numbers.
            parsed = parse_people_workbook(content, unit_codes=set(units), existing_codes=taken)
            raise PeopleImportRefused(parsed.errors)
    except WorkbookUnreadable as error:
        raise PeopleImportRefused([RowError(0, str(error))]) from error
    return parsed.rows, units, changeable


def _stored_people(actor, codes: list[str]) -> tuple[dict[str, Person], set[str]]:
    """The people of these codes the actor may change, and the codes taken by the others."""
    changeable = {
        person.code: person
        for person in access.scope_queryset(
            actor, Person.objects.filter(code__in=codes).select_related("unit"), "change"
        )
    }
    taken = set(Person.objects.filter(code__in=codes).values_list("code", flat=True))
    return changeable, taken - set(changeable)


def preview_people_import(*, actor, filename: str, content: bytes) -> ImportPlan:
    """What the workbook would add and change, writing nothing (the page shows it first)."""
    require(actor, "org.import_people")
    rows, _units, stored = _read_people_file(actor, filename, content)
    return plan_import(rows, {code: person_values(p) for code, p in stored.items()})


@transaction.atomic
def apply_people_import(*, actor, plan: ImportPlan) -> tuple[list[Person], list[Person]]:
    """Add and update the people of a previewed plan, or nothing when anything moved since.

    Each update names the values the preview showed: a person changed by someone else in
    between refuses the whole file (it is previewed again), so no change is applied blind.
    """
    require(actor, "org.import_people")
    units = {unit.code: unit for unit in access.scope_queryset(actor, Unit.objects.all(), "change")}
    rows = plan.creates + [{"code": change.code} for change in plan.updates]
    errors = [
        RowError(0, f"Không có đơn vị mã “{row['unit_code']}” (hoặc đơn vị ngoài phạm vi của bạn).")
        for row in plan.creates
        if row["unit_code"] not in units
    ]
    stored, taken = _stored_people(actor, [row["code"] for row in rows])
    errors += [RowError(0, f"Mã cá nhân “{code}” đã có trong hệ thống.") for code in sorted(taken)]
    for row in plan.creates:
        if row["code"] in stored:
            errors.append(RowError(0, f"Mã cá nhân “{row['code']}” vừa được thêm bởi người khác."))
    for change in plan.updates:
        person = stored.get(change.code)
        now = person_values(person) if person else {}
        if person is None or any(
            now[key] != before for key, (before, _after) in change.changes.items()
        ):
            errors.append(
                RowError(0, f"Cá nhân “{change.code}” vừa được người khác sửa; hãy xem trước lại.")
            )
        for key, (_before, after) in change.changes.items():
            if key == "unit_code" and after not in units:
                errors.append(
                    RowError(
                        0, f"Không có đơn vị mã “{after}” (hoặc đơn vị ngoài phạm vi của bạn)."
                    )
                )
    if errors:
        raise PeopleImportRefused(errors)
    created = []
    for row in plan.creates:
        fields = dict(row)
        unit = units[fields.pop("unit_code")]
        created.append(create_person(actor=actor, unit=unit, **fields))
    updated = []
    for change in plan.updates:
        fields = {key: after for key, (_before, after) in change.changes.items()}
        if "unit_code" in fields:
            fields["unit"] = units[fields.pop("unit_code")]
        person = Person.objects.select_for_update().get(pk=stored[change.code].pk)
        updated.append(update_person(actor=actor, person=person, **fields))
    return created, updated


@transaction.atomic
def import_people(*, actor, filename: str, content: bytes) -> list[Person]:
    """Add and update every person of the workbook at once, or none when any row is bad."""
    plan = preview_people_import(actor=actor, filename=filename, content=content)
    created, updated = apply_people_import(actor=actor, plan=plan)
    return created + updated
