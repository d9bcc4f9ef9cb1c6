"""Recording the facts the rules read: one function per kind of fact."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.audit.services import snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating
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
