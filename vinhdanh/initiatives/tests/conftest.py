import datetime

import pytest

from vinhdanh.initiatives import services
from vinhdanh.initiatives.models import InitiativeCouncil
from vinhdanh.org.models import Person, Unit

EVIDENCE = [("bao-cao.txt", "Báo cáo hiệu quả áp dụng.\n".encode())]


@pytest.fixture
def district(demo):
    return InitiativeCouncil.objects.get(unit__code="hoang-mai")


@pytest.fixture
def city(demo):
    """The city's initiatives council (the 2021 demo has none: its proposals go on paper)."""
    office = Unit.objects.get(code="ban-tdkt-ha-noi")
    council = InitiativeCouncil.objects.create(
        unit=Unit.objects.get(code="ha-noi"), level="thanh_pho", name="Hội đồng sáng kiến Thành phố"
    )
    for n, role in enumerate(["chair", "secretary", "member", "member"]):
        person = Person.objects.create(
            code=f"hdsk-tp-{n}", full_name=f"Thành viên Thành phố {n}", unit=office, gender="male"
        )
        council.members.create(person=person, role=role)
    return council


@pytest.fixture
def ward_people(demo):
    def people(code="phuong-hoang-liet"):
        return list(Person.objects.filter(unit__code=code).order_by("-code")[:3])

    return people


@pytest.fixture
def file_one(demo_user, ward_people, district):
    """A fresh draft of Hoàng Liệt's, filed by its officer."""

    def make(**changes):
        a, b, _ = ward_people()
        officer = demo_user("canbo.hoangliet")
        fields = dict(
            unit=officer.unit,
            council=district,
            year=2021,
            kind="sang_kien",
            name="Sổ theo dõi điện tử hộ kinh doanh",
            field="Kinh tế",
            problem="Theo dõi bằng sổ giấy.",
            content="Dùng bảng tính dùng chung.",
            first_applied_on=datetime.date(2021, 4, 1),
            effect="Giảm 30% thời gian tổng hợp.",
            influence="",
            authors=[services.AuthorShare(a, 60), services.AuthorShare(b, 40)],
            files=EVIDENCE,
        )
        fields.update(changes)
        return services.file_initiative(officer, **fields)

    return make
