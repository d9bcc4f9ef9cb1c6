"""Append-only audit log: every change made through a service leaves an entry.

Append-only three times over: this model refuses to save a stored entry or delete
one, database triggers refuse UPDATE, DELETE and TRUNCATE (`triggers.py`), and
each entry carries the hash of the one before it (`chain.py`), so a change made
around all of that is found by `manage.py verify_audit`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntryIsAppendOnly(Exception):
    pass


class AuditEntry(models.Model):
    # Set before saving (not auto_now_add), because the entry's hash covers it.
    at = models.DateTimeField(_("Thời điểm"), default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    action = models.CharField(_("Hành động"), max_length=80, db_index=True)
    object_type = models.CharField(_("Loại đối tượng"), max_length=80, db_index=True)
    object_id = models.CharField(_("Mã đối tượng"), max_length=64, db_index=True)
    object_repr = models.CharField(_("Đối tượng"), max_length=255)
    before = models.JSONField(_("Trước"), null=True, blank=True)
    after = models.JSONField(_("Sau"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    # Unique: two entries can never follow the same one, so concurrent writers cannot fork it.
    previous_hash = models.CharField(
        _("Băm của mục trước"), max_length=64, unique=True, editable=False
    )
    entry_hash = models.CharField(_("Băm của mục"), max_length=64, editable=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Nhật ký thay đổi")
        verbose_name_plural = _("Nhật ký thay đổi")

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AuditEntryIsAppendOnly("Nhật ký chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryIsAppendOnly("Nhật ký chỉ được ghi thêm, không được xóa.")
