"""Loads the Hoàng Mai 2021 demo and the Hà Nội 2026 chapter on top of it; running it
again creates nothing twice.

What the audit log holds after it: nothing. The demo is seed data, not anybody's
action, even where it plays the workflow through the services (awards) to give
the dossiers a real history; the log of a fresh demo holds only what people do in
it afterwards, and its hash chain starts with their first change.
"""

import datetime
import importlib
import importlib.util
import random

from django.db import transaction

from vinhdanh.accounts.models import Role, User
from vinhdanh.audit.services import loading_seed_data
from vinhdanh.core.text import fold
from vinhdanh.demo import hanoi_loader
from vinhdanh.demo import hoang_mai_2021 as data
from vinhdanh.org.models import Cluster, Council, CouncilMember, CouncilRole, Level, Person, Unit

PEOPLE_PER_UNIT = 12
DEMO_YEAR = 2021


def ward_code(name: str) -> str:
    return "phuong-" + fold(name).replace(" ", "-")


def _unit(code_or_ward: str) -> Unit:
    code = ward_code(code_or_ward) if code_or_ward in data.WARDS else code_or_ward
    return Unit.objects.get(code=code)


def _load_levels() -> dict[str, Level]:
    levels = {}
    for code, name, rank, until in data.LEVELS:
        levels[code], _ = Level.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "rank": rank,
                "active_until": datetime.date.fromisoformat(until) if until else None,
            },
        )
    return levels


def _load_units(levels: dict[str, Level]) -> None:
    rows = list(data.UNITS) + [
        (ward_code(ward), f"Phường {ward}", f"UBND phường {ward}", "ward", "district", "hoang-mai")
        for ward in data.WARDS
    ]
    for code, name, short_name, kind, level, parent in rows:
        Unit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": kind,
                # Wards belong to the commune level, whatever the row's placeholder says.
                "level": levels["commune" if kind == "ward" else level],
                "parent": Unit.objects.get(code=parent) if parent else None,
            },
        )


def _synthetic_name(rng: random.Random) -> tuple[str, str]:
    gender = rng.choice(["male", "female"])
    middle = data.MALE_MIDDLE if gender == "male" else data.FEMALE_MIDDLE
    given = data.MALE_GIVEN if gender == "male" else data.FEMALE_GIVEN
    return f"{rng.choice(data.FAMILY_NAMES)} {rng.choice(middle)} {rng.choice(given)}", gender


def _load_people() -> None:
    rng = random.Random(2021)
    units = Unit.objects.filter(code__in=[ward_code(w) for w in data.WARDS] + [
        row[0] for row in data.UNITS if row[4] == "district" and row[0] != "hoang-mai"
    ]).order_by("code")  # fmt: skip
    number = 0
    for unit in units:
        for _ in range(PEOPLE_PER_UNIT):
            number += 1
            full_name, gender = _synthetic_name(rng)
            position, direct, manager = rng.choice(data.POSITIONS)
            Person.objects.get_or_create(
                code=f"demo-{number:04d}",
                defaults={
                    "full_name": full_name,
                    "unit": unit,
                    "position": position,
                    "gender": gender,
                    "birth_year": rng.randint(1965, 1998),
                    "is_direct_worker": direct,
                    "is_manager": manager,
                    "email": f"demo{number:04d}@demo.invalid",
                },
            )


def _load_council() -> Council:
    spec = data.COUNCIL
    council, _ = Council.objects.get_or_create(
        unit=Unit.objects.get(code=spec["unit"]),
        defaults={
            "name": spec["name"],
            "standing_office": Unit.objects.get(code=spec["standing_office"]),
        },
    )
    name, position, gender = spec["chairman"]
    chairman, _ = Person.objects.get_or_create(
        code="hm-chu-tich",
        defaults={"full_name": name, "unit": council.unit, "position": position, "gender": gender,
                  "is_manager": True},
    )  # fmt: skip
    CouncilMember.objects.get_or_create(
        council=council,
        person=chairman,
        defaults={"role": CouncilRole.CHAIRMAN, "title_in_council": position},
    )
    if council.members.exclude(role=CouncilRole.CHAIRMAN).exists():
        # Seated once: since the 2025 reform their units have no people to pick from.
        return council
    # The other seats go to the heads of the council's usual member bodies (synthetic people).
    seats = [
        (
            "phong-noi-vu",
            CouncilRole.VICE_CHAIRMAN,
            "Trưởng phòng Nội vụ, Phó Chủ tịch thường trực",
        ),
        ("uy-ban-mttq", CouncilRole.VICE_CHAIRMAN, "Chủ tịch Ủy ban MTTQ Quận"),
        ("ldld-quan", CouncilRole.STANDING_MEMBER, "Chủ tịch Liên đoàn Lao động Quận"),
        ("phong-vhtt", CouncilRole.MEMBER, "Trưởng phòng Văn hóa và Thông tin"),
        ("phong-gddt", CouncilRole.MEMBER, "Trưởng phòng Giáo dục và Đào tạo"),
        ("phong-kinh-te", CouncilRole.MEMBER, "Trưởng phòng Kinh tế"),
        ("phong-tckh", CouncilRole.MEMBER, "Trưởng phòng Tài chính - Kế hoạch"),
        ("phong-noi-vu", CouncilRole.SECRETARY, "Chuyên viên Phòng Nội vụ"),
    ]
    for index, (unit_code, role, title) in enumerate(seats, start=1):
        person = Person.objects.filter(unit__code=unit_code).order_by("code")[index % 3]
        CouncilMember.objects.get_or_create(
            council=council, person=person, defaults={"role": role, "title_in_council": title}
        )
    return council


def _load_clusters(council: Council) -> None:
    followers = list(council.members.exclude(role=CouncilRole.CHAIRMAN).order_by("pk"))
    for index, (code, name, member_refs) in enumerate(data.CLUSTERS_2021):
        members = [_unit(ref) for ref in member_refs]
        cluster, created = Cluster.objects.get_or_create(
            council=council,
            year=DEMO_YEAR,
            code=code,
            defaults={"name": name, "head": members[0], "deputy": members[1]},
        )
        if created:
            cluster.members.set(members)
            cluster.followers.set([followers[index % len(followers)]])


def _load_accounts(council: Council) -> list[tuple[str, str, str]]:
    accounts = []
    for username, role, unit_ref, full_name in data.ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "unit": _unit(unit_ref) if unit_ref else None,
                "council": council,
                "first_name": full_name,
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(data.DEMO_PASSWORD)
            user.save()
        accounts.append((username, user.get_role_display(), str(user.unit or "")))
    CouncilMember.objects.filter(
        council=council, role=CouncilRole.CHAIRMAN, user__isnull=True
    ).update(user=User.objects.get(username="chutich"))
    member = council.members.filter(title_in_council__startswith="Trưởng phòng Văn hóa").first()
    if member and member.user_id is None:
        member.user = User.objects.get(username="uyvien")
        member.save(update_fields=["user"])
    return accounts


# Each app adds its part of the demo in `<app>/demo.py`, a `load()` that is idempotent.
DEMO_EXTENSIONS = [
    "vinhdanh.records.demo",
    "vinhdanh.plans.demo",
    "vinhdanh.movements.demo",
    "vinhdanh.scoring.demo",
    "vinhdanh.awards.demo",
    "vinhdanh.training.demo",
    "vinhdanh.inspections.demo",
    "vinhdanh.ceremonies.demo",
    "vinhdanh.signing.demo",
    "vinhdanh.exemplars.demo",
    "vinhdanh.reports.demo",
    "vinhdanh.contests.demo",
    "vinhdanh.initiatives.demo",
    "vinhdanh.filings.demo",
]
# Called again once the Hà Nội 2026 chapter is loaded (their `load()` sees the city council).
DEMO_EXTENSIONS_AFTER_2026 = ["vinhdanh.signing.demo"]


def _load_extensions(modules=DEMO_EXTENSIONS) -> None:
    for module_name in modules:
        if importlib.util.find_spec(module_name) is not None:
            importlib.import_module(module_name).load()


@transaction.atomic
def load_demo(*, hanoi_2026: bool = True) -> list[tuple[str, str, str]]:
    """Both chapters; `hanoi_2026=False` stops at the Hoàng Mai 2021 history (the test
    database's base, whose 2021 tests need the old wards alive and peopled)."""
    with loading_seed_data():
        return _load_everything(hanoi_2026)


def _load_everything(hanoi_2026: bool) -> list[tuple[str, str, str]]:
    levels = _load_levels()
    _load_units(levels)
    _load_people()
    council = _load_council()
    _load_clusters(council)
    accounts = _load_accounts(council)
    _load_extensions()
    if hanoi_2026:
        # On top of the history: the reform ends the district, so it comes after 2021.
        hanoi_loader.load()
        _load_extensions(DEMO_EXTENSIONS_AFTER_2026)
    return accounts
