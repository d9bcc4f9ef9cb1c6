"""The signing services on the demo: the district council's certificate, roots and decisions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import Decision, DecisionState
from vinhdanh.core.uploads import UploadRejected
from vinhdanh.org.models import Council
from vinhdanh.signing import pades, selectors, services
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot
from vinhdanh.signing.sealing import unseal
from vinhdanh.signing.tests.conftest import PASSWORD, sign_outside, simple_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(demo):
    return Council.objects.get(unit__code="hoang-mai")


@pytest.fixture
def decisions(council):
    """The demo's decision (signed by the demo, with certificates) and a second one of the
    same council, unsigned."""
    demo_decision = Decision.objects.get(
        issuer=council.unit, state=DecisionState.ISSUED, number__isnull=False
    )
    second = Decision.objects.create(
        issuer=council.unit,
        year=demo_decision.year,
        number=(demo_decision.number or 0) + 50,
        signed_on=demo_decision.signed_on,
        subject="Về việc khen thưởng thành tích đột xuất (thử)",
        signer=demo_decision.signer,
        signer_role=demo_decision.signer_role,
    )
    return [demo_decision, second]


@pytest.fixture
def equipped(council, demo_user, p12, authority):
    """The council signs with the test signer and trusts the test CA."""
    admin = demo_user("admin")
    services.add_trust_root(admin, council, filename="ca.pem", content=authority.pem)
    return services.upload_certificate(
        admin, council, filename="hoi-dong.p12", content=p12, password=PASSWORD
    )


def test_the_demo_council_has_one_active_certificate_and_a_signed_decision(council, decisions):
    assert SigningCertificate.objects.filter(council=council, active=True).count() == 1
    document = selectors.current_for_decision(decisions[0])
    assert document is not None
    verdict = selectors.check(document)
    assert verdict.good, verdict.problem
    assert "demo" in verdict.signer_issuer


def test_uploading_keeps_the_password_sealed_and_retires_the_previous_one(equipped, council):
    active = SigningCertificate.objects.filter(council=council, active=True)
    assert list(active) == [equipped]
    assert SigningCertificate.objects.filter(council=council, active=False).exists()
    assert PASSWORD not in equipped.sealed_password
    assert unseal(equipped.sealed_password) == PASSWORD
    assert "Chủ tịch UBND quận Hoàng Mai (thử)" in equipped.subject
    entry = AuditEntry.objects.filter(action="signing.certificate.upload").latest("pk")
    assert PASSWORD not in str(entry.after) and equipped.sealed_password not in str(entry.after)


def test_an_expired_certificate_is_refused_at_upload(council, demo_user, expired_p12):
    before = SigningCertificate.objects.count()
    with pytest.raises(ValidationError, match="đã hết hạn"):
        services.upload_certificate(
            demo_user("admin"), council, filename="cu.p12", content=expired_p12, password=PASSWORD
        )
    assert SigningCertificate.objects.count() == before


def test_a_not_yet_valid_certificate_is_refused(council, demo_user, future_p12):
    with pytest.raises(ValidationError, match="chưa đến thời hạn"):
        services.upload_certificate(
            demo_user("admin"), council, filename="moi.p12", content=future_p12, password=PASSWORD
        )


def test_a_wrong_password_is_refused(council, demo_user, p12):
    with pytest.raises(ValidationError, match="Mật khẩu không đúng"):
        services.upload_certificate(
            demo_user("admin"), council, filename="hd.p12", content=p12, password="sai"
        )


def test_a_file_that_is_not_pkcs12_is_refused_by_the_gate(council, demo_user):
    with pytest.raises(UploadRejected):
        services.upload_certificate(
            demo_user("admin"), council, filename="hd.p12", content=simple_pdf(), password="x"
        )


def test_only_an_administrator_uploads_certificates(council, demo_user, p12):
    for username in ("thuongtruc", "chutich", "canbo.hoangliet"):
        with pytest.raises(PermissionDenied):
            services.upload_certificate(
                demo_user(username), council, filename="hd.p12", content=p12, password=PASSWORD
            )


def test_signing_a_decision_stores_a_valid_pades_pdf(equipped, decisions, demo_user):
    decision = decisions[1]
    document = services.sign_decision(demo_user("thuongtruc"), decision)
    assert document.status == SignedDocument.Status.SIGNED
    assert document.field_name == pades.field_name_for(decision.reference)
    with document.file.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-")
    verdict = pades.validate(content, services.trust_roots_of(equipped.council))
    assert verdict.good
    assert "Chủ tịch UBND quận Hoàng Mai (thử)" in verdict.signer_subject
    assert document.signing_certificate == equipped
    assert selectors.current_for_decision(decision) == document
    entry = AuditEntry.objects.filter(action="signing.decision.sign").latest("pk")
    assert entry.object_id == str(document.pk)


def test_the_chairman_signs_too_but_not_a_member_or_a_unit(equipped, decisions, demo_user):
    assert services.sign_decision(demo_user("chutich"), decisions[1]).pk
    for username in ("uyvien", "canbo.hoangliet"):
        with pytest.raises(PermissionDenied):
            services.sign_decision(demo_user(username), decisions[1])


def test_a_revoked_decision_is_not_signed(equipped, decisions, demo_user):
    decision = decisions[1]
    Decision.objects.filter(pk=decision.pk).update(state=DecisionState.REVOKED)
    decision.refresh_from_db()
    with pytest.raises(ValidationError, match="thu hồi"):
        services.sign_decision(demo_user("thuongtruc"), decision)


def test_without_an_active_certificate_signing_is_refused(council, decisions, demo_user):
    SigningCertificate.objects.filter(council=council).update(active=False)
    with pytest.raises(ValidationError, match="chưa có chứng thư số"):
        services.sign_decision(demo_user("thuongtruc"), decisions[1])


def test_signing_a_certificate(equipped, decisions, demo_user):
    certificate = decisions[0].certificates.order_by("pk").first()
    document = services.sign_certificate(
        demo_user("thuongtruc"), certificate, base_url="https://vinhdanh.example/"
    )
    assert document.kind == SignedDocument.Kind.CERTIFICATE
    assert selectors.check(document).good
    assert selectors.current_for_certificate(certificate) == document


def _prepared(decision, demo_user):
    return services.prepare_for_outside(demo_user("thuongtruc"), decision)


def test_a_pdf_signed_outside_with_a_trusted_token_is_accepted(
    equipped, decisions, demo_user, signer, authority
):
    document, unsigned = _prepared(decisions[1], demo_user)
    assert document.status == SignedDocument.Status.PREPARED
    signed = sign_outside(unsigned, signer, authority)
    stored = services.upload_signed(
        demo_user("thuongtruc"), decisions[1], filename="da-ky.pdf", content=signed
    )
    assert stored.pk == document.pk and stored.status == SignedDocument.Status.SIGNED
    assert stored.method == SignedDocument.Method.OUTSIDE
    assert stored.field_name == "ChuKyLanhDao"
    assert selectors.check(stored).good


def test_a_pdf_of_another_decision_is_refused(equipped, decisions, demo_user, signer, authority):
    _prepared(decisions[1], demo_user)
    _other, other_pdf = services.prepare_for_outside(demo_user("thuongtruc"), decisions[0])
    signed = sign_outside(other_pdf, signer, authority)
    with pytest.raises(ValidationError, match="không phải bản của Quyết định số"):
        services.upload_signed(
            demo_user("thuongtruc"), decisions[1], filename="da-ky.pdf", content=signed
        )


def test_a_signature_from_an_untrusted_ca_is_refused(
    equipped, decisions, demo_user, other_authority
):
    from vinhdanh.signing import made_ca

    _document, unsigned = _prepared(decisions[1], demo_user)
    stranger = made_ca.make_signer(other_authority, "Người ký lạ")
    signed = sign_outside(unsigned, stranger, other_authority)
    with pytest.raises(ValidationError, match="tổ chức chứng thực tin cậy"):
        services.upload_signed(
            demo_user("thuongtruc"), decisions[1], filename="da-ky.pdf", content=signed
        )


def test_a_broken_signature_is_refused(equipped, decisions, demo_user, signer, authority):
    _document, unsigned = _prepared(decisions[1], demo_user)
    signed = bytearray(sign_outside(unsigned, signer, authority))
    # A byte of the signature's own revision (after the unsigned part), inside its contents.
    position = signed.index(b"/Contents <", len(unsigned)) + 60
    signed[position] = ord("0") if signed[position] != ord("0") else ord("1")
    with pytest.raises(ValidationError):
        services.upload_signed(
            demo_user("thuongtruc"), decisions[1], filename="da-ky.pdf", content=bytes(signed)
        )
    assert not SignedDocument.objects.filter(
        decision=decisions[1], method=SignedDocument.Method.OUTSIDE, status="signed"
    ).exists()


def test_an_unsigned_copy_is_refused(equipped, decisions, demo_user):
    _document, unsigned = _prepared(decisions[1], demo_user)
    with pytest.raises(ValidationError):
        services.upload_signed(
            demo_user("thuongtruc"), decisions[1], filename="chua-ky.pdf", content=unsigned
        )


def test_a_trust_root_is_added_once_and_removed(council, demo_user, other_authority):
    admin = demo_user("admin")
    root = services.add_trust_root(admin, council, filename="ca2.cer", content=other_authority.der)
    with pytest.raises(ValidationError, match="đã có"):
        services.add_trust_root(admin, council, filename="ca2.pem", content=other_authority.pem)
    services.remove_trust_root(admin, root)
    assert not TrustRoot.objects.filter(pk=root.pk).exists()
    assert AuditEntry.objects.filter(action="signing.trust_root.remove").exists()
