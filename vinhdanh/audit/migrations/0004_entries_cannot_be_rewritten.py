"""The database refuses UPDATE, DELETE and TRUNCATE on the audit table.

The SQL for each database (chosen by `connection.vendor`) lives in
`vinhdanh/audit/triggers.py`, shared with the check in `verify_audit` and the
re-install after every `migrate`.
"""

from django.db import migrations, models

from vinhdanh.audit import triggers


def install(apps, schema_editor):
    triggers.install(schema_editor.connection)


def remove(apps, schema_editor):
    triggers.remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_chain_existing_entries"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="previous_hash",
            field=models.CharField(editable=False, max_length=64, unique=True, verbose_name="Băm của mục trước"),
        ),
        migrations.RunPython(install, remove),
    ]
