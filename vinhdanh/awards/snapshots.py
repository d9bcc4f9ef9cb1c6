"""Audit snapshots of rows with a file field that may still be empty.

The shared `snapshot` reads `.url` of file fields, which raises for an empty one, so
file fields are recorded here by name only.
"""

import datetime
import decimal

from django.db.models import FileField, Model
from django.forms.models import model_to_dict


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple, set)):
        return [_plain(item) for item in value]
    return value


def file_safe_snapshot(instance) -> dict:
    files = [f.name for f in instance._meta.concrete_fields if isinstance(f, FileField)]
    data = {key: _plain(value) for key, value in model_to_dict(instance, exclude=files).items()}
    for name in files:
        data[name] = getattr(instance, name).name or None
    return data
