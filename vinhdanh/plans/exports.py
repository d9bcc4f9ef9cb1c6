"""Exports of a saved plan: .docx, .xlsx (through the documents writer) and .ics feeds."""

from django.db.models import Q
from django.utils import timezone

from vinhdanh.documents import structure
from vinhdanh.documents.plan_export import Progress, plan_docx, plan_xlsx
from vinhdanh.plans.ical import CalendarEvent, calendar_text
from vinhdanh.plans.models import Plan, Task
from vinhdanh.plans.status import STATUS_LABELS


def as_structure(plan: Plan, saved_tasks: list[Task] | None = None) -> structure.Plan:
    """The saved plan in the reader's own shape, names as the document wrote them: its
    text, "Nơi nhận" and signature kept at import, and the tasks as they are now."""
    saved_tasks = list(plan.tasks.order_by("position")) if saved_tasks is None else saved_tasks
    tasks = [
        structure.Task(
            position=task.position,
            number=task.number,
            section=task.section,
            content=task.content,
            directing=task.directing,
            lead_units=list(task.lead_names),
            coordinating_units=list(task.coordinating_names),
            deadline=structure.Deadline(
                kind=structure.DeadlineKind(task.deadline_kind),
                date=task.deadline_date,
                text=task.deadline_text,
                period=task.deadline_period,
            ),
            note=task.note,
        )
        for task in saved_tasks
    ]
    body = []
    if plan.unit_plan_deadline:
        body.append(
            structure.BodyDeadline(
                text="", date=plan.unit_plan_deadline, context=plan.unit_plan_deadline_text
            )
        )
    header = structure.PlanHeader(
        number=plan.number,
        place=plan.place,
        date=plan.date,
        issuer=plan.issuer,
        title=plan.title,
        year=plan.year,
    )
    return structure.Plan(
        header=header,
        tasks=tasks,
        body_deadlines=body,
        source_format=plan.source_format,
        body=plan.body_text,
        closing=structure.closing_from_json(plan.closing),
    )


def progress_of(tasks: list[Task]) -> list[Progress]:
    """Each task's status today and its completion date, for the exports."""
    today = timezone.localdate()
    return [Progress(str(STATUS_LABELS[task.status_on(today)]), task.done_on) for task in tasks]


def _signer(plan: Plan) -> str:
    if plan.council_id is None:
        return ""
    chairman = plan.council.members.filter(role="chairman").select_related("person").first()
    return chairman.person.full_name if chairman else ""


def export_docx(plan: Plan) -> bytes:
    """The plan as its document, the appendix telling how far each task has gone."""
    signer = _signer(plan)
    tasks = list(plan.tasks.order_by("position"))
    return plan_docx(
        as_structure(plan, tasks),
        signer=signer,
        role_line="Chủ tịch" if signer else "",
        progress=progress_of(tasks),
    )


def export_xlsx(plan: Plan) -> bytes:
    """The appendix with each task's status and completion date as of today."""
    tasks = list(plan.tasks.order_by("position"))
    return plan_xlsx(as_structure(plan, tasks), progress=progress_of(tasks), signer=_signer(plan))


def unit_feed(tasks, *, unit_name: str, host: str, base_url: str = "") -> str:
    events = []
    for task in tasks:
        if task.deadline_date is None:
            continue
        events.append(
            CalendarEvent(
                uid=f"task-{task.pk}-{task.deadline_date:%Y%m%d}@{host}",
                day=task.deadline_date,
                summary=f"[{task.plan.number}] {task.number}. {task.content}",
                description=f"Thời hạn: {task.deadline_text}",
                url=f"{base_url}/plans/tasks/{task.pk}/" if base_url else "",
            )
        )
    return calendar_text(
        events,
        name=f"Vinh Danh · {unit_name}",
        stamp=timezone.now(),
        product="-//Vinh Danh//Ke hoach thi dua//VI",
    )


def tasks_of_unit(unit) -> list[Task]:
    return list(
        Task.objects.filter(
            Q(lead_units__path__startswith=unit.path)
            | Q(coordinating_units__path__startswith=unit.path)
            # A group task is in the feed of each unit with a line of it.
            | Q(assignments__unit__path__startswith=unit.path)
        )
        .distinct()
        .select_related("plan")
        .order_by("deadline_date", "position")
    )
