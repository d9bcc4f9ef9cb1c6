"""Every change of the signing app: one function per action, checked, in a transaction, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.audit.services import record
from vinhdanh.awards.models import DecisionState
from vinhdanh.core.uploads import CERTIFICATES, MB, PKCS12, validate_upload
from vinhdanh.org.models import Council
from vinhdanh.signing import pades, rendering
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot
from vinhdanh.signing.permissions import (
    MANAGE_CERTIFICATES,
    SIGN_CERTIFICATE,
    SIGN_DECISION,
    UPLOAD_SIGNED,
)
from vinhdanh.signing.sealing import seal, unseal
from vinhdanh.workflow.permissions import require

KEY_MAX_BYTES = 1 * MB
SIGNED_MAX_BYTES = 20 * MB
PASSWORD_MAX = 200


def _described(item: SigningCertificate) -> dict:
    # Never the password, sealed or not.
    return {
        "council": str(item.council),
        "subject": item.subject,
        "issuer": item.issuer,
        "serial": item.serial,
        "fingerprint": item.fingerprint,
        "not_after": item.not_after.isoformat(),
        "active": item.active,
    }


def issuing_council(decision) -> Council:
    council = Council.objects.filter(unit_id=decision.issuer_id).first()
    if council is None:
        raise ValidationError(
            _("Cơ quan ban hành quyết định này không có Hội đồng trong hệ thống.")
        )
    return council


def active_certificate(council) -> SigningCertificate | None:
    return SigningCertificate.objects.filter(council=council, active=True).first()


def trust_roots_of(council) -> list[bytes]:
    return [
        bytes(der)
        for der in TrustRoot.objects.filter(council=council).values_list("der", flat=True)
    ]


@transaction.atomic
def upload_certificate(
    actor, council, *, filename: str, content: bytes, password: str, now=None
) -> SigningCertificate:
    """The council's new signing certificate; the one in use before it is retired."""
    require(actor, MANAGE_CERTIFICATES, council)
    validate_upload(filename, content, allowed=PKCS12, max_bytes=KEY_MAX_BYTES)
    if len(password) > PASSWORD_MAX:
        raise ValidationError(_("Mật khẩu quá dài."))
    info = pades.read_pkcs12(content, password)
    now = now or timezone.now()
    if refusal := pades.validity_refusal(info, now):
        raise ValidationError(refusal)
    Council.objects.select_for_update().filter(pk=council.pk).first()  # one upload at a time
    for old in SigningCertificate.objects.filter(council=council, active=True):
        before = _described(old)
        old.active = False
        old.retired_at = now
        old.save(update_fields=["active", "retired_at"])
        record(
            actor=actor,
            action="signing.certificate.retire",
            instance=old,
            before=before,
            after=_described(old),
        )
    item = SigningCertificate(
        council=council,
        original_name=filename[:255],
        sealed_password=seal(password),
        subject=info.subject[:500],
        issuer=info.issuer[:500],
        serial=info.serial[:80],
        fingerprint=info.fingerprint,
        not_before=info.not_before,
        not_after=info.not_after,
        uploaded_by=actor,
    )
    item.file.save(filename, ContentFile(content), save=False)
    item.save()
    record(actor=actor, action="signing.certificate.upload", instance=item, after=_described(item))
    return item


@transaction.atomic
def retire_certificate(actor, item: SigningCertificate) -> SigningCertificate:
    require(actor, MANAGE_CERTIFICATES, item.council)
    item = SigningCertificate.objects.select_for_update().get(pk=item.pk)
    if not item.active:
        raise ValidationError(_("Chứng thư số này đã ngừng dùng."))
    before = _described(item)
    item.active = False
    item.retired_at = timezone.now()
    item.save(update_fields=["active", "retired_at"])
    record(
        actor=actor,
        action="signing.certificate.retire",
        instance=item,
        before=before,
        after=_described(item),
    )
    return item


@transaction.atomic
def add_trust_root(actor, council, *, filename: str, content: bytes) -> TrustRoot:
    require(actor, MANAGE_CERTIFICATES, council)
    validate_upload(filename, content, allowed=CERTIFICATES, max_bytes=KEY_MAX_BYTES)
    info = pades.read_trust_root(content)
    if TrustRoot.objects.filter(council=council, fingerprint=info.fingerprint).exists():
        raise ValidationError(_("Chứng thư gốc này đã có trong danh sách tin cậy của Hội đồng."))
    root = TrustRoot.objects.create(
        council=council,
        der=info.der,
        original_name=filename[:255],
        subject=info.subject[:500],
        fingerprint=info.fingerprint,
        not_after=info.not_after,
        added_by=actor,
    )
    record(
        actor=actor,
        action="signing.trust_root.add",
        instance=root,
        after={"council": str(council), "subject": root.subject, "fingerprint": root.fingerprint},
    )
    return root


@transaction.atomic
def remove_trust_root(actor, root: TrustRoot) -> None:
    require(actor, MANAGE_CERTIFICATES, root.council)
    before = {
        "council": str(root.council),
        "subject": root.subject,
        "fingerprint": root.fingerprint,
    }
    object_id = str(root.pk)
    record(
        actor=actor,
        action="signing.trust_root.remove",
        instance=root,
        before=before,
        object_id=object_id,
    )
    root.delete()


def _signable(decision) -> None:
    if decision.state != DecisionState.ISSUED:
        raise ValidationError(_("Quyết định đã bị thu hồi, không ký số được."))
    if decision.is_external:
        raise ValidationError(
            _("Quyết định của cấp trên ghi nhận lại không do Hội đồng này ký số.")
        )


def _signing_key(council, now) -> tuple[SigningCertificate, bytes, str]:
    item = active_certificate(council)
    if item is None:
        raise ValidationError(
            _(
                "Hội đồng chưa có chứng thư số đang dùng: quản trị viên cần tải lên chứng thư "
                "số (.p12, .pfx) trước khi ký."
            )
        )
    if now >= item.not_after or now < item.not_before:
        raise ValidationError(
            _("Chứng thư số của Hội đồng hết hiệu lực ngày %(day)s: cần tải lên chứng thư mới.")
            % {"day": f"{item.not_after:%d/%m/%Y}"}
        )
    with item.file.open("rb") as handle:
        content = handle.read()
    return item, content, unseal(item.sealed_password)


def _sign_and_store(actor, decision, certificate, unsigned: bytes, *, action: str):
    council = issuing_council(decision)
    now = timezone.now()
    key, content, password = _signing_key(council, now)
    suffix = f"GCN-{certificate.pk}" if certificate is not None else ""
    field_name = pades.field_name_for(decision.reference, suffix)
    signed = pades.sign_pdf(unsigned, content, password, field_name=field_name)
    verdict = pades.validate(signed, trust_roots_of(council))
    if not (verdict.valid and verdict.whole_document):
        raise ValidationError(verdict.problem or _("Ký số không thành công."))
    document = SignedDocument(
        decision=decision,
        certificate=certificate,
        kind=SignedDocument.Kind.CERTIFICATE if certificate else SignedDocument.Kind.DECISION,
        method=SignedDocument.Method.COUNCIL,
        status=SignedDocument.Status.SIGNED,
        unsigned_sha256=pades.sha256(unsigned),
        unsigned_length=len(unsigned),
        signing_certificate=key,
        created_by=actor,
    )
    _fill(document, signed, verdict, now)
    record(actor=actor, action=action, instance=document, after=_signed_facts(document))
    return document


def _fill(document: SignedDocument, signed: bytes, verdict: pades.Verdict, now) -> None:
    # The signed file passes the gate too, whoever made it.
    validate_upload(document.download_name, signed, allowed=frozenset({"pdf"}))
    document.signed_sha256 = pades.sha256(signed)
    document.field_name = verdict.field_name[:200]
    document.signer_subject = verdict.signer_subject[:500]
    document.signer_issuer = verdict.signer_issuer[:500]
    document.signing_time = verdict.signing_time
    document.signed_at = now
    document.status = SignedDocument.Status.SIGNED
    document.file.save(document.download_name, ContentFile(signed), save=False)
    document.save()


def _signed_facts(document: SignedDocument) -> dict:
    return {
        "decision": document.decision.reference,
        "certificate": document.certificate_id,
        "method": document.method,
        "signer": document.signer_subject,
        "signing_time": document.signing_time.isoformat() if document.signing_time else None,
        "sha256": document.signed_sha256,
    }


@transaction.atomic
def sign_decision(actor, decision) -> SignedDocument:
    """The decision rendered to PDF and signed with the issuing council's certificate."""
    require(actor, SIGN_DECISION, decision)
    _signable(decision)
    unsigned = rendering.decision_pdf(decision)
    return _sign_and_store(actor, decision, None, unsigned, action="signing.decision.sign")


@transaction.atomic
def sign_certificate(actor, certificate, *, base_url: str) -> SignedDocument:
    """One certificate of a decision rendered to PDF and signed with the council's certificate."""
    require(actor, SIGN_CERTIFICATE, certificate)
    decision = certificate.decision
    _signable(decision)
    if certificate.revoked_at is not None:
        raise ValidationError(_("Giấy chứng nhận đã bị thu hồi, không ký số được."))
    unsigned = rendering.award_certificate_pdf(certificate, base_url)
    return _sign_and_store(
        actor, decision, certificate, unsigned, action="signing.certificate_pdf.sign"
    )


@transaction.atomic
def prepare_for_outside(
    actor, decision, *, certificate=None, base_url: str = ""
) -> tuple[SignedDocument, bytes]:
    """The unsigned PDF to sign elsewhere; its hash is kept to recognise the signed copy."""
    require(actor, UPLOAD_SIGNED, decision)
    _signable(decision)
    if certificate is not None:
        if certificate.decision_id != decision.pk:
            raise ValidationError(_("Giấy chứng nhận không thuộc quyết định này."))
        unsigned = rendering.award_certificate_pdf(certificate, base_url)
    else:
        unsigned = rendering.decision_pdf(decision)
    document = SignedDocument.objects.create(
        decision=decision,
        certificate=certificate,
        kind=SignedDocument.Kind.CERTIFICATE if certificate else SignedDocument.Kind.DECISION,
        method=SignedDocument.Method.OUTSIDE,
        status=SignedDocument.Status.PREPARED,
        unsigned_sha256=pades.sha256(unsigned),
        unsigned_length=len(unsigned),
        created_by=actor,
    )
    record(
        actor=actor,
        action="signing.prepare",
        instance=document,
        after={"decision": decision.reference, "sha256": document.unsigned_sha256},
    )
    return document, unsigned


def matching_prepared(decision, content: bytes):
    """The prepared PDF of this decision that `content` is a signed copy of: a PAdES signature
    added as an incremental update keeps the unsigned bytes as the file's first part."""
    for document in SignedDocument.objects.filter(
        decision=decision, status=SignedDocument.Status.PREPARED
    ).order_by("-pk"):
        length = document.unsigned_length
        if len(content) > length and pades.sha256(content[:length]) == document.unsigned_sha256:
            return document
    return None


@transaction.atomic
def upload_signed(actor, decision, *, filename: str, content: bytes) -> SignedDocument:
    """The PDF a leader signed outside, brought back: it must be this decision's prepared PDF,
    and its signature intact, covering the whole file, from a trusted chain."""
    require(actor, UPLOAD_SIGNED, decision)
    _signable(decision)
    validate_upload(filename, content, allowed=frozenset({"pdf"}), max_bytes=SIGNED_MAX_BYTES)
    document = matching_prepared(decision, content)
    if document is None:
        raise ValidationError(
            _(
                "Tệp PDF này không phải bản của Quyết định số %(ref)s do hệ thống chuẩn bị để ký "
                "(nội dung không khớp). Hãy tải “Bản PDF để ký” từ trang này, ký số vào chính "
                "tệp đó rồi tải lên."
            )
            % {"ref": decision.reference}
        )
    document = SignedDocument.objects.select_for_update().get(pk=document.pk)
    verdict = pades.validate(content, trust_roots_of(issuing_council(decision)))
    if not verdict.signed:
        raise ValidationError(verdict.problem or _("Tệp PDF không có chữ ký số nào."))
    if not verdict.good:
        raise ValidationError(verdict.problem)
    _fill(document, content, verdict, timezone.now())
    record(
        actor=actor,
        action="signing.signed_upload",
        instance=document,
        after=_signed_facts(document),
    )
    return document


def signing_time_text(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    return f"{timezone.localtime(moment):%H:%M ngày %d/%m/%Y}"
