"""An exemplar from the ward's proposal to the public honour board: the officer proposes with a
photo and records the consent, the standing office verifies and publishes, and the public sees
the story and the photo on the board."""

from vinhdanh.exemplars.demo import placeholder_photo
from vinhdanh.exemplars.models import Exemplar


def _as(login, page, username):
    page.context.clear_cookies()
    return login(username)


def test_from_proposal_to_the_honour_board(login, site, tmp_path):
    photo = tmp_path / "cuu-nguoi.png"
    photo.write_bytes(placeholder_photo("Lê Thị Hoa"))
    page = login("canbo.hoangliet")
    page.goto(f"{site}/exemplars/")
    page.get_by_test_id("new-exemplar").click()
    form = page.get_by_test_id("exemplar-form")
    form.get_by_label("Tên cá nhân, tập thể").fill("Lê Thị Hoa")
    form.get_by_label("Tiêu đề").fill("Dập tắt đám cháy tại chung cư")
    form.get_by_label("Việc tốt, thành tích (đã làm gì)").fill(
        "Dùng bình chữa cháy dập tắt đám cháy ở tầng 12, đưa hai cháu nhỏ xuống an toàn."
    )
    form.get_by_label("Địa điểm").fill("Chung cư HH Linh Đàm")
    form.locator("input[name=photos]").set_input_files(str(photo))
    page.get_by_test_id("save-exemplar").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("exemplar-name").inner_text() == "Lê Thị Hoa"
    assert page.get_by_test_id("exemplar-photos").locator("img").count() == 1
    exemplar_url = page.url

    consent = page.get_by_test_id("exemplar-consent")
    consent.get_by_label("Đồng ý công bố tên và ảnh").check()
    consent.get_by_label("Người đồng ý").fill("Lê Thị Hoa")
    consent.get_by_label("Ngày đồng ý").fill("2021-11-02")
    consent.get_by_label("Hình thức").select_option("written")
    page.get_by_test_id("save-consent").click()
    page.wait_for_load_state()
    assert "Lê Thị Hoa đồng ý" in page.get_by_test_id("consent-given").inner_text()
    page.get_by_test_id("step-propose").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("exemplar-state").inner_text() == "Đã đề xuất"

    page = _as(login, page, "thuongtruc")
    page.goto(exemplar_url)
    page.get_by_test_id("step-verify").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("exemplar-state").inner_text() == "Đã xác minh"
    page.get_by_test_id("step-publish").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("exemplar-state").inner_text() == "Đã công bố"
    exemplar = Exemplar.objects.get(headline="Dập tắt đám cháy tại chung cư")
    assert exemplar.state == "published" and exemplar.consent_given

    page.context.clear_cookies()
    page.goto(f"{site}/exemplars/bang-vang/")
    page.get_by_test_id("board-councils").locator("a").first.click()
    page.wait_for_load_state()
    card = page.get_by_test_id("board-card").filter(has_text="Dập tắt đám cháy tại chung cư")
    assert "Lê Thị Hoa" in card.get_by_test_id("board-name").inner_text()
    assert "tầng 12" in card.get_by_test_id("board-story").inner_text()
    image = card.get_by_test_id("board-photo")
    image.wait_for()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 480
