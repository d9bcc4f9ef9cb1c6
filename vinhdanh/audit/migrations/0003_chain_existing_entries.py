"""The entries written before the hash chain existed are chained in id order.

The hash is computed here as `audit/chain.py` computed it when this migration was
written (sha256 over the canonical JSON of the fields and the previous hash), so the
migration gives the same chain whatever that module becomes.
"""

import datetime
import hashlib
import json

from django.db import migrations

GENESIS = "0" * 64
HASHED_FIELDS = (
    "at",
    "actor_id",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "note",
)


def entry_hash(fields, previous_hash: str) -> str:
    payload = {name: fields[name] for name in HASHED_FIELDS}
    payload["at"] = payload["at"].astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload["previous_hash"] = previous_hash
    canonical = json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def chain_existing_entries(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    previous_hash = GENESIS
    rows = AuditEntry.objects.order_by("pk").values("id", *HASHED_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        own_hash = entry_hash(row, previous_hash)
        AuditEntry.objects.filter(pk=row["id"]).update(
            previous_hash=previous_hash, entry_hash=own_hash
        )
        previous_hash = own_hash


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_hash_chain_fields"),
    ]

    operations = [
        migrations.RunPython(chain_existing_entries, migrations.RunPython.noop),
    ]
