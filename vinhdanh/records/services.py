"""Recording the facts the rules read: one function per kind of fact."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import (
    IMPORT_MAX_UNCOMPRESSED,
    SPREADSHEET,
    UploadRejected,
    validate_upload,
)
from vinhdanh.core.workbook import WorkbookUnreadable
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.importing import (
    RECORDS_FILE_MAX_BYTES,
    CellError,
    parse_records_workbook,
)
from vinhdanh.records.models import (
    RECORD_KINDS,
    DisciplineRecord,
    Initiative,
    PastAward,
    Rating,
    RecordImport,
)
from vinhdanh.workflow.permissions import allows


def _owner(fields: dict):
    person, unit = fields.get("person"), fields.get("unit")
    return person.unit if person is not None else unit


def _require_recording(actor, fields: dict) -> None:
    if not allows(actor, "records.record_fact", _owner(fields)):
        raise PermissionDenied(_("Bạn không có quyền thêm dữ liệu cho đơn vị này."))


@transaction.atomic
def record_rating(*, actor, year: int, level: str, person=None, unit=None) -> Rating:
    """Set the year's rating of a person or collective (one per year: a second call updates it)."""
    _require_recording(actor, {"person": person, "unit": unit})
    existing = Rating.objects.filter(person=person, unit=unit, year=year).first()
    if existing is not None:
        before = snapshot(existing)
        existing.level = level
        return save_and_record(
            actor=actor, instance=existing, action="records.rating.update", before=before
        )
    rating = Rating(person=person, unit=unit, year=year, level=level)
    return save_and_record(actor=actor, instance=rating, action="records.rating.create")


@transaction.atomic
def record_past_award(*, actor, **fields) -> PastAward:
    _require_recording(actor, fields)
    return save_and_record(actor=actor, instance=PastAward(**fields), action="records.award.create")


@transaction.atomic
def record_initiative(*, actor, **fields) -> Initiative:
    _require_recording(actor, fields)
    return save_and_record(
        actor=actor, instance=Initiative(**fields), action="records.initiative.create"
    )


@transaction.atomic
def record_discipline(*, actor, **fields) -> DisciplineRecord:
    _require_recording(actor, fields)
    return save_and_record(
        actor=actor, instance=DisciplineRecord(**fields), action="records.discipline.create"
    )


# -- records kept by the units themselves (pages and imports) -------------------------
_ACTION_NAMES = {"ratings": "rating", "initiatives": "initiative", "discipline": "discipline"}
# What each kind's form and import may set, beyond its subject and year.
KIND_FIELDS = {
    "ratings": ("level",),
    "initiatives": ("name", "scope", "recognised_by", "decision_number", "decision_date"),
    "discipline": ("form", "decision_number", "decision_date", "until"),
}


def _kind_of(instance) -> str:
    return next(kind for kind, model in RECORD_KINDS.items() if isinstance(instance, model))


def _duplicate_rating(rating: Rating) -> None:
    others = Rating.objects.filter(
        person=rating.person, unit=rating.unit, year=rating.year
    ).exclude(pk=rating.pk)
    if others.exists():
        raise ValidationError(
            {
                "year": _("%(subject)s đã có xếp loại năm %(year)d; hãy sửa dòng đó.")
                % {"subject": rating.subject, "year": rating.year}
            }
        )


@transaction.atomic
def save_record(*, actor, kind: str, instance=None, person=None, unit=None, year: int, **fields):
    """Add a record of `kind` (ratings, initiatives, discipline) or change `instance`.

    Refused unless the actor may record for the subject's unit; on a change, for the unit
    the record belonged to as well (a record cannot be moved out of another unit).
    """
    model = RECORD_KINDS[kind]
    unknown = set(fields) - set(KIND_FIELDS[kind])
    if unknown:
        raise ValueError(f"unknown fields for {kind}: {sorted(unknown)}")
    before = None
    if instance is not None:
        instance = model.objects.select_for_update().get(pk=instance.pk)
        _require_recording(actor, {"person": instance.person, "unit": instance.unit})
        before = snapshot(instance)
    else:
        instance = model()
    if (person is None) == (unit is None):
        raise ValidationError(_("Chọn đúng một đối tượng: một cá nhân hoặc một tập thể."))
    _require_recording(actor, {"person": person, "unit": unit})
    instance.person, instance.unit, instance.year = person, unit, year
    for name, value in fields.items():
        setattr(instance, name, value)
    if kind == "ratings":
        _duplicate_rating(instance)
    verb = "create" if before is None else "update"
    return save_and_record(
        actor=actor,
        instance=instance,
        action=f"records.{_ACTION_NAMES[kind]}.{verb}",
        before=before,
    )


@transaction.atomic
def delete_record(*, actor, instance) -> None:
    kind = _kind_of(instance)
    instance = type(instance).objects.select_for_update().get(pk=instance.pk)
    _require_recording(actor, {"person": instance.person, "unit": instance.unit})
    pk = instance.pk
    before = snapshot(instance)
    instance.delete()
    record(
        actor=actor,
        action=f"records.{_ACTION_NAMES[kind]}.delete",
        instance=instance,
        before=before,
        object_id=str(pk),
    )


class RecordsImportRefused(ValidationError):
    """The workbook was refused whole; `errors` are its CellErrors."""

    def __init__(self, errors: list[CellError]):
        self.errors = errors
        super().__init__(
            _("Tệp bị từ chối: có %(count)d lỗi, chưa nhập dòng nào.") % {"count": len(errors)}
        )


def _resolver(actor):
    """Which of a file's codes name people and units the actor may record for."""

    allowed: dict[int, bool] = {}

    def may_record(unit) -> bool:
        # Asked once per unit: a ward's workbook names hundreds of people of a few units.
        if unit.pk not in allowed:
            allowed[unit.pk] = allows(actor, "records.record_fact", unit)
        return allowed[unit.pk]

    def resolve(person_codes: set[str], unit_codes: set[str]) -> tuple[set[str], set[str]]:
        people = Person.objects.filter(code__in=person_codes).select_related("unit")
        units = Unit.objects.filter(code__in=unit_codes)
        return (
            {p.code for p in access.scope_queryset(actor, people) if may_record(p.unit)},
            {u.code for u in access.scope_queryset(actor, units) if may_record(u)},
        )

    return resolve


@transaction.atomic
def preview_records_import(*, actor, kind: str, filename: str, content: bytes) -> RecordImport:
    """Read and check a workbook of `kind`; keep its rows for the preview. Nothing is saved
    of the records yet; a file with any bad row is refused with every error."""
    if not allows(actor, "records.keep_records"):
        raise PermissionDenied(_("Bạn không có quyền nhập hồ sơ."))
    try:
        validate_upload(
            filename,
            content,
            allowed=SPREADSHEET,
            max_bytes=RECORDS_FILE_MAX_BYTES,
            max_uncompressed=IMPORT_MAX_UNCOMPRESSED,
        )
        parsed = parse_records_workbook(kind, content, resolve=_resolver(actor))
    except UploadRejected as refused:
        raise RecordsImportRefused([CellError(0, "", refused.message)]) from refused
    except WorkbookUnreadable as error:
        raise RecordsImportRefused([CellError(0, "", str(error))]) from error
    if parsed.errors:
        raise RecordsImportRefused(parsed.errors)
    draft = RecordImport.objects.create(
        kind=kind, original_name=filename[:255], rows=parsed.rows, created_by=actor
    )
    record(
        actor=actor,
        action="records.import.preview",
        instance=draft,
        after={"kind": kind, "original_name": draft.original_name},
        note=_("%(count)d dòng") % {"count": len(parsed.rows)},
    )
    return draft


def _subjects(rows: list[dict]) -> tuple[dict, dict]:
    people = Person.objects.filter(code__in={r["person_code"] for r in rows if r["person_code"]})
    units = Unit.objects.filter(code__in={r["unit_code"] for r in rows if r["unit_code"]})
    return (
        {p.code: p for p in people.select_related("unit")},
        {u.code: u for u in units},
    )


@transaction.atomic
def apply_records_import(*, actor, draft: RecordImport) -> int:
    """Save every row of a previewed import, or none: each row is checked again (scope,
    duplicates) as it is saved, and a refused row undoes the whole file."""
    draft = RecordImport.objects.select_for_update().get(pk=draft.pk)
    if draft.created_by_id != actor.pk:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đối tượng này."))
    if draft.applied_at is not None:
        raise ValidationError(_("Tệp này đã được nhập rồi."))
    people, units = _subjects(draft.rows)
    fields_of = KIND_FIELDS[draft.kind]
    for row in draft.rows:
        person, unit = people.get(row["person_code"]), units.get(row["unit_code"])
        if person is None and unit is None:
            raise ValidationError(
                _("Dòng %(row)d: không còn tìm thấy đối tượng “%(code)s”; chưa nhập dòng nào.")
                % {"row": row["row"], "code": row["person_code"] or row["unit_code"]}
            )
        fields = {name: row.get(name) for name in fields_of}
        for name in ("decision_date", "until"):
            if name in fields:
                fields[name] = datetime.date.fromisoformat(fields[name]) if fields[name] else None
        for name in ("recognised_by", "decision_number"):
            if name in fields:
                fields[name] = fields[name] or ""
        existing = None
        if draft.kind == "ratings":
            existing = Rating.objects.filter(person=person, unit=unit, year=row["year"]).first()
        try:
            save_record(
                actor=actor,
                kind=draft.kind,
                instance=existing,
                person=person,
                unit=unit,
                year=row["year"],
                **fields,
            )
        except (PermissionDenied, ValidationError) as refused:
            reason = " ".join(getattr(refused, "messages", None) or [str(refused)])
            raise ValidationError(
                _("Dòng %(row)d: %(reason)s Chưa nhập dòng nào.")
                % {"row": row["row"], "reason": reason}
            ) from refused
    draft.applied_at = timezone.now()
    draft.save(update_fields=["applied_at"])
    record(
        actor=actor,
        action="records.import.apply",
        instance=draft,
        note=_("%(count)d dòng") % {"count": len(draft.rows)},
    )
    return len(draft.rows)
