"""Generated documents of movements: the launch plan and the consolidated registration.

Laid out by `documents.admin_docx` / `documents.admin_xlsx` (Nghị định 30/2020, Phụ lục I):
the issuer's header from `movements.letterheads`, section headings in bold, the signature
with "Nơi nhận" beside it, wide lists on landscape pages, spreadsheets with the official
header and signature rows.
"""

from django.utils import timezone

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import official_workbook
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.movements.models import Movement
from vinhdanh.movements.selectors import consolidated_rows, year_rows

REGISTRATION_HEADERS = [
    "TT",
    "Đơn vị",
    "Tập thể / cá nhân",
    "Chức vụ",
    "Danh hiệu đăng ký",
    "Trạng thái",
]


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


def launch_document(movement: Movement) -> bytes:
    """The plan launching the movement (Kế hoạch phát động), from the movement's data."""
    unit = movement.launched_by
    day = timezone.localdate(movement.launched_at) if movement.launched_at else None
    doc = AdminDocument(
        letterhead_for(unit, number=movement.document_number),
        date=day,
        kind="KẾ HOẠCH",
        subject=f"Phát động phong trào thi đua “{movement.name}” năm {movement.year}",
    )
    if movement.parent_id:
        doc.paragraph(
            f"Thực hiện phong trào thi đua “{movement.parent.name}” do "
            f"{movement.parent.launched_by.name} phát động, {unit.name} xây dựng kế hoạch "
            "phát động phong trào thi đua như sau:"
        )
    doc.paragraph(
        f"Hình thức: {movement.get_kind_display()}. Thời gian thực hiện: từ ngày "
        f"{movement.starts_on:%d/%m/%Y} đến ngày {movement.ends_on:%d/%m/%Y}."
    )
    doc.section_heading("I. MỤC ĐÍCH, YÊU CẦU")
    for line in _lines(movement.goals) or ["Theo nội dung phong trào."]:
        doc.paragraph(f"- {line}")
    doc.section_heading("II. NỘI DUNG, TIÊU CHÍ THI ĐUA")
    for line in _lines(movement.criteria) or ["Theo hướng dẫn của cơ quan thường trực."]:
        doc.paragraph(f"- {line}")
    doc.section_heading("III. TỔ CHỨC THỰC HIỆN")
    if movement.registration_deadline:
        doc.paragraph(
            "Các đơn vị đăng ký thi đua và danh hiệu phấn đấu gửi về cơ quan thường trực "
            f"trước ngày {movement.registration_deadline:%d/%m/%Y}."
        )
    doc.paragraph(
        "Các đơn vị tham gia tổ chức phát động, triển khai phong trào tại đơn vị; định kỳ sơ "
        "kết, tổng kết và báo cáo kết quả, đề xuất khen thưởng các tập thể, cá nhân có thành "
        "tích xuất sắc."
    )
    doc.signature(authority=f"TM. {doc.letterhead.issuer}", role_line="CHỦ TỊCH", signer="")
    doc.recipients([unit.name for unit in movement.target_units.all()[:8]])
    return doc.to_bytes()


def registration_title(movement: Movement) -> str:
    return f"Tổng hợp đăng ký thi đua — {movement.name} năm {movement.year}"


def registration_workbook(movement: Movement) -> bytes:
    return official_workbook(
        letterhead_for(movement.launched_by),
        title="BẢNG TỔNG HỢP",
        subject=registration_title(movement),
        date=timezone.localdate(),
        headers=REGISTRATION_HEADERS,
        rows=consolidated_rows(movement),
        widths=[6, 36, 34, 20, 30, 16],
        sheet_title="Đăng ký thi đua",
        landscape=True,
    )


def registration_document(movement: Movement) -> bytes:
    doc = AdminDocument(
        letterhead_for(movement.launched_by),
        date=timezone.localdate(),
        kind="BÁO CÁO",
        subject=registration_title(movement),
    )
    rows = consolidated_rows(movement)
    units = {row[1] for row in rows}
    doc.paragraph(
        f"Tổng hợp {len(rows)} lượt đăng ký danh hiệu của {len(units)} đơn vị "
        f"tham gia phong trào “{movement.name}”."
    )
    doc.table(REGISTRATION_HEADERS, rows, widths_cm=[1.0, 4.0, 3.5, 2.5, 3.5, 2.0])
    doc.signature(authority=f"TM. {doc.letterhead.issuer}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Các đơn vị tham gia phong trào"])
    return doc.to_bytes()


YEAR_HEADERS = [
    "TT",
    "Đơn vị",
    "Tập thể / cá nhân",
    "Danh hiệu đăng ký",
    "Phong trào",
    "Trạng thái",
]


def year_title(year: int) -> str:
    return f"Tổng hợp đăng ký danh hiệu và phong trào thi đua năm {year}"


def year_workbook(year: int, issuer_unit) -> bytes:
    return official_workbook(
        letterhead_for(issuer_unit),
        title="BẢNG TỔNG HỢP",
        subject=year_title(year),
        date=timezone.localdate(),
        headers=YEAR_HEADERS,
        rows=year_rows(year),
        widths=[6, 34, 34, 30, 40, 16],
        sheet_title=f"Đăng ký {year}",
        landscape=True,
    )


def year_document(year: int, issuer_unit) -> bytes:
    rows = year_rows(year)
    doc = AdminDocument(
        letterhead_for(issuer_unit),
        date=timezone.localdate(),
        kind="BÁO CÁO",
        subject=year_title(year),
    )
    doc.paragraph(
        f"Tổng hợp {len(rows)} lượt đăng ký của {len({row[1] for row in rows})} đơn vị "
        f"trong năm {year} (không kể bản đăng ký chưa gửi); danh sách tại Phụ lục kèm theo."
    )
    doc.signature(authority=f"TM. {doc.letterhead.issuer}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Các đơn vị có đăng ký thi đua"])
    doc.annex(
        "DANH SÁCH ĐĂNG KÝ",
        f"(Kèm theo Báo cáo tổng hợp đăng ký thi đua năm {year})",
        landscape=True,
    )
    doc.table(YEAR_HEADERS, rows, widths_cm=[1.0, 5.0, 5.0, 5.0, 7.0, 3.0])
    return doc.to_bytes()
