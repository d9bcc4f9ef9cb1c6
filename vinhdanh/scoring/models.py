"""A cluster's year: covenant, criteria sheet, scores, secret ballot and proposals."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.workflow.models import TransitionRecord


class Covenant(models.Model):
    """The emulation covenant (giao ước thi đua) the member units of a cluster sign."""

    cluster = models.OneToOneField("org.Cluster", on_delete=models.CASCADE, related_name="covenant")
    text = models.TextField(_("Nội dung giao ước"))
    signed_on = models.DateField(_("Ngày ký kết"), null=True, blank=True)

    class Meta:
        verbose_name = _("Giao ước thi đua")
        verbose_name_plural = _("Giao ước thi đua")

    def __str__(self) -> str:
        return f"Giao ước {self.cluster}"


class CovenantSignature(models.Model):
    covenant = models.ForeignKey(Covenant, on_delete=models.CASCADE, related_name="signatures")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["covenant", "unit"], name="unique_covenant_signature")
        ]

    def __str__(self) -> str:
        return f"{self.unit} ký {self.covenant}"


class SheetState(models.TextChoices):
    OPEN = "open", _("Đang chấm điểm")
    LOCKED = "locked", _("Đã khóa")
    FINALISED = "finalised", _("Đã chốt kết quả")


class CriteriaSheet(models.Model):
    cluster = models.OneToOneField(
        "org.Cluster", on_delete=models.CASCADE, related_name="criteria_sheet"
    )
    title = models.CharField(_("Tên bảng tiêu chí"), max_length=255)
    deadline = models.DateField(_("Hạn chấm điểm"), null=True, blank=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=SheetState.choices, default=SheetState.OPEN
    )
    version = models.PositiveIntegerField(default=0)
    # When the state last moved there: the pages show these.
    locked_at = models.DateTimeField(_("Khóa lúc"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("Chốt kết quả lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bảng tiêu chí chấm điểm")
        verbose_name_plural = _("Bảng tiêu chí chấm điểm")

    def __str__(self) -> str:
        return self.title

    @property
    def is_locked(self) -> bool:
        """Units and the cluster head stop scoring at the deadline (or when locked early)."""
        if self.state != SheetState.OPEN:
            return True
        return self.deadline is not None and timezone.localdate() > self.deadline


class SheetTransition(TransitionRecord):
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="transitions")


class Section(models.Model):
    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(_("Tên phần"), max_length=255)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title


class CriterionKind(models.TextChoices):
    STANDARD = "standard", _("Tiêu chí chấm điểm")
    BONUS = "bonus", _("Điểm thưởng")
    PENALTY = "penalty", _("Điểm trừ")


class Criterion(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField()
    code = models.CharField(_("Mã tiêu chí"), max_length=20)
    text = models.TextField(_("Nội dung"))
    max_points = models.DecimalField(_("Điểm tối đa"), max_digits=6, decimal_places=2)
    kind = models.CharField(_("Loại"), max_length=10, choices=CriterionKind.choices)
    evidence_required = models.BooleanField(_("Cần minh chứng"), default=False)

    class Meta:
        ordering = ["section__order", "order"]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"


class ScorecardState(models.TextChoices):
    DRAFT = "draft", _("Đang tự chấm")
    SUBMITTED = "submitted", _("Đã gửi tự chấm")
    REVIEWED = "reviewed", _("Cụm trưởng đã thẩm định")


class Scorecard(models.Model):
    """One member unit's scores on the cluster's sheet."""

    sheet = models.ForeignKey(CriteriaSheet, on_delete=models.CASCADE, related_name="scorecards")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=ScorecardState.choices, default=ScorecardState.DRAFT
    )
    version = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(_("Gửi tự chấm lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("Cụm trưởng thẩm định lúc"), null=True, blank=True)

    class Meta:
        ordering = ["unit__sort_key"]
        constraints = [models.UniqueConstraint(fields=["sheet", "unit"], name="unique_scorecard")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.sheet}"


class ScorecardTransition(TransitionRecord):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="transitions")


class Score(models.Model):
    """One criterion of one scorecard; each stage keeps its own points and reason.

    `version` grows with every change so a save made on a stale page is refused
    instead of silently overwriting someone else's work.
    """

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    self_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    evidence = models.TextField(_("Minh chứng"), blank=True)
    review_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    review_reason = models.TextField(_("Lý do điều chỉnh của cụm trưởng"), blank=True)
    final_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    final_reason = models.TextField(_("Lý do điều chỉnh của Hội đồng"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["criterion__section__order", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "criterion"], name="unique_score")
        ]

    def __str__(self) -> str:
        return f"{self.scorecard.unit} · {self.criterion.code}"

    @property
    def effective_points(self):
        """The last word: the council's, else the cluster head's, else the unit's own."""
        for value in (self.final_points, self.review_points, self.self_points):
            if value is not None:
                return value
        return None


def evidence_path(instance, filename: str) -> str:
    """The former, guessable naming; kept because old migrations name it."""
    return f"scoring/evidence/{instance.score.scorecard_id}/{filename}"


class ScoreEvidence(models.Model):
    """A file backing a unit's self-score on one criterion."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence_files")
    file = models.FileField(_("Tệp minh chứng"), upload_to=PrivateUploadTo("scoring/evidence"))
    name = models.CharField(_("Tên tệp"), max_length=255)
    kind = models.CharField(max_length=10, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class BallotState(models.TextChoices):
    OPEN = "open", _("Đang bỏ phiếu")
    COUNTED = "counted", _("Đã kiểm phiếu")


class BallotRound(models.Model):
    """A secret vote among member units to honour (suy tôn) the cluster's leading units."""

    cluster = models.ForeignKey("org.Cluster", on_delete=models.CASCADE, related_name="ballots")
    title = models.CharField(_("Nội dung bỏ phiếu"), max_length=255)
    opens_at = models.DateTimeField(_("Mở bỏ phiếu"))
    closes_at = models.DateTimeField(_("Đóng bỏ phiếu"))
    seats = models.PositiveSmallIntegerField(_("Số đơn vị được suy tôn tối đa"), default=2)
    threshold_percent = models.PositiveSmallIntegerField(_("Tỷ lệ phiếu cần vượt (%)"), default=50)
    member_count = models.PositiveSmallIntegerField(_("Số đơn vị thành viên"), default=0)
    rule_text = models.TextField(_("Quy tắc kiểm phiếu"), blank=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=BallotState.choices, default=BallotState.OPEN
    )
    version = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return f"{self.title} — {self.cluster}"

    def accepts_votes(self, now=None) -> bool:
        """Open, and within its voting hours."""
        now = now or timezone.now()
        return self.state == BallotState.OPEN and self.opens_at <= now <= self.closes_at


class BallotRoundTransition(TransitionRecord):
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="transitions")


class Ballot(models.Model):
    """A ballot paper: what was chosen, never by whom (random id, no time, no voter)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="papers")
    choices = models.ManyToManyField("org.Unit", related_name="+", blank=True)

    def __str__(self) -> str:
        return f"Phiếu {self.pk}"


class BallotCast(models.Model):
    """That a member unit voted in a round: one unit, one vote; what it chose is not here."""

    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="casts")
    voter_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "voter_unit"], name="one_unit_one_vote")
        ]

    def __str__(self) -> str:
        return f"{self.voter_unit} đã bỏ phiếu"


class ClusterProposal(models.Model):
    """A title proposed for a leading unit; nominations turn these into draft dossiers."""

    cluster = models.ForeignKey("org.Cluster", on_delete=models.CASCADE, related_name="proposals")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    title_code = models.CharField(max_length=60)
    title_name = models.CharField(_("Danh hiệu, hình thức đề nghị"), max_length=255)
    rank = models.PositiveSmallIntegerField(_("Thứ hạng"))
    votes = models.PositiveSmallIntegerField(_("Số phiếu"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["year", "cluster", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "unit", "title_code"], name="unique_cluster_proposal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title_name}: {self.unit} ({self.year})"
