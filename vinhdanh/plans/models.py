"""The council's plan, its tasks, and what units report and upload against it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.core.years import check_year
from vinhdanh.documents.structure import DeadlineKind
from vinhdanh.workflow.models import TransitionRecord


class Plan(models.Model):
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    number = models.CharField(_("Số, ký hiệu"), max_length=60)
    year = models.PositiveSmallIntegerField(_("Năm"))
    date = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("Địa danh"), max_length=120, blank=True)
    title = models.CharField(_("Trích yếu"), max_length=500)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    source_format = models.CharField(_("Định dạng tệp gốc"), max_length=10, blank=True)
    # The body's own deadline for units' plans ("gửi về ... trước ngày 30/01/2021").
    unit_plan_deadline = models.DateField(_("Hạn nộp kế hoạch của đơn vị"), null=True, blank=True)
    unit_plan_deadline_text = models.CharField(max_length=500, blank=True)
    # The plan's own text (sections I to III above the appendix), as the document wrote it.
    body_text = models.TextField(_("Nội dung kế hoạch"), blank=True)
    # "Nơi nhận" and the signature block as the document wrote them (documents.structure
    # `closing_to_json`), so the exported plan is sent to the same bodies, signed alike.
    closing = models.JSONField(_("Nơi nhận và chữ ký"), default=dict, blank=True)
    # The tasks as imported (one `plans.history.task_state` each, with its id): what the
    # plan page compares the living plan against. A new import of the document resets it.
    baseline = models.JSONField(default=list, blank=True)
    baseline_at = models.DateTimeField(_("Thời điểm nhập văn bản"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["number", "year"], name="unique_plan_number_year")
        ]
        verbose_name = _("Kế hoạch")
        verbose_name_plural = _("Kế hoạch")

    def __str__(self) -> str:
        return f"{self.number}: {self.title}"

    def clean(self) -> None:
        check_year(self.year)


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(_("Thứ tự"))
    number = models.CharField(_("Số thứ tự"), max_length=20, blank=True)
    section = models.CharField(_("Nhóm"), max_length=120, blank=True)
    content = models.TextField(_("Nội dung"))
    directing = models.CharField(_("Chỉ đạo, chủ trì"), max_length=255, blank=True)
    lead_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("Đơn vị chủ trì"), related_name="led_tasks", blank=True
    )
    coordinating_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("Đơn vị phối hợp"),
        related_name="coordinated_tasks",
        blank=True,
    )
    # Names as written in the document, so the export and the page say what the plan said.
    lead_names = models.JSONField(default=list, blank=True)
    coordinating_names = models.JSONField(default=list, blank=True)
    # Group phrases ("Các đơn vị thuộc Quận") and names the staff chose to keep as text.
    lead_groups = models.JSONField(default=list, blank=True)
    coordinating_groups = models.JSONField(default=list, blank=True)
    deadline_kind = models.CharField(
        _("Loại thời hạn"),
        max_length=20,
        choices=[(kind.value, kind.value) for kind in DeadlineKind],
        default=DeadlineKind.UNPARSED,
    )
    deadline_date = models.DateField(_("Thời hạn"), null=True, blank=True, db_index=True)
    deadline_text = models.CharField(_("Thời hạn như trong văn bản"), max_length=255, blank=True)
    deadline_period = models.CharField(max_length=4, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    flags = models.JSONField(default=list, blank=True)
    # Set by the report that marks the task done; status is derived from it and the deadline.
    done_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    started_on = models.DateField(_("Ngày bắt đầu báo cáo"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("Nhiệm vụ")
        verbose_name_plural = _("Nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:80]}"

    def status_on(self, today):
        from vinhdanh.plans.status import task_status

        return task_status(self.deadline_date, self.done_on, self.started_on, today)

    @property
    def status(self):
        from django.utils import timezone

        return self.status_on(timezone.localdate())

    @property
    def lead_is_group(self) -> bool:
        return bool(self.lead_groups)


class TaskAssignment(models.Model):
    """One unit's line of a task given to a group ("Các đơn vị thuộc Quận").

    Each line has its own reports, status, reminders and calendar entries; the task is done
    when every line is done (its `done_on` and `started_on` are rolled up from the lines by
    `plans.status.roll_up`, written by the services that change a line).
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị thực hiện"),
        on_delete=models.PROTECT,
        related_name="task_assignments",
    )
    percent = models.PositiveSmallIntegerField(_("Tiến độ (%)"), default=0)
    started_on = models.DateField(_("Ngày bắt đầu báo cáo"), null=True, blank=True)
    done_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["task", "unit__sort_key", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="unique_task_assignment")
        ]
        verbose_name = _("Nhiệm vụ của đơn vị")
        verbose_name_plural = _("Nhiệm vụ của đơn vị")

    def __str__(self) -> str:
        return f"{self.task.number} · {self.unit}"

    def status_on(self, today):
        from vinhdanh.plans.status import task_status

        return task_status(self.task.deadline_date, self.done_on, self.started_on, today)


class PlanChangeKind(models.TextChoices):
    ADDED = "added", _("Thêm nhiệm vụ")
    EDITED = "edited", _("Sửa nhiệm vụ")
    REASSIGNED = "reassigned", _("Giao lại đơn vị")
    REMOVED = "removed", _("Bỏ nhiệm vụ")


class PlanChange(models.Model):
    """One change of the living plan after its import: who, when, the task before and after."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="changes")
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes"
    )
    kind = models.CharField(_("Thay đổi"), max_length=20, choices=PlanChangeKind.choices)
    task_number = models.CharField(_("Số thứ tự"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.CharField(_("Lý do"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Điều chỉnh kế hoạch")
        verbose_name_plural = _("Điều chỉnh kế hoạch")

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.kind} · {self.task_number}"

    @property
    def content(self) -> str:
        return ((self.after or self.before) or {}).get("content", "")

    @property
    def fields(self):
        """What this change did, field by field (before → after)."""
        from vinhdanh.plans.history import changed_fields

        return changed_fields(self.before, self.after)


class ProgressReport(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_on = models.DateField(_("Ngày báo cáo"))
    percent = models.PositiveSmallIntegerField(_("Tiến độ (%)"), default=0)
    is_done = models.BooleanField(_("Đã hoàn thành"), default=False)
    text = models.TextField(_("Nội dung báo cáo"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("Báo cáo tiến độ")
        verbose_name_plural = _("Báo cáo tiến độ")

    def __str__(self) -> str:
        return f"{self.task.number} · {self.unit} · {self.reported_on:%d/%m/%Y}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=PrivateUploadTo("plans/reports"))
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.original_name


class UnitPlanState(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ tiếp nhận")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    RETURNED = "returned", _("Trả lại để bổ sung")


class UnitPlanSubmission(models.Model):
    """A unit's own plan, sent in answer to the council's plan.

    The standing office accepts it or returns it with a reason; a returned plan is sent
    again (plans/workflows.py). `submitted_on` is the last sending, which lateness reads.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="unit_submissions")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=PrivateUploadTo("plans/unit_plans"))
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    submitted_on = models.DateField(_("Ngày nộp"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The unit's note with each sending, and the office's reason to return, are in the
    # history (UnitPlanTransition.note).
    state = models.CharField(
        _("Tình trạng xử lý"),
        max_length=20,
        choices=UnitPlanState.choices,
        default=UnitPlanState.SUBMITTED,
    )
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="unique_unit_plan_submission")
        ]
        verbose_name = _("Kế hoạch của đơn vị")
        verbose_name_plural = _("Kế hoạch của đơn vị")

    def __str__(self) -> str:
        return f"{self.unit} · {self.original_name}"


class UnitPlanTransition(TransitionRecord):
    """One step of a unit's plan: sent, accepted, returned (with its reason), sent again."""

    submission = models.ForeignKey(
        UnitPlanSubmission, on_delete=models.CASCADE, related_name="transitions"
    )


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class ReminderOutcome(models.TextChoices):
    SENT = "sent", _("Đã gửi")
    NO_RECIPIENT = "no_recipient", _("Không có người nhận")


class Reminder(models.Model):
    """The log that makes a reminder go out once per event, never twice.

    An event is a task's deadline for one lead unit, or the plan's deadline for a unit's
    own plan (then `task` is empty).
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reminders")
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="reminders", null=True, blank=True
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    # A moved deadline is a new event, so the deadline is part of the key.
    deadline = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)
    # Of `recipients`, the unit's own officers (the rest is the council's standing office).
    unit_recipients = models.PositiveSmallIntegerField(default=0)
    # An event nobody could receive is kept as such, never as sent; it is tried again.
    outcome = models.CharField(
        max_length=20, choices=ReminderOutcome.choices, default=ReminderOutcome.SENT
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["task", "unit", "kind", "deadline"],
                condition=models.Q(task__isnull=False),
                name="unique_reminder_event",
            ),
            models.UniqueConstraint(
                fields=["plan", "unit", "kind", "deadline"],
                condition=models.Q(task__isnull=True),
                name="unique_unit_plan_reminder_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.task_id} · {self.unit_id} · {self.kind} · {self.deadline}"


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notifications"
    )
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text


class PlanImport(models.Model):
    """An uploaded plan file between its preview and its confirmation."""

    file = models.FileField(upload_to=PrivateUploadTo("plans/imports"))
    original_name = models.CharField(max_length=255)
    parsed = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    plan = models.ForeignKey(Plan, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name


class FeedToken(models.Model):
    """The key of one calendar-feed address: calendar apps cannot sign in, so the URL is it.

    Only the SHA-256 of the token is stored; the address is shown once, when it is made.
    A token stops working when it expires, is revoked, or its owner may no longer see the unit.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        on_delete=models.CASCADE,
        related_name="feed_tokens",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so the owner can tell their addresses apart; useless for guessing.
    prefix = models.CharField(_("Mã nhận biết"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Hết hạn"))
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("Dùng lần cuối"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Liên kết lịch hạn")
        verbose_name_plural = _("Liên kết lịch hạn")

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.prefix}…"

    def is_usable(self, now) -> bool:
        return self.revoked_at is None and self.expires_at > now
