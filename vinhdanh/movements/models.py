"""Emulation movements, their notices to target units, and the units' registrations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.core.years import check_year
from vinhdanh.movements.titles import TITLE_CHOICES
from vinhdanh.workflow.models import TransitionRecord


class MovementKind(models.TextChoices):
    REGULAR = "regular", _("Thi đua thường xuyên")
    CAMPAIGN = "campaign", _("Thi đua theo đợt")
    THEMATIC = "thematic", _("Thi đua chuyên đề")


class MovementStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    LAUNCHED = "launched", _("Đã phát động")
    CLOSED = "closed", _("Đã tổng kết")


class Movement(models.Model):
    name = models.CharField(_("Tên phong trào"), max_length=400)
    kind = models.CharField(_("Hình thức thi đua"), max_length=20, choices=MovementKind.choices)
    year = models.PositiveSmallIntegerField(_("Năm"))
    launched_by = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Cơ quan phát động"),
        on_delete=models.PROTECT,
        related_name="launched_movements",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Phong trào cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cascades",
        help_text=_("Phong trào của cấp trên mà phong trào này cụ thể hóa."),
    )
    starts_on = models.DateField(_("Bắt đầu"))
    ends_on = models.DateField(_("Kết thúc"))
    registration_deadline = models.DateField(_("Hạn đăng ký"), null=True, blank=True)
    goals = models.TextField(_("Mục tiêu"), blank=True)
    criteria = models.TextField(_("Tiêu chí thi đua"), blank=True)
    target_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("Đơn vị tham gia"), blank=True, related_name="movements"
    )
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=MovementStatus.choices, default="draft"
    )
    document_number = models.CharField(_("Số văn bản phát động"), max_length=60, blank=True)
    launched_at = models.DateTimeField(_("Ngày phát động"), null=True, blank=True)
    # Guards edits and launching against a stale page (workflow engine).
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year", "starts_on", "pk"]
        verbose_name = _("Phong trào thi đua")
        verbose_name_plural = _("Phong trào thi đua")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        check_year(self.year)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        deadline = self.registration_deadline
        if deadline and self.ends_on and deadline > self.ends_on:
            raise ValidationError(
                {
                    "registration_deadline": _(
                        "Hạn đăng ký (%(deadline)s) sau ngày kết thúc phong trào (%(end)s)."
                    )
                    % {"deadline": f"{deadline:%d/%m/%Y}", "end": f"{self.ends_on:%d/%m/%Y}"}
                }
            )
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Phong trào không thể là cấp trên của chính nó.")})


class MovementTransition(TransitionRecord):
    """One step of a movement's workflow: launched, closed (movements.workflows.MOVEMENTS)."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="transitions")


def movement_document_path(instance, filename: str) -> str:
    """The former, guessable naming; kept because old migrations name it."""
    return f"movements/{instance.movement_id}/{filename}"


class MovementDocument(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("Tên tài liệu"), max_length=255)
    file = models.FileField(_("Tệp"), upload_to=PrivateUploadTo("movements/documents"))
    kind = models.CharField(max_length=10, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Tài liệu phong trào")
        verbose_name_plural = _("Tài liệu phong trào")

    def __str__(self) -> str:
        return self.title


class MovementNotice(models.Model):
    """A launched movement sent down to one target unit; read when the unit opens it."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="notices")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="unique_movement_notice")
        ]

    def __str__(self) -> str:
        return f"{self.movement} → {self.unit}"


class RegistrationState(models.TextChoices):
    DRAFT = "draft", _("Chưa gửi")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")
    APPROVED = "approved", _("Đã duyệt")


class Registration(models.Model):
    """A unit's registration for one movement: the titles it and its people aim at this year."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=RegistrationState.choices, default="draft"
    )
    commitment = models.TextField(_("Nội dung đăng ký, cam kết"), blank=True)
    return_reason = models.TextField(_("Lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("Ngày gửi"), null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["movement", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="unique_registration")
        ]
        verbose_name = _("Đăng ký thi đua")
        verbose_name_plural = _("Đăng ký thi đua")

    def __str__(self) -> str:
        return f"{self.unit} — {self.movement}"

    @property
    def is_late(self) -> bool:
        deadline = self.movement.registration_deadline
        if deadline is None or self.submitted_at is None:
            return False
        return timezone.localdate(self.submitted_at) > deadline


class RegistrationTransition(TransitionRecord):
    """One step of a registration: sent, returned with its reason, approved."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="transitions"
    )


class RegistrationEntry(models.Model):
    """One title aimed at: by the unit itself (no person) or by one of its people."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    person = models.ForeignKey(
        "org.Person", verbose_name=_("Cá nhân"), on_delete=models.PROTECT, null=True, blank=True
    )
    title = models.CharField(_("Danh hiệu đăng ký"), max_length=60, choices=TITLE_CHOICES)

    class Meta:
        ordering = ["person__sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "person", "title"], name="unique_registration_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person or self.registration.unit}: {self.get_title_display()}"
