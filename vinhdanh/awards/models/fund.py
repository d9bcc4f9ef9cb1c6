"""The emulation and commendation fund of a council, per year, and its revocation decisions.

`FundPlan` is the planned fund the standing office enters; `FundEntry` is every movement
of it: a decision's bonus as the decision is issued (spent), and the money a revocation
recovers (returned). What remains is the plan less the spent plus the returned.
`Revocation` is the decision that revokes an award or a whole decision: its own number in
the issuer's register (the decisions' counter), its grounds and what it recovers.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FundPlan(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    planned = models.BigIntegerField(_("Quỹ dự kiến (đồng)"))
    note = models.CharField(_("Căn cứ, ghi chú"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "council_id"]
        constraints = [models.UniqueConstraint(fields=["council", "year"], name="unique_fund_plan")]
        verbose_name = _("Quỹ thi đua, khen thưởng")
        verbose_name_plural = _("Quỹ thi đua, khen thưởng")

    def __str__(self) -> str:
        return f"{self.council} – {self.year}"


class RevocationGround(models.TextChoices):
    """Law 2022 ch. VII (article number unconfirmed, law.md §7.6), clause 2, points a–d."""

    FALSE_ACHIEVEMENT = "a", _("Kê khai gian dối thành tích, công trạng")
    FALSE_DOCUMENTS = "b", _("Cung cấp thông tin sai sự thật, làm giả hồ sơ, giấy tờ")
    UNLAWFUL_PROCEDURE = "c", _("Thẩm định, xét, đề nghị khen thưởng trái pháp luật")
    LATER_FINDING = (
        "d",
        _("Có kết luận, quyết định, bản án của cơ quan có thẩm quyền cho thấy không đủ tiêu chuẩn"),
    )


class Revocation(models.Model):
    issuer = models.ForeignKey(
        "org.Unit", verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveIntegerField(_("Số"))
    symbol = models.CharField(_("Ký hiệu"), max_length=60, default="QĐ-UBND")
    signed_on = models.DateField(_("Ngày ký"))
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định bị thu hồi"),
        on_delete=models.PROTECT,
        related_name="revocations",
    )
    # True when the whole decision is revoked; else only `certificates`.
    whole = models.BooleanField(_("Thu hồi toàn bộ quyết định"), default=False)
    certificates = models.ManyToManyField(
        "awards.Certificate", verbose_name=_("Giấy chứng nhận bị thu hồi"), related_name="+"
    )
    ground = models.CharField(
        _("Căn cứ thu hồi"), max_length=2, choices=RevocationGround.choices, blank=True
    )
    reason = models.TextField(_("Lý do thu hồi"))
    recovered = models.BigIntegerField(_("Tiền thưởng thu hồi (đồng)"), default=0)
    signer = models.CharField(_("Người ký"), max_length=200, blank=True)
    signer_role = models.CharField(_("Chức vụ người ký"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number"], name="unique_revocation_number"
            )
        ]
        verbose_name = _("Quyết định thu hồi")
        verbose_name_plural = _("Quyết định thu hồi")

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.number:02d}/{self.symbol}"

    @property
    def recovered_text(self) -> str:
        from vinhdanh.documents.numbers import vn_money

        return vn_money(self.recovered)


class FundEntryKind(models.TextChoices):
    BONUS = "bonus", _("Chi tiền thưởng")
    RETURN = "return", _("Thu hồi tiền thưởng")


class FundEntry(models.Model):
    council = models.ForeignKey(
        "org.Council", verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    kind = models.CharField(_("Loại"), max_length=10, choices=FundEntryKind.choices)
    on = models.DateField(_("Ngày"))
    # Always positive; the kind says whether it leaves the fund or comes back.
    amount = models.BigIntegerField(_("Số tiền (đồng)"))
    decision = models.ForeignKey(
        "awards.Decision", on_delete=models.PROTECT, related_name="fund_entries"
    )
    revocation = models.OneToOneField(
        Revocation, on_delete=models.PROTECT, null=True, blank=True, related_name="fund_entry"
    )
    awards = models.PositiveIntegerField(_("Số trường hợp"), default=0)
    unknown = models.PositiveIntegerField(_("Số trường hợp chưa tính được mức"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"],
                condition=models.Q(kind="bonus"),
                name="one_bonus_entry_per_decision",
            )
        ]
        indexes = [models.Index(fields=["council", "year"], name="fund_entry_council_year")]
        verbose_name = _("Bút toán quỹ thi đua, khen thưởng")
        verbose_name_plural = _("Bút toán quỹ thi đua, khen thưởng")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    @property
    def signed_amount(self) -> int:
        return -self.amount if self.kind == FundEntryKind.BONUS else self.amount
