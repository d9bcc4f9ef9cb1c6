"""The PDFs to sign, from the same data the decision's .docx and the certificates are made of.

The decision's text (bases, articles, annex rows with their bonus) comes from
`awards.documents_out`, the one place it is composed; `documents.decision_pdf` lays it
out. A certificate is the one `awards.printing` prints.
"""

from vinhdanh.awards import documents_out
from vinhdanh.awards.letterheads import unit_letterhead
from vinhdanh.awards.printing import certificate_pdf
from vinhdanh.documents.decision_pdf import DecisionText, render_decision
from vinhdanh.documents.layout import place_and_date


def decision_text(decision, *, chairman: str = "") -> DecisionText:
    head = unit_letterhead(decision.issuer, decision.reference)
    recipients = documents_out.recipients(decision).select_related("title")
    titles = sorted({nomination.title.name for nomination in recipients})
    bonus = documents_out._decision_bonus(decision)
    return DecisionText(
        # A People's Committee's document carries no line of a body above it (ND 30/2020,
        # Phụ lục I); a body that has a parent keeps it.
        parent_body="" if head.issuer.lower().startswith("ủy ban nhân dân") else head.parent_body,
        issuer=head.issuer,
        number=head.number,
        place_date=place_and_date(head.place, decision.signed_on),
        subject=decision.subject,
        authority=f"CHỦ TỊCH {head.issuer.upper()}",
        bases=["Căn cứ Luật Tổ chức chính quyền địa phương;"]
        + [f"Căn cứ {law};" for law in documents_out._laws(decision)]
        + ["Xét đề nghị của Hội đồng Thi đua - Khen thưởng."],
        articles=[
            f"Tặng {', '.join(titles)} cho các cá nhân, tập thể có tên trong danh sách kèm theo "
            "vì đã có thành tích xuất sắc.",
            f"Tiền thưởng kèm theo danh hiệu, hình thức khen thưởng tại Điều 1 tổng cộng "
            f"{bonus.total_text}, tính theo mức lương cơ sở áp dụng ngày "
            f"{decision.signed_on:%d/%m/%Y}; mức và căn cứ của từng trường hợp ghi trong danh "
            "sách kèm theo; chi từ quỹ thi đua, khen thưởng theo quy định.",
            "Quyết định có hiệu lực kể từ ngày ký.",
            "Chánh Văn phòng, Trưởng phòng Nội vụ, thủ trưởng các đơn vị và các cá nhân, tập thể "
            "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ],
        signer_authority=(decision.signer_role or "Chủ tịch").upper(),
        signer=chairman or decision.signer,
        recipients=["Như Điều 4", "Hội đồng Thi đua - Khen thưởng", "Lưu: VT"],
        annex_caption=(
            f"(Kèm theo Quyết định số {decision.reference} ngày {decision.signed_on:%d/%m/%Y} "
            f"của Chủ tịch {head.issuer})"
        ),
        annex_headers=documents_out.DECISION_HEADERS,
        annex_rows=documents_out._decision_rows(decision, bonus),
        annex_widths=[0.6, 1.9, 1.9, 1.4, 0.8, 1.3, 2.4][: len(documents_out.DECISION_HEADERS)],
    )


def decision_pdf(decision) -> bytes:
    return render_decision(decision_text(decision))


def award_certificate_pdf(certificate, base_url: str) -> bytes:
    return certificate_pdf(certificate, base_url)
