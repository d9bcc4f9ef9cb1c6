"""The year-end conference (Hội nghị tổng kết) and award ceremonies of a council, and a
unit's own ceremony of receiving an award (lễ đón nhận).

A ceremony invites units and guests, presents the year's honourees in an order the office
sets (drawn from the certificates of the council's issued decisions), has its programme and
script (kịch bản) written from that list, records who came, and is written up afterwards.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.years import check_year
from vinhdanh.workflow.models import TransitionRecord


class CeremonyKind(models.TextChoices):
    YEAR_END = "year_end", _("Hội nghị tổng kết công tác thi đua, khen thưởng")
    AWARDS = "awards", _("Lễ trao tặng danh hiệu, hình thức khen thưởng")


class CeremonyState(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    INVITED = "invited", _("Đã gửi giấy mời")
    HELD = "held", _("Đã tổ chức")
    REPORTED = "reported", _("Đã báo cáo kết quả")
    CANCELLED = "cancelled", _("Đã hủy")


class Ceremony(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("Loại"), max_length=20, choices=CeremonyKind.choices)
    year = models.PositiveSmallIntegerField(
        _("Năm công tác được tổng kết"), validators=[check_year]
    )
    title = models.CharField(_("Tên hội nghị, buổi lễ"), max_length=300)
    held_at = models.DateTimeField(_("Thời gian"))
    place = models.CharField(_("Địa điểm"), max_length=300)
    chair = models.CharField(_("Chủ trì"), max_length=200, blank=True)
    host = models.CharField(_("Người dẫn chương trình"), max_length=200, blank=True)
    guests = models.TextField(_("Khách mời"), blank=True, help_text=_("Mỗi khách mời một dòng."))
    programme = models.TextField(
        _("Chương trình"), blank=True, help_text=_("Mỗi mục một dòng, theo thứ tự.")
    )
    invited_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("Đơn vị được mời"), blank=True, related_name="+"
    )
    plan_task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("Thực hiện nhiệm vụ của kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=CeremonyState.choices, default="draft"
    )
    report = models.TextField(_("Kết quả tổ chức"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-held_at", "-pk"]
        verbose_name = _("Hội nghị, lễ trao tặng")
        verbose_name_plural = _("Hội nghị, lễ trao tặng")

    def __str__(self) -> str:
        return self.title

    def guest_list(self) -> list[str]:
        return [line.strip() for line in self.guests.splitlines() if line.strip()]

    def programme_items(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.programme.splitlines() if line.strip()]


class CeremonyTransition(TransitionRecord):
    ceremony = models.ForeignKey(Ceremony, on_delete=models.CASCADE, related_name="transitions")


class Honouree(models.Model):
    """A certificate presented at the ceremony, in the order of presentation."""

    ceremony = models.ForeignKey(Ceremony, on_delete=models.CASCADE, related_name="honourees")
    certificate = models.ForeignKey(
        "awards.Certificate", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveIntegerField(_("Thứ tự trao"))
    received = models.BooleanField(_("Đã nhận tại buổi lễ"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ceremony", "certificate"], name="honouree_once_per_ceremony"
            )
        ]
        verbose_name = _("Người, tập thể được trao")
        verbose_name_plural = _("Người, tập thể được trao")

    def __str__(self) -> str:
        return f"{self.position}. {self.certificate.recipient}"


class UnitAttendance(models.Model):
    ceremony = models.ForeignKey(Ceremony, on_delete=models.CASCADE, related_name="attendance")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("Có mặt"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ceremony", "unit"], name="attendance_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {'có mặt' if self.present else 'vắng'}"


class Reception(models.Model):
    """A unit's own ceremony of receiving an award it was given (lễ đón nhận)."""

    certificate = models.ForeignKey(
        "awards.Certificate",
        verbose_name=_("Danh hiệu, hình thức đón nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("Ngày tổ chức"))
    place = models.CharField(_("Địa điểm"), max_length=300)
    presented_by = models.CharField(_("Người trao"), max_length=200, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("Lễ đón nhận")
        verbose_name_plural = _("Lễ đón nhận")

    def __str__(self) -> str:
        return f"{self.unit} – {self.certificate.title_name}"

    def clean(self) -> None:
        if self.held_on and self.certificate_id:
            signed = self.certificate.decision.signed_on
            if self.held_on < signed:
                raise ValidationError(
                    {"held_on": _("Lễ đón nhận phải sau ngày ký quyết định (%(day)s).")
                     % {"day": signed.strftime("%d/%m/%Y")}}
                )  # fmt: skip
