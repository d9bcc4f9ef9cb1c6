"""The signed-in user is read with the seat every page asks about, in one query."""

import pytest
from django.conf import settings

from vinhdanh.accounts.backends import SeatModelBackend

pytestmark = pytest.mark.django_db


def test_the_user_comes_with_the_unit_the_council_and_its_unit(
    demo_user, django_assert_num_queries
):
    user = demo_user("thuongtruc")
    with django_assert_num_queries(1):
        loaded = SeatModelBackend().get_user(user.pk)
        seat = (loaded.unit.name, loaded.council.name, loaded.council.unit.path)
    assert seat == (user.unit.name, user.council.name, user.council.unit.path)


def test_an_inactive_or_missing_user_is_nobody(demo_user):
    user = demo_user("canbo.hoangliet")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert SeatModelBackend().get_user(user.pk) is None
    assert SeatModelBackend().get_user(10**9) is None


def test_the_site_signs_in_through_it():
    assert "vinhdanh.accounts.backends.SeatModelBackend" in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS
