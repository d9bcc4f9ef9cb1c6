"""The cluster head's rights follow the head: appointing one on the page, rotating the year."""

import pytest
from django.urls import reverse

from vinhdanh.accounts.models import Membership, Role, User
from vinhdanh.audit.models import AuditEntry
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import cluster_year
from vinhdanh.scoring.models import SheetState

pytestmark = pytest.mark.django_db


@pytest.fixture
def cum1(demo):
    return Cluster.objects.get(year=2021, code="cum-1")


def _officer_of(unit) -> User:
    return User.objects.filter(unit=unit, role=Role.UNIT_OFFICER).order_by("pk").first()


def test_after_rotation_the_old_heads_home_no_longer_claims_the_cluster(cum1, demo_user, client):
    old_head = demo_user("cumtruong")
    assert cum1.head_id == old_head.unit_id
    new = cluster_year.rotate_cluster(demo_user("thuongtruc"), cum1, 2022)
    assert new.head_id != old_head.unit_id
    assert new.members.filter(pk=old_head.unit_id).exists()
    client.force_login(User.objects.get(pk=old_head.pk))
    home = client.get(reverse("home:index"))
    panel = [c.pk for c in home.context.get("headed_clusters", [])]
    assert new.pk not in panel
    html = home.content.decode()
    if "Cụm do đơn vị tôi làm cụm trưởng" in html:
        section = html.split("Cụm do đơn vị tôi làm cụm trưởng", 1)[1].split("</ul>", 1)[0]
        assert new.name not in section


def test_rotation_gives_the_new_head_the_rights_and_keeps_the_old_while_it_scores(cum1, demo_user):
    old_head = demo_user("cumtruong")
    new = cluster_year.rotate_cluster(demo_user("thuongtruc"), cum1, 2022)
    newcomer = User.objects.filter(unit=new.head).order_by("pk").first()
    assert newcomer is not None
    newcomer.refresh_from_db()
    assert newcomer.role == Role.CLUSTER_HEAD
    assert Membership.objects.filter(user=newcomer, unit=new.head, role=Role.CLUSTER_HEAD).exists()
    # The 2021 sheet is not finalised: the old head still reviews it.
    old_head.refresh_from_db()
    sheet = getattr(cum1, "criteria_sheet", None)
    if sheet is None or sheet.state != SheetState.FINALISED:
        assert old_head.role == Role.CLUSTER_HEAD


def test_the_office_appoints_a_head_on_the_page_and_the_rights_follow(cum1, demo_user, client):
    office = demo_user("thuongtruc")
    old_head = demo_user("cumtruong")
    member = cum1.members.exclude(pk=cum1.head_id).exclude(pk=cum1.deputy_id)
    unit = next(u for u in member.order_by("sort_key") if _officer_of(u) is not None)
    officer = _officer_of(unit)
    if (sheet := getattr(cum1, "criteria_sheet", None)) is not None:
        sheet.state = SheetState.FINALISED
        sheet.save(update_fields=["state"])
    client.force_login(office)
    page = client.get(reverse("scoring:cluster_year", args=[cum1.pk])).content.decode()
    assert 'data-testid="appoint-head"' in page
    response = client.post(
        reverse("scoring:cluster_appoint_head", args=[cum1.pk]), {"unit": unit.pk}
    )
    assert response.status_code == 302
    cum1.refresh_from_db()
    assert cum1.head_id == unit.pk
    officer.refresh_from_db()
    old_head.refresh_from_db()
    assert officer.role == Role.CLUSTER_HEAD
    assert old_head.role == Role.UNIT_OFFICER  # its only cluster is finalised
    assert AuditEntry.objects.filter(action="scoring.cluster.appoint_head").exists()
    assert AuditEntry.objects.filter(action="scoring.cluster_head.grant").exists()
    # The new head's officer now reviews the other members' cards of the cluster.
    client.force_login(officer)
    home = client.get(reverse("home:index"))
    assert [c.pk for c in home.context["headed_clusters"]] == [cum1.pk]


def test_appointing_is_the_offices_and_only_among_members(cum1, demo_user, client):
    outsider = Cluster.objects.get(year=2021, code="cum-2").members.first()
    client.force_login(demo_user("thuongtruc"))
    url = reverse("scoring:cluster_appoint_head", args=[cum1.pk])
    refused = client.post(url, {"unit": outsider.pk})
    assert "Cụm trưởng phải là một đơn vị thành viên của cụm." in refused.content.decode()
    member = cum1.members.exclude(pk=cum1.head_id).first()
    client.force_login(demo_user("cumtruong"))
    response = client.post(url, {"unit": member.pk})
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()
    cum1.refresh_from_db()
    assert cum1.head_id == demo_user("cumtruong").unit_id
