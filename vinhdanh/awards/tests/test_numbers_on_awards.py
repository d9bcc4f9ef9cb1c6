"""A vote's required share is written the Vietnamese way on the page: 66,7%, not 67%."""

import pytest
from django.urls import reverse

from vinhdanh.awards.models import CouncilVote, Nomination, State
from vinhdanh.org.models import CouncilMember

pytestmark = pytest.mark.django_db


def test_the_required_share_of_a_vote_keeps_its_decimal(client, demo_user):
    office = demo_user("thuongtruc")
    nomination = Nomination.objects.filter(
        state=State.VOTING, unit__path__startswith=office.council.unit.path
    ).first()
    council = CouncilMember.objects.filter(user__username="uyvien").first().council
    CouncilVote.objects.create(
        nomination=nomination,
        council=council,
        members_count=9,
        threshold="0.667",
        threshold_note="Hai phần ba",
    )
    client.force_login(office)
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "66,7% (Hai phần ba)" in html
