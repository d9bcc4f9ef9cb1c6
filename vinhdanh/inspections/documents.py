"""Generated documents of inspections: the minutes of a visit and the year's summary."""

from django.utils import timezone

from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.inspections.models import InspectionPlan, Visit
from vinhdanh.inspections.summary import Summary
from vinhdanh.movements.letterheads import letterhead_for


def _people(team) -> list[str]:
    lines = [f"- {_name(team.leader)}, Trưởng đoàn"]
    lines += [f"- {_name(member)}, thành viên" for member in team.members.all()]
    return lines


def _name(user) -> str:
    return user.get_full_name() or user.username


def minutes_document(visit: Visit) -> bytes:
    """Biên bản kiểm tra: who inspected whom, when and where, the findings item by item, the
    team's conclusion, what the unit must put right by when, and both signatures."""
    plan = visit.plan
    doc = AdminDocument(
        letterhead_for(plan.council.unit),
        date=visit.scheduled_on,
        kind="BIÊN BẢN KIỂM TRA",
        subject=f"Công tác thi đua, khen thưởng năm {plan.year} tại {visit.unit.name}",
    )
    basis = f" số {plan.document_number}" if plan.document_number else ""
    doc.paragraph(
        f"Thực hiện Kế hoạch{basis} của {plan.council.name} về {plan.title[0].lower()}"
        f"{plan.title[1:]}, hôm nay, ngày {visit.scheduled_on:%d/%m/%Y}, tại "
        f"{visit.place or visit.unit.name}, {visit.team.name} đã kiểm tra công tác thi đua, "
        f"khen thưởng của {visit.unit.name}."
    )
    doc.heading("I. THÀNH PHẦN")
    doc.paragraph("1. Đoàn kiểm tra:", indent=False)
    for line in _people(visit.team):
        doc.paragraph(line, indent=False)
    doc.paragraph("2. Đơn vị được kiểm tra:", indent=False)
    doc.paragraph(f"- {visit.unit_representative or '…………………………'}", indent=False)
    doc.heading("II. KẾT QUẢ KIỂM TRA")
    findings = {f.item_id: f for f in visit.findings.all()}
    rows = []
    for item in plan.items.all():
        finding = findings.get(item.pk)
        rows.append(
            [
                item.position,
                item.text,
                finding.get_result_display() if finding else "",
                (finding.note if finding else ""),
                (finding.evidence or finding.evidence_name) if finding else "",
            ]
        )
    doc.table(
        ["STT", "Nội dung kiểm tra", "Kết quả", "Nhận xét", "Minh chứng"],
        rows,
        widths_cm=[1.0, 5.0, 2.2, 4.3, 4.0],
    )
    doc.heading("III. KẾT LUẬN VÀ KIẾN NGHỊ")
    for line in visit.conclusion.splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    follow_ups = list(visit.follow_ups.all())
    if follow_ups:
        doc.paragraph("Đơn vị thực hiện khắc phục các nội dung sau:")
        for index, item in enumerate(follow_ups, start=1):
            doc.paragraph(f"{index}. {item.text} (hạn hoàn thành: {item.due_on:%d/%m/%Y}).")
    doc.paragraph(
        "Biên bản được lập thành 02 bản có giá trị như nhau, đoàn kiểm tra giữ 01 bản, đơn vị "
        "được kiểm tra giữ 01 bản; các thành viên đã đọc lại và thống nhất ký tên."
    )
    doc.signatures(
        ("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", visit.unit_representative.split(",")[0].strip()),
        ("TRƯỞNG ĐOÀN KIỂM TRA", _name(visit.team.leader)),
    )
    return doc.to_bytes()


def summary_document(plan: InspectionPlan, summary: Summary) -> bytes:
    """The year's report of the inspections: units inspected, results per item, follow-ups."""
    doc = AdminDocument(
        letterhead_for(plan.council.unit),
        date=timezone.localdate(),
        kind="BÁO CÁO",
        subject=f"Kết quả kiểm tra công tác thi đua, khen thưởng năm {plan.year}",
    )
    doc.heading("I. TÌNH HÌNH TRIỂN KHAI")
    doc.paragraph(
        f"Thực hiện {plan.title}, {plan.council.name} đã tổ chức kiểm tra {summary.units} đơn "
        f"vị; {summary.signed} đơn vị đã ký biên bản kiểm tra."
    )
    doc.heading("II. KẾT QUẢ KIỂM TRA")
    doc.table(
        ["STT", "Nội dung kiểm tra", "Đạt", "Đạt một phần", "Chưa đạt", "Không áp dụng"],
        [
            [
                line.position,
                line.text,
                line.counts["met"],
                line.counts["partly"],
                line.counts["not_met"],
                line.counts["na"],
            ]
            for line in summary.items
        ],
        widths_cm=[1.0, 7.3, 1.8, 2.2, 2.0, 2.2],
    )
    if summary.units_all_met:
        doc.paragraph(
            "Các đơn vị đạt toàn bộ nội dung kiểm tra: " + "; ".join(summary.units_all_met) + "."
        )
    doc.paragraph(
        f"Việc khắc phục sau kiểm tra: {summary.follow_ups_done} việc đã hoàn thành, "
        f"{summary.follow_ups_open} việc đang thực hiện"
        + (
            f", trong đó {summary.follow_ups_late} việc quá hạn."
            if summary.follow_ups_late
            else "."
        )
    )
    doc.heading("III. ĐÁNH GIÁ CHUNG")
    for line in plan.summary.splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    doc.signature(authority=f"TM. {plan.council.name.upper()}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Thường trực Hội đồng", "Các đơn vị được kiểm tra", "Lưu: VT"])
    return doc.to_bytes()
