"""Records that, once issued, must survive: they can be revoked but never deleted."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class PermanentQuerySet(models.QuerySet):
    def delete(self):
        raise ValidationError(_("Văn bản đã ban hành không được xóa; chỉ có thể thu hồi."))


class PermanentModel(models.Model):
    objects = PermanentQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Văn bản đã ban hành không được xóa; chỉ có thể thu hồi."))
