"""Nominations (hồ sơ đề nghị), their attachments, batches, history and appraisal."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models.catalogue import AwardBasis, DossierComponent, Title
from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.workflow.models import TransitionRecord


class State(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")
    APPRAISED = "appraised", _("Đã thẩm định (đạt)")
    REJECTED = "rejected", _("Thẩm định không đạt")
    ANNOUNCED = "announced", _("Đang công khai lấy ý kiến")
    VOTING = "voting", _("Hội đồng đang bỏ phiếu")
    VOTED = "voted", _("Hội đồng đã thông qua")
    NOT_APPROVED = "not_approved", _("Hội đồng không thông qua")
    FORWARDED = "forwarded", _("Đã trình cấp trên")
    RETURNED_FROM_ABOVE = "returned_from_above", _("Cấp trên trả lại")
    # A received dossier the higher council sent back to the sender: it ends here.
    SENT_BACK = "sent_back", _("Đã trả lại cấp dưới")
    DECIDED = "decided", _("Đã có quyết định")
    HANDED_OVER = "handed_over", _("Đã trao tặng")
    REVOKED = "revoked", _("Đã thu hồi")


# What the public may see: from the public announcement on, but not what was revoked.
PUBLIC_STATES = frozenset(
    {
        State.ANNOUNCED,
        State.VOTING,
        State.VOTED,
        State.FORWARDED,
        State.DECIDED,
        State.HANDED_OVER,
    }
)
# What counts as an award held, for history and the rules engine.
AWARDED_STATES = frozenset({State.DECIDED, State.HANDED_OVER})
# Where the proposing unit may still change the dossier and its files.
EDITABLE_STATES = frozenset({State.DRAFT, State.RETURNED, State.RETURNED_FROM_ABOVE})
# What the council passed: the dossier may be exported to send up.
EXPORTABLE_STATES = frozenset({State.VOTED, State.FORWARDED, State.DECIDED})


def attachment_path(instance, filename: str) -> str:
    """The former, guessable naming; kept because old migrations name it."""
    return f"awards/{instance.nomination.year}/{instance.nomination_id}/{filename}"


def batch_letter_path(instance, filename: str) -> str:
    """The former, guessable naming; kept because old migrations name it."""
    return f"awards/batches/{instance.year}/{filename}"


class Batch(models.Model):
    """Nominations a unit submits together under one submission letter (tờ trình)."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("Đơn vị đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    name = models.CharField(_("Tên đợt"), max_length=255)
    letter_number = models.CharField(_("Số tờ trình"), max_length=60, blank=True)
    letter = models.FileField(
        _("Tờ trình"), upload_to=PrivateUploadTo("awards/letters"), blank=True
    )
    submitted_at = models.DateTimeField(_("Ngày gửi"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("Đợt đề nghị")
        verbose_name_plural = _("Đợt đề nghị")

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """One sending up (trình cấp trên): the dossiers a council passed, as one parcel.

    A council's "trình cấp trên" of one or several nominations is one submission with one
    generated tờ trình. Sent to a council of this instance (`to_council`), every dossier
    lands there as a received copy (`Nomination.received_in`) tied to the original
    (`Nomination.forwarded_from`); sent to a body outside the instance (`external_body`),
    the originals wait for the higher decision to be recorded by hand.
    """

    from_council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng trình"),
        on_delete=models.PROTECT,
        related_name="submissions_sent",
    )
    to_council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Hội đồng cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions_received",
    )
    external_body = models.CharField(
        _("Cơ quan cấp trên (ngoài hệ thống)"), max_length=255, blank=True
    )
    letter_number = models.CharField(_("Số tờ trình"), max_length=60, blank=True)
    letter = models.FileField(
        _("Tờ trình"), upload_to=PrivateUploadTo("awards/submissions"), blank=True
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("Hồ sơ trình cấp trên")
        verbose_name_plural = _("Hồ sơ trình cấp trên")

    def __str__(self) -> str:
        return _("Tờ trình %(number)s của %(council)s") % {
            "number": self.letter_number or self.pk,
            "council": self.from_council,
        }

    @property
    def destination(self) -> str:
        return str(self.to_council) if self.to_council_id else self.external_body


class Nomination(models.Model):
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="award_nominations",
    )
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("Cá nhân được đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    collective = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Tập thể được đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collective_nominations",
    )
    title = models.ForeignKey(
        Title, verbose_name=_("Danh hiệu, hình thức"), on_delete=models.PROTECT
    )
    basis = models.ForeignKey(
        AwardBasis, verbose_name=_("Loại hình khen thưởng"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    event = models.CharField(_("Đợt, sự kiện"), max_length=255, blank=True)
    achievements = models.TextField(_("Tóm tắt thành tích"))
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    batch = models.ForeignKey(
        Batch,
        verbose_name=_("Đợt đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    handed_over_on = models.DateField(_("Ngày trao tặng"), null=True, blank=True)
    # The sender's side: the last submission this dossier was sent up in.
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("Đã trình trong"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    # The receiver's side: a received dossier is a copy in the higher council's hands,
    # moved by the same workflow; its original stays with the sender.
    forwarded_from = models.ForeignKey(
        "self",
        verbose_name=_("Hồ sơ gốc của cấp dưới"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copies_above",
    )
    received_in = models.ForeignKey(
        Submission,
        verbose_name=_("Nhận trong tờ trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received",
    )
    # The lower council's vote, as it was when the dossier was sent.
    lower_vote = models.CharField(_("Kết quả bỏ phiếu cấp dưới"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-pk"]
        # The lists page by keyset in (year desc, id desc) order within the filters they
        # use: the year, the state (votes, public notice, a state filter), the unit's own.
        indexes = [
            models.Index(fields=["year", "id"], name="nomination_year_id"),
            models.Index(fields=["state", "year", "id"], name="nomination_state_year_id"),
            models.Index(fields=["unit", "year", "id"], name="nomination_unit_year_id"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(collective__isnull=True))
                | (Q(person__isnull=True) & Q(collective__isnull=False)),
                name="nomination_person_xor_collective",
                violation_error_message=_("Chọn đúng một đối tượng: một cá nhân hoặc một tập thể."),
            )
        ]
        verbose_name = _("Hồ sơ đề nghị")
        verbose_name_plural = _("Hồ sơ đề nghị")

    def __str__(self) -> str:
        return f"{self.title} – {self.subject_name} ({self.year})"

    @property
    def subject(self):
        return self.person or self.collective

    @property
    def subject_name(self) -> str:
        subject = self.subject
        return subject.full_name if self.person_id else (subject.name if subject else "")

    @property
    def subject_kind(self) -> str:
        return "person" if self.person_id else "collective"

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_exportable(self) -> bool:
        return self.state in EXPORTABLE_STATES

    @property
    def is_received(self) -> bool:
        """A dossier a lower council sent up: the copy the higher council works on."""
        return self.received_in_id is not None


class Attachment(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    component = models.ForeignKey(
        DossierComponent, verbose_name=_("Thành phần hồ sơ"), on_delete=models.PROTECT
    )
    file = models.FileField(_("Tệp"), upload_to=PrivateUploadTo("awards/attachments"))
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    file_kind = models.CharField(_("Loại tệp"), max_length=10)
    size = models.PositiveIntegerField(_("Dung lượng"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    def __str__(self) -> str:
        return self.original_name


class Transition(TransitionRecord):
    """A nomination's history: one row per step the NOMINATIONS workflow applied."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="transitions")
    # The states with their labels, so the history reads "Đã gửi → Trả lại để bổ sung".
    from_state = models.CharField(_("Từ trạng thái"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("Sang trạng thái"), max_length=20, choices=State.choices)


class Appraisal(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="appraisals")
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    passed = models.BooleanField(_("Đạt"))
    # [{"rule", "message", "basis", "engine": passed/None, "confirmed": bool}]
    checklist = models.JSONField(_("Danh mục kiểm tra"), default=list)
    engine_verdict = models.CharField(_("Kết quả đối chiếu tự động"), max_length=20, blank=True)
    law = models.CharField(_("Văn bản áp dụng"), max_length=255, blank=True)
    reasons = models.TextField(_("Ý kiến thẩm định"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Kết quả thẩm định")
        verbose_name_plural = _("Kết quả thẩm định")

    def __str__(self) -> str:
        return f"{self.nomination} ({self.passed})"
