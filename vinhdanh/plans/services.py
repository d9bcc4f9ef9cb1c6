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
from vinhdanh.documents.deadlines import parse_deadline
from vinhdanh.org.models import Unit
from vinhdanh.plans import feeds, history, importing, reminders, resolution, selectors
from vinhdanh.plans.models import (
    FeedToken,
    Notification,
    Plan,
    PlanChange,
    PlanChangeKind,
    PlanImport,
    ProgressReport,
    Reminder,
    ReminderOutcome,
    ReportAttachment,
    Task,
    TaskAssignment,
    UnitPlanState,
    UnitPlanSubmission,
    UnitPlanTransition,
)
from vinhdanh.plans.reminder_rules import DueReminder, due_reminders
from vinhdanh.plans.status import UnitLine, roll_up
from vinhdanh.plans.tracking import expected_units, group_units, reporting_units
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
    plan.body_text = importing.body_text(parsed)
    plan.closing = importing.closing(parsed)
    plan.full_clean()
    plan.save()
    _save_tasks(plan, parsed, unit_of_name)
    # The imported document is the baseline the living plan is compared against.
    plan.baseline = selectors.plan_states(plan)
    plan.baseline_at = timezone.now()
    plan.save(update_fields=["baseline", "baseline_at"])
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
    _split_group_tasks(plan, [(task, lead) for task, lead, _ in wanted if task.lead_groups])


def _split_group_tasks(plan: Plan, group_tasks: list[tuple[Task, list[int]]]) -> None:
    """Each task led by a group gets one line per unit of the group (and of its own lead
    units), unless it has lines already: those the office chose stay as they are."""
    if not group_tasks:
        return
    has_lines = set(
        TaskAssignment.objects.filter(task__plan=plan).values_list("task_id", flat=True)
    )
    units = list(group_units(plan).values_list("pk", flat=True))
    TaskAssignment.objects.bulk_create(
        [
            TaskAssignment(task_id=task.pk, unit_id=unit_id)
            for task, lead_ids in group_tasks
            if task.pk not in has_lines
            for unit_id in dict.fromkeys([*lead_ids, *units])
        ]
    )


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
    if task.lead_is_group:
        _advance_line(actor, task, unit, today, report.percent, done)
    else:
        _advance_task(actor, task, today, done)
    return report


def _advance_line(actor, task: Task, unit: Unit, today, percent: int, done: bool) -> None:
    """A unit's report moves its own line; the task follows once every line is done."""
    line = TaskAssignment.objects.select_for_update().get(task=task, unit=unit)
    before = snapshot(line)
    line.started_on = line.started_on or today
    line.percent = 100 if done or line.done_on else percent
    if done and line.done_on is None:
        line.done_on = today
    if snapshot(line) != before:
        line.save(update_fields=["started_on", "done_on", "percent"])
        action = (
            "plans.assignment.done"
            if line.done_on and not before["done_on"]
            else "plans.assignment.progress"
        )
        record(actor=actor, action=action, instance=line, before=before, after=snapshot(line))
    _roll_up_task(actor, task)


def _roll_up_task(actor, task: Task) -> None:
    """The task's dates from its lines (plans.status.roll_up), written when they change."""
    lines = [
        UnitLine("", line.started_on, line.done_on)
        for line in TaskAssignment.objects.filter(task=task)
    ]
    started_on, done_on = roll_up(lines)
    if (task.started_on, task.done_on) == (started_on, done_on):
        return
    before = snapshot(task)
    task.started_on, task.done_on = started_on, done_on
    task.save(update_fields=["started_on", "done_on"])
    action = "plans.task.done" if done_on and not before["done_on"] else "plans.task.progress"
    record(actor=actor, action=action, instance=task, before=before, after=snapshot(task))


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
def reopen_task(*, actor, task: Task, unit: Unit | None = None) -> Task:
    """The standing office takes back a "done" that was not done: of one unit's line for a
    group task (the task is then open again), of the task itself otherwise."""
    require(actor, "plans.reopen_task", task)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.lead_is_group:
        return _reopen_line(actor, task, unit)
    if task.done_on is None:
        raise ValidationError(_("Nhiệm vụ này chưa hoàn thành, không cần mở lại."))
    before = snapshot(task)
    task.done_on = None
    task.save(update_fields=["done_on"])
    record(
        actor=actor, action="plans.task.reopen", instance=task, before=before, after=snapshot(task)
    )
    return task


def _reopen_line(actor, task: Task, unit: Unit | None) -> Task:
    if unit is None:
        raise ValidationError(_("Hãy chọn đơn vị cần mở lại nhiệm vụ."))
    line = TaskAssignment.objects.select_for_update().filter(task=task, unit=unit).first()
    if line is None:
        raise ValidationError(_("Đơn vị này không được giao nhiệm vụ này."))
    if line.done_on is None:
        raise ValidationError(
            _("%(unit)s chưa hoàn thành nhiệm vụ này, không cần mở lại.") % {"unit": unit.name}
        )
    before = snapshot(line)
    line.done_on = None
    line.save(update_fields=["done_on"])
    record(
        actor=actor,
        action="plans.assignment.reopen",
        instance=line,
        before=before,
        after=snapshot(line),
    )
    _roll_up_task(actor, task)
    return task


# -- the living plan: tasks added, edited, reassigned, removed after the import ------------
def _state(task: Task) -> dict:
    task = Task.objects.prefetch_related(
        "lead_units", "coordinating_units", "assignments__unit"
    ).get(pk=task.pk)
    return selectors.state_of(task)


def _unit_ids_in(plan: Plan, ids) -> list[int]:
    """The given unit ids, all of them units the plan's council may name (else refused)."""
    ids = list(dict.fromkeys(int(pk) for pk in ids))
    allowed = set(
        importing.council_units(plan.council).filter(pk__in=ids).values_list("pk", flat=True)
    )
    if set(ids) - allowed:
        raise ValidationError(_("Có đơn vị không thuộc phạm vi của Hội đồng ban hành kế hoạch."))
    return ids


def _apply_task_data(task: Task, plan: Plan, data: dict) -> tuple[list[int], list[int], list[int]]:
    """Set the task's own fields from the form's data; return its unit ids to link."""
    content = (data.get("content") or "").strip()
    if not content:
        raise ValidationError(_("Hãy ghi nội dung nhiệm vụ."))
    deadline_text = (data.get("deadline_text") or "").strip()
    deadline = parse_deadline(deadline_text, plan.year)
    task.number = (data.get("number") or "").strip()[:20]
    task.section = (data.get("section") or "").strip()[:120]
    task.content = content
    task.directing = (data.get("directing") or "").strip()[:255]
    task.deadline_text = deadline_text[:255]
    task.deadline_kind = str(deadline.kind)
    task.deadline_date = deadline.date
    task.deadline_period = deadline.period[:4]
    task.note = (data.get("note") or "").strip()
    groups = [g.strip() for g in (data.get("lead_groups") or []) if g and g.strip()]
    task.lead_groups = groups
    task.coordinating_groups = [
        g.strip() for g in (data.get("coordinating_groups") or []) if g and g.strip()
    ]
    lead = _unit_ids_in(plan, data.get("lead_units") or [])
    coordinating = _unit_ids_in(plan, data.get("coordinating_units") or [])
    assigned = _unit_ids_in(plan, data.get("assigned_units") or []) if groups else []
    if groups and not assigned:
        # "Các đơn vị thuộc Quận" without a choice: every unit of the group, as on import.
        assigned = list(dict.fromkeys([*lead, *group_units(plan).values_list("pk", flat=True)]))
    if not lead and not groups:
        raise ValidationError(_("Hãy chọn đơn vị chủ trì, thực hiện hoặc ghi nhóm đơn vị."))
    task.lead_names = [
        *Unit.objects.filter(pk__in=lead).order_by("sort_key").values_list("name", flat=True),
        *groups,
    ]
    task.coordinating_names = [
        *Unit.objects.filter(pk__in=coordinating)
        .order_by("sort_key")
        .values_list("name", flat=True),
        *task.coordinating_groups,
    ]
    return lead, coordinating, assigned


def _set_lines(actor, task: Task, unit_ids: list[int]) -> None:
    """The group task's lines become those of `unit_ids`; a line with reports stays."""
    current = {line.unit_id: line for line in task.assignments.select_related("unit")}
    reported = set(task.reports.values_list("unit_id", flat=True))
    kept_reported = [
        line.unit.name for pk, line in current.items() if pk not in unit_ids and pk in reported
    ]
    if kept_reported:
        raise ValidationError(
            _("Không bỏ được đơn vị đã báo cáo tiến độ nhiệm vụ này: %(units)s.")
            % {"units": "; ".join(kept_reported)}
        )
    TaskAssignment.objects.filter(task=task).exclude(unit_id__in=unit_ids).delete()
    TaskAssignment.objects.bulk_create(
        [TaskAssignment(task=task, unit_id=pk) for pk in unit_ids if pk not in current]
    )
    # A task led by named units keeps its own dates; only a group's follow its lines.
    if task.lead_groups:
        _roll_up_task(actor, task)


def _log_change(actor, plan, task, kind, before, after, reason="") -> PlanChange:
    change = PlanChange.objects.create(
        plan=plan,
        task=task,
        kind=kind,
        task_number=((after or before or {}).get("number") or "")[:20],
        actor=actor,
        before=before,
        after=after,
        reason=(reason or "").strip()[:500],
    )
    record(
        actor=actor,
        action=f"plans.task.{kind}",
        instance=task if task is not None and task.pk else plan,
        before=before,
        after=after,
        note=str(plan),
    )
    return change


@transaction.atomic
def add_task(*, actor, plan: Plan, data: dict) -> Task:
    """The standing office adds a task to the plan after its import."""
    require(actor, "plans.edit_plan", plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    last = plan.tasks.order_by("-position").values_list("position", flat=True).first() or 0
    task = Task(plan=plan, position=last + 1)
    lead, coordinating, assigned = _apply_task_data(task, plan, data)
    task.full_clean(exclude=["plan"], validate_unique=False)
    task.save()
    task.lead_units.set(lead)
    task.coordinating_units.set(coordinating)
    if task.lead_groups:
        _set_lines(actor, task, assigned)
    _log_change(actor, plan, task, PlanChangeKind.ADDED, None, _state(task), data.get("reason"))
    return task


@transaction.atomic
def edit_task(*, actor, task: Task, data: dict) -> Task:
    """The office edits a task or gives it to other units (a reassignment, kept as such)."""
    require(actor, "plans.edit_plan", task.plan)
    task = (
        Task.objects.select_for_update(of=("self",)).select_related("plan__council").get(pk=task.pk)
    )
    plan = task.plan
    before = _state(task)
    expected = data.get("fingerprint")
    if expected and expected != history.fingerprint(before):
        raise ValidationError(
            _("Nhiệm vụ này vừa được người khác điều chỉnh; hãy mở lại trang sửa để xem bản mới.")
        )
    lead, coordinating, assigned = _apply_task_data(task, plan, data)
    task.full_clean(exclude=["plan"], validate_unique=False)
    task.save()
    task.lead_units.set(lead)
    task.coordinating_units.set(coordinating)
    _set_lines(actor, task, assigned)
    after = _state(task)
    changes = history.changed_fields(before, after)
    if not changes:
        raise ValidationError(_("Không có thay đổi nào để lưu."))
    kind = PlanChangeKind.REASSIGNED if history.is_reassignment(changes) else PlanChangeKind.EDITED
    _log_change(actor, plan, task, kind, before, after, data.get("reason"))
    return task


@transaction.atomic
def remove_task(*, actor, task: Task, reason: str = "") -> Plan:
    """The office takes a task out of the plan; one that units reported on stays."""
    require(actor, "plans.edit_plan", task.plan)
    task = Task.objects.select_for_update().select_related("plan").get(pk=task.pk)
    if not (reason or "").strip():
        raise ValidationError(_("Hãy ghi lý do bỏ nhiệm vụ."))
    if task.reports.exists():
        raise ValidationError(
            _("Nhiệm vụ %(number)s đã có báo cáo tiến độ của đơn vị, không bỏ được.")
            % {"number": task.number}
        )
    plan, before, pk = task.plan, _state(task), task.pk
    task.delete()
    PlanChange.objects.create(
        plan=plan,
        kind=PlanChangeKind.REMOVED,
        task_number=before["number"][:20],
        actor=actor,
        before=before,
        reason=reason.strip()[:500],
    )
    record(
        actor=actor,
        action="plans.task.removed",
        instance=task,
        object_id=str(pk),
        before=before,
        note=reason.strip()[:500],
    )
    return plan


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


def _deliver(unit_id: int, council_id: int | None, message: reminders.Message) -> tuple[int, int]:
    """Notify (and mail) the unit's officers and the council's standing office; return
    (everyone reached, the unit's own officers reached)."""
    unit_users = reminders.recipients(unit_id)
    unit_ids = {user.pk for user in unit_users}
    office = [user for user in reminders.office_recipients(council_id) if user.pk not in unit_ids]
    if not unit_users and not office:
        return 0, 0
    # The office follows every unit: its copy names the unit the event is about.
    unit_name = Unit.objects.filter(pk=unit_id).values_list("name", flat=True).first() or ""
    office_text = _("%(text)s (Đơn vị: %(unit)s)") % {"text": message.text, "unit": unit_name}
    for users, text in ((unit_users, message.text), (office, office_text)):
        if not users:
            continue
        Notification.objects.bulk_create(
            Notification(user=user, text=text[:500], url=message.url) for user in users
        )
        emails = [user.email for user in users if user.email]
        if emails:
            body = f"{text}\n\n{message.url}"
            send_mail(_("[Vinh Danh] Nhắc việc kế hoạch thi đua"), body, None, emails)
    return len(unit_users) + len(office), len(unit_users)


def _send(item: DueReminder, *, plan: Plan, task: Task | None, message) -> bool:
    """One event: notified and logged as sent, or logged as having nobody to receive it
    (then tried again on the next run, in case the unit has an officer by then)."""
    event = {"task": task, "unit_id": item.unit_id, "kind": item.kind, "deadline": item.deadline}
    if task is None:
        event["plan"] = plan
    try:
        with transaction.atomic():
            reminder = Reminder.objects.select_for_update().filter(**event).first()
            if reminder is not None and reminder.outcome == ReminderOutcome.SENT:
                return False
            first = reminder is None
            if first:
                # The log row comes first: a parallel worker sending the same event stops here.
                reminder = Reminder.objects.create(
                    **{"plan": plan, **event}, outcome=ReminderOutcome.NO_RECIPIENT
                )
            total, own = _deliver(item.unit_id, plan.council_id, message)
            if not total and not first:
                return False
            reminder.recipients, reminder.unit_recipients = total, own
            reminder.outcome = ReminderOutcome.SENT if total else ReminderOutcome.NO_RECIPIENT
            if total:
                reminder.sent_at = timezone.now()
            reminder.save(update_fields=["recipients", "unit_recipients", "outcome", "sent_at"])
            # One entry per event covers its notifications; sent by the system, not a person.
            record(
                actor=None,
                action="plans.reminder.send" if total else "plans.reminder.no_recipient",
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
    return bool(total)


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
        task = Task.objects.select_related("plan").get(pk=item.task_id)
        message = reminders.task_message(task, item.kind)
        sent += _send(item, plan=task.plan, task=task, message=message)
    done = reminders.already_sent(task_events=False)
    for item in due_reminders(reminders.open_unit_plans(), today, days):
        if (item.task_id, item.unit_id, item.kind, item.deadline) in done:
            continue
        plan = Plan.objects.get(pk=item.task_id)
        message = reminders.unit_plan_message(plan, item.kind)
        sent += _send(item, plan=plan, task=None, message=message)
    return sent
