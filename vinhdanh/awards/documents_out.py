"""The documents of a commendation round: letters, report templates, decisions, lists."""

import datetime

from django.utils import timezone

from vinhdanh.awards.bonus import BonusRows, bonus_rows
from vinhdanh.awards.letterheads import unit_letterhead
from vinhdanh.documents.admin_docx import AdminDocument
from vinhdanh.documents.admin_xlsx import list_workbook

LIST_HEADERS = ["STT", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Danh hiệu, hình thức", "Năm"]


def _row(index: int, nomination) -> list:
    if nomination.person_id:
        person = nomination.person
        where = ", ".join(part for part in (person.position, person.unit.name) if part)
    else:
        where = nomination.collective.parent.name if nomination.collective.parent_id else ""
    return [index, nomination.subject_name, where, nomination.title.name, nomination.year]


def submission_letter(batch, nominations, *, day: datetime.date | None = None) -> bytes:
    """Tờ trình of a unit proposing its nominations, with the list as an annex."""
    day = day or timezone.localdate()
    head = unit_letterhead(batch.unit, batch.letter_number)
    doc = AdminDocument(
        head,
        date=day,
        kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng năm {batch.year}",
    )
    doc.paragraph("Kính gửi: Hội đồng Thi đua - Khen thưởng", align="center", indent=False)
    doc.paragraph(
        f"{batch.unit.name} đề nghị Hội đồng Thi đua - Khen thưởng xem xét, khen thưởng "
        f"cho {len(nominations)} cá nhân, tập thể có thành tích trong năm {batch.year} "
        "(danh sách kèm theo)."
    )
    doc.paragraph("Kính trình Hội đồng xem xét, quyết định.")
    doc.signature(authority=f"TM. {head.issuer}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Như trên"])
    doc.annex("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", f"(Kèm theo Tờ trình của {batch.unit.name})")
    doc.table(LIST_HEADERS, [_row(i, n) for i, n in enumerate(nominations, 1)])
    return doc.to_bytes()


def forwarding_letter(submission, nominations, votes, *, day: datetime.date | None = None) -> bytes:
    """Tờ trình of a council sending the dossiers it passed to the council above.

    `votes` maps a nomination's id to the summary of the sender council's vote on it.
    """
    day = day or timezone.localdate()
    sender = submission.from_council
    head = unit_letterhead(sender.unit, submission.letter_number)
    years = sorted({n.year for n in nominations})
    doc = AdminDocument(
        head,
        date=day,
        kind="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng năm {', '.join(map(str, years))}",
    )
    doc.paragraph(f"Kính gửi: {submission.destination}", align="center", indent=False)
    doc.paragraph(
        f"Căn cứ kết quả bỏ phiếu của {sender.name}, {head.issuer} kính trình xem xét, "
        f"khen thưởng cho {len(nominations)} cá nhân, tập thể (danh sách kèm theo); các "
        "hình thức này thuộc thẩm quyền quyết định của cấp trên."
    )
    if submission.note:
        doc.paragraph(submission.note)
    doc.paragraph("Kính trình xem xét, quyết định.")
    doc.signature(authority=f"TM. {head.issuer}", role_line="CHỦ TỊCH", signer="")
    doc.recipients(["Như trên", "Lưu: VT"])
    doc.annex("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", f"(Kèm theo Tờ trình của {head.issuer})")
    doc.table(
        [*LIST_HEADERS, "Kết quả bỏ phiếu của Hội đồng"],
        [[*_row(i, n), votes.get(n.pk, "")] for i, n in enumerate(nominations, 1)],
    )
    return doc.to_bytes()


def achievement_report_template(nomination) -> bytes:
    """A report of achievements prefilled with the subject's data, for the unit to complete."""
    unit = nomination.unit
    doc = AdminDocument(
        unit_letterhead(unit),
        date=timezone.localdate(),
        kind="BÁO CÁO THÀNH TÍCH",
        subject=f"Đề nghị tặng {nomination.title.name} năm {nomination.year}",
    )
    doc.heading("I. SƠ LƯỢC LÝ LỊCH")
    if nomination.person_id:
        person = nomination.person
        doc.paragraph(f"- Họ và tên: {person.full_name}")
        doc.paragraph(f"- Giới tính: {person.get_gender_display()}")
        doc.paragraph(f"- Năm sinh: {person.birth_year or ''}")
        doc.paragraph(f"- Chức vụ: {person.position}")
        doc.paragraph(f"- Đơn vị công tác: {person.unit.name}")
    else:
        doc.paragraph(f"- Tên tập thể: {nomination.collective.name}")
        doc.paragraph(f"- Đơn vị cấp trên: {nomination.collective.parent or ''}")
    doc.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    doc.paragraph(nomination.achievements)
    doc.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    from vinhdanh.awards.selectors import awards_history

    rows = [
        [entry["year"], award.title.name, award.decision.reference if award.decision else ""]
        for entry in awards_history(nomination.subject)
        for award in entry["awards"]
    ]
    doc.table(["Năm", "Danh hiệu, hình thức", "Số quyết định"], rows)
    doc.signature(authority="XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", signer="")
    return doc.to_bytes()


def recipients(decision):
    """The dossiers a decision was taken on: a lower council's original, reached by the
    decision of the council above on its received copy, is the same award once."""
    return decision.nominations.exclude(copies_above__decision=decision)


DECISION_HEADERS = [*LIST_HEADERS, "Tiền thưởng (đồng)", "Căn cứ mức thưởng"]


def _decision_bonus(decision) -> BonusRows:
    nominations = recipients(decision).select_related("person__unit", "collective__parent", "title")
    certificates = decision.certificates.all()
    return bonus_rows(decision, list(nominations.order_by("title__pk", "pk")), certificates)


def _decision_rows(decision, bonus: BonusRows | None = None) -> list[list]:
    """The annex: one row per award with its amount and basis, then the total."""
    bonus = bonus or _decision_bonus(decision)
    rows = [
        [*_row(i, n), b.amount_text if b else "", b.basis_text if b else ""]
        for i, (n, b) in enumerate(bonus.rows, 1)
    ]
    rows.append(["", "Tổng cộng", "", "", "", bonus.total_text, _total_note(bonus)])
    return rows


def _total_note(bonus: BonusRows) -> str:
    notes = []
    if bonus.unknown:
        notes.append(f"{bonus.unknown} trường hợp chưa tính được mức thưởng")
    if bonus.unconfirmed:
        notes.append("có mức chưa xác nhận, cần đối chiếu văn bản")
    return "; ".join(notes)


def decision_docx(decision, *, chairman: str = "") -> bytes:
    head = unit_letterhead(decision.issuer, decision.reference)
    doc = AdminDocument(head, date=decision.signed_on, kind="QUYẾT ĐỊNH", subject=decision.subject)
    doc.heading(f"CHỦ TỊCH {head.issuer.upper()}")
    doc.bases(
        ["Căn cứ Luật Tổ chức chính quyền địa phương;"]
        + [f"Căn cứ {law};" for law in _laws(decision)]
        + ["Xét đề nghị của Hội đồng Thi đua - Khen thưởng."]
    )
    doc.heading("QUYẾT ĐỊNH:")
    titles = sorted({n.title.name for n in recipients(decision).select_related("title")})
    doc.article(
        1,
        f"Tặng {', '.join(titles)} cho các cá nhân, tập thể có tên trong danh sách kèm theo "
        "vì đã có thành tích xuất sắc.",
    )
    bonus = _decision_bonus(decision)
    doc.article(
        2,
        f"Tiền thưởng kèm theo danh hiệu, hình thức khen thưởng tại Điều 1 tổng cộng "
        f"{bonus.total_text}, tính theo mức lương cơ sở áp dụng ngày "
        f"{decision.signed_on:%d/%m/%Y}; mức và căn cứ của từng trường hợp ghi trong danh sách "
        "kèm theo; chi từ quỹ thi đua, khen thưởng theo quy định.",
    )
    doc.article(3, "Quyết định có hiệu lực kể từ ngày ký.")
    doc.article(
        4,
        "Chánh Văn phòng, Trưởng phòng Nội vụ, thủ trưởng các đơn vị và các cá nhân, tập thể "
        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
    )
    doc.signature(authority="CHỦ TỊCH", signer=chairman or decision.signer)
    doc.recipients(["Như Điều 4", "Hội đồng Thi đua - Khen thưởng"])
    doc.annex(
        "DANH SÁCH KHEN THƯỞNG",
        f"(Kèm theo Quyết định số {decision.reference} ngày {decision.signed_on:%d/%m/%Y})",
    )
    doc.table(DECISION_HEADERS, _decision_rows(decision, bonus))
    return doc.to_bytes()


def _laws(decision) -> list[str]:
    bases = set()
    for nomination in recipients(decision).select_related("title"):
        text = nomination.title.basis_on(decision.signed_on)
        if text:
            bases.add(text)
    return sorted(bases)


def decision_xlsx(decision) -> bytes:
    return list_workbook(
        unit_letterhead(decision.issuer),
        title=f"Danh sách khen thưởng kèm theo Quyết định số {decision.reference}",
        date=decision.signed_on,
        headers=DECISION_HEADERS,
        rows=_decision_rows(decision),
    )
