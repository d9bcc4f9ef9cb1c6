"""The upward flow in a browser: a ward sends a dossier up, the city decides, the ward sees it."""

import re

from vinhdanh.awards.models import Nomination, State
from vinhdanh.awards.tests.two_levels import build, through_the_council, voted_at_the_ward
from vinhdanh.demo.hoang_mai_2021 import DEMO_PASSWORD


def _step(page, action, **fields):
    form = page.get_by_test_id(f"step-{action}")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button").first.click()
    page.wait_for_load_state()


def _as(page, login, username):
    page.context.clear_cookies()
    return login(username)


def test_a_ward_dossier_goes_to_the_city_and_its_decision_comes_back(login, site):
    levels = build()
    for user in (levels.ward_office, levels.city_office, levels.city_chair):
        user.set_password(DEMO_PASSWORD)
        user.save()
    original = voted_at_the_ward(levels)
    original_url = f"{site}/awards/{original.pk}/"

    page = login(levels.ward_office.username)
    page.goto(original_url)
    # The council above is offered first: the nearest ancestor unit with a council.
    chosen = page.get_by_test_id("step-forward").locator("select[name=to_council]")
    assert chosen.input_value() == str(levels.city.pk)
    _step(page, "forward", letter_number="15/TTr-UBND")
    assert "Đã trình cấp trên" in page.get_by_test_id("state").inner_text()
    assert levels.city.name in page.get_by_test_id("travel-status").inner_text()

    page = _as(page, login, levels.city_office.username)
    page.goto(f"{site}/awards/inbox/")
    received = page.get_by_test_id("received-dossier")
    assert levels.person.full_name in received.inner_text()
    received.locator("a").click()
    page.wait_for_url(re.compile(r".*/awards/\d+/$"))
    assert f"Hồ sơ do {levels.ward.name} trình" in page.get_by_test_id("travel-status").inner_text()
    copy = Nomination.objects.get(forwarded_from=original)
    through_the_council(copy, levels.city_office)

    page = _as(page, login, levels.city_chair.username)
    page.goto(f"{site}/awards/{copy.pk}/")
    _step(page, "decide")
    assert "Đã có quyết định" in page.get_by_test_id("state").inner_text()

    page = _as(page, login, levels.ward_office.username)
    page.goto(original_url)
    original.refresh_from_db()
    assert original.state == State.DECIDED
    status = page.get_by_test_id("travel-status").inner_text()
    assert f"Quyết định {original.decision.reference}" in status
    assert "Đã có quyết định" in page.get_by_test_id("state").inner_text()
