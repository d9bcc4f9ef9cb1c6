"""The office sees a dossier waiting in "Việc cần làm" on its home page and follows the link."""

import re

from vinhdanh.awards.models import Nomination, State, Title
from vinhdanh.org.models import Person


def test_the_office_follows_a_waiting_dossier_from_its_inbox(login, site):
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("-code").first()
    title = Title.objects.get(code="giay_khen")
    nomination = Nomination.objects.create(
        unit=person.unit,
        person=person,
        title=title,
        basis=title.award_bases.get(code="thuong_xuyen"),
        year=2021,
        achievements="Dẫn đầu phong trào thi đua của phường.",
        state=State.SUBMITTED,
    )
    # The group shows the longest waiting first; past its first items, the dossier is
    # reached through the group's full list.
    page = login("thuongtruc")
    page.goto(f"{site}/")
    inbox = page.get_by_test_id("inbox")
    assert "Việc cần làm" in inbox.inner_text()
    group = inbox.locator("[data-key='awards.appraise']")
    assert "Hồ sơ chờ thẩm định" in group.inner_text()
    link = group.locator(f"a[href='/awards/{nomination.pk}/']")
    if link.count() == 0:
        group.get_by_text("Xem tất cả").click()
        page.wait_for_url(re.compile(r".*/awards/\?state=submitted"))
        link = page.locator(f"a[href='/awards/{nomination.pk}/']").first
    link.click()
    page.wait_for_url(re.compile(rf".*/awards/{nomination.pk}/$"))
    assert page.get_by_test_id("step-appraise").count() == 1
