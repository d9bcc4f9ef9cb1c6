"""The business actions of plans: one function per action, in a transaction, with its
permission check (plans/permissions.py) and its audit entry.

Reading stays in `selectors`, `importing` (the document), `tracking` (who reports, who owes
a plan), `reminders` (what is due) and `feeds` (whose feed); every write is here.
"""

import datetime
import logging
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record, snapshot
from vinhdanh.core.services import save_and_record
from vinhdanh.core.uploads import PLAN_MAX_UNCOMPRESSED, validate_upload
from vinhdanh.core.years import check_year
from vinhdanh.org.models import Unit
from vinhdanh.plans import feeds, importing, reminders, resolution
from vinhdanh.plans.models import (
    FeedToken,
    Notification,
    Plan,
    PlanImport,
    ProgressReport,
    Reminder,
    ReportAttachment,
    Task,
    UnitPlanState,
    UnitPlanSubmission,
    UnitPlanTransition,
)
from vinhdanh.plans.reminder_rules import DueReminder, due_reminders
from vinhdanh.plans.tracking import expected_units, reporting_units
from vinhdanh.plans.workflows import SUBMIT, UNIT_PLANS
from vinhdanh.workflow.engine import transition
from vinhdanh.workflow.permissions import allows, require

logger = logging.getLogger(__name__)
MAX_ATTACHMENTS = 10


# -- importing the council's plan -------------------------------------------------------
@transaction.atomic
def preview_import(*, actor, filename: str, content: bytes) -> PlanImport:
    """Read an uploaded plan and keep it for the preview; nothing of the plan is saved yet."""
    require(actor, "plans.import_plan")
    validate_upload(
        filename,
        content,
        allowed=importing.PLAN_FILE_KINDS,
        max_uncompressed=PLAN_MAX_UNCOMPRESSED,
    )
    parsed = importing.parse_plan_bytes(content, filename, importing.council_for(actor))
    draft = PlanImport(original_name=filename[:255], parsed=parsed, created_by=actor)
    draft.file.save(filename, ContentFile(content), save=False)
    draft.save()
    # The parsed document stays out of the entry: what was read is in the draft itself.
    record(
        actor=actor,
        action="plans.plan_import.preview",
        instance=draft,
        after={
            "original_name": draft.original_name,
            "number": parsed["number"],
            "year": parsed["year"],
            "tasks": len(parsed["tasks"]),
        },
    )
    return draft


@transaction.atomic
def confirm_import(
    *, actor, draft: PlanImport, choices: dict[str, str], update: bool = False
) -> Plan:
    """Save the previewed plan once the staff has decided every unmatched unit name."""
    require(actor, "plans.import_plan")
    # Two confirmations of one preview at once: the second waits here, then sees the first.
    draft = PlanImport.objects.select_for_update().get(pk=draft.pk)
    if draft.created_by_id != actor.pk:
        raise ValidationError(_("Bản xem trước này không phải của bạn."))
    if draft.plan_id:
        raise ValidationError(_("Bản xem trước này đã được xác nhận."))
    try:
        unit_of_name = resolution.apply_choices(draft.parsed["names"], choices)
    except KeyError as error:
        names = "; ".join(error.args[0])
        raise ValidationError(
            _("Còn tên đơn vị chưa được xử lý (chọn đơn vị hoặc giữ nguyên dạng chữ): %(names)s")
            % {"names": names}
        ) from None
    plan = save_parsed_plan(
        actor=actor, parsed=draft.parsed, unit_of_name=unit_of_name, update=update
    )
    draft.plan = plan
    draft.save(update_fields=["plan"])
    return plan


@transaction.atomic
def save_parsed_plan(
    *,
    actor,
    parsed: dict,
    unit_of_name: dict[str, int | None],
    update: bool = False,
    audit: bool = True,
    council=None,
) -> Plan:
    """Create the plan and its tasks, or update the plan of the same number and year.

    Callers check permissions (`confirm_import`) or run as the operator (the command);
    only the demo loader, which writes no history for any of its data, passes audit=False.
    """
    check_year(parsed["year"])  # a typo in the document (20221) is refused, not stored
    plan = (
        Plan.objects.select_for_update()
        .filter(number=parsed["number"], year=parsed["year"])
        .first()
    )
    if plan is not None and not update:
        raise ValidationError(
            _(
                "Kế hoạch số %(number)s năm %(year)s đã có trong hệ thống. "
                "Chọn “Cập nhật kế hoạch đã có” nếu muốn cập nhật."
            )
            % {"number": parsed["number"], "year": parsed["year"]}
        )
    before = snapshot(plan)
    if plan is None:
        plan = Plan(
            number=parsed["number"],
            year=parsed["year"],
            # The council the importing user acts for; a command or the demo names it.
            council=council or importing.council_for(actor),
            imported_by=actor if getattr(actor, "pk", None) else None,
        )
    for key, value in importing.plan_header(parsed).items():
        setattr(plan, key, value)
    plan.full_clean()
    plan.save()
    _save_tasks(plan, parsed, unit_of_name)
    if audit:
        # One entry for the plan and all its tasks: the tasks are the document's appendix.
        record(
            actor=actor,
            action="plans.plan.update" if before else "plans.plan.import",
            instance=plan,
            before=before,
            after=snapshot(plan),
            note=_("%(count)s nhiệm vụ") % {"count": len(parsed["tasks"])},
        )
    return plan


# bulk_update writes one CASE per field over its batch: beyond a few hundred rows a batch
# costs more to evaluate than another round trip.
UPDATE_BATCH = 100


def _save_tasks(plan: Plan, parsed: dict, unit_of_name) -> None:
    """Save the document's tasks in a handful of queries whatever their number: a plan of a
    province has thousands, and one INSERT per task and per unit list took seconds. A new
    version of the plan writes only the tasks and unit links that changed."""
    existing = {(task.section, task.number, task.position): task for task in plan.tasks.all()}
    by_key = {(task.section, task.number): task for task in existing.values()}
    kept: set[int] = set()
    names = parsed.get("names", {})
    created, changed, wanted = [], [], []
    field_names: list[str] = []
    for item in parsed["tasks"]:
        fields, lead_ids, coord_ids = importing.task_fields(item, unit_of_name, names)
        field_names = list(fields)
        task = existing.get((fields["section"], fields["number"], fields["position"]))
        task = task or by_key.get((fields["section"], fields["number"]))
        if task is None or task.pk in kept:
            task = Task(plan=plan)
        differs = any(getattr(task, key) != value for key, value in fields.items())
        for key, value in fields.items():
            setattr(task, key, value)
        task.full_clean(exclude=["plan"], validate_unique=False)
        if task.pk is None:
            created.append(task)
        else:
            kept.add(task.pk)
            if differs:
                changed.append(task)
        wanted.append((task, lead_ids, coord_ids))
    if changed:
        Task.objects.bulk_update(changed, field_names, batch_size=UPDATE_BATCH)
    Task.objects.bulk_create(created)
    kept |= {task.pk for task in created}
    _link_units(plan, Task.lead_units.through, [(task.pk, lead) for task, lead, _ in wanted])
    _link_units(
        plan,
        Task.coordinating_units.through,
        [(task.pk, coordinating) for task, _, coordinating in wanted],
    )
    # Tasks gone from the new version go too, unless units already reported on them.
    gone = plan.tasks.exclude(pk__in=kept)
    reported = list(gone.filter(reports__isnull=False).distinct())
    flagged = []
    for task in reported:
        if importing.REMOVED_FROM_DOCUMENT not in task.flags:
            task.flags = [*task.flags, importing.REMOVED_FROM_DOCUMENT]
            flagged.append(task)
    if flagged:
        Task.objects.bulk_update(flagged, ["flags"])
    gone.exclude(pk__in=[task.pk for task in reported]).delete()


def _link_units(plan: Plan, through, unit_ids_of: list[tuple[int, list[int]]]) -> None:
    """Each listed task's units become exactly the given ones (what `.set()` did), adding
    and removing only the links that differ."""
    listed = {task_id for task_id, _ in unit_ids_of}
    wanted = {(task_id, unit_id) for task_id, ids in unit_ids_of for unit_id in ids}
    current = {
        (task_id, unit_id): pk
        for pk, task_id, unit_id in through.objects.filter(task__plan=plan).values_list(
            "pk", "task_id", "unit_id"
        )
        if task_id in listed
    }
    stale = [pk for pair, pk in current.items() if pair not in wanted]
    if stale:
        through.objects.filter(pk__in=stale).delete()
    through.objects.bulk_create(
        [through(task_id=t, unit_id=u) for t, u in sorted(wanted) if (t, u) not in current]
    )


# -- progress on tasks ------------------------------------------------------------------
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
    require(actor, "plans.report_progress", task)
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
    record(
        actor=actor,
        action="plans.report.submit",
        instance=report,
        after={**snapshot(report), "attachments": [name[:255] for name, _content in files]},
        note=str(task),
    )
    _advance_task(actor, task, today, done)
    return report


def _advance_task(actor, task: Task, today: datetime.date, done: bool) -> None:
    """A report starts the task; a report marked done completes it (once)."""
    before = snapshot(task)
    task.started_on = task.started_on or today
    if done and task.done_on is None:
        task.done_on = today
    if snapshot(task) == before:
        return
    task.save(update_fields=["started_on", "done_on"])
    action = "plans.task.done" if task.done_on and not before["done_on"] else "plans.task.progress"
    record(actor=actor, action=action, instance=task, before=before, after=snapshot(task))


@transaction.atomic
def reopen_task(*, actor, task: Task) -> Task:
    """The standing office takes back a "done" that was not done."""
    require(actor, "plans.reopen_task", task)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.done_on is None:
        raise ValidationError(_("Nhiệm vụ này chưa hoàn thành, không cần mở lại."))
    before = snapshot(task)
    task.done_on = None
    task.save(update_fields=["done_on"])
    record(
        actor=actor, action="plans.task.reopen", instance=task, before=before, after=snapshot(task)
    )
    return task


# -- units' own plans -------------------------------------------------------------------
@transaction.atomic
def submit_unit_plan(
    *,
    actor,
    plan: Plan,
    unit: Unit,
    filename: str,
    content: bytes,
    note: str = "",
    expected_version: int | None = None,
) -> UnitPlanSubmission:
    """A unit sends its own plan, or sends it again until the office accepts it.

    The date sent is kept for lateness; the note goes into the history row of the sending.
    """
    existing = UnitPlanSubmission.objects.filter(plan=plan, unit=unit).first()
    require(actor, "plans.submit_unit_plan", existing or UnitPlanSubmission(plan=plan, unit=unit))
    if not expected_units(plan).filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị này không thuộc diện gửi kế hoạch cho Hội đồng."))
    kind = validate_upload(filename, content)
    sent = {
        "original_name": filename[:255],
        "kind": kind,
        "submitted_on": timezone.localdate(),
        "submitted_by": actor,
    }
    if existing is not None:
        return _send_again(actor, existing, filename, content, note, expected_version, sent)
    submission = UnitPlanSubmission(plan=plan, unit=unit, **sent)
    submission.file.save(filename, ContentFile(content), save=False)
    save_and_record(actor=actor, instance=submission, action="plans.unit_plan.submit")
    # The first sending creates the row: it moves from no state, so the engine has no part.
    UnitPlanTransition.objects.create(
        submission=submission,
        action=SUBMIT,
        from_state="",
        to_state=UnitPlanState.SUBMITTED,
        actor=actor,
        note=(note or "").strip(),
    )
    return submission


def _send_again(actor, submission, filename, content, note, expected_version, sent):
    stored = submission.file
    old, storage = stored.name, stored.storage
    new = storage.save(stored.field.generate_filename(submission, filename), ContentFile(content))
    try:
        moved = transition(
            UNIT_PLANS,
            actor,
            submission,
            "resubmit",
            note=note,
            expected_version=expected_version,
            file=new,
            **sent,
        )
    except Exception:
        # Refused (accepted already, a stale page ...): the new file has no row.
        storage.delete(new)
        raise
    # The engine writes with UPDATE, past django-cleanup: the replaced file goes on commit.
    transaction.on_commit(lambda: storage.delete(old))
    return moved


@transaction.atomic
def accept_unit_plan(
    *, actor, submission: UnitPlanSubmission, note: str = "", expected_version=None
) -> UnitPlanSubmission:
    return transition(
        UNIT_PLANS, actor, submission, "accept", note=note, expected_version=expected_version
    )


@transaction.atomic
def return_unit_plan(
    *, actor, submission: UnitPlanSubmission, note: str, expected_version=None
) -> UnitPlanSubmission:
    """The office sends the unit's plan back with its reason; the unit sends it again."""
    return transition(
        UNIT_PLANS, actor, submission, "return", note=note, expected_version=expected_version
    )


# -- calendar feeds ---------------------------------------------------------------------
@transaction.atomic
def create_feed_token(*, actor, unit: Unit, now: datetime.datetime | None = None) -> feeds.NewFeed:
    now = now or timezone.now()
    if not allows(actor, "plans.subscribe_unit_feed", unit):
        raise PermissionDenied(_("Bạn không thể tạo lịch hạn cho đơn vị này."))
    active = feeds.tokens_of(actor).filter(revoked_at__isnull=True, expires_at__gt=now)
    if active.count() >= feeds.MAX_ACTIVE_PER_USER:
        raise ValidationError(
            _("Bạn đã có %(count)s liên kết lịch hạn đang dùng; hãy thu hồi bớt trước khi tạo mới.")
            % {"count": feeds.MAX_ACTIVE_PER_USER}
        )
    secret = secrets.token_urlsafe(32)
    token = FeedToken.objects.create(
        owner=actor,
        unit=unit,
        token_hash=feeds.token_hash(secret),
        prefix=secret[:6],
        expires_at=now + datetime.timedelta(days=settings.FEED_TOKEN_DAYS),
    )
    # The hash stays out of the audit log: the log is read more widely than the table.
    record(
        actor=actor,
        action="plans.feed_token.create",
        instance=token,
        after={"unit": unit.pk, "prefix": token.prefix, "expires_at": token.expires_at.isoformat()},
    )
    return feeds.NewFeed(token=token, secret=secret)


@transaction.atomic
def revoke_feed_token(
    *, actor, token: FeedToken, now: datetime.datetime | None = None
) -> FeedToken:
    now = now or timezone.now()
    token = FeedToken.objects.select_for_update().get(pk=token.pk)
    if not allows(actor, "plans.revoke_feed_token", token):
        raise PermissionDenied(_("Bạn chỉ thu hồi được liên kết lịch hạn của chính mình."))
    if token.revoked_at is not None:
        raise ValidationError(_("Liên kết này đã được thu hồi trước đó."))
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    record(
        actor=actor,
        action="plans.feed_token.revoke",
        instance=token,
        before={"revoked_at": None},
        after={"revoked_at": now.isoformat()},
    )
    return token


# -- notifications and reminders --------------------------------------------------------
@transaction.atomic
def mark_notifications_read(*, actor) -> int:
    """The user's unread notifications become read; one entry says which."""
    unread = list(Notification.objects.filter(user=actor, read=False).values_list("pk", flat=True))
    if not unread:
        return 0
    Notification.objects.filter(pk__in=unread).update(read=True)
    record(
        actor=actor,
        action="plans.notification.read_all",
        instance=actor,
        after={"notifications": unread},
    )
    return len(unread)


def _deliver(unit_id: int, message: reminders.Message) -> int:
    users = reminders.recipients(unit_id)
    Notification.objects.bulk_create(
        Notification(user=user, text=message.text[:500], url=message.url) for user in users
    )
    emails = [user.email for user in users if user.email]
    if emails:
        body = f"{message.text}\n\n{message.url}"
        send_mail(_("[Vinh Danh] Nhắc việc kế hoạch thi đua"), body, None, emails)
    return len(users)


def _send(item: DueReminder, *, plan_id: int, task: Task | None, message) -> bool:
    try:
        with transaction.atomic():
            # The log row comes first: a parallel worker sending the same event stops here.
            reminder = Reminder.objects.create(
                plan_id=plan_id,
                task=task,
                unit_id=item.unit_id,
                kind=item.kind,
                deadline=item.deadline,
            )
            reminder.recipients = _deliver(item.unit_id, message)
            reminder.save(update_fields=["recipients"])
            # One entry per event covers its notifications; sent by the system, not a person.
            record(
                actor=None,
                action="plans.reminder.send",
                instance=reminder,
                after=snapshot(reminder),
                note=message.text[:500],
            )
    except IntegrityError:
        return False
    except OSError:
        # The mail server is down: the event is rolled back and retried on the next run.
        logger.exception("plan reminder not sent: %s", item)
        return False
    return True


def send_plan_reminders(today=None) -> int:
    """Send every due reminder not sent before; returns how many events were sent.

    Each event is its own transaction, so one failed mail does not hold back the others.
    """
    today = today or timezone.localdate()
    days = reminders.days_before()
    sent = 0
    done = reminders.already_sent(task_events=True)
    for item in due_reminders(reminders.open_tasks(), today, days):
        if (item.task_id, item.unit_id, item.kind, item.deadline) in done:
            continue
        task = Task.objects.get(pk=item.task_id)
        message = reminders.task_message(task, item.kind)
        sent += _send(item, plan_id=task.plan_id, task=task, message=message)
    done = reminders.already_sent(task_events=False)
    for item in due_reminders(reminders.open_unit_plans(), today, days):
        if (item.task_id, item.unit_id, item.kind, item.deadline) in done:
            continue
        plan = Plan.objects.get(pk=item.task_id)
        message = reminders.unit_plan_message(plan, item.kind)
        sent += _send(item, plan_id=plan.pk, task=None, message=message)
    return sent
