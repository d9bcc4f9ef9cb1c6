"""The PDFs to sign, from the same data the decision's .docx and the certificates are made of.

The decision's text (bases, articles, annex rows with their bonus) is composed once by
`awards.documents_out.decision_content`, which the .docx writes too; `documents.decision_pdf`
lays it out. A certificate is the one `awards.printing` prints.
"""

from vinhdanh.awards import documents_out
from vinhdanh.awards.printing import certificate_pdf
from vinhdanh.documents.decision_pdf import DecisionText, render_decision
from vinhdanh.documents.layout import place_and_date, place_of


def decision_text(decision, *, chairman: str = "") -> DecisionText:
    content = documents_out.decision_content(decision, chairman=chairman)
    head = content.head
    signer_authority = (
        f"{content.delegation}\n{content.authority}" if content.delegation else content.authority
    )
    return DecisionText(
        # A People's Committee's document carries no line of a body above it (ND 30/2020,
        # Phụ lục I); a body that has a parent keeps it.
        parent_body="" if head.issuer.lower().startswith("ủy ban nhân dân") else head.parent_body,
        issuer=head.issuer,
        number=head.number,
        place_date=place_and_date(place_of(head), decision.signed_on),
        subject=decision.subject,
        authority=f"CHỦ TỊCH {head.issuer.upper()}",
        bases=content.bases,
        # The PDF sets an article as one paragraph: its lines follow its sentence.
        articles=[" ".join([text, *lines]) for text, lines in content.articles],
        signer_authority=signer_authority,
        signer=content.signer,
        recipients=[*content.recipients, "Lưu: VT"],
        annex_title=content.annex_title,
        annex_caption=content.annex_caption,
        annex_headers=[*documents_out.DECISION_HEADERS],
        annex_rows=[*content.annex_rows, content.total_row],
        annex_widths=[0.6, 1.9, 1.9, 1.4, 0.8, 1.3, 2.4][: len(documents_out.DECISION_HEADERS)],
    )


def decision_pdf(decision) -> bytes:
    return render_decision(decision_text(decision))


def award_certificate_pdf(certificate, base_url: str) -> bytes:
    return certificate_pdf(certificate, base_url)
