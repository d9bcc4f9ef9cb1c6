"""Writing a plan back to .docx and .xlsx, laid out so that reading it gives the same tasks.

Works on the reader's own dataclasses, so `read_plan(plan_docx(plan))` can be compared
with `plan` without a database.
"""

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.documents.layout import Letterhead
from vinhdanh.documents.structure import Plan, Task

APPENDIX_HEADERS = [
    "TT",
    "Nội dung thực hiện",
    "Chỉ đạo, chủ trì",
    "Đơn vị tham mưu, thực hiện",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Ghi chú",
]
WIDTHS_CM = [1.2, 8.5, 3.2, 4.2, 4.2, 3.2, 2.5]
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    text = ""
    for value, letters in _ROMAN * 4:
        while number >= value:
            text += letters
            number -= value
    return text


def _units(names: list[str]) -> str:
    return "; ".join(names)


def _task_row(task: Task) -> list[str]:
    return [
        task.number,
        task.content,
        task.directing,
        _units(task.lead_units),
        _units(task.coordinating_units),
        task.deadline.text,
        task.note,
    ]


def appendix_rows(tasks: list[Task]) -> list[list[str]]:
    """Task rows with a grouping row ("I | Quý I") before each new section, as in the plan."""
    rows: list[list[str]] = []
    section = None
    groups = 0
    for task in tasks:
        if task.section and task.section != section:
            groups += 1
            rows.append([roman(groups), task.section, "", "", "", "", ""])
        section = task.section
        rows.append(_task_row(task))
    return rows


def _parent_body(issuer: str, place: str) -> str:
    # The issuer's own parent is not in the reader's data; the council sits beside the
    # people's committee of the same place, which is how such plans are headed.
    if place:
        lowered = issuer.lower()
        for level in ("quận", "huyện", "thị xã", "thành phố", "tỉnh", "phường", "xã"):
            if f" {level} " in f" {lowered} ":
                return f"Ủy ban nhân dân {level} {place}"
        return f"Ủy ban nhân dân {place}"
    return "Ủy ban nhân dân"


def _letterhead(plan: Plan) -> Letterhead:
    head = plan.header
    short_issuer = head.issuer
    if head.place and short_issuer.lower().endswith(head.place.lower()):
        short_issuer = short_issuer[: -len(head.place)].rsplit(" ", 2)[0].strip()
    return Letterhead(
        parent_body=_parent_body(head.issuer, head.place),
        issuer=short_issuer or head.issuer,
        number=head.number,
        place=head.place,
    )


def plan_docx(plan: Plan, *, signer: str = "", authority: str = "", role_line: str = "") -> bytes:
    """The plan in the administrative layout, with its appendix table on landscape pages."""
    head = plan.header
    document = AdminDocument(_letterhead(plan), date=head.date, kind="KẾ HOẠCH", subject=head.title)
    document.paragraph(
        f"{head.issuer} ban hành Kế hoạch {head.title[:1].lower()}{head.title[1:]}"
        " với các nhiệm vụ trọng tâm tại Phụ lục kèm theo."
    )
    for item in plan.body_deadlines:
        document.paragraph(item.context)
    document.signature(
        authority=authority or f"TM. {head.issuer}", signer=signer, role_line=role_line
    )
    date = head.date.strftime("%d/%m/%Y") if head.date else ""
    document.annex(
        "PHỤ LỤC",
        f"(Kèm theo Kế hoạch số {head.number} ngày {date} của {head.issuer})",
        landscape=True,
    )
    document.table(APPENDIX_HEADERS, appendix_rows(plan.tasks), widths_cm=WIDTHS_CM)
    return document.to_bytes()


def plan_xlsx(plan: Plan) -> bytes:
    """The appendix as one sheet; its title rows name the plan as the document does."""
    head = plan.header
    date = head.date.strftime("%d/%m/%Y") if head.date else ""
    return list_workbook(
        _letterhead(plan),
        title=f"KẾ HOẠCH {head.title}",
        title_as_written=True,
        caption=f"(Kèm theo Kế hoạch số {head.number} ngày {date} của {head.issuer})",
        date=head.date,
        headers=APPENDIX_HEADERS,
        rows=appendix_rows(plan.tasks),
        widths=[6, 60, 22, 30, 30, 22, 16],
        sheet_title="Phụ lục",
    )
