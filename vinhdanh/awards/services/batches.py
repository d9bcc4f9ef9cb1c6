"""A unit's batch of nominations and its generated submission letter (tờ trình)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.awards.authority import batch_refusal
from vinhdanh.awards.documents_out import submission_letter
from vinhdanh.awards.guards import event_date_refusal
from vinhdanh.awards.models import Batch, Nomination, State
from vinhdanh.awards.services.nominations import submit_nomination
from vinhdanh.core.years import check_year
from vinhdanh.workflow.permissions import require


@transaction.atomic
def create_batch(actor, *, unit, year: int, name: str, nominations=()) -> Batch:
    require(actor, "awards.create_batch", unit)
    check_year(year)
    batch = Batch(unit=unit, year=year, name=name.strip(), created_by=actor)
    batch.full_clean()
    batch.save()
    nominations = list(nominations)
    for nomination in nominations:
        _attach(actor, batch, nomination)
    # The one entry of the batch names the nominations put in it.
    attached = sorted(n.pk for n in nominations)
    record(
        actor=actor,
        action="awards.batch.create",
        instance=batch,
        after={**snapshot(batch), "nominations": attached},
    )
    return batch


def _attach(actor, batch: Batch, nomination: Nomination) -> None:
    require(actor, "awards.edit_nomination", nomination)
    if nomination.state != State.DRAFT:
        raise ValidationError(_("Chỉ đưa hồ sơ dự thảo vào đợt đề nghị."))
    if not nomination.unit.path.startswith(batch.unit.path):
        raise ValidationError(_("Hồ sơ không thuộc đơn vị của đợt đề nghị."))
    Nomination.objects.filter(pk=nomination.pk).update(batch=batch)


@transaction.atomic
def submit_batch(
    actor, batch: Batch, *, letter_number: str = "", letter_date: datetime.date | None = None
) -> Batch:
    """Submit every draft of the batch at once with its letter; one missing part stops all.

    `letter_date` is the day the tờ trình is signed, as the clerk typed it (the pages ask
    for it); without it (the demo, a command) the letter is dated today.
    """
    require(actor, "awards.submit_batch", batch)
    refusal = letter_date and event_date_refusal(
        letter_date, today=timezone.localdate(), field="letter_date", what=_("ngày tờ trình")
    )
    if refusal:
        raise ValidationError(refusal)
    if batch.submitted_at is not None:
        raise ValidationError(_("Đợt đề nghị này đã được gửi."))
    drafts = list(batch.nominations.filter(state=State.DRAFT).select_related("title"))
    if not drafts:
        raise ValidationError(_("Đợt đề nghị chưa có hồ sơ dự thảo nào."))
    problems = []
    today = timezone.localdate()
    for nomination in drafts:
        refusal = batch_refusal(nomination.title, today)
        if refusal:
            problems.append(f"{nomination.subject_name}: {refusal}")
            continue
        try:
            submit_nomination(actor, nomination)
        except ValidationError as error:
            problems.append(f"{nomination.subject_name}: {' '.join(error.messages)}")
    if problems:
        raise ValidationError(problems)
    before = snapshot(batch)
    batch.letter_number = letter_number.strip()
    batch.submitted_at = timezone.now()
    content = submission_letter(
        batch,
        list(
            batch.nominations.select_related(
                "person__unit", "collective__parent", "title"
            ).order_by("pk")
        ),
        day=letter_date,
    )
    batch.letter.save(f"to-trinh-{batch.pk}.docx", ContentFile(content), save=False)
    batch.save()
    record(
        actor=actor,
        action="awards.batch.submit",
        instance=batch,
        before=before,
        after=snapshot(batch),
    )
    return batch
