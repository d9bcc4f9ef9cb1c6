"""A nomination from the unit's draft to the verified certificate, through the browser."""

import re

from tests.e2e.conftest import choose
from tests.e2e.steps import sign_in_as, step, through_the_council
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.models import AwardBasis, Certificate, Nomination, Title
from vinhdanh.org.models import Person


def test_nomination_from_draft_to_verified_certificate(login, site, tmp_path):
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("-code").first()
    title = Title.objects.get(code="giay_khen")
    basis = AwardBasis.objects.get(code="thuong_xuyen")
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(DEMO_PDF)

    page = login("canbo.hoangliet")
    page.goto(f"{site}/awards/new/")
    choose(page, "#id_person", person)
    page.select_option("#id_title", str(title.pk))
    page.select_option("#id_basis", str(basis.pk))
    page.fill("#id_year", "2021")
    page.fill("#id_achievements", "Hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào.")
    page.get_by_test_id("nomination-form").locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/awards/\d+/$"))
    nomination_url = page.url
    nomination = Nomination.objects.get(pk=int(nomination_url.rstrip("/").split("/")[-1]))
    assert "Báo cáo thành tích" in page.get_by_test_id("missing").inner_text()

    for code in ("bao_cao_thanh_tich", "bien_ban_binh_xet"):
        upload = page.get_by_test_id("upload-form")
        upload.locator("select[name=component]").select_option(code)
        upload.locator("input[type=file]").set_input_files(str(report))
        upload.locator("button").click()
        page.wait_for_load_state()
    assert page.get_by_test_id("missing").count() == 0
    step(page, "submit")
    assert "Đã gửi" in page.get_by_test_id("state").inner_text()

    page = sign_in_as(page, login, "thuongtruc")
    page.goto(nomination_url)
    step(page, "return", note="Bổ sung chữ ký trên biên bản bình xét.")
    assert "Trả lại" in page.get_by_test_id("state").inner_text()

    page = sign_in_as(page, login, "canbo.hoangliet")
    page.goto(nomination_url)
    upload = page.get_by_test_id("upload-form")
    upload.locator("select[name=component]").select_option("bien_ban_binh_xet")
    upload.locator("input[type=file]").set_input_files(str(report))
    upload.locator("button").click()
    page.wait_for_load_state()
    step(page, "resubmit", note="Đã bổ sung chữ ký.")
    assert "Đã gửi" in page.get_by_test_id("state").inner_text()

    page = sign_in_as(page, login, "thuongtruc")
    page.goto(nomination_url)
    through_the_council(page)

    page = sign_in_as(page, login, "chutich")
    page.goto(nomination_url)
    # The district could sign in 2021; since 01/07/2025 it may not (who confers what).
    step(page, "decide", signed_on="2021-12-20")
    assert "Đã có quyết định" in page.get_by_test_id("state").inner_text()
    certificate = Certificate.objects.get(nomination=nomination)

    page.context.clear_cookies()  # the public check needs no account
    page.goto(f"{site}/awards/verify/{certificate.token}/")
    assert page.get_by_test_id("verify-status").inner_text() == "Giấy chứng nhận hợp lệ"
    assert page.get_by_test_id("verify-name").inner_text() == person.full_name
    assert page.get_by_test_id("verify-decision").inner_text() == certificate.decision.reference


def test_printing_a_decisions_certificates_shows_progress_then_the_file(login, site):
    from vinhdanh.awards.models import Decision

    decision = Decision.objects.filter(number__isnull=False).first()
    page = login("thuongtruc")
    page.goto(f"{site}/awards/decisions/{decision.pk}/")
    page.get_by_test_id("print-all").click()
    page.wait_for_url(re.compile(r".*/awards/print/\d+/$"))
    progress = page.get_by_test_id("print-progress")
    assert progress.locator(".progress").count() == 1
    download = page.get_by_test_id("print-download")
    download.wait_for()
    assert progress.locator("[role=progressbar]").get_attribute("aria-valuenow") == "100"


def test_a_stale_page_shows_the_conflict_message(login, site, browser):
    nomination = Nomination.objects.filter(state="submitted").first()
    page = login("thuongtruc")
    page.goto(f"{site}/awards/{nomination.pk}/")
    other = browser.new_context(locale="vi-VN").new_page()
    other.goto(f"{site}/accounts/login/")
    other.fill("#id_username", "admin")
    other.fill("#id_password", "vinhdanh2021")
    other.click("button[type=submit]")
    other.wait_for_url(f"{site}/")
    other.goto(f"{site}/awards/{nomination.pk}/")
    step(other, "return", note="Bổ sung hồ sơ.")
    other.context.close()
    step(page, "return", note="Thiếu biên bản.")
    assert "người khác thay đổi" in page.locator("main").inner_text()
