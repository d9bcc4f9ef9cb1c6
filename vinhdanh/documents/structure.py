"""The parsed plan as plain dataclasses, and its JSON form.

The title is the plan's subject line ("Triển khai công tác thi đua khen thưởng năm
2021"), without the document kind "Kế hoạch": every object here is a plan already, and
the subject line is what people quote and what lists can show without repetition.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    # A period made of whole quarters: a quarter, a half-year or the whole year.
    QUARTER = "quarter"
    ONGOING = "ongoing"
    HIGHER_LEVEL = "higher_level"
    UNPARSED = "unparsed"


class ReviewFlag(StrEnum):
    DEADLINE_UNPARSED = "deadline_unparsed"
    DEADLINE_MISSING = "deadline_missing"
    LEAD_MISSING = "lead_missing"
    CONTENT_MISSING = "content_missing"
    CONTINUED_ROW = "continued_row"


REVIEW_FLAG_LABELS = {
    ReviewFlag.DEADLINE_UNPARSED: "Chưa hiểu được thời hạn, cần nhập lại",
    ReviewFlag.DEADLINE_MISSING: "Không có thời hạn",
    ReviewFlag.LEAD_MISSING: "Không có đơn vị chủ trì, thực hiện",
    ReviewFlag.CONTENT_MISSING: "Không có nội dung nhiệm vụ",
    ReviewFlag.CONTINUED_ROW: "Nội dung được ghép từ dòng tiếp theo, cần kiểm tra",
}


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    date: dt.date | None
    text: str
    # Finer label of a QUARTER period: "Q1".."Q4", "H1", "H2" or "Y".
    period: str = ""


@dataclass
class Task:
    position: int
    number: str
    section: str
    content: str
    directing: str
    lead_units: list[str]
    coordinating_units: list[str]
    deadline: Deadline
    note: str = ""
    flags: list[ReviewFlag] = field(default_factory=list)


@dataclass(frozen=True)
class BodyDeadline:
    text: str
    date: dt.date
    context: str


@dataclass
class Closing:
    """The end of the document: whom it was sent to ("Nơi nhận") and who signed it."""

    recipients: list[str] = field(default_factory=list)
    archive: str = ""  # "VT, NV" of "- Lưu: VT, NV."
    authority: str = ""  # "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    delegation: str = ""  # "KT. CHỦ TỊCH"
    role: str = ""  # "PHÓ CHỦ TỊCH"
    signer: str = ""


def closing_to_json(closing: "Closing") -> dict:
    return {
        "recipients": list(closing.recipients),
        "archive": closing.archive,
        "authority": closing.authority,
        "delegation": closing.delegation,
        "role": closing.role,
        "signer": closing.signer,
    }


def closing_from_json(data: dict | None) -> "Closing":
    data = data or {}
    return Closing(
        recipients=[str(line) for line in data.get("recipients") or []][:60],
        archive=str(data.get("archive") or ""),
        authority=str(data.get("authority") or ""),
        delegation=str(data.get("delegation") or ""),
        role=str(data.get("role") or ""),
        signer=str(data.get("signer") or ""),
    )


@dataclass
class PlanHeader:
    number: str = ""
    place: str = ""
    date: dt.date | None = None
    issuer: str = ""
    title: str = ""
    year: int | None = None


@dataclass
class Plan:
    header: PlanHeader
    tasks: list[Task]
    body_deadlines: list[BodyDeadline]
    source_format: str
    # The plan's own text above its appendix (sections I to III), one paragraph a line.
    body: str = ""
    closing: Closing = field(default_factory=Closing)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def deadline_to_json(deadline: Deadline) -> dict:
    return {
        "kind": str(deadline.kind),
        "date": _iso(deadline.date),
        "text": deadline.text,
        "period": deadline.period,
    }


def task_to_json(task: Task) -> dict:
    return {
        "position": task.position,
        "number": task.number,
        "section": task.section,
        "content": task.content,
        "directing": task.directing,
        "lead_units": list(task.lead_units),
        "coordinating_units": list(task.coordinating_units),
        "deadline": deadline_to_json(task.deadline),
        "note": task.note,
        "flags": [str(flag) for flag in task.flags],
    }


def to_json_dict(plan: Plan) -> dict:
    """The plan as JSON-ready values: dates in ISO form, enums as their strings."""
    header = plan.header
    return {
        "number": header.number,
        "date": _iso(header.date),
        "year": header.year,
        "title": header.title,
        "issuer": header.issuer,
        "place": header.place,
        "format": plan.source_format,
        "body": plan.body,
        "closing": closing_to_json(plan.closing),
        "tasks": [task_to_json(task) for task in plan.tasks],
        "body_deadlines": [
            {"text": item.text, "date": _iso(item.date), "context": item.context}
            for item in plan.body_deadlines
        ],
    }
