"""Dossiers filed online by organisations and citizens, in a browser or through the API.

A `FilingKind` is data (what is asked for, which documents must come with it, how many
working days the office has to answer); a `Filing` is one request, moved by the FILINGS
workflow (`workflows.py`); `ApiClient` is a one-stop system allowed to file for one council;
`IdempotentAnswer` keeps the first answer to a write so that a retried call files nothing
twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.files import PrivateUploadTo
from vinhdanh.workflow.models import TransitionRecord


class FilerKind(models.TextChoices):
    CITIZEN = "citizen", _("Cá nhân (công dân)")
    ORGANISATION = "organisation", _("Tổ chức")


class FilingKind(models.Model):
    """A kind of request the public may file, and what it needs."""

    code = models.SlugField(_("Mã"), max_length=60, unique=True)
    name = models.CharField(_("Tên loại hồ sơ"), max_length=255)
    description = models.TextField(_("Mô tả"), blank=True)
    # Who may file it: an empty list means both citizens and organisations.
    filers = models.JSONField(_("Đối tượng nộp"), default=list, blank=True)
    # [{"code": "don-de-nghi", "name": "Đơn đề nghị khen thưởng"}]: each must be attached.
    required_documents = models.JSONField(_("Giấy tờ bắt buộc"), default=list, blank=True)
    # Working days the office has to answer; empty: FILINGS_ANSWER_WORKING_DAYS.
    answer_working_days = models.PositiveSmallIntegerField(
        _("Thời hạn trả lời (ngày làm việc)"), null=True, blank=True
    )
    active = models.BooleanField(_("Đang nhận"), default=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Loại hồ sơ trực tuyến")
        verbose_name_plural = _("Loại hồ sơ trực tuyến")

    def __str__(self) -> str:
        return self.name

    @property
    def documents(self) -> list[dict]:
        return [d for d in self.required_documents or [] if d.get("code") and d.get("name")]

    def accepts(self, filer_kind: str) -> bool:
        return not self.filers or filer_kind in self.filers

    @property
    def working_days(self) -> int:
        return self.answer_working_days or settings.FILINGS_ANSWER_WORKING_DAYS


class FilingState(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    MORE_REQUESTED = "more_requested", _("Yêu cầu bổ sung")
    SUPPLEMENTED = "supplemented", _("Đã bổ sung")
    ACCEPTED = "accepted", _("Đã chấp nhận, lập hồ sơ khen thưởng")
    REFUSED = "refused", _("Từ chối")


OPEN_STATES = frozenset({FilingState.RECEIVED, FilingState.SUPPLEMENTED})
CLOSED_STATES = frozenset({FilingState.ACCEPTED, FilingState.REFUSED})


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin (biểu mẫu trực tuyến)")
    API = "api", _("Hệ thống một cửa (API)")


class ApiClient(models.Model):
    """A one-stop system (the national portal's or the province's) that files for one council.

    The secret is kept only as a hash (Django's password hashers); the administrator sees it
    once, when the client is made (`services.make_api_client`).
    """

    client_id = models.CharField(_("Mã ứng dụng"), max_length=64, unique=True)
    secret_hash = models.CharField(_("Mã bí mật (đã băm)"), max_length=255)
    name = models.CharField(_("Tên hệ thống"), max_length=255)
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    enabled = models.BooleanField(_("Đang hoạt động"), default=True)
    # Optional: where the result of each step is posted (JSON), besides the polling endpoint.
    callback_url = models.URLField(_("Địa chỉ nhận kết quả (callback)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("Lần gọi gần nhất"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("Ứng dụng kết nối (API)")
        verbose_name_plural = _("Ứng dụng kết nối (API)")

    def __str__(self) -> str:
        return f"{self.name} ({self.client_id})"


class Filing(models.Model):
    code = models.CharField(_("Mã hồ sơ"), max_length=12, unique=True)
    kind = models.ForeignKey(
        FilingKind, verbose_name=_("Loại hồ sơ"), on_delete=models.PROTECT, related_name="+"
    )
    council = models.ForeignKey(
        "org.Council",
        verbose_name=_("Gửi tới Hội đồng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=FilingState.choices, default=FilingState.RECEIVED
    )
    version = models.PositiveIntegerField(default=1)
    channel = models.CharField(
        _("Kênh nộp"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    api_client = models.ForeignKey(
        ApiClient, on_delete=models.PROTECT, null=True, blank=True, related_name="filings"
    )
    # The one-stop system's own reference, when it sends one.
    external_reference = models.CharField(_("Số hồ sơ bên gửi"), max_length=100, blank=True)
    filer_kind = models.CharField(_("Người nộp là"), max_length=20, choices=FilerKind.choices)
    filer_name = models.CharField(_("Họ và tên người nộp"), max_length=200)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=300)
    organisation_name = models.CharField(_("Tên tổ chức"), max_length=300, blank=True)
    organisation_code = models.CharField(_("Mã số thuế hoặc mã đơn vị"), max_length=30, blank=True)
    subject = models.CharField(_("Tiêu đề"), max_length=300)
    content = models.TextField(_("Nội dung đề nghị"))
    consent_at = models.DateTimeField(_("Đồng ý xử lý dữ liệu lúc"))
    received_on = models.DateField(_("Ngày tiếp nhận"))
    # The office answers by this day (working days from receipt or from the supplement).
    due_on = models.DateField(_("Hạn trả lời"))
    more_reason = models.TextField(_("Nội dung yêu cầu bổ sung"), blank=True)
    more_due_on = models.DateField(_("Hạn bổ sung"), null=True, blank=True)
    refusal_reason = models.TextField(_("Lý do từ chối"), blank=True)
    nomination = models.OneToOneField(
        "awards.Nomination",
        verbose_name=_("Hồ sơ khen thưởng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="online_filing",
    )
    answered_at = models.DateTimeField(_("Trả lời lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["council", "state", "due_on"])]
        verbose_name = _("Hồ sơ trực tuyến")
        verbose_name_plural = _("Hồ sơ trực tuyến")

    def __str__(self) -> str:
        return f"{self.code} – {self.subject}"

    @property
    def contact(self) -> str:
        return " · ".join(v for v in (self.phone, self.email) if v)

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def waits_on_office(self) -> bool:
        return self.state in OPEN_STATES


class AttachmentStage(models.TextChoices):
    FILED = "filed", _("Khi nộp")
    ADDED = "added", _("Nộp thêm")
    SUPPLEMENT = "supplement", _("Bổ sung theo yêu cầu")


class FilingAttachment(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="attachments")
    # The required document it answers (FilingKind.required_documents' code), or empty.
    document_code = models.CharField(_("Mã giấy tờ"), max_length=60, blank=True)
    document_name = models.CharField(_("Giấy tờ"), max_length=255, blank=True)
    file = models.FileField(_("Tệp"), upload_to=PrivateUploadTo("filings/attachments"))
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    file_kind = models.CharField(_("Loại tệp"), max_length=10)
    size = models.PositiveIntegerField(_("Dung lượng"))
    stage = models.CharField(
        _("Nộp lúc"), max_length=20, choices=AttachmentStage.choices, default=AttachmentStage.FILED
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Tệp kèm hồ sơ trực tuyến")
        verbose_name_plural = _("Tệp kèm hồ sơ trực tuyến")

    def __str__(self) -> str:
        return self.original_name


class FilingTransition(TransitionRecord):
    """One step of a filing: more asked, supplemented, accepted, refused."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("Từ trạng thái"), max_length=20, choices=FilingState.choices)
    to_state = models.CharField(_("Sang trạng thái"), max_length=20, choices=FilingState.choices)


class IdempotentAnswer(models.Model):
    """The first answer to an API write under one `Idempotency-Key` of one client."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    # sha256 of the method, the path and the body: the same key with another request is refused.
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "key"], name="unique_idempotency_key")
        ]
        verbose_name = _("Câu trả lời đã lưu (API)")
        verbose_name_plural = _("Câu trả lời đã lưu (API)")

    def __str__(self) -> str:
        return f"{self.client_id}:{self.key}"
