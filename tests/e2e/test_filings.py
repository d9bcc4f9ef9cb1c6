"""An online filing from the public form to a draft nomination (issue 17, item 7): a citizen
files with an attachment, the office asks for more, the citizen looks the filing up by code
and second factor and supplements it, the office accepts it into a nomination."""

from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.models import Nomination, Title
from vinhdanh.filings.models import Filing
from vinhdanh.org.models import Person

from .conftest import choose


def _files(tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(DEMO_PDF)
    return str(path)


def test_a_citizen_files_online_and_the_office_makes_a_nomination_of_it(
    page, site, login, tmp_path
):
    page.goto(f"{site}/filings/nop/")
    page.get_by_test_id("filing-kinds").get_by_text("người tốt, việc tốt").click()
    assert "Thông báo về dữ liệu cá nhân" in page.get_by_test_id("filing-privacy").inner_text()
    page.get_by_label("Họ và tên người nộp").fill("Phạm Thu Hà")
    page.get_by_label("Số điện thoại").fill("0913 246 810")
    page.get_by_label("Địa chỉ liên hệ").fill("Phường Hoàng Liệt")
    page.get_by_label("Gửi tới Hội đồng").select_option(
        label="Hội đồng Thi đua - Khen thưởng quận Hoàng Mai"
    )
    page.get_by_label("Tiêu đề").fill("Ông Nam cứu cháu bé khỏi đám cháy")
    page.get_by_label("Nội dung đề nghị").fill("Ông Nam đã cứu một cháu bé trong đám cháy.")
    page.get_by_label("Đơn đề nghị").set_input_files(_files(tmp_path, "don.pdf"))
    page.get_by_label("Tôi đồng ý").check()
    page.get_by_test_id("filing-submit").click()
    code = page.get_by_test_id("filing-code").inner_text()
    assert "Đã nhận hồ sơ" in page.get_by_test_id("filing-received").inner_text()
    assert page.get_by_test_id("filing-state").inner_text() == "Đã tiếp nhận"
    filing = Filing.objects.get(code=code.replace("-", ""))

    page.context.clear_cookies()
    login("thuongtruc")
    page.goto(f"{site}/filings/?state=open")
    page.get_by_test_id("filing-table").get_by_text(code).click()
    assert "Hạn trả lời" in page.get_by_test_id("filing-due").inner_text()
    more = page.get_by_test_id("more-form")
    more.get_by_label("Nội dung cần bổ sung").fill("Gửi thêm xác nhận của tổ dân phố.")
    more.get_by_role("button").click()
    assert page.get_by_test_id("filing-state").inner_text() == "Yêu cầu bổ sung"

    page.context.clear_cookies()
    page.goto(f"{site}/filings/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(code.lower())
    page.get_by_label("4 ký tự cuối").fill("6810")
    page.get_by_role("button", name="Tra cứu").click()
    assert "tổ dân phố" in page.get_by_test_id("more-reason").inner_text()
    supplement = page.get_by_test_id("supplement-form")
    supplement.get_by_label("Nội dung bổ sung").fill("Xin gửi xác nhận.")
    supplement.get_by_label("Giấy tờ bổ sung").set_input_files(
        [_files(tmp_path, "xac-nhan.pdf"), _files(tmp_path, "anh.pdf")]
    )
    supplement.get_by_role("button", name="Gửi bổ sung").click()
    assert page.get_by_test_id("filing-state").inner_text() == "Đã bổ sung"

    page.context.clear_cookies()
    login("thuongtruc")
    page.goto(f"{site}/filings/{filing.pk}/")
    accept = page.get_by_test_id("accept-form")
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("code").first()
    choose(page, "#accept_person", person)
    title = Title.objects.get(code="giay_khen")
    accept.get_by_label("Danh hiệu, hình thức").select_option(value=str(title.pk))
    accept.get_by_label("Loại hình khen thưởng").select_option(
        value=str(title.award_bases.first().pk)
    )
    accept.get_by_label("Năm").fill("2021")
    page.get_by_test_id("accept-submit").click()
    page.wait_for_url(f"{site}/awards/*/")
    nomination = Nomination.objects.get(online_filing__code=filing.code)
    assert page.url.endswith(f"/awards/{nomination.pk}/")
    assert nomination.state == "draft" and nomination.person == person
    assert nomination.attachments.count() == 3
