"""The standing office plans the council's fund, sees what the decisions spent and what
remains, and downloads the revocation decision of the demo's revoked award."""

from vinhdanh.awards.models import FundEntry, Revocation


def test_the_office_plans_the_fund_and_sees_what_remains(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/awards/fund/?year=2021")
    assert "Quỹ thi đua, khen thưởng năm 2021" in page.get_by_test_id("fund-heading").inner_text()
    form = page.get_by_test_id("fund-plan-form")
    form.locator("input[name=planned]").fill("hai triệu")
    form.get_by_test_id("fund-plan-save").click()
    assert "Số tiền không hợp lệ" in page.get_by_test_id("fund-plan-form").inner_text()
    form = page.get_by_test_id("fund-plan-form")
    form.locator("input[name=planned]").fill("1.000.000")
    form.get_by_test_id("fund-plan-save").click()
    assert page.get_by_test_id("fund-planned").inner_text().strip() == "1.000.000 đ"
    entries = FundEntry.objects.filter(year=2021)
    spent = sum(e.amount for e in entries if e.kind == "bonus")
    back = sum(e.amount for e in entries if e.kind == "return")
    remaining = 1_000_000 - spent + back
    shown = page.get_by_test_id("fund-remaining").inner_text().replace(".", "").replace("đ", "")
    assert int(shown.strip()) == remaining
    if remaining < 0:
        assert page.get_by_test_id("fund-overspent").is_visible()


def test_the_revocation_decision_is_downloaded_from_the_decision_page(login, site):
    revocation = Revocation.objects.first()
    page = login("thuongtruc")
    page.goto(f"{site}/awards/decisions/{revocation.decision_id}/")
    assert revocation.reference in page.get_by_test_id("revocations").inner_text()
    with page.expect_download() as download:
        page.get_by_test_id("revocation-docx").first.click()
    assert download.value.suggested_filename.startswith("quyet-dinh-thu-hoi-")
