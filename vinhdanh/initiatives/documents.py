"""The recognition decision of an initiative (.docx, through documents.admin_docx)."""

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.layout import Letterhead
from vinhdanh.initiatives.models import Initiative, InitiativeKind
from vinhdanh.initiatives.rules import legal_bases
from vinhdanh.movements.letterheads import place_of


def decision_document(initiative: Initiative) -> bytes:
    council = initiative.council
    unit = council.unit
    parent = unit.parent.name if unit.parent_id else ""
    doc = AdminDocument(
        Letterhead(
            parent_body=parent,
            issuer=unit.name,
            number=initiative.decision_number,
            place=place_of(unit),
        ),
        date=initiative.decision_date,
        kind="QUYẾT ĐỊNH",
        subject=f"Về việc công nhận {initiative.get_kind_display().lower()} "
        f"có phạm vi ảnh hưởng {initiative.scope_label.lower()} năm {initiative.year}",
    )
    doc.bases(
        [f"Căn cứ {basis};" for basis in legal_bases()]
        + [
            f"Căn cứ kết quả họp {council.name} ngày "
            f"{initiative.meeting_on:%d/%m/%Y}: {initiative.votes_for}/"
            f"{initiative.members_present} "
            "thành viên dự họp đồng ý công nhận;"
            if initiative.meeting_on
            else f"Căn cứ đề nghị của {council.name};"
        ]
    )
    doc.heading("QUYẾT ĐỊNH:")
    noun = "sáng kiến" if initiative.kind == InitiativeKind.INITIATIVE else "đề tài khoa học"
    doc.article(
        1,
        f"Công nhận {noun} “{initiative.name}” (lĩnh vực: {initiative.field}) do "
        f"{initiative.unit.name} áp dụng từ ngày {initiative.first_applied_on:%d/%m/%Y}, "
        f"có phạm vi ảnh hưởng {initiative.scope_label.lower()}, của các tác giả sau:",
    )
    rows = [
        [str(n), a.person.full_name, a.person.position or "", a.person.unit.name, f"{a.share}%"]
        for n, a in enumerate(initiative.authors.select_related("person__unit"), start=1)
    ]
    doc.table(
        ["TT", "Họ và tên", "Chức vụ", "Đơn vị", "Tỷ lệ đóng góp"],
        rows,
        widths_cm=[1.0, 4.5, 3.5, 4.5, 2.5],
    )
    period = f" đến ngày {initiative.valid_until:%d/%m/%Y}" if initiative.valid_until else ""
    doc.article(
        2,
        f"Sáng kiến được công nhận là căn cứ xét danh hiệu thi đua, hình thức khen thưởng "
        f"năm {initiative.year}{period} theo quy định của pháp luật về thi đua, khen thưởng.",
    )
    doc.article(
        3,
        "Quyết định có hiệu lực kể từ ngày ký. Thường trực Hội đồng sáng kiến, "
        f"{initiative.unit.name} và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành.",
    )
    doc.signature(
        authority=unit.name,
        role_line=initiative.decision_signer_title,
        signer=initiative.decision_signer,
    )
    doc.recipients(["Như Điều 3", "Hội đồng Thi đua - Khen thưởng", "Lưu: VT"])
    return doc.to_bytes()
