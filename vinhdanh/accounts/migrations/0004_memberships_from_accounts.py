"""Each account's role, unit and council become its first membership.

Self-contained: the council of an account without one is the nearest council up its
unit's tree, read from the unit's materialised path.
"""

from django.db import migrations


def _council_of(user, Council):
    if user.council_id:
        return user.council_id
    if not user.unit_id:
        return None
    ids = [int(part) for part in user.unit.path.strip("/").split("/") if part]
    by_unit = dict(Council.objects.filter(unit_id__in=ids).values_list("unit_id", "pk"))
    for unit_id in reversed(ids):
        if unit_id in by_unit:
            return by_unit[unit_id]
    return None


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Membership = apps.get_model("accounts", "Membership")
    Council = apps.get_model("org", "Council")
    for user in User.objects.exclude(role="").select_related("unit"):
        council_id = _council_of(user, Council)
        if council_id is None:
            continue
        Membership.objects.get_or_create(
            user_id=user.pk, council_id=council_id, role=user.role, unit_id=user.unit_id
        )


def backwards(apps, schema_editor):
    apps.get_model("accounts", "Membership").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_membership")]

    operations = [migrations.RunPython(forwards, backwards)]
