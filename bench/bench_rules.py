"""Screening a synthetic city for every individual title, against merely reading its history.

Builds BENCH_PEOPLE people (default 300,000) with 10 years of ratings, awards,
initiatives and a little discipline, then measures in the same run:
  baseline  reading the same history rows from the database, in the same chunks;
  screening building each person's history from those rows and judging every
            individual title with the rules engine.
Everything is written inside a transaction that is rolled back at the end.
"""

import os
import random
import time

CHUNK = 5000
YEAR = 2024
YEARS = range(YEAR - 9, YEAR + 1)
LEVELS = ["xuat_sac", "tot", "tot", "hoan_thanh", "khong_hoan_thanh"]


def _populate(people_count: int) -> list[int]:
    from vinhdanh.org.models import Level, Person, Unit
    from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating

    level = Level.objects.create(code="bench-level", name="Bench", rank=9)
    city = Unit.objects.create(
        code="bench-city", name="Thành phố mẫu", kind="government", level=level
    )
    units = [
        Unit.objects.create(
            code=f"bench-unit-{i}", name=f"Đơn vị {i}", kind="ward", level=level, parent=city
        )
        for i in range(100)
    ]
    rng = random.Random(7)
    people = [
        Person(code=f"bench-{i}", full_name=f"Nguyễn Văn {i}", unit=units[i % 100], gender="male",
               search_text=f" bench {i} ", sort_key=str(i))
        for i in range(people_count)
    ]  # fmt: skip
    Person.objects.bulk_create(people, batch_size=10000)
    ids = list(Person.objects.filter(code__startswith="bench-").values_list("pk", flat=True))
    for start in range(0, len(ids), 20000):
        ratings, awards, initiatives, discipline = [], [], [], []
        for person_id in ids[start : start + 20000]:
            strong = rng.random() < 0.3
            for year in YEARS:
                level_code = "xuat_sac" if strong else rng.choice(LEVELS)
                ratings.append(Rating(person_id=person_id, year=year, level=level_code))
                if year < YEAR and level_code in ("xuat_sac", "tot"):
                    awards.append(
                        PastAward(person_id=person_id, year=year, title_code="lao_dong_tien_tien")
                    )
                if strong and year < YEAR and year % 2 == 0:
                    awards.append(
                        PastAward(
                            person_id=person_id, year=year, title_code="chien_si_thi_dua_co_so"
                        )
                    )
                    initiatives.append(
                        Initiative(person_id=person_id, year=year, scope="co_so", name="x")
                    )
            if rng.random() < 0.01:
                discipline.append(
                    DisciplineRecord(person_id=person_id, year=YEAR, form="khien_trach")
                )
        Rating.objects.bulk_create(ratings, batch_size=10000)
        PastAward.objects.bulk_create(awards, batch_size=10000)
        Initiative.objects.bulk_create(initiatives, batch_size=10000)
        DisciplineRecord.objects.bulk_create(discipline, batch_size=10000)
    return ids


def _read_only(ids: list[int]) -> int:
    from vinhdanh.records.models import DisciplineRecord, Initiative, PastAward, Rating

    rows = 0
    first, last = YEAR - 10, YEAR
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        years = {"person_id__in": chunk, "year__gte": first, "year__lte": last}
        for queryset, fields in (
            (Rating.objects.filter(**years), ("person_id", "year", "level")),
            (
                PastAward.objects.filter(person_id__in=chunk),
                ("person_id", "year", "title_code", "basis_code"),
            ),
            (Initiative.objects.filter(**years), ("person_id", "year", "scope")),
            (DisciplineRecord.objects.filter(**years), ("person_id", "year", "form", "until")),
        ):
            for _row in queryset.values_list(*fields):
                rows += 1
    return rows


def _screen(ids: list[int]) -> dict[str, int]:
    from vinhdanh.records.history import person_histories
    from vinhdanh.records.screening import INDIVIDUAL_TITLES
    from vinhdanh.rules.engine import get_engine

    engine = get_engine()
    counts: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        histories = person_histories(chunk, YEAR)
        for verdicts in engine.screen((histories[pid] for pid in chunk), YEAR, INDIVIDUAL_TITLES):
            for verdict in verdicts.values():
                counts[verdict] = counts.get(verdict, 0) + 1
    return counts


def run() -> list[str]:
    from django.db import transaction

    people_count = int(os.environ.get("BENCH_PEOPLE", "300000"))
    lines = []
    with transaction.atomic():
        started = time.perf_counter()
        ids = _populate(people_count)
        lines.append(
            f"rules: built {len(ids):,} people × 10 years in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        rows = _read_only(ids)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        counts = _screen(ids)
        screening = time.perf_counter() - started
        transaction.set_rollback(True)
    lines += [
        f"rules: baseline, read {rows:,} history rows: {baseline:.2f} s",
        f"rules: screening {len(ids):,} people, every individual title: {screening:.2f} s "
        f"({len(ids) / screening:,.0f} people/s); verdicts {counts}",
        f"rules: screening / baseline = {screening / baseline:.2f}× (target ≤ 3×)",
    ]
    return lines
