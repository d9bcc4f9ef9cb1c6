import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from vinhdanh.awards import services
from vinhdanh.awards.models import Nomination
from vinhdanh.scoring.selectors import proposals_for_year

pytestmark = pytest.mark.django_db


def test_cluster_proposals_become_draft_collective_nominations_once(demo_user):
    proposals = list(proposals_for_year(2021))
    assert proposals, "the demo votes leading units in cluster 2"
    office = demo_user("thuongtruc")
    drafted = services.draft_nominations_from_proposals(office, year=2021)
    assert {(n.collective, n.title.code) for n in drafted} == {
        (p.unit, p.title_code) for p in proposals
    }
    assert all(n.state == "draft" and n.person is None for n in drafted)
    assert "suy tôn" in drafted[0].achievements
    assert services.draft_nominations_from_proposals(office, year=2021) == []


def test_only_the_standing_office_drafts_from_proposals(demo_user, client):
    with pytest.raises(PermissionDenied):
        services.draft_nominations_from_proposals(demo_user("canbo.hoangliet"), year=2021)
    client.force_login(demo_user("thuongtruc"))
    before = Nomination.objects.count()
    response = client.post(reverse("awards:draft_from_proposals"), {"year": "2021"}, follow=True)
    assert "hồ sơ dự thảo từ kết quả suy tôn" in response.content.decode()
    assert Nomination.objects.count() == before + len(proposals_for_year(2021))
