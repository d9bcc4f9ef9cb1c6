"""A test CA, a signer and their PKCS#12, made in memory for each test module."""

import datetime
import io

import pytest

from vinhdanh.signing import made_ca

PASSWORD = "mật-khẩu-thử"


@pytest.fixture(scope="module")
def authority():
    return made_ca.make_authority("CA thử nghiệm")


@pytest.fixture(scope="module")
def other_authority():
    return made_ca.make_authority("CA không được tin cậy")


@pytest.fixture(scope="module")
def signer(authority):
    return made_ca.make_signer(authority, "Chủ tịch UBND quận Hoàng Mai (thử)")


@pytest.fixture(scope="module")
def p12(signer, authority):
    return made_ca.pkcs12_of(signer, authority, PASSWORD)


@pytest.fixture(scope="module")
def expired_p12(authority):
    now = datetime.datetime.now(datetime.UTC)
    old = made_ca.make_signer(
        authority,
        "Chứng thư đã hết hạn",
        not_before=now - datetime.timedelta(days=800),
        not_after=now - datetime.timedelta(days=1),
    )
    return made_ca.pkcs12_of(old, authority, PASSWORD)


@pytest.fixture(scope="module")
def future_p12(authority):
    now = datetime.datetime.now(datetime.UTC)
    later = made_ca.make_signer(
        authority,
        "Chứng thư chưa hiệu lực",
        not_before=now + datetime.timedelta(days=10),
        not_after=now + datetime.timedelta(days=400),
    )
    return made_ca.pkcs12_of(later, authority, PASSWORD)


def simple_pdf(text: str = "Quyết định thử") -> bytes:
    from vinhdanh.documents.decision_pdf import DecisionText, render_decision

    return render_decision(
        DecisionText(
            parent_body="",
            issuer="Ủy ban nhân dân quận Hoàng Mai",
            number="01/QĐ-UBND",
            place_date="Hoàng Mai, ngày 20 tháng 12 năm 2021",
            subject=text,
            authority="CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI",
            bases=["Căn cứ Luật Thi đua, khen thưởng;"],
            articles=["Tặng Giấy khen.", "Quyết định có hiệu lực kể từ ngày ký."],
            signer_authority="CHỦ TỊCH",
            signer="Nguyễn Minh Tâm",
            recipients=["Như Điều 2", "Lưu: VT"],
        )
    )


def sign_outside(content: bytes, signer, authority) -> bytes:
    """What the leader's own signing tool does: a PAdES signature added incrementally."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    key = made_ca.pkcs12_of(signer, authority, "token")
    pdf_signer = signers.SimpleSigner.load_pkcs12_data(key, [], passphrase=b"token")
    metadata = signers.PdfSignatureMetadata(
        field_name="ChuKyLanhDao", subfilter=fields.SigSeedSubFilter.PADES
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    return signers.PdfSigner(metadata, signer=pdf_signer).sign_pdf(writer).getvalue()
