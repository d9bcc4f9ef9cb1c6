"""Each list of the app costs as many queries with 200 more rows as with 10: the staff's list
(office and ward), the inbox and card on the home page, the public board and its index."""

import itertools

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState
from vinhdanh.org.models import Council, Unit

pytestmark = pytest.mark.django_db
NUMBERS = itertools.count(1)


def _grow(state, *, consent=True, photos=True):
    ward = Unit.objects.get(code="phuong-hoang-liet")
    council = Council.objects.get(unit__code="hoang-mai")

    def grow(count):
        made = Exemplar.objects.bulk_create(
            Exemplar(
                council=council,
                unit=ward,
                year=2021,
                category="nguoi_tot",
                subject_kind="person",
                subject_name=f"Người thứ {n}",
                headline=f"Việc tốt {n}",
                story="Một việc tốt.",
                state=state,
                consent_given=consent,
                published_at=timezone.now(),
            )
            for n in itertools.islice(NUMBERS, count)
        )
        if photos:
            ExemplarPhoto.objects.bulk_create(
                ExemplarPhoto(exemplar=e, file="exemplars/photos/x.png", original_name="x.png",
                              kind="png")
                for e in made
            )  # fmt: skip

    return grow


def _client(demo_user, username):
    client = Client()
    client.force_login(demo_user(username))
    return client


@pytest.mark.parametrize("username", ["thuongtruc", "canbo.hoangliet"])
def test_the_list(demo_user, username):
    assert_flat(
        _client(demo_user, username),
        reverse("exemplars:exemplar_list"),
        _grow(ExemplarState.PROPOSED),
    )


def test_the_home_page_with_the_inbox(demo_user):
    assert_flat(_client(demo_user, "thuongtruc"), reverse("home:index"), _grow("proposed"))


def test_the_board(demo):
    council = Council.objects.get(unit__code="hoang-mai")
    response = assert_flat(
        Client(),
        reverse("exemplars:board", args=[council.pk]),
        _grow(ExemplarState.PUBLISHED),
        data={"year": 2021},
    )
    assert response.content.decode().count('data-testid="board-card"') == 12


def test_the_board_index(demo):
    assert_flat(Client(), reverse("exemplars:board_index"), _grow(ExemplarState.PUBLISHED))
