import datetime

import pytest
from django.utils import timezone

from vinhdanh.org.models import Council, Unit
from vinhdanh.training import services


@pytest.fixture
def council(demo):
    return Council.objects.get(unit__code="hoang-mai")


@pytest.fixture
def wards(demo):
    return {
        code: Unit.objects.get(code=code)
        for code in ("phuong-hoang-liet", "phuong-dinh-cong", "phuong-dai-kim")
    }


@pytest.fixture
def make_session(demo_user, council, wards):
    """A draft session a week ahead, inviting Hoàng Liệt and Định Công."""

    def make(**fields):
        start = timezone.now() + datetime.timedelta(days=7)
        values = {
            "title": "Tập huấn nghiệp vụ thi đua, khen thưởng",
            "year": start.year,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=3),
            "place": "Hội trường UBND quận",
            "capacity": 5,
            **fields,
        }
        invited = values.pop(
            "invited_units", [wards["phuong-hoang-liet"], wards["phuong-dinh-cong"]]
        )
        return services.create_session(
            demo_user("thuongtruc"), council=council, invited_units=invited, **values
        )

    return make
