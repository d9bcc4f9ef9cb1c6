"""Generated documents of a ceremony: the programme, the script (kịch bản), the report."""

from django.utils import timezone

from vinhdanh.ceremonies.models import Ceremony
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.movements.letterheads import letterhead_for


def _when(ceremony: Ceremony) -> str:
    at = timezone.localtime(ceremony.held_at)
    return f"{at:%H giờ %M}, ngày {at:%d/%m/%Y}"


def _groups(honourees) -> list[tuple[str, list[str]]]:
    """Honourees by title, in the order of presentation: one call to the stage per title."""
    groups: list[tuple[str, list[str]]] = []
    for honouree in honourees:
        title = honouree.certificate.title_name
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        groups[-1][1].append(honouree.certificate.recipient)
    return groups


def _decision_line(decision) -> str:
    return f"{decision.reference} ngày {decision.signed_on:%d/%m/%Y}"


def programme_document(ceremony: Ceremony) -> bytes:
    doc = AdminDocument(
        letterhead_for(ceremony.council.unit),
        date=timezone.localdate(ceremony.held_at),
        kind="CHƯƠNG TRÌNH",
        subject=ceremony.title,
    )
    doc.paragraph(f"Thời gian: {_when(ceremony)}. Địa điểm: {ceremony.place}.")
    if ceremony.chair:
        doc.paragraph(f"Chủ trì: {ceremony.chair}.")
    doc.table(
        ["STT", "Nội dung"],
        [[index, item] for index, item in enumerate(ceremony.programme_items(), start=1)],
        widths_cm=[1.5, 15.0],
    )
    return doc.to_bytes()


def script_document(ceremony: Ceremony, honourees) -> bytes:
    """Kịch bản: what the host says, step by step, and who is called to the stage when."""
    doc = AdminDocument(
        letterhead_for(ceremony.council.unit),
        date=timezone.localdate(ceremony.held_at),
        kind="KỊCH BẢN",
        subject=ceremony.title,
    )
    host = ceremony.host or "Người dẫn chương trình"
    doc.heading("1. ỔN ĐỊNH TỔ CHỨC, CHÀO CỜ")
    doc.paragraph(
        f"{host}: Kính thưa các đồng chí đại biểu, thưa toàn thể hội nghị! Mời các đồng chí "
        "đứng dậy làm lễ chào cờ."
    )
    doc.heading("2. TUYÊN BỐ LÝ DO, GIỚI THIỆU ĐẠI BIỂU")
    doc.paragraph(
        f"{host}: Được sự nhất trí của {ceremony.council.name}, hôm nay, vào hồi "
        f"{_when(ceremony)}, tại {ceremony.place}, {ceremony.council.name} tổ chức "
        f"{ceremony.title}."
    )
    guests = ceremony.guest_list()
    if guests:
        doc.paragraph("Đến dự hội nghị, trân trọng giới thiệu:")
        for guest in guests:
            doc.paragraph(f"- {guest}")
    for index, item in enumerate(ceremony.programme_items(), start=3):
        doc.heading(f"{index}. {item.upper()}")
        if "khen thưởng" in item.lower() or "trao" in item.lower():
            for title, names in _groups(honourees):
                doc.paragraph(
                    f"{host}: Xin trân trọng kính mời đại diện các tập thể, cá nhân được tặng "
                    f"{title} lên nhận khen thưởng:"
                )
                for number, name in enumerate(names, start=1):
                    doc.paragraph(f"{number}. {name}")
    doc.heading("BẾ MẠC")
    doc.paragraph(
        f"{host}: {ceremony.title} đến đây là kết thúc. Xin trân trọng cảm ơn các đồng chí "
        "đại biểu và toàn thể hội nghị."
    )
    doc.annex("DANH SÁCH TRAO TẶNG THEO THỨ TỰ", f"({ceremony.title})")
    doc.table(
        ["STT", "Người, tập thể được khen", "Danh hiệu, hình thức", "Quyết định"],
        [
            [
                h.position,
                h.certificate.recipient,
                h.certificate.title_name,
                _decision_line(h.certificate.decision),
            ]
            for h in honourees
        ],
        widths_cm=[1.2, 6.3, 4.5, 4.5],
    )
    return doc.to_bytes()
