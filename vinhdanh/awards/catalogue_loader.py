"""Filling the Title catalogue from the rules engine's versioned data file.

Idempotent: rows are created when missing and refreshed only when the data file's
version changes, so an administrator's adjustments survive a re-run of the same version.
Migrations do not use it: 0002_load_catalogue keeps its own frozen copy of the data.
"""

import json
from pathlib import Path

from django.conf import settings

from vinhdanh.awards import models

CATALOGUE_FILE = Path(settings.BASE_DIR) / "vinhdanh" / "rules" / "data" / "catalogue.json"
# Components the system produces itself: the submission letter comes with the batch,
# the council's ballot result and the public notice result come later in the workflow.
GENERATED_COMPONENTS = frozenset({"to_trinh", "ket_qua_bo_phieu", "ket_qua_cong_khai"})
# Share of the whole council for titles without a specific threshold (a majority).
DEFAULT_VOTE_THRESHOLD = "0.500"


def read_catalogue(path: Path = CATALOGUE_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _vote_thresholds() -> dict[str, float]:
    try:
        from vinhdanh.rules.engine import DEFAULT_CONFIG
    except ImportError:  # the engine is optional for the catalogue itself
        return {}
    return dict(DEFAULT_CONFIG.get("vote_thresholds") or {})


def load_catalogue(data: dict | None = None) -> dict[str, int]:
    data = data or read_catalogue()
    version = str(data.get("version", ""))
    created = {"bases": 0, "components": 0, "titles": 0, "updated": 0}
    bases = {}
    for row in data["award_bases"]:
        bases[row["id"]], new = models.AwardBasis.objects.get_or_create(
            code=row["id"], defaults={"name": row["name"], "legal_basis": row.get("basis", "")}
        )
        created["bases"] += new
    components = {}
    for row in data["dossier_components"]:
        components[row["code"]], new = models.DossierComponent.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "legal_basis": row.get("basis", ""),
                "generated": row["code"] in GENERATED_COMPONENTS,
            },
        )
        created["components"] += new
    thresholds = _vote_thresholds()
    for row in data["titles"]:
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "group": row.get("group") or "",
            "subjects": row.get("subjects", []),
            "conferred_by": row.get("conferred_by", []),
            "legal_basis": row.get("basis", []),
            "aliases": row.get("aliases", []),
            "criteria": row.get("criteria", []),
            "valid_from": row.get("valid_from"),
            "valid_to": row.get("valid_to"),
            "vote_threshold": (f"{thresholds[row['id']]:.3f}" if row["id"] in thresholds else None),
            "catalogue_version": version,
        }
        title = models.Title.objects.filter(code=row["id"]).first()
        if title is None:
            title = models.Title.objects.create(code=row["id"], **values)
            created["titles"] += 1
        elif title.catalogue_version != version:
            for field, value in values.items():
                setattr(title, field, value)
            title.save()
            created["updated"] += 1
        else:
            continue
        title.award_bases.set([bases[code] for code in row.get("award_bases", []) if code in bases])
        models.TitleComponent.objects.filter(title=title).delete()
        for item in row.get("dossier", []):
            if item["code"] in components:
                models.TitleComponent.objects.create(
                    title=title,
                    component=components[item["code"]],
                    required=bool(item.get("required")),
                    condition=item.get("condition", ""),
                )
    return created
