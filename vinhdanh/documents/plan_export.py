"""Writing a plan back to .docx and .xlsx, laid out so that reading it gives the same plan.

Works on the reader's own dataclasses, so `read_plan(plan_docx(plan))` can be compared
with `plan` without a database: the header, the plan's own text (sections I to III with
their headings), "Nơi nhận" and the signature as the document had them, and the appendix
on landscape pages with fitted widths and its header row repeated on every page.
"""

import datetime as dt
import re
from dataclasses import dataclass

from vinhdanh.documents import layout
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import official_workbook
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
# Widths on the landscape text width (25.2 cm): the task's text gets the most room.
WIDTHS_CM = [1.0, 8.6, 2.8, 3.6, 3.6, 2.8, 2.8]
STATUS_HEADERS = ["Tình trạng", "Ngày hoàn thành"]
WIDTHS_WITH_STATUS_CM = [1.0, 7.0, 2.3, 3.0, 3.0, 2.5, 1.8, 2.4, 2.2]
XLSX_WIDTHS = [5, 46, 16, 20, 20, 16, 12]
XLSX_STATUS_WIDTHS = [14, 12]
DEFAULT_RECIPIENTS = ["Các đơn vị có tên tại Phụ lục"]
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_SECTION = re.compile(r"^[IVX]+\.\s")
_SUBSECTION = re.compile(r"^\d+(?:\.\d+)*\.\s")
SUBHEADING_MAX = 80


@dataclass(frozen=True)
class Progress:
    """How far a task has gone, for the exports of a living plan."""

    status: str
    done_on: dt.date | None = None


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


def appendix_rows(tasks: list[Task], progress: list[Progress] | None = None) -> list[list]:
    """Task rows with a grouping row ("I | Quý I") before each new section, as in the plan;
    with `progress` (one per task), its status and completion date at the end of each row."""
    rows: list[list] = []
    section = None
    groups = 0
    extra = 2 if progress is not None else 0
    for index, task in enumerate(tasks):
        if task.section and task.section != section:
            groups += 1
            rows.append([roman(groups), task.section, "", "", "", "", ""] + [""] * extra)
        section = task.section
        row: list = _task_row(task)
        if progress is not None:
            item = progress[index] if index < len(progress) else Progress("")
            row += [item.status, item.done_on]
        rows.append(row)
    return rows


def plan_letterhead(plan: Plan) -> Letterhead:
    """The council's plan is headed by its People's Committee above the council; a plan a
    People's Committee issues itself carries no line above it."""
    head = plan.header
    issuer = layout.full_name(head.issuer)
    place = head.place or layout.place_from_name(issuer)
    if layout.is_peoples_committee(issuer):
        return layout.letterhead_for(issuer, number=head.number, place=place)
    short, parent = issuer, ""
    locality = layout.place_from_name(issuer)
    if locality and issuer.lower().endswith(locality.lower()):
        # "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai": the council of that district.
        without_place = issuer[: -len(locality)].strip()
        level = without_place.rsplit(" ", 1)[-1]
        short = without_place[: -len(level)].strip() or issuer
        parent = f"Ủy ban nhân dân {level.lower()} {locality}"
    return layout.letterhead_for(short, parent=parent, number=head.number, place=place)


def _caption(plan: Plan) -> str:
    head = plan.header
    date = head.date.strftime("%d/%m/%Y") if head.date else "   /   /    "
    return f"(Kèm theo Kế hoạch số {head.number} ngày {date} của {head.issuer})"


def _body(document: AdminDocument, plan: Plan) -> None:
    """The plan's own text: headings "I. ..." and short "1. ..." lines in bold, the rest
    as indented paragraphs; a plan read without its text gets one sentence pointing to
    the appendix. Deadlines the text sets are kept (those not in the text are added)."""
    head = plan.header
    lines = [line for line in plan.body.splitlines() if line.strip()]
    if not lines:
        document.paragraph(
            f"{head.issuer} ban hành Kế hoạch {head.title[:1].lower()}{head.title[1:]}"
            " với các nhiệm vụ trọng tâm tại Phụ lục kèm theo."
        )
    for line in lines:
        short_numbered = _SUBSECTION.match(line) and len(line) <= SUBHEADING_MAX
        if _SECTION.match(line) or short_numbered:
            document.section_heading(line)
        else:
            document.paragraph(line)
    for item in plan.body_deadlines:
        if item.context and item.context not in plan.body:
            document.paragraph(item.context)


def plan_docx(
    plan: Plan,
    *,
    signer: str = "",
    authority: str = "",
    role_line: str = "",
    progress: list[Progress] | None = None,
) -> bytes:
    """The plan in the administrative layout, with its appendix table on landscape pages.

    The signature and "Nơi nhận" are the document's own when it had them; the arguments
    fill what it lacked (the council's chairman, "TM. <issuer>")."""
    head = plan.header
    letterhead = plan_letterhead(plan)
    document = AdminDocument(letterhead, date=head.date, kind="KẾ HOẠCH", subject=head.title)
    _body(document, plan)
    closing = plan.closing
    document.signature(
        authority=closing.authority or authority or f"TM. {letterhead.issuer}",
        delegation=closing.delegation,
        role_line=closing.role or role_line,
        signer=closing.signer or signer,
    )
    document.recipients(
        closing.recipients or DEFAULT_RECIPIENTS, archive=closing.archive or layout.ARCHIVE
    )
    document.annex("PHỤ LỤC", _caption(plan), landscape=True)
    headers = APPENDIX_HEADERS + (STATUS_HEADERS if progress is not None else [])
    widths = WIDTHS_CM if progress is None else WIDTHS_WITH_STATUS_CM
    rows = [
        [value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value for value in row]
        for row in appendix_rows(plan.tasks, progress)
    ]
    align = ["center", "justify", "left", "left", "left", "center", "left"]
    align += ["center", "center"] if progress is not None else []
    document.table(headers, rows, widths_cm=widths, align=align)
    return document.to_bytes()


def plan_xlsx(plan: Plan, *, progress: list[Progress] | None = None, signer: str = "") -> bytes:
    """The appendix as one sheet in the official layout: header block, title rows naming
    the plan, the tasks (with their status and completion date when `progress` is given),
    the signature rows; printed on A4 landscape, fitted to the width, the header repeated."""
    head = plan.header
    headers = APPENDIX_HEADERS + (STATUS_HEADERS if progress is not None else [])
    widths = XLSX_WIDTHS + (XLSX_STATUS_WIDTHS if progress is not None else [])
    return official_workbook(
        plan_letterhead(plan),
        title="KẾ HOẠCH",
        subject=head.title,
        caption=_caption(plan),
        date=head.date,
        headers=headers,
        rows=appendix_rows(plan.tasks, progress),
        widths=widths,
        sheet_title="Phụ lục",
        landscape=True,
        signers=(("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("TM. HỘI ĐỒNG", "(Ký tên, đóng dấu)")),
        signer_names=("", plan.closing.signer or signer),
    )
