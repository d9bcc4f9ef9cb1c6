import pytest

HOME_HEADINGS = {
    "admin": "Quản trị hệ thống",
    "thuongtruc": "Cơ quan thường trực Hội đồng",
    "uyvien": "Thành viên Hội đồng Thi đua - Khen thưởng",
    "chutich": "Lãnh đạo — Chủ tịch Hội đồng",
    "canbo.hoangliet": "Cán bộ thi đua, khen thưởng đơn vị",
    "cumtruong": "Cụm trưởng cụm thi đua",
}


@pytest.mark.parametrize(("username", "heading"), HOME_HEADINGS.items())
def test_each_role_signs_in_and_sees_its_home_page(login, username, heading):
    page = login(username)
    assert page.get_by_test_id("home-heading").inner_text() == heading


def test_unit_officer_home_shows_their_ward(login):
    page = login("canbo.hoangliet")
    assert "Phường Hoàng Liệt" in page.locator("main").inner_text()


def test_searching_without_accents_finds_the_ward(login, site):
    page = login("thuongtruc")
    page.fill("input[name=q]", "hoang liet")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=hoang+liet")
    results = page.get_by_test_id("unit-results")
    assert "Phường Hoàng Liệt" in results.inner_text()
    results.get_by_text("Phường Hoàng Liệt").click()
    assert page.locator("h1").inner_text() == "Phường Hoàng Liệt"


def test_people_live_search_narrows_the_list(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/org/people/")
    page.fill("#people-search", "nguyen minh tam")
    page.wait_for_function("() => document.querySelectorAll('#people-table tbody tr').length === 1")
    assert "Nguyễn Minh Tâm" in page.locator("#people-table").inner_text()


def test_wrong_password_is_refused_in_vietnamese(page, site):
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "sai-mat-khau")
    page.click("button[type=submit]")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.locator("main").inner_text()
