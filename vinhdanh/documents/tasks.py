"""Tasks of a plan from its classified table rows."""

from .columns import ColumnRole
from .deadlines import parse_deadline
from .rows import RowItem, RowKind, section_label
from .structure import DeadlineKind, ReviewFlag, Task
from .textutil import one_line
from .units import merge_names, split_lead_phrase, split_unit_list


def build_tasks(items: list[RowItem], plan_year: int | None) -> list[Task]:
    tasks: list[Task] = []
    section = ""
    for item in items:
        if item.kind == RowKind.SECTION:
            section = section_label(item.text or item.number)
        elif item.kind == RowKind.CONTINUATION and tasks:
            previous = tasks[-1]
            previous.content = f"{previous.content} {one_line(item.text)}".strip()
            if ReviewFlag.CONTINUED_ROW not in previous.flags:
                previous.flags.append(ReviewFlag.CONTINUED_ROW)
        elif item.kind == RowKind.TASK:
            task = _task(item, section, len(tasks) + 1, plan_year)
            if tasks and _same_task(tasks[-1], task):
                _absorb(tasks[-1], task)
            else:
                tasks.append(task)
    return tasks


def _task(item: RowItem, section: str, position: int, plan_year: int | None) -> Task:
    cells = item.cells
    lead, coordinating_in_lead = split_lead_phrase(cells.get(ColumnRole.LEAD, ""))
    coordinating = merge_names(
        coordinating_in_lead, split_unit_list(cells.get(ColumnRole.COORDINATING, ""))
    )
    deadline_text = cells.get(ColumnRole.DEADLINE, "")
    deadline = parse_deadline(deadline_text, plan_year)
    task = Task(
        position=position,
        number=item.number,
        section=section,
        content=one_line(item.text),
        directing=one_line(cells.get(ColumnRole.DIRECTING, "")),
        lead_units=lead,
        coordinating_units=coordinating,
        deadline=deadline,
        note=one_line(cells.get(ColumnRole.NOTE, "")),
    )
    _flag(task)
    return task


def _flag(task: Task) -> None:
    flags: list[ReviewFlag] = []
    if not task.content:
        flags.append(ReviewFlag.CONTENT_MISSING)
    if not task.lead_units:
        flags.append(ReviewFlag.LEAD_MISSING)
    if task.deadline.kind == DeadlineKind.UNPARSED:
        missing = not task.deadline.text
        flags.append(ReviewFlag.DEADLINE_MISSING if missing else ReviewFlag.DEADLINE_UNPARSED)
    task.flags = [flag for flag in task.flags if flag == ReviewFlag.CONTINUED_ROW] + flags


def _same_task(previous: Task, task: Task) -> bool:
    # A content cell merged down over several rows gives one task with more units.
    return bool(task.number) and (previous.number, previous.content) == (task.number, task.content)


def _absorb(previous: Task, task: Task) -> None:
    previous.lead_units = merge_names(previous.lead_units, task.lead_units)
    previous.coordinating_units = merge_names(previous.coordinating_units, task.coordinating_units)
    if previous.deadline.kind == DeadlineKind.UNPARSED and not previous.deadline.text:
        previous.deadline = task.deadline
    if task.note and task.note not in previous.note:
        previous.note = f"{previous.note} {task.note}".strip()
    _flag(previous)
