"""The administrator uploads the council's .p12, the office signs a decision, the public page
shows the signature valid, with its signer."""

from tests.e2e.steps import sign_in_as
from vinhdanh.awards.models import Decision
from vinhdanh.org.models import Council
from vinhdanh.signing import made_ca
from vinhdanh.signing.models import SigningCertificate

PASSWORD = "mat-khau-e2e"


def test_upload_sign_and_verify(login, page, site, tmp_path):
    council = Council.objects.get(unit__code="hoang-mai")
    authority = made_ca.make_authority("CA thử trình duyệt")
    signer = made_ca.make_signer(authority, "UBND quận Hoàng Mai (thử trình duyệt)")
    key_file = tmp_path / "hoi-dong.p12"
    key_file.write_bytes(made_ca.pkcs12_of(signer, authority, PASSWORD))
    root_file = tmp_path / "ca.pem"
    root_file.write_bytes(authority.pem)

    login("admin")
    page.goto(f"{site}/signing/certificates/")
    roots = page.get_by_test_id("root-upload")
    roots.locator("[name=council]").select_option(str(council.pk))
    roots.locator("[name=file]").set_input_files(str(root_file))
    roots.locator("button").click()
    page.wait_for_load_state()
    upload = page.get_by_test_id("certificate-upload")
    upload.locator("[name=council]").select_option(str(council.pk))
    upload.locator("[name=file]").set_input_files(str(key_file))
    upload.locator("[name=password]").fill(PASSWORD)
    upload.locator("button").click()
    page.wait_for_load_state()
    assert (
        "UBND quận Hoàng Mai (thử trình duyệt)"
        in page.get_by_test_id("signing-certificates").inner_text()
    )
    active = SigningCertificate.objects.get(council=council, active=True)
    assert "thử trình duyệt" in active.subject

    decision = Decision.objects.filter(issuer=council.unit, number__isnull=False).first()
    sign_in_as(page, login, "thuongtruc")
    page.goto(f"{site}/awards/decisions/{decision.pk}/")
    page.get_by_test_id("signing-link").click()
    page.wait_for_load_state()
    assert "thử trình duyệt" in page.get_by_test_id("key-subject").inner_text()
    page.get_by_test_id("sign-decision").locator("button").click()
    page.wait_for_load_state()
    card = page.get_by_test_id("decision-signature")
    assert "Chữ ký số hợp lệ" in card.get_by_test_id("signature-status").inner_text()
    verify_url = card.get_by_role("link", name="Trang kiểm tra công khai").get_attribute("href")

    page.context.clear_cookies()
    page.goto(f"{site}{verify_url}")
    assert "Chữ ký số hợp lệ" in page.get_by_test_id("signature-status").inner_text()
    assert "thử trình duyệt" in page.get_by_test_id("signature-signer").inner_text()
    assert page.get_by_test_id("signature-time").inner_text().strip()
    assert "Không bị thay đổi" in page.get_by_test_id("signature-unchanged").inner_text()
    assert page.get_by_role("link", name="Tải bản đã ký (.pdf)").count() == 0
