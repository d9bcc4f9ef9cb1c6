"""A city council and one of its wards' councils, on top of the demo, for the upward flow.

A ward of their own (commune level, directly under the city) with its council, standing
office, members and accounts, beside the demo's city council: the tests below count its
members and ballots, which the demo's wards must not change.
"""

from dataclasses import dataclass

from vinhdanh.accounts.models import Role, User
from vinhdanh.awards import services
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.models import Choice, Nomination, Title
from vinhdanh.awards.tests.helpers import announce_and_end
from vinhdanh.org.models import Council, CouncilMember, CouncilRole, Level, Person, Unit


@dataclass
class TwoLevels:
    city: Council
    ward: Council
    ward_office: User
    ward_chair: User
    ward_officer: User
    city_office: User
    city_chair: User
    person: Person


def _members(council: Council, unit: Unit, prefix: str, chair: User) -> None:
    roles = [CouncilRole.CHAIRMAN, CouncilRole.VICE_CHAIRMAN, CouncilRole.MEMBER]
    for index, role in enumerate(roles):
        person = Person.objects.create(
            code=f"{prefix}-hd-{index}", full_name=f"Thành viên {prefix} {index}", unit=unit,
            gender="male",
        )  # fmt: skip
        CouncilMember.objects.create(
            council=council,
            person=person,
            role=role,
            user=chair if role == CouncilRole.CHAIRMAN else None,
        )


def _user(username: str, role: str, unit: Unit, council: Council) -> User:
    return User.objects.create(username=username, role=role, unit=unit, council=council)


def build() -> TwoLevels:
    province, commune = Level.objects.get(code="province"), Level.objects.get(code="commune")
    city_unit = Unit.objects.get(code="ha-noi")
    # The demo's Hà Nội 2026 chapter has the city's council already (Sở Nội vụ its office).
    city = Council.objects.filter(unit=city_unit).first() or Council.objects.create(
        unit=city_unit,
        name="Hội đồng Thi đua - Khen thưởng thành phố Hà Nội",
        standing_office=Unit.objects.get(code="ban-tdkt-ha-noi"),
    )
    city_office_unit = city.standing_office
    assert city_unit.level == province
    ward_unit = Unit.objects.create(
        code="phuong-tuong-mai-2025", name="Phường Tương Mai", kind="ward", level=commune,
        parent=city_unit,
    )  # fmt: skip
    ward_office_unit = Unit.objects.create(
        code="vp-phuong-tuong-mai", name="Văn phòng HĐND và UBND phường Tương Mai",
        kind="department", level=commune, parent=ward_unit,
    )  # fmt: skip
    ward = Council.objects.create(
        unit=ward_unit,
        name="Hội đồng Thi đua - Khen thưởng phường Tương Mai",
        standing_office=ward_office_unit,
    )
    levels = TwoLevels(
        city=city,
        ward=ward,
        ward_office=_user("tm.thuongtruc", Role.STANDING_OFFICE, ward_office_unit, ward),
        ward_chair=_user("tm.chutich", Role.LEADER, ward_unit, ward),
        ward_officer=_user("tm.canbo", Role.UNIT_OFFICER, ward_unit, ward),
        city_office=_user("hn.thuongtruc", Role.STANDING_OFFICE, city_office_unit, city),
        city_chair=_user("hn.chutich", Role.LEADER, city_unit, city),
        person=Person.objects.create(
            code="tm-nguyen-thi-lan",
            full_name="Nguyễn Thị Lan",
            unit=ward_unit,
            position="Công chức Văn hóa - Xã hội",
            gender="female",
        ),
    )
    _members(ward, ward_unit, "tm", levels.ward_chair)
    _members(city, city_unit, "hn", levels.city_chair)
    return levels


def draft(levels: TwoLevels, title_code: str = "bang_khen_tinh", year: int = 2025) -> Nomination:
    title = Title.objects.get(code=title_code)
    nomination = services.create_nomination(
        levels.ward_officer,
        person=levels.person,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=year,
        achievements="Hoàn thành xuất sắc nhiệm vụ hai năm liền.",
    )
    for row in title.title_components.filter(required=True, component__generated=False):
        services.add_attachment(
            levels.ward_officer, nomination, component=row.component, filename="bao-cao.pdf",
            content=DEMO_PDF,
        )  # fmt: skip
    return nomination


def through_the_council(nomination: Nomination, office: User) -> Nomination:
    """Appraised (every checklist row confirmed), announced, voted for by every member."""
    rows, _verdict, _law = prefilled_checklist(nomination)
    services.appraise_nomination(
        office,
        nomination,
        passed=True,
        reasons="Đủ tiêu chuẩn.",
        confirmed={row["rule"]: True for row in rows},
    )
    nomination.refresh_from_db()
    announce_and_end(office, nomination)
    nomination.refresh_from_db()
    vote = services.open_vote(office, nomination)
    for member in vote.council.members.all():
        services.record_ballot(office, vote, member=member, choice=Choice.AGREE)
    nomination.refresh_from_db()
    services.close_vote(office, vote)
    nomination.refresh_from_db()
    return nomination


def voted_at_the_ward(levels: TwoLevels, title_code: str = "bang_khen_tinh") -> Nomination:
    nomination = draft(levels, title_code)
    services.submit_nomination(levels.ward_officer, nomination)
    nomination.refresh_from_db()
    return through_the_council(nomination, levels.ward_office)
