"""Training sessions (tập huấn) of a council: who is invited, who came, what they thought.

A session belongs to the council that organises it; its invited units register their
people, the standing office records who attended, and each attendee's short evaluation is
kept against the attendance. The report after the session says who came from which unit
and which invited units sent no one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.core.years import check_year
from vinhdanh.workflow.models import TransitionRecord


class SessionState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ANNOUNCED = "announced", _("Đã gửi giấy mời")
    HELD = "held", _("Đã tổ chức")
    REPORTED = "reported", _("Đã báo cáo kết quả")
    CANCELLED = "cancelled", _("Đã hủy")


class TrainingSession(models.Model):
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng tổ chức"),
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    year = models.PositiveSmallIntegerField(_("Năm"), validators=[check_year])
    title = models.CharField(_("Tên lớp tập huấn"), max_length=300)
    starts_at = models.DateTimeField(_("Bắt đầu"))
    ends_at = models.DateTimeField(_("Kết thúc"))
    place = models.CharField(_("Địa điểm"), max_length=300)
    programme = models.TextField(_("Chương trình"), blank=True)
    trainers = models.TextField(_("Báo cáo viên"), blank=True, help_text=_("Mỗi người một dòng."))
    capacity = models.PositiveIntegerField(
        _("Số chỗ"),
        validators=[MinValueValidator(1), MaxValueValidator(5000)],
        help_text=_("Số học viên tối đa của lớp."),
    )
    per_unit_limit = models.PositiveIntegerField(
        _("Số người tối đa mỗi đơn vị"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    registration_deadline = models.DateField(_("Hạn đăng ký"), null=True, blank=True)
    plan_task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("Thực hiện nhiệm vụ của kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
    )
    invited_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("Đơn vị được mời"), blank=True, related_name="trainings"
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=SessionState.choices, default=SessionState.DRAFT
    )
    result_summary = models.TextField(_("Kết quả, đánh giá chung"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Guards edits and steps against a stale page (workflow engine).
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["council", "year", "state"])]
        verbose_name = _("Lớp tập huấn")
        verbose_name_plural = _("Lớp tập huấn")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if self.starts_at and self.year and self.starts_at.year != self.year:
            errors["year"] = _("Năm của lớp phải là năm tổ chức (%(year)s).") % {
                "year": self.starts_at.year
            }
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at.date()
        ):
            errors["registration_deadline"] = _("Hạn đăng ký phải trước ngày tập huấn.")
        if self.per_unit_limit and self.capacity and self.per_unit_limit > self.capacity:
            errors["per_unit_limit"] = _("Số người mỗi đơn vị không được quá số chỗ của lớp.")
        if errors:
            raise ValidationError(errors)

    def trainer_list(self) -> list[str]:
        return [line.strip() for line in self.trainers.splitlines() if line.strip()]


class SessionTransition(TransitionRecord):
    """One step of a session's workflow (training.workflows.SESSIONS)."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="transitions"
    )


class TrainingMaterial(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("Tên tài liệu"), max_length=255)
    file = models.FileField(_("Tệp"), upload_to=PrivateUploadTo("training"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Tài liệu tập huấn")
        verbose_name_plural = _("Tài liệu tập huấn")

    def __str__(self) -> str:
        return self.name


class Attendee(models.Model):
    """A person a unit registered for the session, and whether they came."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendees")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("Cán bộ"),
        on_delete=models.PROTECT,
        related_name="trainings_attended",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(_("Có mặt"), null=True, blank=True)

    class Meta:
        ordering = ["unit__sort_key", "person__sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendee_once_per_session")
        ]
        verbose_name = _("Học viên")
        verbose_name_plural = _("Học viên")

    def __str__(self) -> str:
        return str(self.person)


class Evaluation(models.Model):
    """The attendee's short evaluation of the session (1 = poor … 5 = very good)."""

    attendee = models.OneToOneField(Attendee, on_delete=models.CASCADE, related_name="evaluation")
    content = models.PositiveSmallIntegerField(
        _("Nội dung"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(
        _("Tính thiết thực"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    organisation = models.PositiveSmallIntegerField(
        _("Công tác tổ chức"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("Góp ý"), blank=True, max_length=2000)
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Phiếu đánh giá")
        verbose_name_plural = _("Phiếu đánh giá")

    def __str__(self) -> str:
        return f"{self.attendee}: {self.content}/{self.usefulness}/{self.organisation}"
