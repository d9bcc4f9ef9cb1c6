"""The entries written before the hash chain existed are chained in id order."""

from django.db import migrations

from vinhdanh.audit import chain


def chain_existing_entries(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    previous_hash = chain.GENESIS
    rows = AuditEntry.objects.order_by("pk").values("id", *chain.HASHED_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        own_hash = chain.entry_hash(row, previous_hash)
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
