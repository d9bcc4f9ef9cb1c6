"""An inspection from the plan to the signed minutes, in the browser."""

from docx import Document

from vinhdanh.accounts.models import User
from vinhdanh.inspections.models import FollowUp, Visit
from vinhdanh.org.models import Unit


def test_the_office_plans_inspects_and_signs_the_minutes(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/inspections/new/")
    page.fill("#id_title", "Kiểm tra công tác thi đua, khen thưởng cuối năm 2021")
    page.fill("#id_year", "2021")
    page.fill("#id_checklist", "Ban hành kế hoạch năm\nLưu trữ hồ sơ khen thưởng")
    page.get_by_test_id("plan-form").locator("button[type=submit]").click()
    assert page.get_by_test_id("plan-state").inner_text() == "Dự thảo"
    assert page.get_by_test_id("checklist").locator("li").count() == 2

    office = User.objects.get(username="thuongtruc")
    member = User.objects.get(username="uyvien")
    team_form = page.get_by_test_id("team-form")
    team_form.locator("[name=name]").fill("Đoàn kiểm tra cuối năm")
    team_form.locator("[name=leader]").select_option(str(office.pk))
    team_form.locator("[name=members]").select_option([str(member.pk)])
    team_form.locator("button[type=submit]").click()

    ward = Unit.objects.get(code="phuong-dai-kim")
    visit_form = page.get_by_test_id("visit-form")
    visit_form.locator("[name=unit]").select_option(str(ward.pk))
    visit_form.locator("[name=team]").select_option(label="Đoàn kiểm tra cuối năm")
    visit_form.locator("[name=scheduled_on]").fill("2021-11-10")
    visit_form.locator("button[type=submit]").click()
    page.get_by_test_id("issue-plan").click()
    assert page.get_by_test_id("plan-state").inner_text() == "Đã ban hành"

    page.get_by_test_id("visits").get_by_role("link", name="Phường Đại Kim").click()
    sheet = page.get_by_test_id("findings-form")
    selects = sheet.locator("select")
    selects.nth(0).select_option("met")
    selects.nth(1).select_option("not_met")
    sheet.locator("textarea[name$=_evidence]").nth(0).fill("Kế hoạch số 10/KH-UBND ngày 15/01/2021")
    page.get_by_test_id("save-findings").click()
    # The second row has neither evidence nor a remark: the sheet says so and keeps nothing.
    assert "cần bổ sung" in page.content()
    sheet = page.get_by_test_id("findings-form")
    sheet.locator("textarea[name$=_evidence]").nth(1).fill("Sổ theo dõi khen thưởng 2021")
    sheet.locator("textarea[name$=_note]").nth(1).fill("Hồ sơ năm 2020 chưa lưu đủ.")
    page.get_by_test_id("save-findings").click()
    assert "Đã lưu kết quả 2 nội dung" in page.content()

    follow_up = page.get_by_test_id("follow-up-form")
    follow_up.locator("[name=text]").fill("Bổ sung hồ sơ khen thưởng năm 2020")
    follow_up.locator("[name=due_on]").fill("2021-12-15")
    follow_up.locator("button[type=submit]").click()
    page.fill("textarea[name=conclusion]", "Phường thực hiện cơ bản tốt; còn tồn tại về lưu hồ sơ.")
    page.get_by_test_id("conduct-visit").click()
    assert page.get_by_test_id("visit-state").inner_text() == "Đã kiểm tra"
    page.fill("input[name=unit_representative]", "Trần Văn Bình, Phó Chủ tịch UBND phường")
    page.get_by_test_id("sign-minutes").click()
    assert page.get_by_test_id("visit-state").inner_text() == "Đã ký biên bản"

    with page.expect_download() as download:
        page.get_by_test_id("minutes-docx").click()
    minutes = Document(download.value.path())
    text = "\n".join(p.text for p in minutes.paragraphs)
    tables = "\n".join(c.text for t in minutes.tables for r in t.rows for c in r.cells)
    assert "BIÊN BẢN KIỂM TRA" in text and "tại Phường Đại Kim" in text
    assert "Bổ sung hồ sơ khen thưởng năm 2020 (hạn hoàn thành: 15/12/2021)" in text
    assert "Hồ sơ năm 2020 chưa lưu đủ." in tables and "Trần Văn Bình" in tables

    visit = Visit.objects.get(unit=ward, plan__title__startswith="Kiểm tra công tác")
    assert visit.signed_at is not None
    assert FollowUp.objects.get(visit=visit).state == "open"
