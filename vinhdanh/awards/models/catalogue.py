"""The catalogue of emulation titles and commendation forms, loaded from the rules data."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class TitleKind(models.TextChoices):
    EMULATION_TITLE = "emulation_title", _("Danh hiệu thi đua")
    COMMENDATION_FORM = "commendation_form", _("Hình thức khen thưởng")


SUBJECT_LABELS = {
    "person": _("Cá nhân"),
    "collective": _("Tập thể"),
    "household": _("Hộ gia đình"),
}


def _in_period(row: dict, day: datetime.date) -> bool:
    start, end = row.get("from"), row.get("to")
    if start and day < datetime.date.fromisoformat(start):
        return False
    return not (end and day > datetime.date.fromisoformat(end))


class AwardBasis(models.Model):
    """Loại hình khen thưởng: regular, by campaign, sudden, dedication, ..."""

    code = models.SlugField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên"), max_length=200)
    legal_basis = models.CharField(_("Căn cứ pháp lý"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Loại hình khen thưởng")
        verbose_name_plural = _("Loại hình khen thưởng")

    def __str__(self) -> str:
        return self.name


class DossierComponent(models.Model):
    code = models.SlugField(_("Mã"), max_length=60, unique=True)
    name = models.CharField(_("Tên thành phần hồ sơ"), max_length=300)
    legal_basis = models.CharField(_("Căn cứ pháp lý"), max_length=300, blank=True)
    # Produced by the system itself (the submission letter, the public notice result).
    generated = models.BooleanField(_("Do hệ thống tạo"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Thành phần hồ sơ")
        verbose_name_plural = _("Thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name


class Title(models.Model):
    code = models.SlugField(_("Mã"), max_length=80, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    kind = models.CharField(_("Loại"), max_length=30, choices=TitleKind.choices)
    group = models.CharField(_("Nhóm"), max_length=60, blank=True)
    subjects = models.JSONField(_("Đối tượng"), default=list)
    # [{"level", "conferrer", "from", "to", "basis"}]: who confers it, by period.
    conferred_by = models.JSONField(_("Cấp quyết định"), default=list)
    # [{"text", "from", "to"}]
    legal_basis = models.JSONField(_("Căn cứ pháp lý"), default=list)
    aliases = models.JSONField(_("Tên gọi khác"), default=list, blank=True)
    criteria = models.JSONField(_("Tiêu chuẩn"), default=list, blank=True)
    valid_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("Hiệu lực đến"), null=True, blank=True)
    award_bases = models.ManyToManyField(AwardBasis, verbose_name=_("Loại hình khen thưởng"))
    components = models.ManyToManyField(
        DossierComponent, through="TitleComponent", verbose_name=_("Thành phần hồ sơ")
    )
    vote_threshold = models.DecimalField(
        _("Tỷ lệ phiếu đồng ý tối thiểu"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Trên tổng số thành viên Hội đồng; để trống: quá bán."),
    )
    catalogue_version = models.CharField(_("Phiên bản danh mục"), max_length=40, blank=True)
    is_active = models.BooleanField(_("Đang dùng"), default=True)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("Danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("Danh hiệu, hình thức khen thưởng")

    def __str__(self) -> str:
        return self.name

    def in_force(self, day: datetime.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)

    def basis_on(self, day: datetime.date) -> str:
        texts = [row["text"] for row in self.legal_basis if _in_period(row, day)]
        return "; ".join(texts)

    def conferrers_on(self, day: datetime.date) -> list[dict]:
        return [row for row in self.conferred_by if _in_period(row, day)]

    def subject_labels(self) -> list[str]:
        return [str(SUBJECT_LABELS.get(code, code)) for code in self.subjects]

    @property
    def is_certificate_of_merit(self) -> bool:
        """Bằng khen layouts differ from Giấy khen ones; everything else uses the latter."""
        return self.group == "bang_khen"


class TitleComponent(models.Model):
    title = models.ForeignKey(Title, on_delete=models.CASCADE, related_name="title_components")
    component = models.ForeignKey(DossierComponent, on_delete=models.PROTECT)
    required = models.BooleanField(_("Bắt buộc"), default=True)
    condition = models.CharField(_("Điều kiện"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["title", "component"], name="unique_title_component")
        ]
        verbose_name = _("Thành phần hồ sơ của danh hiệu")
        verbose_name_plural = _("Thành phần hồ sơ của danh hiệu")

    def __str__(self) -> str:
        return f"{self.title} – {self.component}"
