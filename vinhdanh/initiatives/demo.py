"""Initiatives of the Hoàng Mai 2021 demo, through the services so states and histories are real.

The district's initiatives council (cấp cơ sở) with its members; the city's council does not
work in Vinh Danh in 2021, so a proposal to it goes on paper and its decision is recorded by
hand. In Hoàng Liệt and Định Công initiatives at every state: recognised at cơ sở (its author
becomes eligible for Chiến sĩ thi đua cơ sở 2021), proposed up and recognised by the city
(2020: its author becomes eligible for Chiến sĩ thi đua thành phố 2020), under review with
members' sheets, submitted, returned, not recognised, and a draft. The council's composition
and the initiatives are illustrative. Idempotent: nothing is made twice.
"""

import datetime

from vinhdanh.accounts.models import User
from vinhdanh.initiatives import services
from vinhdanh.initiatives.models import (
    CouncilLevel,
    Initiative,
    InitiativeCouncil,
    MemberRole,
)
from vinhdanh.org.models import Council, CouncilRole, Person, Unit
from vinhdanh.records.screening import explain

DISTRICT = "Hội đồng sáng kiến quận Hoàng Mai"
HOANG_LIET, DINH_CONG = "phuong-hoang-liet", "phuong-dinh-cong"
ROLE_OF = {
    CouncilRole.CHAIRMAN: MemberRole.CHAIR,
    CouncilRole.VICE_CHAIRMAN: MemberRole.VICE_CHAIR,
    CouncilRole.SECRETARY: MemberRole.SECRETARY,
}
EVIDENCE = "Báo cáo kết quả áp dụng sáng kiến, có xác nhận của thủ trưởng đơn vị.\n"


def _district_council() -> InitiativeCouncil:
    unit = Unit.objects.get(code="hoang-mai")
    council, created = InitiativeCouncil.objects.get_or_create(
        unit=unit,
        level=CouncilLevel.BASE,
        defaults={
            "name": DISTRICT,
            "established_by": "Quyết định số 15/QĐ-UBND ngày 02/01/2020 của UBND quận",
            "valid_from": datetime.date(2020, 1, 2),
        },
    )
    if created:
        emulation = Council.objects.get(unit=unit)
        for seat in emulation.members.select_related("person").order_by("pk")[:7]:
            council.members.create(
                person=seat.person,
                role=ROLE_OF.get(seat.role, MemberRole.MEMBER),
                user=seat.user,
                valid_from=datetime.date(2020, 1, 2),
            )
    return council


def _fails_only(person, title: str, year: int, rule: str) -> bool:
    checks = explain(person, title, year).checks
    failing = [c.rule for c in checks if c.passed is not True]
    return failing == [rule]


def _pick(unit_code: str, title: str, year: int, rule: str, skip=()) -> Person:
    """A person of the ward whom only the initiative keeps from the title, else the first."""
    people = list(Person.objects.filter(unit__code=unit_code).exclude(pk__in=skip).order_by("code"))
    for person in people:
        if _fails_only(person, title, year, rule):
            return person
    return people[0]


def _file(officer, council, unit_code, name, authors, *, year=2021, kind="sang_kien", **extra):
    unit = Unit.objects.get(code=unit_code)
    return services.file_initiative(
        officer,
        unit=unit,
        council=council,
        year=year,
        kind=kind,
        name=name,
        field=extra.get("field", "Cải cách hành chính"),
        problem=extra.get("problem", "Thủ tục còn thủ công, người dân phải đi lại nhiều lần."),
        content=extra.get("content", "Xây dựng quy trình mới và áp dụng tại bộ phận một cửa."),
        first_applied_on=extra.get("first_applied_on", datetime.date(year, 3, 1)),
        effect=extra.get("effect", "Rút ngắn 40% thời gian giải quyết hồ sơ; tiết kiệm chi phí."),
        influence=extra.get("influence", "Có thể nhân rộng ở các phường trong quận."),
        authors=[services.AuthorShare(p, s) for p, s in authors],
        files=[("bao-cao-hieu-qua.txt", EVIDENCE.encode())],
    )


def _review(office, initiative, council, *, meeting_on, agree=None, sheets=None):
    initiative = services.submit(office, initiative)
    initiative = services.start_review(office, initiative)
    members = list(council.members.select_related("person").order_by("pk"))
    authors = set(initiative.authors.values_list("person_id", flat=True))
    scorers = [m for m in members if m.person_id not in authors][: sheets or len(members)]
    for n, member in enumerate(scorers):
        points = {c["code"]: max(0, c["maximum"] - 3 - n) for c in council.criteria}
        services.score(office, initiative, member=member, points=points)
    if agree is not None:
        present = len(members)
        services.record_vote(
            office, initiative, meeting_on=meeting_on, present=present, agree=agree(present)
        )
    return Initiative.objects.get(pk=initiative.pk)


def load() -> None:
    district = _district_council()
    if Initiative.objects.filter(council=district).exists():
        return
    office = User.objects.get(username="thuongtruc")
    officer_a = User.objects.get(username="canbo.hoangliet")
    officer_b = User.objects.get(username="canbo.dinhcong")
    title_cs, title_tp = "chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh"

    # Hoàng Liệt: recognised at cơ sở; its first author becomes eligible for CSTĐCS 2021.
    author = _pick(HOANG_LIET, title_cs, 2021, "sang_kien")
    second = _pick(HOANG_LIET, title_cs, 2021, "sang_kien", skip=[author.pk])
    first = _file(
        officer_a,
        district,
        HOANG_LIET,
        "Số hóa hồ sơ một cửa của phường Hoàng Liệt",
        [(author, 70), (second, 30)],
    )
    first = _review(
        office, first, district, meeting_on=datetime.date(2021, 10, 20), agree=lambda n: n
    )
    services.recognise(
        office,
        first,
        decision_number="215/QĐ-UBND",
        decision_date=datetime.date(2021, 10, 25),
        signer="Nguyễn Quang Hiếu",
        signer_title="Chủ tịch",
        valid_until=datetime.date(2022, 12, 31),
    )

    # Định Công, 2020: recognised at cơ sở, proposed up, recognised by the city.
    lead = _pick(DINH_CONG, title_tp, 2020, "sang_kien_cap_tinh")
    up = _file(
        officer_b,
        district,
        DINH_CONG,
        "Bản đồ số quản lý trật tự xây dựng phường Định Công",
        [(lead, 100)],
        year=2020,
        field="Quản lý đô thị",
        first_applied_on=datetime.date(2020, 2, 10),
        effect="Phát hiện sớm 95% vi phạm trật tự xây dựng; giảm 60% thời gian kiểm tra.",
        influence="Áp dụng được cho các phường của Thành phố.",
    )
    up = _review(office, up, district, meeting_on=datetime.date(2020, 6, 5), agree=lambda n: n)
    up = services.recognise(
        office,
        up,
        decision_number="98/QĐ-UBND",
        decision_date=datetime.date(2020, 6, 10),
        signer="Nguyễn Quang Hiếu",
        signer_title="Chủ tịch",
    )
    # In 2021 the city's council does not work in Vinh Danh: the proposal goes on paper and
    # the district's office records the city's decision when it arrives.
    up = services.propose_up(
        officer_b,
        up,
        note="Tờ trình số 45/TTr-UBND ngày 15/7/2020 gửi Hội đồng sáng kiến Thành phố.",
    )
    services.record_result_above(
        office,
        up,
        recognised=True,
        body="Ủy ban nhân dân thành phố Hà Nội",
        decision_number="5120/QĐ-UBND",
        decision_date=datetime.date(2020, 11, 25),
    )

    # A research project of Định Công accepted at cơ sở (counts as an initiative, law.md §3).
    others = Person.objects.filter(unit__code=DINH_CONG).exclude(pk=lead.pk).order_by("code")
    p1, p2, p3, p4 = list(others[:4])
    research = _file(
        officer_b,
        district,
        DINH_CONG,
        "Đề tài: Giải pháp nâng cao chất lượng hòa giải ở cơ sở",
        [(p1, 100)],
        kind="de_tai",
        field="Tư pháp",
    )
    research = _review(
        office, research, district, meeting_on=datetime.date(2021, 11, 2), agree=lambda n: n - 1
    )
    services.recognise(
        office,
        research,
        decision_number="230/QĐ-UBND",
        decision_date=datetime.date(2021, 11, 5),
        signer="Nguyễn Quang Hiếu",
        signer_title="Chủ tịch",
    )

    # Under review at the district, with two members' sheets (Hoàng Liệt).
    more = list(
        Person.objects.filter(unit__code=HOANG_LIET)
        .exclude(pk__in=[author.pk, second.pk])
        .order_by("code")[:3]
    )
    pending = _file(
        officer_a,
        district,
        HOANG_LIET,
        "Ứng dụng Zalo OA tiếp nhận phản ánh của người dân",
        [(more[0], 60), (more[1], 40)],
        field="Chuyển đổi số",
    )
    _review(office, pending, district, meeting_on=datetime.date(2021, 12, 1), sheets=2)

    # Submitted, returned and not recognised (Định Công); a draft (Hoàng Liệt).
    sent = _file(
        officer_b,
        district,
        DINH_CONG,
        "Sổ tay điện tử tổ dân phố",
        [(p2, 100)],
        field="Chuyển đổi số",
    )
    services.submit(officer_b, sent)
    back = _file(
        officer_b,
        district,
        DINH_CONG,
        "Mô hình điểm thu gom rác thải tái chế",
        [(p3, 50), (p4, 50)],
        field="Môi trường",
    )
    back = services.submit(officer_b, back)
    services.return_initiative(
        office, back, note="Bổ sung số liệu hiệu quả có xác nhận của đơn vị."
    )
    refused = _file(
        officer_b,
        district,
        DINH_CONG,
        "Bảng tin tổ dân phố bằng giấy khổ lớn",
        [(p4, 100)],
        field="Tuyên truyền",
    )
    refused = _review(
        office, refused, district, meeting_on=datetime.date(2021, 12, 1), agree=lambda n: 1
    )
    services.reject(
        office, refused, note="Giải pháp không mới, đã áp dụng phổ biến ở nhiều địa phương."
    )
    _file(
        officer_a,
        district,
        HOANG_LIET,
        "Quy trình tiếp công dân theo lịch hẹn trực tuyến",
        [(more[2], 100)],
        field="Cải cách hành chính",
    )
