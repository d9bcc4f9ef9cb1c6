"""Drafting a nomination, its attachments, and sending it to the standing office."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.eligibility import require_valid_input
from vinhdanh.awards.models import Attachment, Nomination
from vinhdanh.awards.workflows import NOMINATIONS
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.core.years import check_year
from vinhdanh.workflow.engine import lock, save_versioned, transition
from vinhdanh.workflow.permissions import require

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def _check_choice(*, title, basis, year, person, collective) -> None:
    check_year(year)  # before the title's dates are read for that year
    errors = {}
    if (person is None) == (collective is None):
        errors["person"] = _("Chọn đúng một đối tượng: một cá nhân hoặc một tập thể.")
    kind = "person" if person is not None else "collective"
    if title is not None:
        if kind not in title.subjects:
            errors["title"] = _("“%(title)s” không dành cho %(kind)s.") % {
                "title": title.name,
                "kind": _("cá nhân") if kind == "person" else _("tập thể"),
            }
        elif not title.is_active or not title.in_force(datetime.date(year, 12, 31)):
            errors["title"] = _("“%(title)s” không còn hiệu lực trong năm %(year)s.") % {
                "title": title.name,
                "year": year,
            }
        elif basis is not None and not title.award_bases.filter(pk=basis.pk).exists():
            errors["basis"] = _("“%(title)s” không xét theo loại hình “%(basis)s”.") % {
                "title": title.name,
                "basis": basis.name,
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_nomination(
    actor,
    *,
    title,
    basis,
    year: int,
    achievements: str,
    person=None,
    collective=None,
    event: str = "",
    batch=None,
) -> Nomination:
    require(actor, "awards.propose_nomination")
    _check_choice(title=title, basis=basis, year=year, person=person, collective=collective)
    unit = person.unit if person is not None else collective
    require(actor, "awards.create_nomination", unit)
    nomination = Nomination(
        unit=unit,
        person=person,
        collective=collective,
        title=title,
        basis=basis,
        year=year,
        event=event,
        achievements=achievements,
        batch=batch,
        created_by=actor,
    )
    # Facts the engine refuses (the CLI's and the API's message) are refused here too.
    require_valid_input(nomination)
    return save_and_record(actor=actor, instance=nomination, action="awards.nomination.create")


@transaction.atomic
def update_nomination(actor, nomination: Nomination, *, expected_version=None, **changes):
    require(actor, "awards.edit_nomination", nomination)
    current = lock(NOMINATIONS, nomination, expected_version)
    if not current.is_editable:
        raise ValidationError(_("Chỉ sửa được hồ sơ dự thảo hoặc hồ sơ bị trả lại."))
    allowed = {"title", "basis", "year", "event", "achievements"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(_("Không sửa được trường: %s") % ", ".join(sorted(unknown)))
    merged = {field: changes.get(field, getattr(current, field)) for field in allowed}
    _check_choice(
        title=merged["title"],
        basis=merged["basis"],
        year=merged["year"],
        person=current.person,
        collective=current.collective,
    )
    if not str(merged["achievements"]).strip():
        raise ValidationError({"achievements": _("Cần nhập tóm tắt thành tích.")})
    draft = Nomination(
        unit=current.unit,
        person=current.person,
        collective=current.collective,
        **{field: merged[field] for field in ("title", "basis", "year")},
    )
    require_valid_input(draft)
    before = snapshot(current)
    save_versioned(NOMINATIONS, current, **changes)
    record(
        actor=actor,
        action="awards.nomination.update",
        instance=current,
        before=before,
        after=snapshot(current),
    )
    return current


@transaction.atomic
def add_attachment(actor, nomination: Nomination, *, component, filename: str, content: bytes):
    require(actor, "awards.add_attachment", nomination)
    current = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not current.is_editable:
        raise ValidationError(_("Chỉ bổ sung tệp khi hồ sơ là dự thảo hoặc bị trả lại."))
    if not current.title.title_components.filter(component=component).exists():
        raise ValidationError(
            _("Thành phần “%(name)s” không thuộc hồ sơ “%(title)s”.")
            % {"name": component.name, "title": current.title.name}
        )
    kind = validate_upload(filename, content, max_bytes=MAX_ATTACHMENT_BYTES)
    safe_name = filename.replace("/", "_").replace("\\", "_")[-120:]
    attachment = Attachment(
        nomination=current,
        component=component,
        original_name=safe_name,
        file_kind=kind,
        size=len(content),
        uploaded_by=actor,
    )
    attachment.file.save(safe_name, ContentFile(content), save=False)
    attachment.save()
    record(
        actor=actor, action="awards.attachment.add", instance=attachment, after=snapshot(attachment)
    )
    return attachment


@transaction.atomic
def submit_nomination(actor, nomination: Nomination, *, expected_version=None) -> Nomination:
    return transition(NOMINATIONS, actor, nomination, "submit", expected_version=expected_version)


@transaction.atomic
def resubmit_nomination(
    actor, nomination: Nomination, *, expected_version=None, note: str = ""
) -> Nomination:
    return transition(
        NOMINATIONS, actor, nomination, "resubmit", note=note, expected_version=expected_version
    )
