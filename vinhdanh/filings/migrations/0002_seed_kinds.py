"""The kinds of requests filed online at first; the administrator adds or changes them."""

from django.db import migrations

KINDS = [
    {
        "code": "nguoi-tot-viec-tot",
        "name": "Đề nghị khen thưởng người tốt, việc tốt",
        "description": "Cá nhân hoặc tổ chức đề nghị khen thưởng một người, một tập thể có "
        "hành động tốt, việc làm tốt (khen thưởng đột xuất).",
        "filers": [],
        "required_documents": [
            {"code": "don-de-nghi", "name": "Đơn đề nghị (nêu rõ người, việc, thời gian, nơi xảy ra)"}
        ],
        "order": 1,
    },
    {
        "code": "to-chuc-de-nghi",
        "name": "Hồ sơ đề nghị khen thưởng của tổ chức (do thủ trưởng đề nghị)",
        "description": "Tổ chức (doanh nghiệp, hội, đơn vị ngoài khu vực nhà nước) gửi hồ sơ đề "
        "nghị khen thưởng cho tập thể, cá nhân của mình do thủ trưởng đề nghị.",
        "filers": ["organisation"],
        "required_documents": [
            {"code": "to-trinh", "name": "Tờ trình đề nghị khen thưởng của thủ trưởng"},
            {"code": "bao-cao-thanh-tich", "name": "Báo cáo thành tích"},
        ],
        "order": 2,
    },
    {
        "code": "khac",
        "name": "Kiến nghị, đề nghị khác về thi đua, khen thưởng",
        "description": "",
        "filers": [],
        "required_documents": [],
        "order": 3,
    },
]


def seed(apps, schema_editor):
    FilingKind = apps.get_model("filings", "FilingKind")
    for kind in KINDS:
        FilingKind.objects.update_or_create(code=kind["code"], defaults=kind)


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
