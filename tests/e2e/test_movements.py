import datetime

from vinhdanh.accounts.models import User
from vinhdanh.movements.demo import MAIN
from vinhdanh.movements.models import Movement, Registration
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import services


def _as(login, page, username):
    page.context.clear_cookies()
    return login(username)


def _open_own_registration(page, site):
    page.goto(f"{site}/movements/")
    page.get_by_test_id("movement-table").get_by_text(MAIN).click()


def test_unit_registers_office_returns_then_approves(login, site):
    page = login("canbo.hoangliet")
    _open_own_registration(page, site)
    page.get_by_test_id("register-button").click()
    page.get_by_label("Tập thể lao động xuất sắc").check()
    page.locator("input[name=person_title]").first.check()
    page.get_by_test_id("save-and-submit").click()
    assert page.get_by_test_id("registration-state").inner_text() == "Đã gửi"
    registration_url = page.url

    page = _as(login, page, "thuongtruc")
    page.goto(f"{site}/movements/{Movement.objects.get(name=MAIN).pk}/")
    overview = page.get_by_test_id("registration-overview")
    assert "Chưa đăng ký" in overview.inner_text()
    page.goto(registration_url)
    page.get_by_test_id("return-reason-input").fill("Bổ sung danh hiệu Chiến sĩ thi đua cơ sở.")
    page.get_by_test_id("return-button").click()
    assert page.get_by_test_id("registration-state").inner_text() == "Trả lại để bổ sung"

    page = _as(login, page, "canbo.hoangliet")
    page.goto(registration_url)
    assert "Chiến sĩ thi đua cơ sở" in page.get_by_test_id("return-reason").inner_text()
    page.locator("input[name=person_title][value$=':chien_si_thi_dua_co_so']").first.check()
    page.get_by_test_id("save-and-submit").click()
    assert page.get_by_test_id("registration-state").inner_text() == "Đã gửi"

    page = _as(login, page, "thuongtruc")
    page.goto(registration_url)
    page.get_by_test_id("approve-button").click()
    assert page.get_by_test_id("registration-state").inner_text() == "Đã duyệt"
    registration = Registration.objects.get(movement__name=MAIN, unit__code="phuong-hoang-liet")
    assert set(registration.entries.values_list("title", flat=True)) >= {
        "tap_the_lao_dong_xuat_sac",
        "chien_si_thi_dua_co_so",
    }


def test_cluster_head_reviews_scores_and_the_ranking_appears(login, site):
    cluster = Cluster.objects.get(year=2021, code="cum-1")
    # The council reopens scoring for the test: the demo sheet's deadline is in 2021.
    services.set_deadline(
        User.objects.get(username="thuongtruc"),
        cluster.criteria_sheet,
        datetime.date.today() + datetime.timedelta(days=30),
    )
    page = login("cumtruong")
    page.goto(f"{site}/scoring/")
    page.get_by_test_id("cluster-year-table").get_by_text(cluster.name).click()
    ranking = page.get_by_test_id("ranking")
    assert "Phường Hoàng Liệt" in ranking.inner_text()
    ranking.get_by_text("Phường Hoàng Liệt").click()
    page.get_by_label("Điểm 1.3").fill("5")
    page.get_by_label("Lý do 1.3").fill("Còn vi phạm văn hóa công sở")
    page.get_by_test_id("save-scores").click()
    assert "Đã lưu 1 tiêu chí" in page.locator("main").inner_text()
    page.get_by_role("link", name=cluster.name).first.click()
    rows = page.get_by_test_id("ranking").locator("tbody tr")
    assert rows.count() == cluster.members.count()
    assert "Phường Hoàng Liệt" in page.get_by_test_id("ranking").inner_text()


def test_office_launches_a_movement_and_the_ward_is_notified(login, site):
    page = login("thuongtruc")
    page.goto(f"{site}/movements/new/")
    page.fill("#id_name", "Thi đua chào mừng 75 năm Ngày Thương binh - Liệt sĩ")
    page.select_option("#id_kind", "campaign")
    page.fill("#id_year", "2021")
    page.select_option("#id_launched_by", label="Ủy ban nhân dân quận Hoàng Mai")
    page.fill("#id_starts_on", "2021-06-01")
    page.fill("#id_ends_on", "2021-07-27")
    page.fill("#id_criteria", "Chăm lo gia đình chính sách")
    page.select_option("#id_target_units", label=["Phường Hoàng Liệt", "Phường Định Công"])
    page.get_by_role("button", name="Lưu").click()
    page.get_by_test_id("launch-button").click()
    assert page.get_by_test_id("movement-status").inner_text() == "Đã phát động"

    page = _as(login, page, "canbo.hoangliet")
    page.goto(f"{site}/movements/")
    notices = page.get_by_test_id("movement-notices")
    assert "75 năm Ngày Thương binh" in notices.inner_text()
    notices.get_by_text("75 năm Ngày Thương binh", exact=False).click()
    page.goto(f"{site}/movements/")
    assert page.get_by_test_id("movement-notices").count() == 0
