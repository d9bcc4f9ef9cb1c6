"""A province's own values for the engine's configurable settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleSetting(models.Model):
    province = models.ForeignKey(
        "org.Unit", verbose_name=_("Tỉnh, thành phố"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("Tham số"), max_length=60)
    value = models.JSONField(_("Giá trị"), null=True, blank=True)

    class Meta:
        verbose_name = _("Tham số quy tắc của tỉnh")
        verbose_name_plural = _("Tham số quy tắc của tỉnh")
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="rule_setting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.province} · {self.name}"
