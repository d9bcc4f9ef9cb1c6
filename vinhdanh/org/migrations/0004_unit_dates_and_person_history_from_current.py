"""Existing rows get their dates: a merged unit ended on its merge day, every person opens
a unit history at their current unit (since an unknown day), every merge becomes a link."""

from django.db import migrations


def forwards(apps, schema_editor):
    Unit = apps.get_model("org", "Unit")
    Person = apps.get_model("org", "Person")
    PersonUnitHistory = apps.get_model("org", "PersonUnitHistory")
    UnitSuccession = apps.get_model("org", "UnitSuccession")
    for unit in Unit.objects.filter(merged_on__isnull=False, valid_to__isnull=True):
        unit.valid_to = unit.merged_on
        unit.save(update_fields=["valid_to"])
        if unit.merged_into_id:
            UnitSuccession.objects.get_or_create(
                predecessor_id=unit.pk,
                successor_id=unit.merged_into_id,
                defaults={"effective_on": unit.merged_on, "share": "whole"},
            )
    known = set(PersonUnitHistory.objects.values_list("person_id", flat=True))
    PersonUnitHistory.objects.bulk_create(
        PersonUnitHistory(person_id=pk, unit_id=unit_id, valid_from=None, valid_to=None)
        for pk, unit_id in Person.objects.values_list("pk", "unit_id")
        if pk not in known
    )


class Migration(migrations.Migration):
    dependencies = [("org", "0003_dated_units_and_reorganisations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
