"""The Hoàng Mai council's staff and bodies doing the emulation work in 2024, so that forms
0604 and 0605 (Thông tư 02/2023/TT-BNV) show figures in the demo. Idempotent."""

from vinhdanh.org.models import Council
from vinhdanh.reports.models import WorkBody, WorkStaff

YEAR = 2024
STAFF = [
    ("Nguyễn Thị Thu Hà", "female", 1986, "university", 2012, True),
    ("Trần Văn Đức", "male", 1992, "postgraduate", 2019, True),
    ("Phạm Thị Lan", "female", 1968, "university", 2001, False),
]


def load() -> None:
    council = Council.objects.filter(unit__code="hoang-mai").first()
    if council is None or WorkStaff.objects.filter(council=council, year=YEAR).exists():
        return
    WorkStaff.objects.bulk_create(
        WorkStaff(council=council, year=YEAR, full_name=name, gender=gender, birth_year=born,
                  education=education, started_year=started, full_time=full_time)
        for name, gender, born, education, started, full_time in STAFF
    )  # fmt: skip
    WorkBody.objects.get_or_create(
        council=council, year=YEAR, name="Phòng Nội vụ (bộ phận thi đua, khen thưởng)",
        defaults={"kind": "local_section"},
    )  # fmt: skip
