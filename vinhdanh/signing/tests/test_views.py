"""The signing pages, the public verification and the file views, through the test client."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.awards.models import Certificate, Decision
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.org.models import Council
from vinhdanh.signing import made_ca, services
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot
from vinhdanh.signing.tests.conftest import PASSWORD, sign_outside

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's main text, whitespace collapsed, as a reader sees it."""
    return element_text(response.content.decode(), tag="main")


@pytest.fixture
def council(demo):
    return Council.objects.get(unit__code="hoang-mai")


@pytest.fixture
def signed(council):
    """The demo's signed decision (the loader signs the district's first decision)."""
    return SignedDocument.objects.filter(decision__issuer=council.unit, status="signed").first()


def test_the_public_page_shows_a_valid_signature_its_signer_and_time(client, signed):
    response = client.get(reverse("signing:verify", args=[signed.token]))
    assert response.status_code == 200
    page = text_of(response)
    assert "Chữ ký số hợp lệ" in page
    assert "Ủy ban nhân dân quận Hoàng Mai" in page  # the signer's certificate subject
    assert f"{signed.signing_time.astimezone():%d/%m/%Y}" in page
    assert "Không bị thay đổi kể từ khi ký" in page
    assert signed.decision.reference in page
    # The public reads the verdict; the file is only for who may see the decision.
    assert reverse("signing:document_file", args=[signed.pk]) not in response.content.decode()


def test_the_signed_file_is_offered_to_who_may_see_the_decision(client, signed, demo_user):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("signing:verify", args=[signed.token])).content.decode()
    file_url = reverse("signing:document_file", args=[signed.pk])
    assert file_url in page
    response = client.get(file_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(demo_user("cumtruong"))
    assert (
        file_url not in client.get(reverse("signing:verify", args=[signed.token])).content.decode()
    )
    assert client.get(file_url).status_code == 404


def test_a_tampered_stored_file_shows_as_changed(client, signed):
    with signed.file.open("rb") as handle:
        original = handle.read()
    content = bytearray(original)
    content[len(content) // 3] ^= 0x01
    try:
        # The stored file is outside the test's transaction: put back as it was, whatever happens.
        with signed.file.open("wb") as handle:
            handle.write(bytes(content))
        page = text_of(client.get(reverse("signing:verify", args=[signed.token])))
    finally:
        with signed.file.open("wb") as handle:
            handle.write(original)
    assert "KHÔNG hợp lệ" in page and "bị thay đổi" in page


def test_an_unknown_token_is_not_found(client):
    response = client.get(reverse("signing:verify", args=["khong-co"]))
    assert response.status_code == 404
    assert "Không tìm thấy văn bản ký số này" in text_of(response)


def test_the_certificate_verification_page_shows_the_decision_signature(client, signed):
    certificate = Certificate.objects.filter(decision=signed.decision).first()
    page = text_of(client.get(reverse("awards:verify", args=[certificate.token])))
    assert "Chữ ký số của quyết định" in page
    assert "Chữ ký số hợp lệ" in page


def test_the_decision_page_links_to_its_signing_page(client, signed, demo_user):
    client.force_login(demo_user("thuongtruc"))
    page = client.get(reverse("awards:decision_detail", args=[signed.decision_id])).content.decode()
    assert reverse("signing:decision_signing", args=[signed.decision_id]) in page
    page = text_of(client.get(reverse("signing:decision_signing", args=[signed.decision_id])))
    assert "Chữ ký số hợp lệ" in page and "Ký số quyết định" in page


def test_a_member_sees_the_signature_but_no_signing_button(client, signed, demo_user):
    client.force_login(demo_user("uyvien"))
    page = text_of(client.get(reverse("signing:decision_signing", args=[signed.decision_id])))
    assert "Chữ ký số hợp lệ" in page
    assert "Ký số quyết định" not in page and "Bản PDF để ký" not in page


def test_the_office_signs_from_the_page(client, signed, demo_user):
    client.force_login(demo_user("thuongtruc"))
    before = SignedDocument.objects.filter(decision=signed.decision, status="signed").count()
    response = client.post(reverse("signing:sign_decision", args=[signed.decision_id]))
    assert response.status_code == 302
    assert (
        SignedDocument.objects.filter(decision=signed.decision, status="signed").count()
        == before + 1
    )


def test_the_outside_round_trip_through_the_pages(client, council, demo_user):
    admin = demo_user("admin")
    authority = made_ca.make_authority("CA của thiết bị ký")
    services.add_trust_root(admin, council, filename="ca.pem", content=authority.pem)
    leader = made_ca.make_signer(authority, "Nguyễn Minh Tâm")
    decision = Decision.objects.filter(issuer=council.unit, number__isnull=False).first()
    client.force_login(demo_user("thuongtruc"))
    response = client.post(reverse("signing:prepare", args=[decision.pk]))
    assert response["Content-Type"] == "application/pdf"
    signed = sign_outside(response.content, leader, authority)
    upload = SimpleUploadedFile("da-ky.pdf", signed, content_type="application/pdf")
    response = client.post(reverse("signing:upload_signed", args=[decision.pk]), {"file": upload})
    assert response.status_code == 302
    document = SignedDocument.objects.filter(decision=decision, method="outside").latest("pk")
    assert document.status == "signed" and "Nguyễn Minh Tâm" in document.signer_subject
    # Someone else's PDF: refused with the reason on the page, nothing stored.
    other = SimpleUploadedFile("khac.pdf", sign_outside(response_pdf(), leader, authority))
    response = client.post(reverse("signing:upload_signed", args=[decision.pk]), {"file": other})
    assert response.status_code == 400
    assert "không phải bản của Quyết định số" in text_of(response)


def response_pdf() -> bytes:
    from vinhdanh.signing.tests.conftest import simple_pdf

    return simple_pdf("Một văn bản khác")


def test_the_administrator_uploads_a_certificate_through_the_form(client, council, demo_user):
    authority = made_ca.make_authority()
    signer = made_ca.make_signer(authority, "Hội đồng quận Hoàng Mai (mới)")
    client.force_login(demo_user("admin"))
    data = {
        "council": council.pk,
        "password": PASSWORD,
        "file": SimpleUploadedFile("hd.p12", made_ca.pkcs12_of(signer, authority, PASSWORD)),
    }
    response = client.post(reverse("signing:certificate_upload"), data)
    assert response.status_code == 302
    active = SigningCertificate.objects.get(council=council, active=True)
    assert "Hội đồng quận Hoàng Mai (mới)" in active.subject
    page = text_of(client.get(reverse("signing:certificate_list")))
    assert "Hội đồng quận Hoàng Mai (mới)" in page and "Đang dùng" in page
    wrong = {
        **data,
        "password": "sai",
        "file": SimpleUploadedFile("hd.p12", data["file"].file.getvalue()),
    }
    response = client.post(reverse("signing:certificate_upload"), wrong)
    assert response.status_code == 400 and "Mật khẩu không đúng" in text_of(response)
    pdf = {**data, "file": SimpleUploadedFile("hd.pdf", response_pdf())}
    response = client.post(reverse("signing:certificate_upload"), pdf)
    assert response.status_code == 400 and "không được nhận ở đây" in text_of(response)


def test_the_office_reads_the_certificates_and_changes_none(client, council, demo_user):
    client.force_login(demo_user("thuongtruc"))
    page = text_of(client.get(reverse("signing:certificate_list")))
    assert "demo" in page and "Tải lên chứng thư số" not in page
    item = SigningCertificate.objects.filter(council=council).first()
    assert client.get(reverse("signing:certificate_file", args=[item.pk])).status_code == 404
    client.post(reverse("signing:certificate_retire", args=[item.pk]))
    assert SigningCertificate.objects.get(pk=item.pk).active


def test_the_certificate_list_costs_the_same_with_more_rows(client, council, demo_user):
    client.force_login(demo_user("admin"))
    numbers = iter(range(1, 10_000))

    def grow(count):
        for _ in range(count):
            n = next(numbers)
            TrustRoot.objects.create(
                council=council,
                der=b"0",
                original_name=f"ca{n}.pem",
                subject=f"CN=CA số {n}",
                fingerprint=f"{n:064d}",
                not_after="2030-01-01T00:00:00Z",
            )

    assert_flat(client, reverse("signing:certificate_list"), grow, few=3, many=20, marker="CA số ")


def test_the_home_page_counts_the_decisions_left_to_sign(client, council, demo_user):
    from vinhdanh.signing.dashboard import cards

    office = demo_user("thuongtruc")
    assert cards(office) == []  # the demo signed its one decision
    Decision.objects.create(
        issuer=council.unit,
        year=2021,
        number=77,
        signed_on="2021-12-21",
        subject="Về việc khen thưởng (thử)",
    )
    [card] = cards(office)
    assert card.value == 1 and card.label == "Quyết định chưa ký số"
    assert cards(demo_user("canbo.hoangliet")) == []
    client.force_login(office)
    assert "Quyết định chưa ký số" in client.get("/").content.decode()


def test_the_signing_page_costs_the_same_with_more_signed_copies(client, signed, demo_user):
    client.force_login(demo_user("thuongtruc"))
    certificates = list(signed.decision.certificates.all())

    def grow(count):
        for index in range(count):
            SignedDocument.objects.create(
                decision=signed.decision,
                certificate=certificates[index % len(certificates)],
                kind=SignedDocument.Kind.CERTIFICATE,
                method=SignedDocument.Method.COUNCIL,
                status=SignedDocument.Status.SIGNED,
                unsigned_sha256="0" * 64,
                unsigned_length=1,
                signed_sha256="0" * 64,
            )

    response = assert_flat(
        client, reverse("signing:decision_signing", args=[signed.decision_id]), grow, few=3, many=20
    )
    assert "Bản đã ký" in response.content.decode()
