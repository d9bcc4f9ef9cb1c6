import datetime

import pytest

from vinhdanh.exemplars import services
from vinhdanh.exemplars.demo import placeholder_photo
from vinhdanh.org.models import Person, Unit


@pytest.fixture
def officer(demo_user):
    return demo_user("canbo.hoangliet")


@pytest.fixture
def other_officer(demo_user):
    return demo_user("canbo.dinhcong")


@pytest.fixture
def office(demo_user):
    return demo_user("thuongtruc")


@pytest.fixture
def ward():
    return Unit.objects.get(code="phuong-hoang-liet")


@pytest.fixture
def resident(ward):
    return Person.objects.filter(unit=ward).order_by("code")[10]


@pytest.fixture
def png():
    return placeholder_photo("Nguyễn Văn A")


@pytest.fixture
def make(officer, ward, resident):
    """A draft exemplar of Hoàng Liệt about one of its residents."""

    def make(**extra):
        fields = {
            "year": 2021,
            "category": "nguoi_tot",
            "subject_kind": "person",
            "subject_name": "",
            "person": resident,
            "headline": "Trả lại tài sản nhặt được",
            "story": "Nhặt được điện thoại và trả lại người đánh rơi.",
            "happened_on": datetime.date(2021, 5, 4),
        } | extra
        return services.create_exemplar(officer, unit=ward, **fields)

    return make
