import datetime

import pytest

from vinhdanh.inspections import services
from vinhdanh.org.models import Council, Unit


@pytest.fixture
def council(demo):
    return Council.objects.get(unit__code="hoang-mai")


@pytest.fixture
def ward(demo):
    return Unit.objects.get(code="phuong-dai-kim")


@pytest.fixture
def issued_visit(demo_user, council, ward):
    """An issued plan of three checklist items with one visit to Đại Kim, led by the office;
    the council member is on the team."""
    office = demo_user("thuongtruc")
    plan = services.create_plan(
        office,
        council=council,
        title="Kiểm tra thử",
        year=2021,
        checklist=["Ban hành kế hoạch", "Phát động phong trào", "Lưu hồ sơ khen thưởng"],
    )
    team = services.add_team(
        office, plan, name="Đoàn 1", leader=office, members=[demo_user("uyvien")]
    )
    visit = services.schedule_visit(
        office, plan, unit=ward, team=team, scheduled_on=datetime.date(2021, 7, 15)
    )
    services.issue_plan(office, plan)
    visit.refresh_from_db()
    return visit


def rows(visit, *results, evidence="Đã xem kế hoạch số 12/KH-UBND", note="Chưa đầy đủ"):
    return [
        services.FindingInput(item=item, result=result, evidence=evidence, note=note)
        for item, result in zip(visit.plan.items.all(), results, strict=False)
    ]
