"""Initiatives (sáng kiến) and research projects filed by units, and the initiatives councils
that score, vote and recognise them (Điều lệ Sáng kiến, Nghị định 13/2012/NĐ-CP).

A recognised initiative writes the fact the rules read, `records.Initiative`, one per author,
linked from the author row (`InitiativeAuthor.record`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.initiatives.rules import default_criteria
from vinhdanh.workflow.models import TransitionRecord


class CouncilLevel(models.TextChoices):
    BASE = "co_so", _("Cấp cơ sở")
    CITY = "thanh_pho", _("Cấp tỉnh, thành phố")


# The records' scope a council of each level recognises at (records.InitiativeScope values).
SCOPE_OF_LEVEL = {CouncilLevel.BASE: "co_so", CouncilLevel.CITY: "tinh"}


class InitiativeCouncil(models.Model):
    """Hội đồng sáng kiến of a unit, at one level; kept by the standing office."""

    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="initiative_councils",
    )
    level = models.CharField(_("Cấp hội đồng"), max_length=20, choices=CouncilLevel.choices)
    name = models.CharField(_("Tên hội đồng"), max_length=255)
    established_by = models.CharField(_("Quyết định thành lập"), max_length=255, blank=True)
    # The scoring sheet: [{"code", "label", "maximum"}], from the setting when created.
    criteria = models.JSONField(_("Tiêu chí chấm điểm"), default=default_criteria)
    valid_from = models.DateField(_("Hoạt động từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Chấm dứt từ ngày"), null=True, blank=True)

    class Meta:
        ordering = ["unit__path", "level", "pk"]
        verbose_name = _("Hội đồng sáng kiến")
        verbose_name_plural = _("Hội đồng sáng kiến")

    def __str__(self) -> str:
        return self.name

    @property
    def recognises_scope(self) -> str:
        return SCOPE_OF_LEVEL[self.level]


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    SECRETARY = "secretary", _("Thư ký")
    MEMBER = "member", _("Ủy viên")


class InitiativeCouncilMember(models.Model):
    council = models.ForeignKey(InitiativeCouncil, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("org.Person", verbose_name=_("Cá nhân"), on_delete=models.PROTECT)
    role = models.CharField(_("Vai trò"), max_length=20, choices=MemberRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Tài khoản chấm điểm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative_seats",
    )
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến ngày (không kể)"), null=True, blank=True)

    class Meta:
        ordering = ["council", "role", "pk"]
        verbose_name = _("Thành viên Hội đồng sáng kiến")
        verbose_name_plural = _("Thành viên Hội đồng sáng kiến")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    def in_force(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


class InitiativeKind(models.TextChoices):
    INITIATIVE = "sang_kien", _("Sáng kiến")
    RESEARCH = "de_tai", _("Đề tài khoa học")


class InitiativeState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi Hội đồng")
    UNDER_REVIEW = "under_review", _("Hội đồng đang xét")
    RETURNED = "returned", _("Trả lại để bổ sung")
    RECOGNISED = "recognised", _("Đã công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không công nhận")
    PROPOSED_UP = "proposed_up", _("Đã đề nghị cấp trên")
    RECOGNISED_UP = "recognised_up", _("Cấp trên đã công nhận")


class Initiative(models.Model):
    """One initiative or research project as filed by its unit and reviewed by one council.

    A copy received by a higher council is a row of its own (`forwarded_from` the original),
    so each council's scores, vote and decision stay its own.
    """

    kind = models.CharField(
        _("Loại"), max_length=20, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị áp dụng"),
        on_delete=models.PROTECT,
        related_name="filed_initiatives",
    )
    council = models.ForeignKey(
        InitiativeCouncil,
        verbose_name=_("Hội đồng sáng kiến"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    year = models.PositiveSmallIntegerField(_("Năm xét"), db_index=True)
    name = models.CharField(_("Tên sáng kiến"), max_length=400)
    field = models.CharField(_("Lĩnh vực"), max_length=200)
    problem = models.TextField(_("Thực trạng, vấn đề cần giải quyết"))
    content = models.TextField(_("Nội dung và cách thức áp dụng"))
    first_applied_on = models.DateField(_("Ngày áp dụng lần đầu"))
    effect = models.TextField(_("Hiệu quả đạt được"))
    influence = models.TextField(_("Phạm vi ảnh hưởng, khả năng nhân rộng"), blank=True)
    state = models.CharField(
        _("Trạng thái"),
        max_length=20,
        choices=InitiativeState.choices,
        default=InitiativeState.DRAFT,
        db_index=True,
    )
    version = models.PositiveIntegerField(default=0)
    forwarded_from = models.OneToOneField(
        "self",
        verbose_name=_("Hồ sơ gốc ở cấp dưới"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="copy_above",
    )
    # The council's meeting and vote.
    meeting_on = models.DateField(_("Ngày họp Hội đồng"), null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(_("Số thành viên dự"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("Số phiếu đồng ý"), null=True, blank=True)
    # The recognition decision (or the reasons for not recognising).
    decision_number = models.CharField(_("Số quyết định"), max_length=120, blank=True)
    decision_date = models.DateField(_("Ngày quyết định"), null=True, blank=True)
    decision_signer = models.CharField(_("Người ký"), max_length=200, blank=True)
    decision_signer_title = models.CharField(_("Chức vụ người ký"), max_length=200, blank=True)
    valid_until = models.DateField(_("Hiệu lực công nhận đến"), null=True, blank=True)
    reasons = models.TextField(_("Lý do"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-pk"]
        indexes = [
            models.Index(fields=["year", "id"], name="initiative_year_id"),
            models.Index(fields=["state", "year", "id"], name="initiative_state_year_id"),
        ]
        verbose_name = _("Hồ sơ sáng kiến")
        verbose_name_plural = _("Hồ sơ sáng kiến")

    def __str__(self) -> str:
        return self.name

    @property
    def is_copy(self) -> bool:
        return self.forwarded_from_id is not None

    @property
    def scope_label(self) -> str:
        return str(CouncilLevel(self.council.level).label)


class InitiativeAuthor(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("org.Person", verbose_name=_("Tác giả"), on_delete=models.PROTECT)
    share = models.PositiveSmallIntegerField(_("Tỷ lệ đóng góp (%)"))
    # The fact the rules read, written when the initiative is recognised.
    record = models.ForeignKey(
        "records.Initiative",
        verbose_name=_("Hồ sơ thành tích"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authorships",
    )

    class Meta:
        ordering = ["-share", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "person"], name="initiative_author_once")
        ]
        verbose_name = _("Tác giả sáng kiến")
        verbose_name_plural = _("Tác giả sáng kiến")

    def __str__(self) -> str:
        return f"{self.person} ({self.share}%)"


class InitiativeEvidence(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField(_("Tên tệp"), max_length=255)
    file = models.FileField(upload_to=PrivateUploadTo("initiatives"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Minh chứng sáng kiến")
        verbose_name_plural = _("Minh chứng sáng kiến")

    def __str__(self) -> str:
        return self.name


class InitiativeScore(models.Model):
    """One member's points for one criterion of one initiative (the scoring sheet's cell)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(
        InitiativeCouncilMember, on_delete=models.PROTECT, related_name="scores"
    )
    criterion = models.CharField(_("Tiêu chí"), max_length=60)
    points = models.PositiveSmallIntegerField(_("Điểm"))
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["member", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "member", "criterion"], name="initiative_score_once"
            )
        ]
        verbose_name = _("Điểm chấm sáng kiến")
        verbose_name_plural = _("Điểm chấm sáng kiến")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"


class InitiativeTransition(TransitionRecord):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("Bước xử lý sáng kiến")
        verbose_name_plural = _("Bước xử lý sáng kiến")
