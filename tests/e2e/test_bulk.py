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


def test_launching_a_movement_asks_first_and_cancel_sends_nothing(login, site, demo_user):
    import datetime

    from vinhdanh.movements import services as movements
    from vinhdanh.movements.models import Movement
    from vinhdanh.org.models import Unit

    movement = movements.create_movement(
        demo_user("thuongtruc"),
        name="Thi đua chào mừng Đại hội",
        kind="campaign",
        year=2021,
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2021, 6, 30),
        launched_by=Unit.objects.get(code="hoang-mai"),
        target_units=[Unit.objects.get(code="phuong-hoang-liet")],
    )
    page = login("thuongtruc")
    page.goto(f"{site}/movements/{movement.pk}/")
    # "Cancel": nothing is sent, the movement stays a draft.
    page.remove_listener("dialog", page.accept_dialogs)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_test_id("launch-button").click()
    page.wait_for_timeout(500)
    assert Movement.objects.get(pk=movement.pk).status == "draft"
    page.on("dialog", page.accept_dialogs)
    page.get_by_test_id("launch-button").click()
    page.get_by_text("Đã phát động phong trào").first.wait_for()
    assert page.confirmations == [
        "Phát động phong trào? Phong trào được gửi tới các đơn vị và không sửa được nữa."
    ]
    assert Movement.objects.get(pk=movement.pk).status == "launched"
