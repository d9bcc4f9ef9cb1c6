"""An initiative from the unit's filing to the council's recognition, in the browser."""

from vinhdanh.initiatives.models import Initiative
from vinhdanh.org.models import Person
from vinhdanh.records.models import Initiative as RecordedInitiative


def _as(login, page, username):
    page.context.clear_cookies()
    return login(username)


def test_a_unit_files_and_the_council_scores_votes_and_recognises(login, site):
    a, b = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("-code")[:2]
    page = login("canbo.hoangliet")
    page.goto(f"{site}/initiatives/")
    page.get_by_test_id("file-initiative").click()
    page.fill("#id_year", "2021")
    page.fill("#id_name", "Bảng điều khiển số của tổ dân phố")
    page.fill("#id_field", "Chuyển đổi số")
    page.fill("#id_problem", "Thông tin tổ dân phố rời rạc.")
    page.fill("#id_content", "Một bảng điều khiển dùng chung cho các tổ trưởng.")
    page.fill("#id_first_applied_on", "2021-04-01")
    page.fill("#id_author_1", a.code)
    page.fill("#id_share_1", "70")
    page.fill("#id_author_2", b.code)
    page.fill("#id_share_2", "20")
    files = [
        {"name": "bao-cao.txt", "mimeType": "text/plain", "buffer": "Báo cáo\n".encode()},
        {"name": "xac-nhan.txt", "mimeType": "text/plain", "buffer": "Xác nhận\n".encode()},
    ]
    page.set_input_files("#id_files", files)
    page.get_by_test_id("save-initiative").click()
    errors = page.get_by_test_id("form-errors").inner_text()
    assert "Vui lòng nêu hiệu quả đạt được của sáng kiến." in errors
    assert "phải bằng 100% (hiện là 90%)" in errors
    page.fill("#id_effect", "Tổ trưởng nắm tình hình trong ngày thay vì một tuần.")
    page.fill("#id_share_2", "30")
    page.set_input_files("#id_files", files)
    page.get_by_test_id("save-initiative").click()
    assert page.get_by_test_id("initiative-state").inner_text() == "Dự thảo"
    assert "xac-nhan.txt" in page.get_by_test_id("initiative-evidence").inner_text()
    page.get_by_test_id("action-submit").get_by_role("button").click()
    assert page.get_by_test_id("initiative-state").inner_text() == "Đã gửi Hội đồng"
    url = page.url

    page = _as(login, page, "thuongtruc")
    page.goto(url)
    page.get_by_test_id("action-start_review").get_by_role("button").click()
    assert page.get_by_test_id("initiative-state").inner_text() == "Hội đồng đang xét"
    form = page.get_by_test_id("score-form")
    form.locator("#score-c_tinh_moi").fill("40")
    form.locator("#score-c_kha_nang_ap_dung").fill("20")
    form.locator("#score-c_hieu_qua").fill("25")
    form.locator("#score-c_pham_vi_anh_huong").fill("10")
    form.get_by_role("button").click()
    assert "tối đa là 30, không nhận 40" in page.get_by_test_id("form-errors").inner_text()
    page.get_by_test_id("score-form").locator("#score-c_tinh_moi").fill("26")
    page.get_by_test_id("score-form").get_by_role("button").click()
    assert "81" in page.get_by_test_id("score-table").inner_text()
    vote = page.get_by_test_id("vote-form")
    vote.locator("#vote-meeting_on").fill("2021-11-20")
    vote.locator("#vote-present").fill("6")
    vote.locator("#vote-agree").fill("5")
    vote.get_by_role("button").click()
    assert "5/6 thành viên dự họp đồng ý" in page.get_by_test_id("vote-and-decision").inner_text()
    decision = page.get_by_test_id("recognise-form")
    decision.locator("#recognise-decision_number").fill("250/QĐ-UBND")
    decision.locator("#recognise-decision_date").fill("2021-11-25")
    decision.locator("#recognise-signer").fill("Nguyễn Quang Hiếu")
    decision.locator("#recognise-signer_title").fill("Chủ tịch")
    decision.get_by_role("button").click()
    assert page.get_by_test_id("initiative-state").inner_text() == "Đã công nhận"
    assert "Quyết định số 250/QĐ-UBND" in page.get_by_test_id("vote-and-decision").inner_text()
    assert (
        "Đã ghi: sáng kiến cơ sở, năm 2021"
        in page.get_by_test_id("initiative-authors").inner_text()
    )
    with page.expect_download() as download:
        page.get_by_test_id("decision-docx").click()
    assert download.value.suggested_filename.endswith(".docx")

    initiative = Initiative.objects.get(name="Bảng điều khiển số của tổ dân phố")
    assert set(
        RecordedInitiative.objects.filter(authorships__initiative=initiative).values_list(
            "person__code", "scope", "decision_number"
        )
    ) == {(a.code, "co_so", "250/QĐ-UBND"), (b.code, "co_so", "250/QĐ-UBND")}
