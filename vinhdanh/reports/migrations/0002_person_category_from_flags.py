"""Date the persons' categories: the undated flags of each person (org.Person.is_manager,
is_direct_worker) become their category of the current year. A manager leads (the forms'
"other leaders from deputy head up") whatever the other flag says; a direct worker holds no
leading post; a person with neither flag is "other". Existing entries are left as they are.

Frozen: the category codes are written here, not imported from the app."""

import datetime

from django.db import migrations

LEADER_OTHER, DIRECT_WORKER, OTHER = "leader_other", "direct_worker", "other"


def copy_flags(apps, schema_editor):
    Person = apps.get_model("org", "Person")
    PersonCategory = apps.get_model("reports", "PersonCategory")
    year = datetime.date.today().year
    done = set(PersonCategory.objects.filter(year=year).values_list("person_id", flat=True))
    rows = []
    for pk, manager, direct in Person.objects.values_list("pk", "is_manager", "is_direct_worker"):
        if pk in done:
            continue
        category = LEADER_OTHER if manager else DIRECT_WORKER if direct else OTHER
        rows.append(PersonCategory(person_id=pk, year=year, category=category))
    PersonCategory.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("org", "0001_initial")]

    operations = [migrations.RunPython(copy_flags, migrations.RunPython.noop)]
