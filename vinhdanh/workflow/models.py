"""The history row every workflow writes on each transition (one concrete table per workflow)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionRecord(models.Model):
    """Abstract: a workflow's history model adds the foreign key to the object it moves."""

    action = models.CharField(_("Thao tác"), max_length=40)
    from_state = models.CharField(_("Từ trạng thái"), max_length=20)
    to_state = models.CharField(_("Sang trạng thái"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]
        verbose_name = _("Bước xử lý")
        verbose_name_plural = _("Bước xử lý")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"
