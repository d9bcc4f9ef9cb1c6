"""Reporting progress on tasks and sending units' own plans."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.accounts import access
from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import validate_upload
from vinhdanh.org.models import Unit
from vinhdanh.plans.models import (
    Plan,
    ProgressReport,
    ReportAttachment,
    Task,
    UnitPlanSubmission,
)

MAX_ATTACHMENTS = 10


def reporting_units(user, task: Task) -> list[Unit]:
    """Units the user may report for on this task: a lead unit of theirs, or any unit when
    the plan gives the task to a group ("Các đơn vị thuộc Quận")."""
    role = access.role_of(user)
    leads = list(task.lead_units.all())
    if role in access.ORGANISATION_WIDE_EDITORS:
        return leads or ([user.unit] if user.unit_id else [])
    if role not in access.UNIT_SCOPED_EDITORS or not user.unit_id:
        return []
    own = [unit for unit in leads if unit.path.startswith(user.unit.path)]
    if own:
        return own
    return [user.unit] if task.lead_is_group else []


@transaction.atomic
def submit_report(
    *,
    actor,
    task: Task,
    unit: Unit,
    text: str,
    percent: int = 0,
    done: bool = False,
    files: list[tuple[str, bytes]] = (),
) -> ProgressReport:
    """A lead unit reports progress; a report marked done completes the task today."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    if unit not in reporting_units(actor, task):
        raise PermissionDenied(_("Đơn vị của bạn không chủ trì nhiệm vụ này."))
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Hãy ghi nội dung báo cáo."))
    if not 0 <= int(percent) <= 100:
        raise ValidationError(_("Tiến độ phải từ 0 đến 100%."))
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError(_("Tối đa %(n)s tệp đính kèm.") % {"n": MAX_ATTACHMENTS})
    kinds = [validate_upload(name, content) for name, content in files]
    today = timezone.localdate()
    report = ProgressReport.objects.create(
        task=task,
        unit=unit,
        author=actor,
        reported_on=today,
        percent=100 if done else int(percent),
        is_done=done,
        text=text,
    )
    for (name, content), kind in zip(files, kinds, strict=True):
        attachment = ReportAttachment(
            report=report, original_name=name[:255], kind=kind, size=len(content)
        )
        attachment.file.save(name, ContentFile(content), save=True)
    before = snapshot(task)
    task.started_on = task.started_on or today
    if done and task.done_on is None:
        task.done_on = today
    task.save(update_fields=["started_on", "done_on"])
    record(
        actor=actor,
        action="plans.report.submit",
        instance=report,
        after=snapshot(report),
        note=str(task),
    )
    if before != snapshot(task):
        record(
            actor=actor,
            action="plans.task.progress",
            instance=task,
            before=before,
            after=snapshot(task),
        )
    return report


@transaction.atomic
def reopen_task(*, actor, task: Task) -> Task:
    """The standing office takes back a "done" that was not done."""
    access.require_role(actor, *access.ORGANISATION_WIDE_EDITORS)
    before = snapshot(task)
    task.done_on = None
    task.save(update_fields=["done_on"])
    record(
        actor=actor, action="plans.task.reopen", instance=task, before=before, after=snapshot(task)
    )
    return task


def expected_units(plan: Plan):
    """Units that owe the council their own plan: the council unit's direct sub-units."""
    if plan.council_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(parent_id=plan.council.unit_id, is_active=True)


@transaction.atomic
def submit_unit_plan(
    *, actor, plan: Plan, unit: Unit, filename: str, content: bytes, note: str = ""
) -> UnitPlanSubmission:
    """A unit sends (or replaces) its own plan; the date sent is kept for lateness."""
    access.require(actor, access.VIEW, plan)
    access.require_create_in(actor, unit)
    if not expected_units(plan).filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị này không thuộc diện gửi kế hoạch cho Hội đồng."))
    kind = validate_upload(filename, content)
    submission = UnitPlanSubmission.objects.filter(plan=plan, unit=unit).first()
    before = snapshot(submission)
    submission = submission or UnitPlanSubmission(plan=plan, unit=unit)
    submission.original_name = filename[:255]
    submission.kind = kind
    submission.submitted_on = timezone.localdate()
    submission.submitted_by = actor
    submission.note = note[:500]
    submission.file.save(filename, ContentFile(content), save=False)
    return save_and_record(
        actor=actor, instance=submission, action="plans.unit_plan.submit", before=before
    )
