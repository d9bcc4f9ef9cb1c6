"""Writing audit entries; services call `record` inside their transaction."""

import datetime
import decimal
import uuid

from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict

from vinhdanh.audit.models import AuditEntry


def _jsonable(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(item) for item in value]
    if isinstance(value, FieldFile):
        # Only the stored name: an empty file field has no URL to read.
        return value.name or None
    return value


def snapshot(instance: models.Model | None) -> dict | None:
    """The fields of a model instance as JSON-ready data, for before/after."""
    if instance is None:
        return None
    data = model_to_dict(instance)
    return {key: _jsonable(value) for key, value in data.items()}


def record(*, actor, action: str, instance: models.Model, before=None, after=None, note: str = ""):
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        before=before,
        after=after,
        note=note,
    )
