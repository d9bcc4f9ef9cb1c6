"""Commendation decisions, numbered per issuer and year without gaps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models.permanent import PermanentModel
from vinhdanh.workflow.models import TransitionRecord


class DecisionState(models.TextChoices):
    ISSUED = "issued", _("Đã ban hành")
    REVOKED = "revoked", _("Đã thu hồi")


class DecisionCounter(models.Model):
    """The last number an issuer used in a year; locked while the next one is taken."""

    issuer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="unique_decision_counter")
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.year}: {self.last_number}"


class Decision(PermanentModel):
    issuer = models.ForeignKey(
        "org.Unit", verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    # Empty for a decision of a higher level, recorded with its own reference.
    number = models.PositiveIntegerField(_("Số"), null=True, blank=True)
    symbol = models.CharField(_("Ký hiệu"), max_length=60, default="QĐ-UBND")
    external_reference = models.CharField(_("Số, ký hiệu (cấp trên)"), max_length=120, blank=True)
    external_issuer = models.CharField(_("Cơ quan cấp trên"), max_length=255, blank=True)
    signed_on = models.DateField(_("Ngày ký"))
    subject = models.CharField(_("Trích yếu"), max_length=500)
    signer = models.CharField(_("Người ký"), max_length=200, blank=True)
    signer_role = models.CharField(_("Chức vụ người ký"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        _("Trạng thái"), max_length=20, choices=DecisionState.choices, default=DecisionState.ISSUED
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # Set by the revocation (the DECISIONS workflow) with the state; the pages show it.
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True)
    revoke_reason = models.TextField(_("Lý do thu hồi"), blank=True)

    class Meta:
        ordering = ["-year", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number"], name="unique_decision_number"
            )
        ]
        verbose_name = _("Quyết định khen thưởng")
        verbose_name_plural = _("Quyết định khen thưởng")

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        if self.number is None:
            return self.external_reference
        return f"{self.number:02d}/{self.symbol}"

    @property
    def is_external(self) -> bool:
        return self.number is None

    @property
    def is_revoked(self) -> bool:
        return self.state == DecisionState.REVOKED


class DecisionTransition(TransitionRecord):
    """A decision's history: its revocation, through the DECISIONS workflow."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("Từ trạng thái"), max_length=20, choices=DecisionState.choices)
    to_state = models.CharField(_("Sang trạng thái"), max_length=20, choices=DecisionState.choices)
