"""Writing audit entries: `record` is the one entry point; services call it inside
their transaction, and so do the admin site (`admin_audit.py`) and every shared step."""

import datetime
import decimal
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, models, transaction
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.utils import timezone

from vinhdanh.audit import chain
from vinhdanh.audit.models import AuditEntry

# A password hash (or an API client's secret hash) is a secret even hashed: never logged.
SECRET_FIELDS = frozenset({"password", "secret_hash"})
# Any fixed number: the key of the PostgreSQL advisory lock that queues writers of the chain.
CHAIN_LOCK_KEY = 0x5644_4155_4449_54
_seeding: ContextVar[bool] = ContextVar("audit_seeding", default=False)


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
    return {key: _jsonable(value) for key, value in data.items() if key not in SECRET_FIELDS}


@contextmanager
def loading_seed_data():
    """Demo seed data is nobody's action: `record` writes nothing while it loads.

    Only the demo loader uses this; the log of a fresh demo is empty and holds only
    what people do in it afterwards (docs/architecture.md, *Audit log*).
    """
    token = _seeding.set(True)
    try:
        yield
    finally:
        _seeding.reset(token)


def _queue_behind_other_writers() -> None:
    # Held to the end of the transaction, so the next writer reads this entry's hash as its
    # previous one. SQLite needs nothing: it lets one writer at a time into the database.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


def record(
    *,
    actor,
    action: str,
    instance: models.Model,
    before=None,
    after=None,
    note: str = "",
    object_id: str | None = None,
):
    """Append one entry to the chain. `object_id` is for objects already deleted (no pk)."""
    if _seeding.get():
        return None
    with transaction.atomic():
        _queue_behind_other_writers()
        previous_hash = (
            AuditEntry.objects.order_by("-pk").values_list("entry_hash", flat=True).first()
            or chain.GENESIS
        )
        entry = AuditEntry(
            at=timezone.now(),
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            action=action,
            object_type=instance._meta.label_lower,
            object_id=object_id if object_id is not None else str(instance.pk),
            object_repr=str(instance)[:255],
            before=chain.normalised(before),
            after=chain.normalised(after),
            note=note,
            previous_hash=previous_hash,
        )
        fields = {name: getattr(entry, name) for name in chain.HASHED_FIELDS}
        entry.entry_hash = chain.entry_hash(fields, previous_hash)
        entry.save()
    return entry
