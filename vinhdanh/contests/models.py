"""The writing contest (Cuộc thi viết): its rules, rounds, criteria, prizes, entries, judges'
score sheets and the decision giving the prizes.

A contest belongs to a council (kept by its standing office) and is owned, for scope, by the
council's unit. Entries come from the public form; judges see them by their anonymous code.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.workflow.models import TransitionRecord


class ContestState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    OPEN = "open", _("Đang nhận bài")
    JUDGING = "judging", _("Đang chấm")
    DECIDED = "decided", _("Đã trao giải")


class Eligibility(models.TextChoices):
    ANYONE = "anyone", _("Mọi người")
    RESIDENTS = "residents", _("Người dân cư trú trên địa bàn")
    OFFICIALS = "officials", _("Cán bộ, công chức, viên chức các đơn vị thuộc Hội đồng")


class LengthUnit(models.TextChoices):
    WORDS = "words", _("chữ")
    PAGES = "pages", _("trang")


# Formats an entry may take: a typed text, or a file of these kinds.
FORMAT_CHOICES = [("text", _("Gõ trực tiếp")), ("docx", _("Word (.docx)")), ("pdf", _("PDF"))]

# The written tie-break rules, in the order the contest lists them.
TIE_BREAK_CHOICES = [
    ("final_total", _("Tổng điểm vòng chung khảo cao hơn")),
    ("previous_round", _("Điểm vòng sơ khảo cao hơn")),
    ("first_criterion", _("Điểm tiêu chí thứ nhất của vòng chung khảo cao hơn")),
    ("second_criterion", _("Điểm tiêu chí thứ hai của vòng chung khảo cao hơn")),
    ("earlier", _("Bài gửi sớm hơn")),
]


class Contest(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    # The council's unit: what the scope registry reads.
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("Năm"))
    title = models.CharField(_("Tên cuộc thi"), max_length=300)
    theme = models.TextField(_("Chủ đề"))
    task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("Nhiệm vụ trong kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("Bắt đầu nhận bài"))
    closes_at = models.DateTimeField(_("Hạn cuối nhận bài"))
    results_on = models.DateField(_("Ngày công bố kết quả"), null=True, blank=True)
    eligibility = models.CharField(
        _("Đối tượng dự thi"), max_length=20, choices=Eligibility.choices, default="anyone"
    )
    length_unit = models.CharField(
        _("Độ dài tính theo"), max_length=10, choices=LengthUnit.choices, default="words"
    )
    length_min = models.PositiveIntegerField(_("Độ dài tối thiểu"), default=0)
    length_max = models.PositiveIntegerField(_("Độ dài tối đa"))
    formats = models.JSONField(_("Hình thức bài"), default=list)
    tie_breaks = models.JSONField(_("Quy tắc xếp hạng khi bằng điểm"), default=list)
    rules_text = models.TextField(_("Thể lệ (công bố công khai)"))
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=ContestState.choices, default="draft"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("Cuộc thi viết")
        verbose_name_plural = _("Cuộc thi viết")

    def __str__(self) -> str:
        return self.title

    @property
    def format_labels(self) -> str:
        labels = dict(FORMAT_CHOICES)
        return ", ".join(str(labels[f]) for f in self.formats if f in labels)

    @property
    def tie_break_labels(self) -> list[str]:
        labels = dict(TIE_BREAK_CHOICES)
        return [str(labels[rule]) for rule in self.tie_breaks if rule in labels]


class ContestTransition(TransitionRecord):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="transitions")


class PrizeRank(models.TextChoices):
    FIRST = "first", _("Giải Nhất")
    SECOND = "second", _("Giải Nhì")
    THIRD = "third", _("Giải Ba")
    CONSOLATION = "consolation", _("Giải Khuyến khích")


PRIZE_ORDER = [PrizeRank.FIRST, PrizeRank.SECOND, PrizeRank.THIRD, PrizeRank.CONSOLATION]


class Prize(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="prizes")
    rank = models.CharField(_("Giải"), max_length=20, choices=PrizeRank.choices)
    count = models.PositiveSmallIntegerField(_("Số giải"))
    amount = models.PositiveBigIntegerField(_("Mức thưởng mỗi giải (đồng)"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contest", "rank"], name="unique_contest_prize")
        ]

    def __str__(self) -> str:
        return f"{self.get_rank_display()} × {self.count}"


class RoundKind(models.TextChoices):
    PRELIMINARY = "preliminary", _("Sơ khảo")
    FINAL = "final", _("Chung khảo")


class RoundState(models.TextChoices):
    PENDING = "pending", _("Chưa bắt đầu")
    OPEN = "open", _("Đang chấm")
    CLOSED = "closed", _("Đã tổng hợp kết quả")


class Round(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("Vòng số"))
    kind = models.CharField(_("Vòng"), max_length=20, choices=RoundKind.choices)
    judges_per_entry = models.PositiveSmallIntegerField(_("Số giám khảo chấm mỗi bài"), default=2)
    advance_count = models.PositiveSmallIntegerField(
        _("Số bài vào vòng sau"), null=True, blank=True
    )
    ends_on = models.DateField(_("Hạn chấm"), null=True, blank=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=RoundState.choices, default="pending"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="unique_contest_round")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.contest}"


class RoundTransition(TransitionRecord):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="transitions")


class Criterion(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("Thứ tự"))
    name = models.CharField(_("Tiêu chí"), max_length=300)
    max_score = models.DecimalField(_("Điểm tối đa"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["round", "position"]

    def __str__(self) -> str:
        return self.name


class ContestJudge(models.Model):
    """One judge of the contest's pool: a council member, a staff member or an outside expert,
    each with an account."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Thành viên Hội đồng")
        STAFF = "staff", _("Cán bộ")
        EXPERT = "expert", _("Chuyên gia bên ngoài")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("Là"), max_length=20, choices=Kind.choices, default="member")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="unique_contest_judge")
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username


class EntryState(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nhận")
    ACCEPTED = "accepted", _("Hợp lệ, vào chấm")
    REJECTED = "rejected", _("Không hợp lệ")
    ELIMINATED = "eliminated", _("Dừng ở vòng sơ khảo")
    FINALIST = "finalist", _("Vào chung khảo")
    AWARDED = "awarded", _("Đoạt giải")
    NOT_AWARDED = "not_awarded", _("Không đoạt giải")


class Entry(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="entries")
    # The author's key to the status page: random, unguessable, shown once.
    tracking_code = models.CharField(max_length=40, unique=True, editable=False)
    # What judges see instead of the author: "B-007".
    anon_code = models.CharField(_("Mã bài"), max_length=20)
    # Personal data and the text are not editable fields, so no audit snapshot carries them.
    author_name = models.CharField(_("Họ và tên tác giả"), max_length=200, editable=False)
    contact = models.CharField(_("Điện thoại hoặc thư điện tử"), max_length=200, editable=False)
    address = models.CharField(_("Đơn vị công tác hoặc địa chỉ"), max_length=300, editable=False)
    author_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("Đơn vị gửi bài"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("Tên bài viết"), max_length=300)
    text = models.TextField(_("Nội dung bài viết"), blank=True, editable=False)
    file = models.FileField(
        _("Tệp bài viết"), upload_to=PrivateUploadTo("contests/entries"), blank=True
    )
    file_kind = models.CharField(max_length=10, blank=True)
    length = models.PositiveIntegerField(_("Độ dài"), default=0)
    digest = models.CharField(max_length=64)
    publish_name = models.BooleanField(_("Đồng ý công bố tên nếu đoạt giải"), default=False)
    submitted_at = models.DateTimeField(_("Thời điểm gửi"))
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=EntryState.choices, default="submitted"
    )
    prize = models.CharField(
        _("Giải"), max_length=20, choices=PrizeRank.choices, blank=True, default=""
    )
    final_rank = models.PositiveSmallIntegerField(_("Xếp hạng"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["contest", "anon_code"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "digest"], name="unique_contest_entry"),
            models.UniqueConstraint(fields=["contest", "anon_code"], name="unique_entry_code"),
        ]
        verbose_name = _("Bài dự thi")
        verbose_name_plural = _("Bài dự thi")

    def __str__(self) -> str:
        return f"{self.anon_code} – {self.title}"


class EntryTransition(TransitionRecord):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="transitions")


class SheetState(models.TextChoices):
    ASSIGNED = "assigned", _("Chờ chấm")
    SUBMITTED = "submitted", _("Đã nộp phiếu")
    CONFLICT = "conflict", _("Giám khảo báo xung đột lợi ích")
    REPLACED = "replaced", _("Đã thay giám khảo")


class Sheet(models.Model):
    """One judge's score sheet for one entry in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="sheets")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="sheets")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=SheetState.choices, default="assigned"
    )
    conflict_reason = models.TextField(_("Lý do xung đột"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["round", "entry__anon_code", "pk"]

    def __str__(self) -> str:
        return f"{self.entry.anon_code} – {self.judge}"


class SheetTransition(TransitionRecord):
    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="transitions")


class Score(models.Model):
    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("Điểm"), max_digits=6, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="unique_sheet_score")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


class ContestDecision(models.Model):
    """The decision giving the prizes: number, date, signer; its .docx is rendered on demand."""

    contest = models.OneToOneField(Contest, on_delete=models.PROTECT, related_name="decision")
    number = models.CharField(_("Số quyết định"), max_length=60)
    signed_on = models.DateField(_("Ngày ký"))
    signer = models.CharField(_("Người ký"), max_length=200)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=200, blank=True)

    def __str__(self) -> str:
        return self.number
