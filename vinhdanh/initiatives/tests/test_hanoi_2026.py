"""The Hà Nội 2026 chapter's initiatives: a ward's council with a round open, the city's
council holding the ward's proposal, and the district's council ended with the district."""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.audit.services import loading_seed_data
from vinhdanh.demo import hanoi_loader
from vinhdanh.initiatives.models import Initiative, InitiativeCouncil, InitiativeState

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hanoi")]


@pytest.fixture(scope="module")
def hanoi(django_db_setup, django_db_blocker):
    """The chapter loaded once for this module, in a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with loading_seed_data():
                hanoi_loader.load()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_the_district_council_ended_and_the_ward_has_its_own_with_a_round_open():
    district = InitiativeCouncil.objects.get(unit__code="hoang-mai")
    assert district.valid_to == datetime.date(2025, 7, 1)
    ward = InitiativeCouncil.objects.get(name="Hội đồng sáng kiến phường Định Công")
    assert ward.level == "co_so" and ward.members.count() == 4
    states = set(Initiative.objects.filter(council=ward).values_list("state", flat=True))
    assert {InitiativeState.UNDER_REVIEW, InitiativeState.SUBMITTED} <= states


def test_the_citys_office_finds_the_wards_proposal_in_its_inbox(demo_user):
    copy = Initiative.objects.get(council__unit__code="ha-noi")
    assert copy.state == InitiativeState.SUBMITTED
    assert copy.forwarded_from.state == InitiativeState.PROPOSED_UP
    client = Client()
    client.force_login(demo_user("thuongtruc.hanoi"))
    home = client.get(reverse("home:index")).content.decode()
    assert 'data-key="initiatives.submitted"' in home
    assert copy.name in element_text(home, testid="inbox")
    page = client.get(reverse("initiatives:initiative_detail", args=[copy.pk])).content.decode()
    assert 'data-testid="action-start_review"' in page
    assert "đề nghị công nhận ở cấp tỉnh, thành phố" in element_text(page, testid="travel-status")
    # The city does not read the ward's own drafts or its council's round.
    draft = Initiative.objects.filter(
        council__name__endswith="Định Công", state="submitted"
    ).first()
    response = client.get(reverse("initiatives:initiative_detail", args=[draft.pk]))
    assert response.status_code == 404
