import copy

from vinhdanh.awards.catalogue_loader import load_catalogue, read_catalogue
from vinhdanh.awards.models import Title


def test_reloading_the_same_version_keeps_an_admins_adjustment(demo):
    title = Title.objects.get(code="giay_khen")
    title.name = "Giấy khen (điều chỉnh)"
    title.save()
    counts = load_catalogue()
    assert counts["titles"] == 0 and counts["updated"] == 0
    assert Title.objects.get(code="giay_khen").name == "Giấy khen (điều chỉnh)"


def test_a_new_data_version_refreshes_the_rows(demo):
    data = copy.deepcopy(read_catalogue())
    data["version"] = "9999.1"
    for row in data["titles"]:
        if row["id"] == "giay_khen":
            row["dossier"] = [{"code": "bao_cao_thanh_tich", "required": True}]
    counts = load_catalogue(data)
    assert counts["updated"] == len(data["titles"])
    title = Title.objects.get(code="giay_khen")
    assert title.catalogue_version == "9999.1"
    assert list(title.title_components.values_list("component__code", flat=True)) == [
        "bao_cao_thanh_tich"
    ]


def test_2021_uses_the_rules_then_in_force(demo):
    import datetime

    title = Title.objects.get(code="lao_dong_tien_tien")
    conferrers_2021 = {row["level"] for row in title.conferrers_on(datetime.date(2021, 12, 31))}
    conferrers_2026 = {row["level"] for row in title.conferrers_on(datetime.date(2026, 1, 1))}
    assert "district" in conferrers_2021 and "district" not in conferrers_2026
