"""A council's signing certificate, its trust roots, and the signed PDFs of its decisions."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SigningCertificate(models.Model):
    """The PKCS#12 (key and certificate) a council signs with; one active at a time.

    The file is stored privately as uploaded (it is protected by its password); the
    password is kept only encrypted (`sealing.seal`), never in clear.
    """

    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("Tệp PKCS#12"), upload_to=PrivateUploadTo("signing/keys"))
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    sealed_password = models.TextField(editable=False)
    subject = models.CharField(_("Chủ thể"), max_length=500)
    issuer = models.CharField(_("Tổ chức cấp"), max_length=500)
    serial = models.CharField(_("Số hiệu"), max_length=80)
    fingerprint = models.CharField(_("Dấu vân tay SHA-256"), max_length=64)
    not_before = models.DateTimeField(_("Hiệu lực từ"))
    not_after = models.DateTimeField(_("Hiệu lực đến"))
    active = models.BooleanField(_("Đang dùng"), default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(_("Ngừng dùng lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council"], condition=Q(active=True), name="one_active_signing_certificate"
            )
        ]
        verbose_name = _("Chứng thư số của Hội đồng")
        verbose_name_plural = _("Chứng thư số của Hội đồng")

    def __str__(self) -> str:
        return f"{self.subject} ({self.not_after:%d/%m/%Y})"


class TrustRoot(models.Model):
    """A CA certificate a council trusts when it checks signatures (public data, kept as DER)."""

    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    der = models.BinaryField(editable=False)
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    subject = models.CharField(_("Chủ thể"), max_length=500)
    fingerprint = models.CharField(_("Dấu vân tay SHA-256"), max_length=64)
    not_after = models.DateTimeField(_("Hiệu lực đến"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subject", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["council", "fingerprint"], name="unique_trust_root")
        ]
        verbose_name = _("Chứng thư gốc tin cậy")
        verbose_name_plural = _("Chứng thư gốc tin cậy")

    def __str__(self) -> str:
        return self.subject


class SignedDocument(models.Model):
    """A decision's (or one of its certificates') PDF, prepared for signing and then signed.

    `prepared`: the unsigned PDF was handed out to be signed elsewhere, and its hash kept,
    so the signed file brought back can be recognised as this document. `signed`: the file
    is the signed PDF (signed here with the council's certificate, or outside and checked).
    """

    class Kind(models.TextChoices):
        DECISION = "decision", _("Quyết định")
        CERTIFICATE = "certificate", _("Giấy chứng nhận khen thưởng")

    class Method(models.TextChoices):
        COUNCIL = "council", _("Ký bằng chứng thư số của Hội đồng")
        OUTSIDE = "outside", _("Ký ngoài hệ thống, tải lên")

    class Status(models.TextChoices):
        PREPARED = "prepared", _("Chờ ký ngoài")
        SIGNED = "signed", _("Đã ký số")

    decision = models.ForeignKey(
        "awards.Decision", on_delete=models.PROTECT, related_name="signed_documents"
    )
    certificate = models.ForeignKey(
        "awards.Certificate",
        on_delete=models.PROTECT,
        related_name="signed_documents",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("Loại"), max_length=20, choices=Kind.choices)
    method = models.CharField(_("Cách ký"), max_length=20, choices=Method.choices)
    status = models.CharField(_("Tình trạng"), max_length=20, choices=Status.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    unsigned_sha256 = models.CharField(max_length=64)
    unsigned_length = models.PositiveIntegerField()
    file = models.FileField(
        _("Tệp PDF đã ký"), upload_to=PrivateUploadTo("signing/signed"), blank=True
    )
    signed_sha256 = models.CharField(max_length=64, blank=True)
    field_name = models.CharField(_("Tên trường chữ ký"), max_length=200, blank=True)
    signer_subject = models.CharField(_("Người ký (chứng thư)"), max_length=500, blank=True)
    signer_issuer = models.CharField(_("Tổ chức cấp chứng thư"), max_length=500, blank=True)
    signing_time = models.DateTimeField(_("Thời điểm ký"), null=True, blank=True)
    signing_certificate = models.ForeignKey(
        SigningCertificate, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    signed_at = models.DateTimeField(_("Lưu bản ký lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["decision", "status"], name="signing_doc_decision")]
        verbose_name = _("Văn bản đã ký số")
        verbose_name_plural = _("Văn bản đã ký số")

    def __str__(self) -> str:
        what = self.get_kind_display()
        return f"{what} {self.decision.reference}" + (
            f" – {self.certificate.recipient}" if self.certificate_id else ""
        )

    @property
    def download_name(self) -> str:
        reference = self.decision.reference.replace("/", "-")
        if self.certificate_id:
            return f"giay-khen-{self.certificate_id}-qd-{reference}-da-ky.pdf"
        return f"quyet-dinh-{reference}-da-ky.pdf"
