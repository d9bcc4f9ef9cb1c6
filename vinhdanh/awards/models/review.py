"""The public announcement with its objections, and the council's vote."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.awards.models.nomination import Nomination


class PublicNotice(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="notices")
    starts_on = models.DateField(_("Công khai từ ngày"))
    ends_on = models.DateField(_("Đến ngày"))
    where = models.CharField(_("Hình thức, địa điểm công khai"), max_length=255, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("Thông báo công khai")
        verbose_name_plural = _("Thông báo công khai")

    def __str__(self) -> str:
        return f"{self.nomination} ({self.starts_on} – {self.ends_on})"


# Limits of what the public may send: a name, a way to reach them, and a text long
# enough for any objection (several pages) but not a dump of megabytes.
OBJECTION_NAME_MAX = 200
OBJECTION_CONTACT_MAX = 200
OBJECTION_CONTENT_MAX = 5000


class Objection(models.Model):
    notice = models.ForeignKey(PublicNotice, on_delete=models.CASCADE, related_name="objections")
    # The name and contact are personal data: only the standing office sees them
    # (permission awards.see_objection_contact).
    filed_by = models.CharField(_("Người góp ý"), max_length=OBJECTION_NAME_MAX)
    contact = models.CharField(_("Liên hệ"), max_length=OBJECTION_CONTACT_MAX, blank=True)
    content = models.TextField(_("Nội dung"))
    filed_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("Trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Ý kiến phản ánh")
        verbose_name_plural = _("Ý kiến phản ánh")

    def __str__(self) -> str:
        # Not the name: this text lands in audit entries and admin lists.
        return _("Ý kiến phản ánh số %s") % self.pk


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không biểu quyết")


class CouncilVote(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    council = models.ForeignKey("org.Council", on_delete=models.PROTECT, related_name="+")
    members_count = models.PositiveSmallIntegerField(_("Tổng số thành viên Hội đồng"))
    # The threshold in force when the vote opened, kept with the vote: later changes
    # to the configuration must not change a past result.
    threshold = models.DecimalField(_("Tỷ lệ tối thiểu"), max_digits=4, decimal_places=3)
    # A plain majority ("quá bán") must be exceeded; legal shares must be reached.
    strictly_above = models.BooleanField(default=False)
    threshold_note = models.CharField(_("Căn cứ tỷ lệ"), max_length=300, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(null=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("Phiên bỏ phiếu")
        verbose_name_plural = _("Phiên bỏ phiếu")

    def __str__(self) -> str:
        return f"{self.nomination} ({self.agree}/{self.members_count})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Ballot(models.Model):
    vote = models.ForeignKey(CouncilVote, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey("org.CouncilMember", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("Lựa chọn"), max_length=10, choices=Choice.choices)
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "member"], name="one_ballot_per_member")
        ]
        verbose_name = _("Phiếu bầu")
        verbose_name_plural = _("Phiếu bầu")

    def __str__(self) -> str:
        return f"{self.member_id}: {self.choice}"
