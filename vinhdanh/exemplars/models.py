"""Exemplars (gương điển hình tiên tiến, người tốt việc tốt): a unit's proposal of a person or a
collective with their story, photos and evidence, verified and published by the standing
office on the council's honour board (bảng vàng)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.workflow.models import TransitionRecord


class ExemplarCategory(models.TextChoices):
    ADVANCED = "tien_tien", _("Gương điển hình tiên tiến")
    GOOD_DEED = "nguoi_tot", _("Người tốt, việc tốt")


class SubjectKind(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class ExemplarState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PROPOSED = "proposed", _("Đã đề xuất")
    RETURNED = "returned", _("Trả lại để bổ sung")
    VERIFIED = "verified", _("Đã xác minh")
    PUBLISHED = "published", _("Đã công bố")
    REFUSED = "refused", _("Không công nhận")
    WITHDRAWN = "withdrawn", _("Đã gỡ khỏi bảng vàng")


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Văn bản có chữ ký")
    IN_PERSON = "in_person", _("Trực tiếp, có người làm chứng")
    ELECTRONIC = "electronic", _("Thư điện tử, tin nhắn")
    REPRESENTATIVE = "representative", _("Người đại diện tập thể đồng ý")


class Exemplar(models.Model):
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text=_("Hội đồng có cơ quan thường trực xác minh và công bố trên bảng vàng."),
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị đề xuất"),
        on_delete=models.PROTECT,
        related_name="proposed_exemplars",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    category = models.CharField(_("Loại gương"), max_length=20, choices=ExemplarCategory.choices)
    subject_kind = models.CharField(
        _("Cá nhân hay tập thể"), max_length=20, choices=SubjectKind.choices
    )
    subject_name = models.CharField(_("Tên cá nhân, tập thể"), max_length=255)
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("Cá nhân trong danh sách"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    collective = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Tập thể trong danh sách"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    headline = models.CharField(_("Tiêu đề"), max_length=255)
    story = models.TextField(_("Việc tốt, thành tích (làm gì)"))
    happened_on = models.DateField(_("Thời gian"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    effect = models.TextField(_("Hiệu quả, sức lan tỏa"), blank=True)
    # Consent to publish the name and photos: who gave it, when, how, and who recorded it.
    consent_given = models.BooleanField(_("Đồng ý công bố tên và ảnh"), default=False)
    consent_by = models.CharField(_("Người đồng ý"), max_length=255, blank=True)
    consent_on = models.DateField(_("Ngày đồng ý"), null=True, blank=True)
    consent_method = models.CharField(
        _("Hình thức đồng ý"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=ExemplarState.choices, default="draft"
    )
    return_reason = models.TextField(_("Lý do trả lại, không công nhận"), blank=True)
    published_at = models.DateTimeField(_("Ngày công bố"), null=True, blank=True)
    nomination = models.OneToOneField(
        "awards.Nomination",
        verbose_name=_("Hồ sơ khen thưởng đột xuất"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exemplar",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year", "-pk"]
        indexes = [models.Index(fields=["council", "state", "year"], name="exemplar_board")]
        verbose_name = _("Gương điển hình")
        verbose_name_plural = _("Gương điển hình")

    def __str__(self) -> str:
        return f"{self.subject_name} — {self.headline}"

    @property
    def public_name(self) -> str:
        """The name the honour board shows: a person's full name only with their consent,
        else their initials."""
        if self.subject_kind == SubjectKind.COLLECTIVE or self.consent_given:
            return self.subject_name
        return ".".join(word[0].upper() for word in self.subject_name.split() if word) + "."


class ExemplarTransition(TransitionRecord):
    """One step of an exemplar: proposed, verified, returned, refused, published, withdrawn."""

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="transitions")


class ExemplarPhoto(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("Ảnh"), upload_to=PrivateUploadTo("exemplars/photos"))
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    kind = models.CharField(max_length=10, editable=False)
    caption = models.CharField(_("Chú thích"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Ảnh gương điển hình")
        verbose_name_plural = _("Ảnh gương điển hình")

    def __str__(self) -> str:
        return self.original_name


class ExemplarEvidence(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("Tệp minh chứng"), upload_to=PrivateUploadTo("exemplars/evidence"))
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    kind = models.CharField(max_length=10, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Minh chứng gương điển hình")
        verbose_name_plural = _("Minh chứng gương điển hình")

    def __str__(self) -> str:
        return self.original_name
