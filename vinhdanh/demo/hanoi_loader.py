"""Loads the Hà Nội 2026 chapter (vinhdanh/demo/hanoi_2026.py) on top of Hoàng Mai 2021.

Everything goes through the services where a service exists (the reform, the dossiers), so
states, histories, links and received copies are real; running it again creates nothing
twice. The caller (`loader.load_demo`) keeps the audit log silent.
"""

import datetime
import itertools

from django.utils import timezone

from vinhdanh.accounts.models import Role, User
from vinhdanh.awards import services as awards
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.models import Choice, Nomination, Title
from vinhdanh.demo import hanoi_2026 as data
from vinhdanh.demo import hoang_mai_2021 as history
from vinhdanh.documents.structure import DeadlineKind
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
from vinhdanh.plans.models import Plan, Task


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


def _load_plans(councils: dict[str, Council]) -> None:
    city = Council.objects.get(unit__code="ha-noi")
    plans = [(city, "01/KH-HĐTĐKT-TP", "UBND thành phố Hà Nội", data.CITY_TASKS)]
    for name, slug, _w, _p in data.NEW_WARDS:
        plans.append(
            (councils[slug], f"01/KH-HĐTĐKT-{slug}", f"UBND phường {name}", data.WARD_TASKS)
        )
    for council, number, issuer, tasks in plans:
        plan, created = Plan.objects.get_or_create(
            number=number,
            year=data.YEAR,
            defaults={
                "council": council,
                "date": datetime.date(data.YEAR, 1, 10),
                "place": "Hà Nội",
                "title": f"Kế hoạch công tác thi đua, khen thưởng năm {data.YEAR}",
                "issuer": issuer,
            },
        )
        if not created:
            continue
        for position, (content, deadline) in enumerate(tasks, start=1):
            task = Task.objects.create(
                plan=plan,
                position=position,
                number=str(position),
                content=content,
                deadline_kind=DeadlineKind.DATE,
                deadline_date=deadline,
                deadline_text=f"{deadline:%d/%m/%Y}",
            )
            task.lead_units.set([council.standing_office])


def _through_the_council(nomination: Nomination, office: User) -> Nomination:
    rows, _verdict, _law = prefilled_checklist(nomination)
    awards.appraise_nomination(
        office, nomination, passed=True, confirmed={row["rule"]: True for row in rows}
    )
    nomination.refresh_from_db()
    today = timezone.localdate()
    awards.announce_nomination(
        office, nomination, starts_on=today - datetime.timedelta(days=7), ends_on=today
    )
    nomination.refresh_from_db()
    vote = awards.open_vote(office, nomination)
    for member in vote.council.members.order_by("pk"):
        awards.record_ballot(office, vote, member=member, choice=Choice.AGREE)
    nomination.refresh_from_db()
    awards.close_vote(office, vote)
    nomination.refresh_from_db()
    return nomination


def _load_dossiers(city: Council) -> None:
    if Nomination.objects.filter(year=data.YEAR, unit__code__startswith="hn-phuong-").exists():
        return
    title = Title.objects.get(code="bang_khen_tinh")
    basis = title.award_bases.get(code="thuong_xuyen")
    city_office = User.objects.get(username="thuongtruc.hanoi")
    city_chair = User.objects.get(username="chutich.hanoi")
    taken: dict[str, int] = {}
    for slug, stage in data.DOSSIERS:
        officer = User.objects.get(username=f"canbo.phuong.{slug}")
        office = User.objects.get(username=f"thuongtruc.{slug}")
        people = Person.objects.filter(unit=officer.unit, code__startswith="demo-").order_by("code")
        person = people[taken.get(slug, 0)]
        taken[slug] = taken.get(slug, 0) + 1
        nomination = awards.create_nomination(
            officer,
            person=person,
            title=title,
            basis=basis,
            year=data.YEAR,
            event="Đã có thành tích xuất sắc trong năm đầu vận hành chính quyền hai cấp",
            achievements=f"{person.position}: hoàn thành xuất sắc nhiệm vụ năm 2025 và 2026.",
        )
        if stage == "draft":
            continue
        for row in title.title_components.filter(required=True, component__generated=False):
            awards.add_attachment(
                officer, nomination, component=row.component,
                filename=f"{row.component.code}.pdf", content=DEMO_PDF,
            )  # fmt: skip
        awards.submit_nomination(officer, nomination)
        nomination.refresh_from_db()
        if stage == "submitted":
            continue
        nomination = _through_the_council(nomination, office)
        awards.forward_to_higher_level(
            office, nomination, to_council=city, letter_number=f"{taken[slug]}/TTr-UBND"
        )
        nomination.refresh_from_db()
        copy = nomination.copies_above.order_by("-pk").first()
        if stage == "sent_back":
            awards.send_back(city_office, copy, reasons=data.SENT_BACK_REASONS)
        elif stage == "decided":
            copy = _through_the_council(copy, city_office)
            awards.issue_decision(
                city_chair,
                [copy],
                signed_on=timezone.localdate(),
                subject="Về việc tặng Bằng khen của Chủ tịch UBND Thành phố năm 2026",
            )


def load() -> None:
    _load_units()
    city = _load_city_council()
    councils = _load_ward_councils()
    _load_accounts()
    _load_reform(User.objects.get(username="thuongtruc.hanoi"))
    _load_plans(councils)
    _load_dossiers(city)
