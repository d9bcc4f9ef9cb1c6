from types import SimpleNamespace

from django.db import migrations


def load(apps, schema_editor):
    from vinhdanh.awards.catalogue_loader import load_catalogue

    names = ("AwardBasis", "DossierComponent", "Title", "TitleComponent")
    load_catalogue(models=SimpleNamespace(**{n: apps.get_model("awards", n) for n in names}))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
