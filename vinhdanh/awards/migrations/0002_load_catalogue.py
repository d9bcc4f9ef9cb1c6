"""The catalogue of titles as the rules data held it when this migration was written.

The data is frozen beside this file (0002_load_catalogue.json: the award bases, dossier
components and titles of catalogue version 2025.12.1, with the council's vote
thresholds of that time), so a fresh install gets the same rows whatever the
application's loader and data file become. Later versions of the catalogue are loaded
by `manage.py load_awards_catalogue`, or by a new data migration with its own data.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_suffix(".json")


def load(apps, schema_editor):
    AwardBasis = apps.get_model("awards", "AwardBasis")
    DossierComponent = apps.get_model("awards", "DossierComponent")
    Title = apps.get_model("awards", "Title")
    TitleComponent = apps.get_model("awards", "TitleComponent")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    bases = {
        row["code"]: AwardBasis.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"], "legal_basis": row["legal_basis"]}
        )[0]
        for row in data["award_bases"]
    }
    components = {
        row["code"]: DossierComponent.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "legal_basis": row["legal_basis"],
                "generated": row["generated"],
            },
        )[0]
        for row in data["dossier_components"]
    }
    for row in data["titles"]:
        if Title.objects.filter(code=row["code"]).exists():
            continue
        links = {"award_bases": row.pop("award_bases"), "dossier": row.pop("dossier")}
        title = Title.objects.create(**row, catalogue_version=data["version"])
        title.award_bases.set([bases[code] for code in links["award_bases"] if code in bases])
        for item in links["dossier"]:
            if item["code"] in components:
                TitleComponent.objects.create(
                    title=title,
                    component=components[item["code"]],
                    required=item["required"],
                    condition=item["condition"],
                )


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
