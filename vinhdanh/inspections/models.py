"""Inspections of the emulation and commendation work (kiểm tra công tác thi đua, khen thưởng).

A council's inspection plan names its teams (council members and standing-office staff),
the checklist the council sets (criteria as data: plans issued, movements launched, dossiers
kept, records up to date …) and a visit per inspected unit. At a visit the team records a
finding per checklist item with its evidence; the minutes (biên bản kiểm tra) are generated
from them and signed off; what the unit must put right becomes follow-up items with a
deadline, tracked until the unit reports them done.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.core.years import check_year
from vinhdanh.workflow.models import TransitionRecord


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã tổng kết")


class InspectionPlan(models.Model):
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="inspection_plans",
    )
    year = models.PositiveSmallIntegerField(_("Năm"), validators=[check_year])
    title = models.CharField(_("Tên kế hoạch kiểm tra"), max_length=300)
    document_number = models.CharField(_("Số kế hoạch"), max_length=60, blank=True)
    purpose = models.TextField(_("Mục đích, yêu cầu"), blank=True)
    plan_task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("Thực hiện nhiệm vụ của kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspection_plans",
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=PlanState.choices, default=PlanState.DRAFT
    )
    summary = models.TextField(_("Tổng kết"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("Kế hoạch kiểm tra")
        verbose_name_plural = _("Kế hoạch kiểm tra")

    def __str__(self) -> str:
        return self.title


class PlanTransition(TransitionRecord):
    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="transitions")


class ChecklistItem(models.Model):
    """One criterion of the plan's checklist, as the council sets it."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("Thứ tự"))
    text = models.CharField(_("Nội dung kiểm tra"), max_length=500)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="checklist_item_position")
        ]
        verbose_name = _("Nội dung kiểm tra")
        verbose_name_plural = _("Nội dung kiểm tra")

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class Team(models.Model):
    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("Tên đoàn"), max_length=120)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Trưởng đoàn"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("Thành viên"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Đoàn kiểm tra")
        verbose_name_plural = _("Đoàn kiểm tra")

    def __str__(self) -> str:
        return self.name


class VisitState(models.TextChoices):
    SCHEDULED = "scheduled", _("Đã lên lịch")
    CONDUCTED = "conducted", _("Đã kiểm tra")
    SIGNED = "signed", _("Đã ký biên bản")


class Visit(models.Model):
    """The inspection of one unit: when, by which team, its findings and its minutes."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="visits")
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị được kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspection_visits",
    )
    team = models.ForeignKey(Team, verbose_name=_("Đoàn kiểm tra"), on_delete=models.PROTECT)
    scheduled_on = models.DateField(_("Ngày kiểm tra"))
    place = models.CharField(_("Địa điểm"), max_length=300, blank=True)
    unit_representative = models.CharField(
        _("Đại diện đơn vị được kiểm tra"), max_length=200, blank=True
    )
    conclusion = models.TextField(_("Kết luận của đoàn"), blank=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=VisitState.choices, default=VisitState.SCHEDULED
    )
    signed_at = models.DateTimeField(_("Ngày ký biên bản"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["scheduled_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="visit_once_per_unit_and_plan")
        ]
        verbose_name = _("Lịch kiểm tra đơn vị")
        verbose_name_plural = _("Lịch kiểm tra đơn vị")

    def __str__(self) -> str:
        return f"{self.plan} – {self.unit}"

    def clean(self) -> None:
        if self.scheduled_on and self.plan_id and self.scheduled_on.year != self.plan.year:
            raise ValidationError(
                {"scheduled_on": _("Ngày kiểm tra phải trong năm %(year)s của kế hoạch.")
                 % {"year": self.plan.year}}
            )  # fmt: skip


class VisitTransition(TransitionRecord):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="transitions")


class Result(models.TextChoices):
    MET = "met", _("Đạt")
    PARTLY = "partly", _("Đạt một phần")
    NOT_MET = "not_met", _("Chưa đạt")
    NOT_APPLICABLE = "na", _("Không áp dụng")


class Finding(models.Model):
    """What the team found on one checklist item at one visit, with its evidence."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="findings")
    result = models.CharField(_("Kết quả"), max_length=10, choices=Result.choices)
    note = models.TextField(_("Nhận xét"), blank=True, max_length=4000)
    evidence = models.TextField(
        _("Minh chứng"),
        blank=True,
        max_length=2000,
        help_text=_("Văn bản, hồ sơ, sổ sách đã xem (số, ngày)."),
    )
    evidence_file = models.FileField(
        _("Tệp minh chứng"), upload_to=PrivateUploadTo("inspections"), blank=True
    )
    evidence_name = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["item__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "item"], name="finding_once_per_item")
        ]
        verbose_name = _("Kết quả kiểm tra")
        verbose_name_plural = _("Kết quả kiểm tra")

    def __str__(self) -> str:
        return f"{self.item}: {self.get_result_display()}"


class FollowUpState(models.TextChoices):
    OPEN = "open", _("Đang khắc phục")
    DONE = "done", _("Đã khắc phục")


class FollowUp(models.Model):
    """What the inspected unit must put right, by when; closed when the unit reports it done."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="follow_ups")
    finding = models.ForeignKey(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    text = models.CharField(_("Nội dung cần khắc phục"), max_length=500)
    due_on = models.DateField(_("Hạn khắc phục"))
    state = models.CharField(
        _("Trạng thái"), max_length=10, choices=FollowUpState.choices, default=FollowUpState.OPEN
    )
    result = models.TextField(_("Kết quả khắc phục"), blank=True, max_length=4000)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The reminders sent, once each: a few days before the deadline, and when it has passed.
    reminded_before_on = models.DateField(null=True, blank=True)
    reminded_late_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["state", "due_on"])]
        verbose_name = _("Việc khắc phục sau kiểm tra")
        verbose_name_plural = _("Việc khắc phục sau kiểm tra")

    def __str__(self) -> str:
        return self.text


class FollowUpTransition(TransitionRecord):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="transitions")
