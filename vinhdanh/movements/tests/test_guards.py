"""A movement's year stays in range and its registration deadline within the movement,
on the service and on the form; launching asks for confirmation first."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vinhdanh.movements import services
from vinhdanh.movements.models import Movement
from vinhdanh.org.models import Unit

pytestmark = pytest.mark.django_db


def _fields(**changes):
    return {
        "name": "Thi đua chào mừng Đại hội",
        "kind": "campaign",
        "year": 2021,
        "starts_on": datetime.date(2021, 3, 1),
        "ends_on": datetime.date(2021, 6, 30),
        "launched_by": Unit.objects.get(code="hoang-mai"),
        "target_units": [Unit.objects.get(code="phuong-hoang-liet")],
        **changes,
    }


def test_a_year_out_of_range_is_refused_by_the_service(demo_user):
    with pytest.raises(ValidationError) as refused:
        services.create_movement(demo_user("thuongtruc"), **_fields(year=99999))
    assert "Năm 99999 không hợp lệ" in " ".join(refused.value.message_dict["year"])
    assert not Movement.objects.filter(year=99999).exists()


def test_a_registration_deadline_after_the_end_is_refused(demo_user):
    office = demo_user("thuongtruc")
    with pytest.raises(ValidationError) as refused:
        services.create_movement(office, **_fields(registration_deadline=datetime.date(2021, 7, 1)))
    assert refused.value.message_dict["registration_deadline"] == [
        "Hạn đăng ký (01/07/2021) sau ngày kết thúc phong trào (30/06/2021)."
    ]
    movement = services.create_movement(
        office, **_fields(registration_deadline=datetime.date(2021, 6, 30))
    )
    with pytest.raises(ValidationError):
        services.update_movement(office, movement, ends_on=datetime.date(2021, 6, 1))
    movement.refresh_from_db()
    assert movement.ends_on == datetime.date(2021, 6, 30)


def test_the_form_says_so_in_vietnamese(client, demo_user):
    client.force_login(demo_user("thuongtruc"))
    data = {
        "name": "Thử",
        "kind": "campaign",
        "year": "99999",
        "launched_by": Unit.objects.get(code="hoang-mai").pk,
        "starts_on": "2021-03-01",
        "ends_on": "2021-06-30",
        "registration_deadline": "2021-08-01",
        "target_units": [Unit.objects.get(code="phuong-hoang-liet").pk],
    }
    text = client.post(reverse("movements:movement_create"), data).content.decode()
    assert "Nhập năm từ 1945 đến 2100." in text
    data["year"] = "2021"
    text = client.post(reverse("movements:movement_create"), data).content.decode()
    assert "Hạn đăng ký (01/08/2021) sau ngày kết thúc phong trào (30/06/2021)." in text
    assert not Movement.objects.filter(name="Thử").exists()


def test_launching_asks_for_confirmation(client, demo_user):
    office = demo_user("thuongtruc")
    movement = services.create_movement(office, **_fields())
    client.force_login(office)
    page = client.get(reverse("movements:movement_detail", args=[movement.pk])).content.decode()
    assert "data-confirm=" in page.split('data-testid="launch-button"')[0].rsplit("<form", 1)[1]
