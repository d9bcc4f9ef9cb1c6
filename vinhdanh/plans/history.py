"""A task as the plan's history keeps it, and what changed between two versions (pure).

`task_state` is the form kept in the plan's baseline (the tasks as imported) and in each
`PlanChange` (before and after); units are kept by name, so the history reads as the
plan did even after a unit is renamed or merged.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "number": _("Số thứ tự"),
    "section": _("Nhóm"),
    "content": _("Nội dung"),
    "directing": _("Chỉ đạo, chủ trì"),
    "lead_units": _("Đơn vị chủ trì"),
    "lead_groups": _("Nhóm đơn vị chủ trì"),
    "assigned_units": _("Các đơn vị thực hiện"),
    "coordinating_units": _("Đơn vị phối hợp"),
    "coordinating_groups": _("Nhóm đơn vị phối hợp"),
    "deadline_text": _("Thời hạn"),
    "deadline_date": _("Ngày hết hạn"),
    "note": _("Ghi chú"),
}
# Changing only these is a reassignment: the work is the same, other units do it.
UNIT_FIELDS = frozenset(
    {"lead_units", "lead_groups", "assigned_units", "coordinating_units", "coordinating_groups"}
)


def task_state(task, *, lead=(), coordinating=(), assigned=()) -> dict:
    """The task's fields as plain data; the unit lists are given as names."""
    return {
        "id": task.pk,
        "number": task.number,
        "section": task.section,
        "content": task.content,
        "directing": task.directing,
        "lead_units": sorted(lead),
        "lead_groups": list(task.lead_groups),
        "assigned_units": sorted(assigned),
        "coordinating_units": sorted(coordinating),
        "coordinating_groups": list(task.coordinating_groups),
        "deadline_text": task.deadline_text,
        "deadline_date": task.deadline_date.isoformat() if task.deadline_date else None,
        "note": task.note,
    }


def fingerprint(state: dict) -> str:
    """A short digest of a task's state: the edit page carries it, so a save made over
    someone else's newer change is refused instead of silently undoing it."""
    text = json.dumps(state, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _shown(value) -> str:
    if isinstance(value, list):
        return "; ".join(value) if value else "—"
    return value or "—"


@dataclass(frozen=True)
class FieldChange:
    key: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return str(FIELD_LABELS.get(self.key, self.key))


def changed_fields(before: dict | None, after: dict | None) -> list[FieldChange]:
    """The fields that differ, in the order of FIELD_LABELS; a missing side counts as empty."""
    before, after = before or {}, after or {}
    return [
        FieldChange(key, _shown(before.get(key)), _shown(after.get(key)))
        for key in FIELD_LABELS
        if before.get(key) != after.get(key)
    ]


def is_reassignment(changes: list[FieldChange]) -> bool:
    return bool(changes) and all(change.key in UNIT_FIELDS for change in changes)


@dataclass
class TaskDiff:
    number: str
    content: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class PlanDiff:
    added: list[TaskDiff] = field(default_factory=list)
    removed: list[TaskDiff] = field(default_factory=list)
    changed: list[TaskDiff] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def compare(baseline: list[dict], current: list[dict]) -> PlanDiff:
    """What the living plan changed since its import: tasks added, removed, changed."""
    before = {item["id"]: item for item in baseline}
    now = {item["id"]: item for item in current}
    diff = PlanDiff()
    for key, item in now.items():
        if key not in before:
            diff.added.append(TaskDiff(item["number"], item["content"]))
        elif changes := changed_fields(before[key], item):
            diff.changed.append(TaskDiff(item["number"], item["content"], changes))
    for key, item in before.items():
        if key not in now:
            diff.removed.append(TaskDiff(item["number"], item["content"]))
    return diff
