"""Loads the Hà Nội 2026 chapter (vinhdanh/demo/hanoi_2026.py) on top of Hoàng Mai 2021.

Everything goes through the services where a service exists (the reform here, the dossiers
in awards/demo_hanoi_2026.py; the plans in plans/demo_hanoi_2026.py), so
states, histories, links and received copies are real; running it again creates nothing
twice. The caller (`loader.load_demo`) keeps the audit log silent.
"""

import importlib
import itertools

from vinhdanh.accounts.models import Role, User
from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.demo import hoang_mai_2021 as history
from vinhdanh.org import reorganising
from vinhdanh.org.models import (
    Council,
    CouncilMember,
    CouncilRole,
    Level,
    Person,
    Reorganisation,
    Unit,
)


def old_ward(name: str) -> Unit:
    from vinhdanh.demo.loader import ward_code

    return Unit.objects.get(code=ward_code(name))


def _load_units() -> None:
    province, commune = Level.objects.get(code="province"), Level.objects.get(code="commune")
    city = Unit.objects.get(code=data.CITY["unit"])
    code, name, short = data.CITY["standing_office"]
    Unit.objects.get_or_create(
        code=code,
        defaults={"name": name, "short_name": short, "kind": "department", "level": province,
                  "parent": city},
    )  # fmt: skip
    for name, slug, _wholes, _parts in data.NEW_WARDS:
        # The wards exist before the reform is applied, so the district's schools can be
        # placed under them first; the reform names them as its (existing) successors.
        ward, _ = Unit.objects.get_or_create(
            code=data.ward_code(slug),
            defaults={"name": f"Phường {name}", "short_name": f"UBND phường {name}",
                      "kind": "ward", "level": commune, "parent": city,
                      "valid_from": data.EFFECTIVE_ON},
        )  # fmt: skip
        Unit.objects.get_or_create(
            code=data.office_code(slug),
            defaults={"name": f"Văn phòng HĐND và UBND phường {name}",
                      "short_name": "Văn phòng HĐND-UBND", "kind": "department",
                      "level": commune, "parent": ward, "valid_from": data.EFFECTIVE_ON},
        )  # fmt: skip


def _load_city_council() -> Council:
    spec = data.CITY
    city = Unit.objects.get(code=spec["unit"])
    council, _ = Council.objects.get_or_create(
        unit=city,
        defaults={"name": spec["name"],
                  "standing_office": Unit.objects.get(code=spec["standing_office"][0])},
    )  # fmt: skip
    name, position, gender = spec["chairman"]
    seats = [("chairman", position, name, gender)] + spec["members"]
    _seat_people(council, "hn-tp", seats)
    return council


def _seat_people(council: Council, prefix: str, seats) -> None:
    for index, (role, title, name, gender) in enumerate(seats):
        person, _ = Person.objects.get_or_create(
            code=f"{prefix}-hd-{index}",
            defaults={"full_name": name, "unit": council.unit, "position": title,
                      "gender": gender, "is_manager": role == "chairman"},
        )  # fmt: skip
        CouncilMember.objects.get_or_create(
            council=council, person=person, defaults={"role": role, "title_in_council": title}
        )


def _load_ward_councils() -> dict[str, Council]:
    councils = {}
    for name, slug, _wholes, _parts in data.NEW_WARDS:
        ward = Unit.objects.get(code=data.ward_code(slug))
        council, _ = Council.objects.get_or_create(
            unit=ward,
            defaults={"name": f"Hội đồng Thi đua - Khen thưởng phường {name}",
                      "standing_office": Unit.objects.get(code=data.office_code(slug)),
                      "valid_from": data.EFFECTIVE_ON},
        )  # fmt: skip
        chairman, gender = data.WARD_CHAIRMEN[slug]
        _seat_people(
            council,
            f"hn-{slug}",
            [
                ("chairman", "Chủ tịch UBND phường", chairman, gender),
                ("vice_chairman", "Phó Chủ tịch UBND phường", f"Phó Chủ tịch phường {name}",
                 "male"),
                ("member", "Chủ tịch Ủy ban MTTQ phường", f"Chủ tịch MTTQ phường {name}",
                 "female"),
            ],
        )  # fmt: skip
        councils[slug] = council
    return councils


def _load_accounts() -> None:
    for username, role, unit_code, council_unit, full_name in data.ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "unit": Unit.objects.get(code=unit_code),
                "council": Council.objects.get(unit__code=council_unit),
                "first_name": full_name,
            },
        )
        if created:
            user.set_password(history.DEMO_PASSWORD)
            user.save()
        if role == Role.LEADER:
            CouncilMember.objects.filter(
                council=user.council, role=CouncilRole.CHAIRMAN, user__isnull=True
            ).update(user=user)
    member = CouncilMember.objects.filter(
        council__unit__code="ha-noi", role=CouncilRole.MEMBER, user__isnull=True
    ).first()
    if member is not None:
        member.user = User.objects.get(username="uyvien.hanoi")
        member.save(update_fields=["user"])


def _district_units() -> list[Unit]:
    """The district and every unit under it that ends with it (not its wards nor schools)."""
    district = Unit.objects.get(code="hoang-mai")
    kept = set(data.SCHOOLS)
    below = Unit.objects.filter(path__startswith=district.path, valid_to__isnull=True).exclude(
        kind="ward"
    )
    return [district] + [u for u in below if u.pk != district.pk and u.code not in kept]


def _load_reform(actor: User) -> None:
    if Reorganisation.objects.filter(name=data.REORGANISATION_NAME).exists():
        return
    reorganisation = reorganising.create_reorganisation(
        actor=actor,
        name=data.REORGANISATION_NAME,
        effective_on=data.EFFECTIVE_ON,
        basis=data.REORGANISATION_BASIS,
    )
    targets: dict[int, list] = {}
    planned_by_slug = {}
    for _name, slug, wholes, parts in data.NEW_WARDS:
        planned = reorganising.add_successor(
            actor=actor,
            reorganisation=reorganisation,
            unit=Unit.objects.get(code=data.ward_code(slug)),
            wholes=[old_ward(w) for w in wholes],
            parts=[old_ward(w) for w in parts],
        )
        planned_by_slug[slug] = planned
        for ward in parts:
            targets.setdefault(old_ward(ward).pk, []).append(planned)
    dissolved = _district_units()
    reorganising.set_dissolved(actor=actor, reorganisation=reorganisation, units=dissolved)
    # The schools stay: run by the ward they lie in from the day of the reform.
    for school_code, slug in data.SCHOOLS.items():
        school = Unit.objects.get(code=school_code)
        school.parent = Unit.objects.get(code=data.ward_code(slug))
        school.save()
    # People of a split ward go one by one to one of its successors; the district's staff
    # to the new wards in turn.
    everywhere = list(planned_by_slug.values())
    for unit_id, planned_units in [*targets.items(), *((u.pk, everywhere) for u in dissolved)]:
        turn = itertools.cycle(planned_units)
        for person in Person.objects.filter(unit_id=unit_id).order_by("code"):
            reorganising.assign_person(
                actor=actor, reorganisation=reorganisation, person=person, planned=next(turn)
            )
    reorganisation.refresh_from_db()
    reorganising.apply_reorganisation(
        actor, reorganisation, expected_version=reorganisation.version, note=data.NOTE
    )
    # The district's council ends with its unit: it decides nothing from 01/07/2025.
    Council.objects.filter(unit__code="hoang-mai").update(valid_to=data.EFFECTIVE_ON)


# The apps' parts of the chapter, each a `load()` (imported by name: those apps import the
# demo's data, so the demo does not import them).
EXTENSIONS = [
    "vinhdanh.plans.demo_hanoi_2026",
    "vinhdanh.awards.demo_hanoi_2026",
    "vinhdanh.awards.demo_capital_citizen_2026",
    "vinhdanh.contests.demo_hanoi_2026",
    "vinhdanh.initiatives.demo_hanoi_2026",
    "vinhdanh.filings.demo_hanoi_2026",
]


def load() -> None:
    _load_units()
    _load_city_council()
    _load_ward_councils()
    _load_accounts()
    _load_reform(User.objects.get(username="thuongtruc.hanoi"))
    for name in EXTENSIONS:
        importlib.import_module(name).load()
