"""PAdES signatures: reading a PKCS#12, signing a PDF, validating a signed PDF.

Pure (no database): bytes in, plain data out; every refusal is a `ValidationError` in
Vietnamese. Nothing is fetched from the network: no OCSP, CRL or time-stamp server; a
signer's chain is checked against the trust roots given (the ones the administrator
uploaded), never the operating system's.
"""

import asyncio
import concurrent.futures
import datetime
import hashlib
import io
import logging
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# pyHanko logs a failed path search as an error with its traceback: for us it is a verdict.
logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    serial: str
    not_before: datetime.datetime
    not_after: datetime.datetime
    fingerprint: str  # sha256 of the DER, hex
    der: bytes


@dataclass(frozen=True)
class Verdict:
    """What validating one PDF found (its last signature)."""

    signed: bool  # the PDF carries a signature at all
    intact: bool = False  # the signed bytes hash to what the signature says
    valid: bool = False  # intact and the signature itself checks out
    whole_document: bool = False  # the signature covers the whole file as it is
    trusted: bool = False  # the signer's chain reaches a trust root
    field_name: str = ""
    signer_subject: str = ""
    signer_issuer: str = ""
    signing_time: datetime.datetime | None = None
    problem: str = ""  # why it is not good, in Vietnamese

    @property
    def good(self) -> bool:
        return self.signed and self.valid and self.whole_document and self.trusted


def _off_the_loop(function, *args):
    """pyHanko's synchronous calls run their own event loop (asyncio.run): where this thread
    already runs one (an async server, a browser test's driver), they run in a worker thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _name(name: x509.Name) -> str:
    return name.rfc4514_string()


def certificate_info(certificate: x509.Certificate) -> CertificateInfo:
    der = certificate.public_bytes(serialization.Encoding.DER)
    return CertificateInfo(
        subject=_name(certificate.subject),
        issuer=_name(certificate.issuer),
        serial=format(certificate.serial_number, "X"),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint=hashlib.sha256(der).hexdigest(),
        der=der,
    )


def validity_refusal(info: CertificateInfo, now: datetime.datetime) -> str | None:
    """Why a certificate cannot sign at `now` (expired, not yet valid), or None."""
    if now < info.not_before:
        return _("Chứng thư số chưa đến thời hạn sử dụng (có hiệu lực từ %(day)s).") % {
            "day": f"{info.not_before:%d/%m/%Y %H:%M} UTC"
        }
    if now >= info.not_after:
        return _("Chứng thư số đã hết hạn ngày %(day)s.") % {
            "day": f"{info.not_after:%d/%m/%Y %H:%M} UTC"
        }
    return None


def read_pkcs12(content: bytes, password: str) -> CertificateInfo:
    """The signer certificate of a PKCS#12, once its password opens it and it holds a key."""
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(
            content, password.encode("utf-8") if password else None
        )
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Mật khẩu không đúng, hoặc tệp không phải chứng thư số PKCS#12 (.p12, .pfx).")
        ) from error
    if key is None or certificate is None:
        raise ValidationError(
            _("Tệp PKCS#12 không chứa khóa bí mật kèm chứng thư số, không dùng để ký được.")
        )
    return certificate_info(certificate)


def read_trust_root(content: bytes) -> CertificateInfo:
    """A CA certificate in PEM or DER (.pem, .cer, .crt)."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in content:
            certificate = x509.load_pem_x509_certificate(content)
        else:
            certificate = x509.load_der_x509_certificate(content)
    except ValueError as error:
        raise ValidationError(_("Tệp không phải chứng thư số X.509 (.pem, .cer, .crt).")) from error
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
        is_ca = constraints.ca
    except x509.ExtensionNotFound:
        is_ca = certificate.issuer == certificate.subject
    if not is_ca:
        raise ValidationError(
            _("Chứng thư này không phải của tổ chức chứng thực (CA), không dùng làm gốc tin cậy.")
        )
    return certificate_info(certificate)


def field_name_for(reference: str, suffix: str = "") -> str:
    """The signature field's name: the decision's number, without what PDF names cannot hold
    ("." separates a field's parents)."""
    base = f"QD {reference}" + (f" {suffix}" if suffix else "")
    cleaned = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in base)
    return cleaned.replace(" ", "_")[:120]


def sign_pdf(content: bytes, pkcs12_content: bytes, password: str, *, field_name: str) -> bytes:
    """`content` signed PAdES B-B (an invisible signature field `field_name`), as an
    incremental update: the unsigned bytes stay the file's first revision."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            pkcs12_content, [], passphrase=password.encode("utf-8") if password else None
        )
    except (ValueError, TypeError, OSError) as error:
        raise ValidationError(_("Không mở được chứng thư số của Hội đồng để ký.")) from error
    if signer is None:
        raise ValidationError(_("Không mở được chứng thư số của Hội đồng để ký."))
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        use_pades_lta=False,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    output = _off_the_loop(signers.PdfSigner(metadata, signer=signer).sign_pdf, writer)
    return output.getvalue()


def _roots(trust_roots: list[bytes]):
    return [asn1_x509.Certificate.load(der) for der in trust_roots]


def validate(content: bytes, trust_roots: list[bytes]) -> Verdict:
    """The last signature of a PDF, checked against `trust_roots` (DER), offline."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as error:
        return Verdict(signed=False, problem=_("Tệp PDF bị hỏng, không đọc được: %s") % error)
    if not signatures:
        return Verdict(signed=False, problem=_("Tệp PDF không có chữ ký số nào."))
    signature = signatures[-1]
    context = ValidationContext(
        trust_roots=_roots(trust_roots), allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        status = _off_the_loop(validate_pdf_signature, signature, context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as error:
        return Verdict(
            signed=True,
            field_name=signature.field_name or "",
            problem=_("Chữ ký số bị hỏng, không kiểm tra được: %s") % error,
        )
    # The signer's certificate as cryptography spells names, like the uploaded ones.
    signer = (
        x509.load_der_x509_certificate(status.signing_cert.dump()) if status.signing_cert else None
    )
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    verdict = Verdict(
        signed=True,
        intact=bool(status.intact),
        valid=bool(status.intact and status.valid),
        whole_document=whole,
        trusted=bool(status.trusted),
        field_name=signature.field_name or "",
        signer_subject=_name(signer.subject) if signer else "",
        signer_issuer=_name(signer.issuer) if signer else "",
        signing_time=status.signer_reported_dt,
    )
    return Verdict(**{**verdict.__dict__, "problem": _problem(verdict)})


def _problem(verdict: Verdict) -> str:
    if not verdict.intact:
        return _("Nội dung đã bị thay đổi sau khi ký: chữ ký không còn khớp với tệp.")
    if not verdict.valid:
        return _("Chữ ký số không hợp lệ.")
    if not verdict.whole_document:
        return _("Chữ ký số không bao trùm toàn bộ tệp: có nội dung được thêm vào sau khi ký.")
    if not verdict.trusted:
        return _(
            "Chứng thư của người ký không dẫn tới tổ chức chứng thực tin cậy nào đã được khai báo."
        )
    return ""


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def readable_name(rfc4514: str) -> str:
    """A distinguished name as a person reads it: the common name, then the organisation."""
    from cryptography.x509.oid import NameOID

    try:
        name = x509.Name.from_rfc4514_string(rfc4514 or "")
    except ValueError:
        return rfc4514 or ""

    def first(oid) -> str:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    common, organisation = first(NameOID.COMMON_NAME), first(NameOID.ORGANIZATION_NAME)
    if not common:
        return rfc4514
    return f"{common} ({organisation})" if organisation and organisation != common else common
