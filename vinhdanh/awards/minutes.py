"""The minutes of a council meeting (biên bản họp Hội đồng) as .docx, NĐ 30/2020 layout."""

import datetime

from django.utils import timezone

from vinhdanh.awards.documents_out import counted_sentence
from vinhdanh.awards.letterheads import place_name, unit_letterhead
from vinhdanh.awards.models import AttendanceStatus, Meeting
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.layout import Letterhead

RESULT_HEADERS = [
    "STT",
    "Họ và tên / Tập thể",
    "Danh hiệu, hình thức",
    "Đồng ý",
    "Không đồng ý",
    "Không biểu quyết",
    "Tỷ lệ đồng ý / tổng số thành viên",
    "Kết quả",
]


def _letterhead(meeting: Meeting) -> Letterhead:
    council = meeting.council
    return Letterhead(
        parent_body=unit_letterhead(council.unit).issuer,
        issuer=council.name,
        number="     /BB-HĐTĐKT",
        place=place_name(council.unit),
    )


def _result_row(index, item) -> list:
    vote = item.vote
    nomination = item.nomination
    if vote is None:
        return [
            index,
            nomination.subject_name,
            nomination.title.name,
            "",
            "",
            "",
            "",
            "Chưa biểu quyết",
        ]
    members = vote.members_count or 1
    percent = f"{vote.agree * 100 / members:.1f}".replace(".", ",")  # Vietnamese: 88,9%
    share = f"{vote.agree}/{vote.members_count} ({percent}%)"
    if vote.is_open:
        result = "Đang biểu quyết"
    else:
        result = "Thông qua" if vote.passed else "Không thông qua"
    return [
        index,
        nomination.subject_name,
        nomination.title.name,
        vote.agree,
        vote.disagree,
        vote.abstain,
        share,
        f"{result} (yêu cầu {vote.threshold * 100:.0f}%: {vote.threshold_note})",
    ]


def minutes_docx(meeting: Meeting, *, day: datetime.date | None = None) -> bytes:
    """Attendance, every dossier's result, the chair's and the secretary's signatures."""
    day = day or meeting.held_on or timezone.localdate()
    council = meeting.council
    attendance = list(meeting.attendance.select_related("member__person").order_by("member_id"))
    by_status = {status: [] for status in AttendanceStatus.values}
    for row in attendance:
        by_status[row.status].append(row.member)
    items = list(
        meeting.items.select_related("vote", "nomination__title", "nomination__person")
        .select_related("nomination__collective")
        .order_by("pk")
    )
    doc = AdminDocument(
        _letterhead(meeting),
        date=day,
        kind="BIÊN BẢN",
        subject=f"Họp {council.name}: {meeting.title}",
    )
    opened = timezone.localtime(meeting.opened_at) if meeting.opened_at else None
    start = f"Vào hồi {opened:%H} giờ {opened:%M}, ngày" if opened else "Vào ngày"
    doc.paragraph(
        f"{start} {meeting.held_on:%d/%m/%Y}"
        + (f", tại {meeting.place}" if meeting.place else "")
        + f", {council.name} họp để xét, đề nghị khen thưởng."
    )
    chair = str(meeting.chair.person) if meeting.chair_id else ""
    doc.heading("I. THÀNH PHẦN THAM DỰ")
    doc.paragraph(f"- Chủ trì: {chair or '…'}.")
    doc.paragraph(f"- Thư ký: {meeting.secretary or '…'}.")
    total = meeting.members_count or len(attendance)
    doc.paragraph(
        f"- Tổng số thành viên Hội đồng: {total}; có mặt: "
        f"{len(by_status[AttendanceStatus.PRESENT])}; vắng mặt có ý kiến bằng văn bản: "
        f"{len(by_status[AttendanceStatus.WRITTEN])}; vắng mặt: "
        f"{len(by_status[AttendanceStatus.ABSENT])}."
    )
    absent = [m.person.full_name for m in by_status[AttendanceStatus.ABSENT]]
    if absent:
        doc.paragraph(f"- Vắng mặt: {', '.join(absent)}.")
    if meeting.quorum_note:
        doc.paragraph(f"- Điều kiện tiến hành phiên họp: {meeting.quorum_note}.")
    doc.table(
        ["STT", "Họ và tên", "Chức danh trong Hội đồng", "Tham dự"],
        [
            [
                index,
                row.member.person.full_name,
                row.member.title_in_council or row.member.get_role_display(),
                row.get_status_display(),
            ]
            for index, row in enumerate(attendance, 1)
        ],
        widths_cm=[1.2, 5.8, 5.5, 4.0],
        align=["center", "left", "left", "left"],
    )
    doc.heading("II. NỘI DUNG")
    nominations = [item.nomination for item in items]
    doc.paragraph(
        f"Hội đồng xem xét {len(items)} hồ sơ đề nghị khen thưởng"
        + (f" ({counted_sentence(nominations)})" if nominations else "")
        + "; Thường trực Hội đồng báo cáo kết quả thẩm định và công khai; các thành viên thảo "
        "luận và biểu quyết bằng phiếu kín từng hồ sơ."
    )
    doc.heading("III. KẾT QUẢ BIỂU QUYẾT")
    doc.paragraph(
        "Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng (kể cả thành viên vắng mặt); "
        "số phiếu gồm phiếu trực tuyến, phiếu kiểm tại phòng họp và ý kiến bằng văn bản của "
        "thành viên vắng mặt."
    )
    doc.table(
        RESULT_HEADERS,
        [_result_row(i, item) for i, item in enumerate(items, 1)],
        widths_cm=[1.3, 2.6, 2.3, 1.6, 1.9, 1.9, 2.2, 2.7],
        align=["center", "left", "left", "center", "center", "center", "center", "left"],
    )
    passed = sum(1 for item in items if item.vote is not None and item.vote.passed)
    closed_votes = sum(1 for item in items if item.vote is not None and not item.vote.is_open)
    doc.paragraph(
        f"Kết quả: {passed} hồ sơ được thông qua; {closed_votes - passed} hồ sơ không được thông "
        f"qua; {len(items) - closed_votes} hồ sơ chưa kết thúc biểu quyết."
    )
    if meeting.close_reason:
        doc.paragraph(
            f"Người chủ trì xác nhận kết thúc khi còn thành viên có mặt chưa biểu quyết. "
            f"Lý do: {meeting.close_reason}"
        )
    closed = timezone.localtime(meeting.closed_at) if meeting.closed_at else None
    doc.paragraph(
        "Phiên họp kết thúc"
        + (f" vào hồi {closed:%H} giờ {closed:%M} ngày {closed:%d/%m/%Y}" if closed else "")
        + ". Biên bản đã được đọc lại cho các thành viên dự họp và được nhất trí thông qua; "
        "biên bản lập thành 02 bản, lưu hồ sơ đề nghị khen thưởng./."
    )
    doc.signatures(("THƯ KÝ", meeting.secretary), ("CHỦ TRÌ", chair))
    return doc.to_bytes()
