import pytest

from vinhdanh.org.models import Unit
from vinhdanh.org.selectors import people_for
from vinhdanh.org.tests.test_query_budgets import grow_people

pytestmark = pytest.mark.django_db


def test_the_people_list_counts_up_to_the_cap_and_says_so(demo_user, client, settings):
    grow_people(Unit.objects.get(code="phuong-hoang-liet"), "Lý Văn Đếm")(12)
    client.force_login(demo_user("thuongtruc"))
    settings.LIST_COUNT_CAP = 10
    body = client.get("/api/people/", {"q": "ly van dem"}).json()
    assert (body["count"], body["count_capped"]) == (10, True)
    settings.LIST_COUNT_CAP = 1000
    body = client.get("/api/people/", {"q": "ly van dem"}).json()
    matching = people_for(demo_user("thuongtruc"), "ly van dem").count()
    assert (body["count"], body["count_capped"]) == (matching, False)
    assert matching >= 12
