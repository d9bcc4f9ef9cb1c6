import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def labels(client):
    return {card.label: card for card in client.get(reverse("home:index")).context["work_cards"]}


def test_each_role_sees_the_work_waiting_for_it(demo_user, client):
    client.force_login(demo_user("thuongtruc"))
    office = labels(client)
    assert "Hồ sơ chờ thẩm định" in office and "Nhiệm vụ kế hoạch quá hạn" in office
    assert office["Nhiệm vụ kế hoạch quá hạn"].value > 0
    client.force_login(demo_user("uyvien"))
    assert "Hồ sơ chờ Hội đồng biểu quyết" in labels(client)
    client.force_login(demo_user("chutich"))
    assert "Hồ sơ chờ quyết định" in labels(client)
    client.force_login(demo_user("canbo.hoangliet"))
    officer = labels(client)
    assert "Hồ sơ bị trả lại cần bổ sung" in officer
    assert "Nhiệm vụ đơn vị chủ trì quá hạn" in officer
    assert "Hồ sơ chờ thẩm định" not in officer


def test_a_card_counts_only_what_the_user_may_see(demo_user, client):
    from vinhdanh.awards.models import Nomination

    client.force_login(demo_user("canbo.hoangliet"))
    drafts = labels(client)["Hồ sơ dự thảo chưa gửi"].value
    own_unit = demo_user("canbo.hoangliet").unit
    assert (
        drafts
        == Nomination.objects.filter(state="draft", unit__path__startswith=own_unit.path).count()
    )
