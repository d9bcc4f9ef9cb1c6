"""Reading signed documents and a council's certificates within the user's scope."""

from django.core.exceptions import ValidationError

from vinhdanh.accounts.access import scope_queryset
from vinhdanh.org.models import Council
from vinhdanh.signing import pades
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot


def councils_for(user):
    return scope_queryset(user, Council.objects.select_related("unit")).order_by("unit__path")


def certificates_for(user):
    return scope_queryset(
        user, SigningCertificate.objects.select_related("council", "uploaded_by")
    ).order_by("council__unit__path", "-active", "-uploaded_at")


def trust_roots_for(user):
    return scope_queryset(user, TrustRoot.objects.select_related("council")).order_by(
        "council__unit__path", "subject"
    )


def signed_documents(decision):
    """The decision's signed PDFs, newest first (the decision's and its certificates')."""
    return (
        SignedDocument.objects.filter(decision=decision, status=SignedDocument.Status.SIGNED)
        .select_related("certificate", "decision")
        .order_by("-pk")
    )


def current_for_decision(decision) -> SignedDocument | None:
    return signed_documents(decision).filter(certificate__isnull=True).first()


def current_for_certificate(certificate) -> SignedDocument | None:
    return (
        SignedDocument.objects.filter(certificate=certificate, status=SignedDocument.Status.SIGNED)
        .select_related("decision")
        .order_by("-pk")
        .first()
    )


def check(document: SignedDocument) -> pades.Verdict:
    """The stored signed file validated now, against its council's trust roots."""
    from vinhdanh.signing.services import issuing_council, trust_roots_of

    if not document.file:
        return pades.Verdict(signed=False, problem="Chưa có tệp đã ký.")
    try:
        with document.file.open("rb") as handle:
            content = handle.read()
    except OSError:
        return pades.Verdict(signed=False, problem="Không đọc được tệp đã ký.")
    if pades.sha256(content) != document.signed_sha256:
        return pades.Verdict(
            signed=True, problem="Tệp đã lưu khác với tệp đã ký: nội dung bị thay đổi."
        )
    try:
        roots = trust_roots_of(issuing_council(document.decision))
    except ValidationError:
        roots = []
    return pades.validate(content, roots)
