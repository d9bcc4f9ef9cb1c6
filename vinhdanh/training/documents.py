"""Generated documents of a training session: the invitation and the report after it."""

from django.utils import timezone

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.numbers import vn_number
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.training.models import TrainingSession
from vinhdanh.training.report import AttendanceReport

QUESTIONS = ("Nội dung", "Tính thiết thực", "Công tác tổ chức")


def _when(session: TrainingSession) -> str:
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    if start.date() == end.date():
        return f"từ {start:%H giờ %M} đến {end:%H giờ %M}, ngày {start:%d/%m/%Y}"
    return f"từ {start:%H giờ %M} ngày {start:%d/%m/%Y} đến {end:%H giờ %M} ngày {end:%d/%m/%Y}"


def invitation_document(session: TrainingSession, *, day=None) -> bytes:
    """The invitation (Giấy mời) sent to the invited units."""
    council = session.council
    doc = AdminDocument(
        letterhead_for(council.unit),
        date=day or timezone.localdate(),
        kind="GIẤY MỜI",
        subject=f"Dự {session.title}",
    )
    doc.paragraph(
        f"{council.name} trân trọng kính mời đại diện lãnh đạo và cán bộ làm công tác thi "
        f"đua, khen thưởng của các đơn vị dự {session.title}."
    )
    doc.paragraph(f"Thời gian: {_when(session)}.")
    doc.paragraph(f"Địa điểm: {session.place}.")
    if session.programme.strip():
        doc.paragraph("Nội dung chương trình:")
        for line in session.programme.splitlines():
            if line.strip():
                doc.paragraph(f"- {line.strip(' -•')}")
    trainers = session.trainer_list()
    if trainers:
        doc.paragraph("Báo cáo viên: " + "; ".join(trainers) + ".")
    limit = f", mỗi đơn vị tối đa {session.per_unit_limit} người" if session.per_unit_limit else ""
    deadline = (
        f" trước ngày {session.registration_deadline:%d/%m/%Y}"
        if session.registration_deadline
        else ""
    )
    doc.paragraph(
        f"Đề nghị các đơn vị đăng ký danh sách người dự trên Vinh Danh{deadline}{limit}. "
        "Rất mong các đơn vị tham dự đầy đủ, đúng thành phần."
    )
    doc.signature(authority=f"TM. {council.name.upper()}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Như thành phần mời", "Lưu: VT"])
    return doc.to_bytes()


def report_document(session: TrainingSession, report: AttendanceReport, attendees) -> bytes:
    """The report of the session: who attended from which unit, who sent nobody, the
    evaluations, and the list of attendees in an annex."""
    council = session.council
    doc = AdminDocument(
        letterhead_for(council.unit),
        date=timezone.localdate(),
        kind="BÁO CÁO",
        subject=f"Kết quả {session.title}",
    )
    doc.heading("I. TÌNH HÌNH TỔ CHỨC")
    doc.paragraph(
        f"Thực hiện kế hoạch công tác thi đua, khen thưởng năm {session.year}, {council.name} "
        f"đã tổ chức {session.title} {_when(session)}, tại {session.place}."
    )
    trainers = session.trainer_list()
    if trainers:
        doc.paragraph("Báo cáo viên: " + "; ".join(trainers) + ".")
    doc.paragraph(
        f"Số đơn vị được mời: {len(report.lines)}. Số người đăng ký: {report.registered}; "
        f"có mặt: {report.present} ({vn_number(round(report.attendance_share * 100, 1))}%)."
    )
    if report.absent_units:
        doc.paragraph(
            "Các đơn vị không cử người dự: "
            + "; ".join(line.name for line in report.absent_units)
            + "."
        )
    else:
        doc.paragraph("Tất cả các đơn vị được mời đều cử người dự.")
    doc.heading("II. ĐÁNH GIÁ CỦA HỌC VIÊN")
    if report.averages:
        doc.paragraph(
            f"Số phiếu đánh giá: {report.evaluations}. Điểm bình quân (thang 5): "
            + "; ".join(
                f"{question} {vn_number(score)}"
                for question, score in zip(QUESTIONS, report.averages, strict=True)
            )
            + "."
        )
    else:
        doc.paragraph("Chưa có phiếu đánh giá của học viên.")
    doc.heading("III. KẾT QUẢ, ĐÁNH GIÁ CHUNG")
    for line in session.result_summary.splitlines() or [""]:
        if line.strip():
            doc.paragraph(line.strip())
    doc.signature(authority=f"TM. {council.name.upper()}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Thường trực Hội đồng", "Các đơn vị được mời", "Lưu: VT"])
    doc.annex("SỐ NGƯỜI DỰ THEO ĐƠN VỊ", f"(Kèm theo Báo cáo kết quả {session.title})")
    doc.table(
        ["STT", "Đơn vị", "Đăng ký", "Có mặt", "Vắng"],
        [
            [index, line.name, line.registered, line.present, line.absent]
            for index, line in enumerate(report.lines, start=1)
        ],
        widths_cm=[1.2, 8.7, 2.2, 2.2, 2.2],
    )
    doc.annex("DANH SÁCH HỌC VIÊN", "")
    doc.table(
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Có mặt"],
        [
            [
                index,
                attendee.person.full_name,
                attendee.person.position,
                attendee.unit.name,
                "x" if attendee.attended else "vắng" if attendee.attended is False else "",
            ]
            for index, attendee in enumerate(attendees, start=1)
        ],
        widths_cm=[1.2, 5.0, 3.8, 4.7, 1.8],
    )
    return doc.to_bytes()
