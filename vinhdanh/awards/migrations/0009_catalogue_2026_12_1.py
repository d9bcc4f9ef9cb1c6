"""Catalogue version 2026.12.1, as the rules data held it when this migration was written.

The rows are frozen beside this file (0009_catalogue_2026_12_1.json): the titles added
by that version (Công dân Thủ đô ưu tú, Phường đạt chuẩn văn minh đô thị, the
ministries' named Kỷ niệm chương) with their award bases and dossier items, and the
fields that changed on existing titles (authority rows split at 01/01/2024 so that each
cites the law in force; the cultural titles' rows under Nghị định 122/2018; Cờ thi đua
of a province also for a thematic movement). A title an
administrator already moved to this version is left alone, as the loader does.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).with_suffix(".json")
FIELDS = (
    "name",
    "kind",
    "group",
    "subjects",
    "conferred_by",
    "legal_basis",
    "aliases",
    "criteria",
    "valid_from",
    "valid_to",
    "vote_threshold",
)


def load(apps, schema_editor):
    AwardBasis = apps.get_model("awards", "AwardBasis")
    DossierComponent = apps.get_model("awards", "DossierComponent")
    Title = apps.get_model("awards", "Title")
    TitleComponent = apps.get_model("awards", "TitleComponent")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    version = data["version"]
    bases = {row.code: row for row in AwardBasis.objects.all()}
    components = {row.code: row for row in DossierComponent.objects.all()}
    for row in data["titles"]:
        title = Title.objects.filter(code=row["code"]).first()
        if title is None:
            if not row.get("new"):
                continue
            values = {field: row[field] for field in FIELDS}
            title = Title.objects.create(code=row["code"], catalogue_version=version, **values)
            title.award_bases.set([bases[code] for code in row["award_bases"] if code in bases])
            for item in row["dossier"]:
                if item["code"] in components:
                    TitleComponent.objects.create(
                        title=title,
                        component=components[item["code"]],
                        required=item["required"],
                        condition=item["condition"],
                    )
            continue
        if title.catalogue_version == version:
            continue
        for field in FIELDS:
            if field in row:
                setattr(title, field, row[field])
        title.catalogue_version = version
        title.save()
        if "award_bases" in row:
            title.award_bases.set([bases[code] for code in row["award_bases"] if code in bases])


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_council_meetings")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
