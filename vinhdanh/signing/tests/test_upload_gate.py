"""The upload gate knows PKCS#12 and X.509 certificates, and accepts them only where asked."""

import pytest

from vinhdanh.core.uploads import CERTIFICATES, PKCS12, UploadRejected, detect_kind, validate_upload
from vinhdanh.signing.tests.conftest import simple_pdf


def test_pkcs12_is_recognised_from_its_bytes(p12):
    assert detect_kind(p12) == "pkcs12"
    assert validate_upload("hoi-dong.p12", p12, allowed=PKCS12) == "pkcs12"
    assert validate_upload("HOI-DONG.PFX", p12, allowed=PKCS12) == "pkcs12"


def test_certificates_in_pem_and_der(authority):
    assert validate_upload("ca.pem", authority.pem, allowed=CERTIFICATES) == "x509"
    assert validate_upload("ca.cer", authority.der, allowed=CERTIFICATES) == "x509"
    assert validate_upload("ca.crt", authority.pem, allowed=CERTIFICATES) == "x509"


def test_a_key_is_refused_where_documents_are_uploaded(p12):
    with pytest.raises(UploadRejected, match="không được nhận ở đây"):
        validate_upload("hoi-dong.p12", p12)


def test_anything_else_named_p12_is_refused_in_vietnamese(p12, authority):
    with pytest.raises(UploadRejected, match="không khớp với nội dung thật"):
        validate_upload("hoi-dong.p12", simple_pdf(), allowed=PKCS12)
    with pytest.raises(UploadRejected, match="không khớp với nội dung thật"):
        validate_upload("ca.p12", authority.der, allowed=PKCS12)
    with pytest.raises(UploadRejected, match="không khớp với nội dung thật"):
        validate_upload("hoi-dong.pdf", p12, allowed=PKCS12)
    with pytest.raises(UploadRejected):
        validate_upload("hoi-dong.p12", b"\x30\x82\x01\x00" + b"\x00" * 300, allowed=PKCS12)


def test_text_that_starts_with_a_zero_is_still_text():
    content = "0123;Nguyễn Văn An;Phường Định Công\n0456;Trần Thị Bình;Hoàng Liệt\n".encode()
    assert detect_kind(content) == "txt"
    assert validate_upload("danh-sach.csv", content) == "txt"
    assert detect_kind(b"0\x82\x00\x05garbage") is None
