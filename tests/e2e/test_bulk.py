"""Bulk work in a browser: the standing office ticks three dossiers on the list, asks to
announce them, sees on the confirmation page that one cannot (it is not appraised yet, and
why), confirms the two others, and reads the outcome per dossier."""

from vinhdanh.awards import services
from vinhdanh.awards.eligibility import prefilled_checklist
from vinhdanh.awards.models import Nomination, State
from vinhdanh.awards.tests.helpers import attach_all, new_draft


def _submitted(demo_user):
    nomination = new_draft(demo_user)
    attach_all(demo_user, nomination)
    services.submit_nomination(demo_user("canbo.hoangliet"), nomination)
    nomination.refresh_from_db()
    return nomination


def _appraised(demo_user):
    nomination = _submitted(demo_user)
    services.appraise_nomination(
        demo_user("thuongtruc"),
        nomination,
        passed=True,
        reasons="Đủ tiêu chuẩn.",
        confirmed={row["rule"]: True for row in prefilled_checklist(nomination)[0]},
    )
    nomination.refresh_from_db()
    return nomination


def test_a_bulk_announcement_shows_its_exception_then_announces_the_others(login, site, demo_user):
    first, second = _appraised(demo_user), _appraised(demo_user)
    not_yet = _submitted(demo_user)

    page = login("thuongtruc")
    page.goto(f"{site}/awards/?year=2021")
    for nomination in (first, second, not_yet):
        page.locator(f"input[name=nominations][value='{nomination.pk}']").check()
    page.get_by_test_id("bulk-announce").click()
    page.wait_for_load_state()

    summary = page.get_by_test_id("bulk-summary").inner_text()
    assert "2 trong 3 hồ sơ đã chọn thực hiện được." in summary
    exception = page.get_by_test_id(f"bulk-row-{not_yet.pk}").inner_text()
    assert "Không: Đang ở trạng thái “Đã gửi”: không thể “công khai lấy ý kiến”." in exception
    assert page.locator(f"input[name=nominations][value='{not_yet.pk}']").count() == 0
    for nomination in (first, second):
        assert page.locator(f"input[name=nominations][value='{nomination.pk}']").is_checked()
    page.locator("input[name=where]").fill("Bảng tin UBND phường")
    page.get_by_test_id("bulk-apply").click()
    page.wait_for_load_state()

    assert "Đã thực hiện 2 trong 2 hồ sơ." in page.get_by_test_id("bulk-done").inner_text()
    assert "Không chọn thực hiện" in page.get_by_test_id(f"bulk-outcome-{not_yet.pk}").inner_text()
    states = dict(
        Nomination.objects.filter(pk__in=[first.pk, second.pk, not_yet.pk]).values_list(
            "pk", "state"
        )
    )
    assert states == {
        first.pk: State.ANNOUNCED,
        second.pk: State.ANNOUNCED,
        not_yet.pk: State.SUBMITTED,
    }
    assert first.notices.get().where == "Bảng tin UBND phường"
