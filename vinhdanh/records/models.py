"""What the rules need to know of a person's or collective's past, year by year.

Ratings, awards received before or outside Vinh Danh, initiatives and discipline.
Awards decided in Vinh Danh itself come from the nominations; see history.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.org.models import Person, Unit


class RatingLevel(models.TextChoices):
    EXCELLENT = "xuat_sac", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "tot", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "hoan_thanh", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "khong_hoan_thanh", _("Không hoàn thành nhiệm vụ")


class InitiativeScope(models.TextChoices):
    BASE = "co_so", _("Cơ sở")
    PROVINCE = "tinh", _("Bộ, ban, ngành, tỉnh")
    NATIONAL = "toan_quoc", _("Toàn quốc")


class DisciplineForm(models.TextChoices):
    UNDER_REVIEW = "dang_xem_xet", _("Đang bị xem xét kỷ luật")
    REPRIMAND = "khien_trach", _("Khiển trách")
    WARNING = "canh_cao", _("Cảnh cáo")
    DEMOTION = "ha_bac_luong", _("Hạ bậc lương")
    REMOVAL = "cach_chuc", _("Cách chức")
    DISMISSAL_FROM_POST = "giang_chuc", _("Giáng chức")


class SubjectRecord(models.Model):
    """A fact about exactly one subject: a person or a collective (unit)."""

    person = models.ForeignKey(
        Person, verbose_name=_("Cá nhân"), on_delete=models.PROTECT, null=True, blank=True
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("Tập thể"), on_delete=models.PROTECT, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("Năm"), db_index=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        if bool(self.person_id) == bool(self.unit_id):
            raise ValidationError(_("Chọn đúng một đối tượng: một cá nhân hoặc một tập thể."))
        if not 1945 <= (self.year or 0) <= 2100:
            raise ValidationError({"year": _("Năm không hợp lệ.")})

    @property
    def subject(self):
        return self.person or self.unit


def _one_subject(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(person__isnull=False, unit__isnull=True)
        | Q(person__isnull=True, unit__isnull=False),
        name=name,
    )


class Rating(SubjectRecord):
    level = models.CharField(_("Mức xếp loại"), max_length=20, choices=RatingLevel.choices)

    class Meta:
        ordering = ["-year"]
        # The units' records page lists a province's 3,000,000 ratings newest first.
        indexes = [models.Index(fields=["year", "id"], name="rating_year_id")]
        verbose_name = _("Xếp loại hằng năm")
        verbose_name_plural = _("Xếp loại hằng năm")
        constraints = [
            _one_subject("rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], name="rating_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="rating_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} · {self.year} · {self.get_level_display()}"


class PastAward(SubjectRecord):
    """An award received before Vinh Danh was used, or conferred elsewhere."""

    title_code = models.CharField(_("Danh hiệu, hình thức"), max_length=80)
    basis_code = models.CharField(_("Loại hình khen thưởng"), max_length=40, blank=True)
    decision_ref = models.CharField(_("Số quyết định"), max_length=120, blank=True)
    achievement = models.CharField(_("Thành tích"), max_length=255, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Khen thưởng đã có")
        verbose_name_plural = _("Khen thưởng đã có")
        constraints = [_one_subject("past_award_one_subject")]

    def __str__(self) -> str:
        return f"{self.subject} · {self.year} · {self.title_code}"


class Initiative(SubjectRecord):
    name = models.CharField(_("Tên sáng kiến"), max_length=255)
    scope = models.CharField(_("Phạm vi ảnh hưởng"), max_length=20, choices=InitiativeScope.choices)
    recognised_by = models.CharField(_("Cơ quan công nhận"), max_length=255, blank=True)
    decision_number = models.CharField(_("Số quyết định công nhận"), max_length=120, blank=True)
    decision_date = models.DateField(_("Ngày quyết định công nhận"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Sáng kiến")
        verbose_name_plural = _("Sáng kiến")
        constraints = [_one_subject("initiative_one_subject")]

    def __str__(self) -> str:
        return self.name


class DisciplineRecord(SubjectRecord):
    form = models.CharField(_("Hình thức kỷ luật"), max_length=20, choices=DisciplineForm.choices)
    decision_number = models.CharField(_("Số quyết định kỷ luật"), max_length=120, blank=True)
    # The penalty runs from the decision to `until` (the rules count achievements after it).
    decision_date = models.DateField(_("Ngày quyết định kỷ luật"), null=True, blank=True)
    until = models.DateField(_("Hết hiệu lực"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Kỷ luật")
        verbose_name_plural = _("Kỷ luật")
        constraints = [_one_subject("discipline_one_subject")]

    def __str__(self) -> str:
        return f"{self.subject} · {self.year} · {self.get_form_display()}"

    def clean(self) -> None:
        super().clean()
        if self.decision_date and self.until and self.until < self.decision_date:
            raise ValidationError(
                {"until": _("Ngày hết hiệu lực phải sau ngày quyết định kỷ luật.")}
            )


class RecordImport(models.Model):
    """A records workbook read and checked, between its preview and its apply.

    Only the rows that were all valid are kept (a file with one bad row is refused whole);
    applying re-checks each row's scope, so a preview grants nothing by itself.
    """

    kind = models.CharField(max_length=20)
    original_name = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Lượt nhập hồ sơ")
        verbose_name_plural = _("Lượt nhập hồ sơ")

    def __str__(self) -> str:
        return self.original_name


class ScreeningJob(models.Model):
    """The screening of a large unit, run in the background; its rows are `ScreeningResult`s."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang rà soát")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Không thành công")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("Năm"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The seat the user acted for when asking: the job screens the people that seat sees.
    acting_membership = models.ForeignKey(
        "accounts.Membership", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # The (title id, name) columns as they were when the job ran.
    titles = models.JSONField(default=list)
    error = models.TextField(blank=True)
    # The .xlsx of the whole result, written by the job: 50,000 rows take longer to lay out
    # than a request may wait.
    export = models.FileField(upload_to=PrivateUploadTo("records/screening"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Lượt rà soát")
        verbose_name_plural = _("Lượt rà soát")

    def __str__(self) -> str:
        return f"{self.unit} · {self.year} · {self.get_status_display()}"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)


class ScreeningResult(models.Model):
    """One person's verdicts in a screening job, at its place in the list (for keyset pages)."""

    job = models.ForeignKey(ScreeningJob, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveIntegerField()
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    verdicts = models.JSONField(default=dict)

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="screening_result_position")
        ]

    def __str__(self) -> str:
        return f"{self.job_id} · {self.position}"


# The kinds of record a unit keeps itself, by the slug of their pages.
RECORD_KINDS = {"ratings": Rating, "initiatives": Initiative, "discipline": DisciplineRecord}
