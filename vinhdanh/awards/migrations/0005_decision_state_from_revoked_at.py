"""A decision's state, derived from the timestamp that used to stand for it."""

from django.db import migrations


def state_from_revoked_at(apps, schema_editor):
    Decision = apps.get_model("awards", "Decision")
    Decision.objects.filter(revoked_at__isnull=False).update(state="revoked")
    Decision.objects.filter(revoked_at__isnull=True).update(state="issued")


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0004_decision_state_and_history"),
    ]

    operations = [
        # Going back drops the column; revoked_at still says which decisions were revoked.
        migrations.RunPython(state_from_revoked_at, migrations.RunPython.noop),
    ]
