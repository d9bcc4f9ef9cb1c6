"""The upward flow in a browser, on the demo's Hà Nội 2026 councils: a ward officer files a
dossier for a title the ward may not confer, the ward's office and council pass it and send it
up, the city's office finds it in its inbox, the city's council votes, the city's chairman
decides, and the decision is back on the ward's dossier."""

import re
from datetime import date

from tests.e2e.conftest import choose
from tests.e2e.steps import sign_in_as, step, through_the_council
from vinhdanh.audit.services import loading_seed_data
from vinhdanh.awards.demo import DEMO_PDF
from vinhdanh.awards.models import AwardBasis, Nomination, State, Title
from vinhdanh.demo import hanoi_loader
from vinhdanh.org.models import Council, Person

WARD = "hn-phuong-tuongmai"


def test_a_ward_dossier_goes_to_the_city_and_its_decision_comes_back(login, site, tmp_path):
    with loading_seed_data():
        hanoi_loader.load()
    ward, city = Council.objects.get(unit__code=WARD), Council.objects.get(unit__code="ha-noi")
    person = Person.objects.filter(unit__code=WARD).order_by("code").last()
    title = Title.objects.get(code="bang_khen_tinh")
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(DEMO_PDF)

    # The ward's officer files the dossier with its papers and submits it.
    page = login("canbo.phuong.tuongmai")
    page.goto(f"{site}/awards/new/")
    choose(page, "#id_person", person)
    page.select_option("#id_title", str(title.pk))
    page.select_option("#id_basis", str(AwardBasis.objects.get(code="thuong_xuyen").pk))
    page.fill("#id_year", "2026")
    page.fill("#id_achievements", "Hoàn thành xuất sắc nhiệm vụ hai năm liền.")
    page.get_by_test_id("nomination-form").locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/awards/\d+/$"))
    original_url = page.url
    original = Nomination.objects.get(pk=int(original_url.rstrip("/").split("/")[-1]))
    required = title.title_components.filter(required=True, component__generated=False)
    for code in required.values_list("component__code", flat=True):
        upload = page.get_by_test_id("upload-form")
        upload.locator("select[name=component]").select_option(code)
        upload.locator("input[type=file]").set_input_files(str(report))
        upload.locator("button").click()
        page.wait_for_load_state()
    assert page.get_by_test_id("missing").count() == 0
    step(page, "submit")
    assert "Đã gửi" in page.get_by_test_id("state").inner_text()

    # The ward's office and council pass it; the ward may not confer it, so it goes up.
    page = sign_in_as(page, login, "thuongtruc.tuongmai")
    page.goto(original_url)
    through_the_council(page, "Đủ tiêu chuẩn, hồ sơ đầy đủ.")
    chosen = page.get_by_test_id("step-forward").locator("select[name=to_council]")
    assert chosen.input_value() == str(city.pk)
    step(page, "forward", letter_number="21/TTr-UBND", letter_date=date.today().isoformat())
    assert "Đã trình cấp trên" in page.get_by_test_id("state").inner_text()
    assert city.name in page.get_by_test_id("travel-status").inner_text()

    # In the city's inbox as one received dossier; the city's council passes it too.
    page = sign_in_as(page, login, "thuongtruc.hanoi")
    page.goto(f"{site}/awards/inbox/")
    received = page.get_by_test_id("received-dossier").filter(has_text=person.full_name)
    assert ward.name in page.locator("main").inner_text()  # the submission's sender
    received.locator("a").first.click()
    page.wait_for_url(re.compile(r".*/awards/\d+/$"))
    copy_url = page.url
    assert f"Hồ sơ do {ward.name} trình" in page.get_by_test_id("travel-status").inner_text()
    through_the_council(page, "Đủ tiêu chuẩn, hồ sơ đầy đủ.")

    page = sign_in_as(page, login, "chutich.hanoi")
    page.goto(copy_url)
    step(page, "decide", signed_on=date.today().isoformat())  # typed, never today by default
    assert "Đã có quyết định" in page.get_by_test_id("state").inner_text()

    # Back at the ward: the city's decision number and date are on the ward's dossier.
    page = sign_in_as(page, login, "thuongtruc.tuongmai")
    page.goto(original_url)
    original.refresh_from_db()
    assert original.state == State.DECIDED
    assert original.decision.issuer == city.unit
    status = page.get_by_test_id("travel-status").inner_text()
    assert f"Quyết định {original.decision.reference}" in status
    assert "Đã có quyết định" in page.get_by_test_id("state").inner_text()
