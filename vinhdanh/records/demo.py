"""Years of ratings, past awards, initiatives and a discipline for the demo people.

Generated deterministically, so the screening page shows every verdict.
"""

import random

from vinhdanh.accounts.models import User
from vinhdanh.org.models import Person, Unit
from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating, ScreeningJob
from vinhdanh.records.screening import new_screening_job, run_screening_job

FIRST_YEAR = 2016
# 2021 is the demo year: its ratings are known, its awards are what the council decides.
LAST_YEAR = 2021
LEVELS = ["xuat_sac", "xuat_sac", "tot", "tot", "tot", "hoan_thanh", "khong_hoan_thanh"]


def load() -> None:
    _load_records()
    _load_screening_job()


def _load_screening_job() -> None:
    """A ward's finished background screening, with its stored .xlsx (seed data: no audit)."""
    officer = User.objects.filter(username="canbo.hoangliet").first()
    if officer is None or ScreeningJob.objects.exists():
        return
    ward = Unit.objects.get(code="phuong-hoang-liet")
    run_screening_job(new_screening_job(officer, ward, LAST_YEAR).pk)


def _load_records() -> None:
    if Rating.objects.filter(person__code__startswith="demo-").exists():
        return
    rng = random.Random(2016)
    ratings, awards, initiatives, discipline = [], [], [], []
    for person in Person.objects.filter(code__startswith="demo-").order_by("code"):
        strong = rng.random() < 0.35
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            level = "xuat_sac" if strong and rng.random() < 0.9 else rng.choice(LEVELS)
            ratings.append(Rating(person=person, year=year, level=level))
            if year == LAST_YEAR:
                continue
            decision = f"QĐ khen thưởng năm {year}"
            if level in ("xuat_sac", "tot"):
                awards.append(
                    PastAward(person=person, year=year, title_code="lao_dong_tien_tien",
                              decision_ref=decision)
                )  # fmt: skip
            if strong and level == "xuat_sac" and year >= 2018:
                awards.append(
                    PastAward(person=person, year=year, title_code="chien_si_thi_dua_co_so",
                              decision_ref=decision)
                )  # fmt: skip
                initiatives.append(
                    Initiative(person=person, year=year, scope="co_so",
                               name=f"Sáng kiến cải tiến công việc năm {year}")
                )  # fmt: skip
        if rng.random() < 0.03:
            discipline.append(DisciplineRecord(person=person, year=LAST_YEAR, form="khien_trach"))
    Rating.objects.bulk_create(ratings)
    PastAward.objects.bulk_create(awards)
    Initiative.objects.bulk_create(initiatives)
    DisciplineRecord.objects.bulk_create(discipline)
