"""Catalogue version 2026.12.2, as the rules data held it when this migration was written.

The rows are frozen beside this file (0011_catalogue_2026_12_2.json): "Công dân Thủ đô ưu
tú" (Hà Nội, QĐ 71/2025/QĐ-UBND) as its own procedure — who proposes it (wards, communes and
the city's departments), the yearly cap counted over the whole city, the public notice before
the vote. A title an administrator already moved to this version is left alone, as the loader
does.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_suffix(".json")
FIELDS = ("criteria",)


def load(apps, schema_editor):
    Title = apps.get_model("awards", "Title")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    version = data["version"]
    for row in data["titles"]:
        title = Title.objects.filter(code=row["code"]).first()
        if title is None or title.catalogue_version == version:
            continue
        for field in FIELDS:
            if field in row:
                setattr(title, field, row[field])
        title.catalogue_version = version
        title.save()


class Migration(migrations.Migration):
    dependencies = [("awards", "0010_certificate_bonus")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
