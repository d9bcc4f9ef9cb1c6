"""Certificates (Giấy khen, Bằng khen) with their public verification token, and printing."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models.permanent import PermanentModel
from vinhdanh.core.files import PrivateUploadTo


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Certificate(PermanentModel):
    nomination = models.OneToOneField(
        "awards.Nomination", on_delete=models.PROTECT, related_name="certificate"
    )
    decision = models.ForeignKey(
        "awards.Decision", on_delete=models.PROTECT, related_name="certificates"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    recipient = models.CharField(_("Người, tập thể được khen"), max_length=255)
    title_name = models.CharField(_("Danh hiệu, hình thức"), max_length=255)
    achievement = models.TextField(_("Thành tích"), blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True)
    revoke_reason = models.TextField(_("Lý do thu hồi"), blank=True)
    # The bonus as the decision gave it (rules.engine.bonus on the signing date), kept so a
    # later change of the province's settings does not rewrite an issued decision.
    bonus_amount = models.BigIntegerField(_("Tiền thưởng (đồng)"), null=True, blank=True)
    bonus_basis = models.TextField(_("Căn cứ mức thưởng"), blank=True)
    bonus_unconfirmed = models.BooleanField(_("Mức thưởng chưa xác nhận"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Giấy chứng nhận khen thưởng")
        verbose_name_plural = _("Giấy chứng nhận khen thưởng")

    def __str__(self) -> str:
        return f"{self.title_name} – {self.recipient}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None or self.decision.is_revoked


class QrCorner(models.TextChoices):
    BOTTOM_RIGHT = "bottom_right", _("Góc dưới bên phải")
    BOTTOM_LEFT = "bottom_left", _("Góc dưới bên trái")
    TOP_RIGHT = "top_right", _("Góc trên bên phải")
    TOP_LEFT = "top_left", _("Góc trên bên trái")


class PrinterProfile(models.Model):
    """A printer's shift when filling pre-printed blanks, measured with the test page."""

    name = models.CharField(_("Tên máy in"), max_length=120, unique=True)
    offset_x_mm = models.DecimalField(
        _("Lệch ngang (mm)"), max_digits=5, decimal_places=1, default=0
    )
    offset_y_mm = models.DecimalField(_("Lệch dọc (mm)"), max_digits=5, decimal_places=1, default=0)
    qr_corner = models.CharField(
        _("Vị trí mã QR"), max_length=20, choices=QrCorner.choices, default=QrCorner.BOTTOM_RIGHT
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Máy in phôi")
        verbose_name_plural = _("Máy in phôi")

    def __str__(self) -> str:
        return self.name


class PrintJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang in")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    decision = models.ForeignKey("awards.Decision", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    fields_only = models.BooleanField(_("Chỉ in phần thông tin lên phôi"), default=False)
    printer = models.ForeignKey(PrinterProfile, on_delete=models.SET_NULL, null=True, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to=PrivateUploadTo("awards/print"), blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.decision} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0
