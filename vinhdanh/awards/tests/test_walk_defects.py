"""Defects found on the walk: typing a certificate's printed codes, the QR caption inside
the frame, the ballot's labelled boxes."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from reportlab.lib.units import mm

from vinhdanh.awards import verification
from vinhdanh.awards.models import Certificate, Nomination, State
from vinhdanh.awards.printing import certificate_fields
from vinhdanh.documents import certificates as pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return Certificate.objects.select_related("decision").order_by("pk").first()


def _typed(client, text):
    return client.get(reverse("core:verify_lookup"), {"token": text}, follow=True)


def test_the_printed_check_code_finds_the_certificate(client, certificate):
    code = verification.check_code(certificate)
    assert re.fullmatch(r"\d+-[A-Z2-7]{6}", code)
    assert certificate_fields(certificate, "https://x.example").check_code == code
    for typed in (code, code.lower(), f"  {code.replace('-', ' - ')} "):
        page = _typed(client, typed)
        assert page.status_code == 200
        assert page.context["certificate"] == certificate
        assert certificate.recipient in page.content.decode()
    # The number with other letters finds nothing: the letters come from the secret token.
    wrong = (
        f"{certificate.pk}-AAAAAA" if not code.endswith("AAAAAA") else f"{certificate.pk}-BBBBBB"
    )
    assert _typed(client, wrong).status_code == 404


def test_the_golden_book_number_finds_the_certificate(client, certificate):
    number = verification.register_number(certificate)
    assert certificate_fields(certificate, "https://x.example").register_number == number
    page = _typed(client, number)
    assert page.context["certificate"] == certificate
    assert "Giấy chứng nhận hợp lệ" in page.content.decode() or certificate.is_revoked
    year, serial = number.split("-")
    assert _typed(client, f"{int(year) - 1}-{serial}").status_code == 404


def test_the_verification_page_has_a_labelled_form_for_typing(client, certificate):
    page = client.get(reverse("awards:verify", args=[certificate.token])).content.decode()
    assert 'data-testid="verify-form"' in page
    assert '<label class="form-label" for="verify-typed">' in page
    assert 'id="verify-typed"' in page


@override_settings(VERIFY_TYPED_RATE="3/m")
def test_typed_numbers_are_rate_limited_per_address(client, certificate):
    cache.clear()
    number = verification.register_number(certificate)
    for _ in range(3):
        assert _typed(client, "1999-99999").status_code == 404
    assert _typed(client, number).status_code == 404
    # The QR code's own token is never limited.
    assert client.get(reverse("awards:verify", args=[certificate.token])).status_code == 200
    cache.clear()


@pytest.mark.parametrize("corner", pdf.CORNERS)
def test_the_qr_caption_stays_inside_the_frame_and_off_the_code(corner):
    _width, height = pdf.PAGE
    _x, y = pdf.qr_position(corner)
    baselines = pdf.qr_caption_baselines(corner)
    assert len(baselines) == 2
    for baseline in baselines:
        bottom, top = baseline - 0.3 * pdf.QR_CAPTION_SIZE, baseline + pdf.QR_CAPTION_SIZE
        # Inside the inner line of the frame, with room to spare.
        assert bottom > pdf.FRAME_INNER + 2 * mm
        assert top < height - pdf.FRAME_INNER - 2 * mm
        # Not over the QR code itself.
        assert top < y or bottom > y + pdf.QR_SIZE


def test_the_certificate_prints_the_check_code_under_the_qr(certificate):
    canvas = mock.MagicMock()
    pdf.register_fonts()
    pdf.draw_certificate(canvas, certificate_fields(certificate, "https://x.example"))
    drawn = [call.args for call in canvas.drawCentredString.call_args_list]
    texts = [text for _x, _y, text in drawn]
    assert f"hoặc nhập mã {verification.check_code(certificate)}" in texts
    assert f"Số sổ vàng: {verification.register_number(certificate)}" in texts
    # Both caption lines sit where qr_caption_baselines says, inside the frame.
    captions = {text: y for _x, y, text in drawn if "mã" in text and "Số sổ" not in text}
    assert sorted(captions.values()) == sorted(pdf.qr_caption_baselines("bottom_right"))


def test_every_ballot_box_has_its_label(client, demo_user):
    nomination = Nomination.objects.filter(state=State.VOTING).order_by("pk").first()
    for username in ("uyvien", "thuongtruc"):
        client.force_login(demo_user(username))
        page = client.get(
            reverse("awards:nomination_detail", args=[nomination.pk])
        ).content.decode()
        boxes = re.findall(r'<input[^>]*type="radio"[^>]*name="choice"[^>]*>', page)
        assert boxes, username
        for box in boxes:
            box_id = re.search(r'id="([^"]+)"', box)[1]
            assert re.search(rf'<label[^>]*for="{box_id}"[^>]*>', page), box_id


def test_the_live_verdict_comes_with_subject_title_and_year_alone(client, demo_user):
    from vinhdanh.awards.models import Title
    from vinhdanh.org.models import Person

    officer = demo_user("canbo.hoangliet")
    client.force_login(officer)
    person = Person.objects.filter(unit=officer.unit).order_by("pk").first()
    title = Title.objects.get(code="giay_khen")
    chosen = {"person": person.pk, "title": title.pk, "year": 2021}
    preview = client.get(reverse("awards:nomination_preview"), chosen)
    html = preview.content.decode()
    assert preview.context["verdict"] is not None
    assert 'data-testid="verdict-empty"' not in html
    assert "Chưa chọn loại hình khen thưởng" in html
    # Without the year there is nothing to check yet.
    del chosen["year"]
    assert client.get(reverse("awards:nomination_preview"), chosen).context["verdict"] is None
    # The year asks for the verdict while it is typed, not only when the field is left.
    form = client.get(reverse("awards:nomination_create")).content.decode()
    assert 'hx-trigger="change, load, input changed delay:400ms from:#id_year"' in form
