"""Seed the holiday calendar: Vietnam's days off for 2021 and 2025–2027.

The data is copied here (a migration runs the data of its time): the fixed holidays of the
Labour Code 2019 Đ112 (1/1, 30/4, 1/5, 2/9 and the day next to it), Tết Nguyên đán and Giỗ
Tổ Hùng Vương by the lunar calendar, the days in lieu and swaps of the government's yearly
notices, and, from 2026, Ngày Văn hóa Việt Nam (24/11). The administrator corrects and adds
years in the admin; existing rows are left as they are.
"""

import datetime

from django.db import migrations

FIXED, LUNAR, OBSERVED = "fixed", "lunar", "observed"

HOLIDAYS = [
    # 2021
    ("2021-01-01", "Tết Dương lịch", FIXED),
    ("2021-02-10", "Tết Nguyên đán (29 Tết)", LUNAR),
    ("2021-02-11", "Tết Nguyên đán (30 Tết)", LUNAR),
    ("2021-02-12", "Tết Nguyên đán (mùng 1)", LUNAR),
    ("2021-02-13", "Tết Nguyên đán (mùng 2)", LUNAR),
    ("2021-02-14", "Tết Nguyên đán (mùng 3)", LUNAR),
    ("2021-02-15", "Tết Nguyên đán (mùng 4, nghỉ bù)", OBSERVED),
    ("2021-02-16", "Tết Nguyên đán (mùng 5, nghỉ bù)", OBSERVED),
    ("2021-04-21", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LUNAR),
    ("2021-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", FIXED),
    ("2021-05-01", "Ngày Quốc tế Lao động", FIXED),
    ("2021-05-03", "Nghỉ bù ngày Quốc tế Lao động", OBSERVED),
    ("2021-09-02", "Quốc khánh", FIXED),
    ("2021-09-03", "Quốc khánh (ngày liền kề)", FIXED),
    # 2025
    ("2025-01-01", "Tết Dương lịch", FIXED),
    ("2025-01-27", "Tết Nguyên đán (28 Tết)", LUNAR),
    ("2025-01-28", "Tết Nguyên đán (29 Tết)", LUNAR),
    ("2025-01-29", "Tết Nguyên đán (mùng 1)", LUNAR),
    ("2025-01-30", "Tết Nguyên đán (mùng 2)", LUNAR),
    ("2025-01-31", "Tết Nguyên đán (mùng 3)", LUNAR),
    ("2025-04-07", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LUNAR),
    ("2025-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", FIXED),
    ("2025-05-01", "Ngày Quốc tế Lao động", FIXED),
    ("2025-05-02", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", OBSERVED),
    ("2025-09-01", "Quốc khánh (ngày liền kề)", FIXED),
    ("2025-09-02", "Quốc khánh", FIXED),
    # 2026
    ("2026-01-01", "Tết Dương lịch", FIXED),
    ("2026-02-16", "Tết Nguyên đán (29 Tết)", LUNAR),
    ("2026-02-17", "Tết Nguyên đán (mùng 1)", LUNAR),
    ("2026-02-18", "Tết Nguyên đán (mùng 2)", LUNAR),
    ("2026-02-19", "Tết Nguyên đán (mùng 3)", LUNAR),
    ("2026-02-20", "Tết Nguyên đán (mùng 4)", LUNAR),
    ("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (26/4, Chủ nhật)", OBSERVED),
    ("2026-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", FIXED),
    ("2026-05-01", "Ngày Quốc tế Lao động", FIXED),
    ("2026-08-31", "Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)", OBSERVED),
    ("2026-09-01", "Quốc khánh (ngày liền kề)", FIXED),
    ("2026-09-02", "Quốc khánh", FIXED),
    ("2026-11-24", "Ngày Văn hóa Việt Nam", FIXED),
    # 2027
    ("2027-01-01", "Tết Dương lịch", FIXED),
    ("2027-02-04", "Tết Nguyên đán (28 Tết)", LUNAR),
    ("2027-02-05", "Tết Nguyên đán (29 Tết)", LUNAR),
    ("2027-02-08", "Tết Nguyên đán (mùng 3)", LUNAR),
    ("2027-02-09", "Tết Nguyên đán (nghỉ bù)", OBSERVED),
    ("2027-02-10", "Tết Nguyên đán (nghỉ bù)", OBSERVED),
    ("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LUNAR),
    ("2027-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", FIXED),
    ("2027-05-03", "Nghỉ bù ngày Quốc tế Lao động (1/5, thứ Bảy)", OBSERVED),
    ("2027-09-02", "Quốc khánh", FIXED),
    ("2027-09-03", "Quốc khánh (ngày liền kề)", FIXED),
    ("2027-11-24", "Ngày Văn hóa Việt Nam", FIXED),
]


def seed(apps, schema_editor):
    PublicHoliday = apps.get_model("org", "PublicHoliday")
    for day, name, kind in HOLIDAYS:
        PublicHoliday.objects.get_or_create(
            day=datetime.date.fromisoformat(day), defaults={"name": name, "kind": kind}
        )


def unseed(apps, schema_editor):
    PublicHoliday = apps.get_model("org", "PublicHoliday")
    days = [datetime.date.fromisoformat(day) for day, _name, _kind in HOLIDAYS]
    PublicHoliday.objects.filter(day__in=days).delete()


class Migration(migrations.Migration):
    dependencies = [("org", "0007_public_holiday")]

    operations = [migrations.RunPython(seed, unseed)]
