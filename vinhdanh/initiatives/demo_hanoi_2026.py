"""The 2026 initiatives of the demo's Hà Nội chapter: Định Công ward's own initiatives council
(after the 2025 reform the ward recognises at cơ sở) with one review round open, and the city's
initiatives council, which received the ward's proposal of a recognised initiative.

The district's council ended with the district on 01/07/2025. Played through the services;
running it again creates nothing twice. The members and initiatives are illustrative.
"""

import datetime

from vinhdanh.accounts.models import User
from vinhdanh.initiatives import services
from vinhdanh.initiatives.demo import EVIDENCE
from vinhdanh.initiatives.models import CouncilLevel, InitiativeCouncil, MemberRole
from vinhdanh.org.models import Council, CouncilRole, Person, Unit

REFORM = datetime.date(2025, 7, 1)
YEAR = 2026
ROLES = [MemberRole.CHAIR, MemberRole.SECRETARY, MemberRole.MEMBER, MemberRole.MEMBER]


def _city_council(office) -> InitiativeCouncil:
    """The city's council, its members taken from the city's emulation council."""
    city = Unit.objects.get(code="ha-noi")
    council = services.create_council(
        office,
        unit=city,
        level=CouncilLevel.CITY,
        name="Hội đồng sáng kiến Thành phố Hà Nội",
        established_by="Quyết định số 4120/QĐ-UBND ngày 20/8/2025 của UBND Thành phố",
        valid_from=datetime.date(2025, 8, 20),
    )
    roles = {CouncilRole.CHAIRMAN: MemberRole.CHAIR, CouncilRole.SECRETARY: MemberRole.SECRETARY}
    for seat in Council.objects.get(unit=city).members.select_related("person").order_by("pk"):
        services.add_member(
            office,
            council,
            person=seat.person,
            role=roles.get(seat.role, MemberRole.MEMBER),
            user=seat.user,
            valid_from=datetime.date(2025, 8, 20),
        )
    return council


def load() -> None:
    InitiativeCouncil.objects.filter(unit__code="hoang-mai", valid_to__isnull=True).update(
        valid_to=REFORM
    )
    office = User.objects.get(username="thuongtruc.dinhcong")
    officer = User.objects.get(username="canbo.phuong.dinhcong")
    ward = officer.unit
    if InitiativeCouncil.objects.filter(unit=ward).exists():
        return
    _city_council(User.objects.get(username="thuongtruc.hanoi"))
    council = services.create_council(
        office,
        unit=ward,
        level=CouncilLevel.BASE,
        name="Hội đồng sáng kiến phường Định Công",
        established_by="Quyết định số 36/QĐ-UBND ngày 15/8/2025 của UBND phường",
        valid_from=datetime.date(2025, 8, 15),
    )
    people = list(Person.objects.filter(unit=ward, code__startswith="demo-").order_by("code"))
    chair_user = User.objects.filter(username="chutich.dinhcong").first()
    for n, (person, role) in enumerate(zip(people[:4], ROLES, strict=True)):
        services.add_member(
            office,
            council,
            person=person,
            role=role,
            user=chair_user if n == 0 else None,
            valid_from=datetime.date(2025, 8, 15),
        )
    authors = people[4:7]
    open_round = [
        ("Phần mềm nhắc lịch tiêm chủng cho trẻ em của phường", [(authors[0], 100)], "Y tế"),
        ("Bản đồ số điểm ngập úng mùa mưa của phường", [(people[7], 100)], "Quản lý đô thị"),
        (
            "Quy trình liên thông khai sinh, thường trú, bảo hiểm y tế cho trẻ dưới 6 tuổi",
            [(authors[1], 60), (authors[2], 40)],
            "Cải cách hành chính",
        ),
    ]
    filed = []
    for name, shares, field in open_round:
        filed.append(
            services.file_initiative(
                officer,
                unit=ward,
                council=council,
                year=YEAR,
                kind="sang_kien",
                name=name,
                field=field,
                problem="Sau sắp xếp, phường mới tiếp nhận khối lượng hồ sơ gấp ba lần.",
                content="Chuẩn hóa quy trình và dùng công cụ số sẵn có của Thành phố.",
                first_applied_on=datetime.date(2026, 1, 5),
                effect="Giảm một nửa thời gian xử lý; người dân không phải đi lại nhiều lần.",
                influence="Có thể áp dụng cho các phường của Thành phố.",
                authors=[services.AuthorShare(p, s) for p, s in shares],
                files=[("bao-cao-hieu-qua.txt", EVIDENCE.encode())],
            )
        )
    first = services.submit(officer, filed[0])
    first = services.start_review(office, first)
    member = council.members.order_by("pk").first()
    services.score(
        office, first, member=member, points={c["code"]: c["maximum"] - 4 for c in council.criteria}
    )
    services.submit(officer, filed[1])
    # Recognised by the ward, then proposed to the city: a copy waits in the city's inbox.
    third = services.start_review(office, services.submit(officer, filed[2]))
    present = council.members.count()
    third = services.record_vote(
        office, third, meeting_on=datetime.date(2026, 3, 10), present=present, agree=present
    )
    third = services.recognise(
        office,
        third,
        decision_number="12/QĐ-UBND",
        decision_date=datetime.date(2026, 3, 12),
        signer="Nguyễn Văn Bình",
        signer_title="Chủ tịch",
    )
    services.propose_up(officer, third, note="Đề nghị công nhận phạm vi ảnh hưởng cấp Thành phố.")
