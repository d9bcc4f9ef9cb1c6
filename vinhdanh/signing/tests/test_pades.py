"""Signing and validating PDFs, without the database: the CA and signer are made here."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.signing import pades
from vinhdanh.signing.tests.conftest import PASSWORD, sign_outside, simple_pdf


@pytest.fixture(scope="module")
def signed(p12):
    return pades.sign_pdf(simple_pdf(), p12, PASSWORD, field_name="QD_01-QD-UBND")


def test_a_signed_pdf_validates_against_its_root(signed, authority):
    verdict = pades.validate(signed, [authority.der])
    assert verdict.good
    assert verdict.intact and verdict.valid and verdict.whole_document and verdict.trusted
    assert verdict.field_name == "QD_01-QD-UBND"
    assert "Chủ tịch UBND quận Hoàng Mai (thử)" in verdict.signer_subject
    assert "CA thử nghiệm" in verdict.signer_issuer
    now = datetime.datetime.now(datetime.UTC)
    assert abs((verdict.signing_time - now).total_seconds()) < 600
    assert verdict.problem == ""


def test_the_signature_is_an_incremental_update_keeping_the_unsigned_bytes(p12):
    unsigned = simple_pdf("Bản gốc")
    signed = pades.sign_pdf(unsigned, p12, PASSWORD, field_name="QD")
    assert signed.startswith(unsigned) and len(signed) > len(unsigned)


def test_one_byte_changed_makes_the_signature_invalid(signed, authority):
    # A byte inside the signed range (the first revision's page content), not the signature.
    position = signed.index(b"stream") + 20
    tampered = bytearray(signed)
    tampered[position] = (tampered[position] + 1) % 256
    verdict = pades.validate(bytes(tampered), [authority.der])
    assert not verdict.good
    assert not verdict.intact
    assert verdict.problem


def test_content_added_after_signing_is_not_covered(signed, authority):
    appended = signed + b"\n% them noi dung sau khi ky\n"
    verdict = pades.validate(appended, [authority.der])
    assert not verdict.good
    assert not verdict.whole_document


def test_a_root_that_did_not_issue_the_signer_leaves_it_untrusted(signed, other_authority):
    verdict = pades.validate(signed, [other_authority.der])
    assert verdict.intact and verdict.valid
    assert not verdict.trusted and not verdict.good
    assert "tổ chức chứng thực tin cậy" in verdict.problem


def test_no_root_at_all_is_untrusted_too(signed):
    assert not pades.validate(signed, []).trusted


def test_an_unsigned_pdf_has_no_signature():
    verdict = pades.validate(simple_pdf(), [])
    assert not verdict.signed and "không có chữ ký" in verdict.problem


def test_a_pdf_signed_outside_validates_when_its_ca_is_trusted(signer, authority, other_authority):
    signed = sign_outside(simple_pdf(), signer, authority)
    assert pades.validate(signed, [authority.der]).good
    assert not pades.validate(signed, [other_authority.der]).good


def test_reading_the_pkcs12(p12):
    info = pades.read_pkcs12(p12, PASSWORD)
    assert "Chủ tịch UBND quận Hoàng Mai (thử)" in info.subject
    assert "CA thử nghiệm" in info.issuer
    assert info.not_before < info.not_after and len(info.fingerprint) == 64


def test_a_wrong_password_is_refused_in_vietnamese(p12):
    with pytest.raises(ValidationError, match="Mật khẩu không đúng"):
        pades.read_pkcs12(p12, "sai")


def test_expired_and_not_yet_valid_certificates_are_refused(expired_p12, future_p12):
    now = datetime.datetime.now(datetime.UTC)
    expired = pades.read_pkcs12(expired_p12, PASSWORD)
    assert "đã hết hạn" in pades.validity_refusal(expired, now)
    future = pades.read_pkcs12(future_p12, PASSWORD)
    assert "chưa đến thời hạn" in pades.validity_refusal(future, now)


def test_a_trust_root_must_be_a_ca(authority, signer):
    assert pades.read_trust_root(authority.pem).fingerprint == pades.sha256(authority.der)
    assert pades.read_trust_root(authority.der).subject
    with pytest.raises(ValidationError, match="không phải của tổ chức chứng thực"):
        pades.read_trust_root(signer.pem)
    with pytest.raises(ValidationError, match=r"không phải chứng thư số X\.509"):
        pades.read_trust_root(b"-----BEGIN CERTIFICATE-----\nrac\n-----END CERTIFICATE-----\n")


def test_the_field_name_is_the_decision_number_without_dots():
    assert pades.field_name_for("01/QĐ-UBND") == "QD_01-QĐ-UBND"
    assert "." not in pades.field_name_for("1.2/QĐ", "GCN-4")


def test_signing_and_validating_work_inside_a_running_event_loop(p12, authority):
    import asyncio

    async def inside():
        signed = pades.sign_pdf(simple_pdf(), p12, PASSWORD, field_name="QD")
        return pades.validate(signed, [authority.der])

    assert asyncio.run(inside()).good


def test_names_read_as_a_person_reads_them():
    assert (
        pades.readable_name("CN=Ủy ban nhân dân quận Hoàng Mai,O=Vinh Danh demo,C=VN")
        == "Ủy ban nhân dân quận Hoàng Mai (Vinh Danh demo)"
    )
    assert pades.readable_name("CN=Nguyễn Minh Tâm,C=VN") == "Nguyễn Minh Tâm"
    assert pades.readable_name("không phải tên") == "không phải tên"


def test_a_peoples_committee_is_written_on_two_lines_and_without_a_parent_line():
    from vinhdanh.documents.decision_pdf import issuer_lines

    assert issuer_lines("Ủy ban nhân dân quận Hoàng Mai") == "ỦY BAN NHÂN DÂN\nQUẬN HOÀNG MAI"
    assert issuer_lines("Sở Nội vụ") == "SỞ NỘI VỤ"
