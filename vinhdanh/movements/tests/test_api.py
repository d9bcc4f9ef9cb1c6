import pytest

from vinhdanh.movements.demo import MAIN

pytestmark = pytest.mark.django_db


def test_api_lists_only_what_the_user_may_see(client, demo_user):
    client.force_login(demo_user("canbo.hoangliet"))
    movements = client.get("/movements/api/movements/?year=2021").json()["results"]
    names = {m["name"] for m in movements}
    assert MAIN in names
    assert not any("dự thảo" in name for name in names)  # drafts stay with their author
    registrations = client.get("/movements/api/registrations/").json()["results"]
    assert registrations == []  # Hoàng Liệt has not registered in the demo
    client.force_login(demo_user("thuongtruc"))
    registrations = client.get("/movements/api/registrations/?state=approved").json()["results"]
    assert registrations and all(r["state"] == "approved" for r in registrations)
    proposals = client.get("/scoring/api/proposals/?year=2021").json()["results"]
    assert {p["title_code"] for p in proposals} == {"co_thi_dua_tinh", "bang_khen_tinh"}


def test_api_needs_sign_in(client):
    assert client.get("/movements/api/movements/").status_code in (401, 403)
