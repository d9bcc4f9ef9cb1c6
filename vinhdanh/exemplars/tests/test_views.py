"""The pages: the list, the form with its bad input, the exemplar's page and its steps, the
files, scope (another ward's exemplar is "not found"), and the public honour board with its
photo view that serves only consented photos of published exemplars."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.html_text import element_text
from vinhdanh.exemplars import services
from vinhdanh.exemplars.models import Exemplar, ExemplarPhoto, ExemplarState

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _published(make, officer, office, *, photos=(), consent=False, **extra):
    exemplar = make(photos=photos, **extra)
    if consent:
        exemplar = services.record_consent(
            officer, exemplar, given=True, consent_by="Người được nêu gương",
            consent_on=datetime.date(2021, 5, 5), consent_method="written",
        )  # fmt: skip
    exemplar = services.propose_exemplar(officer, exemplar)
    exemplar = services.verify_exemplar(office, exemplar)
    return services.publish_exemplar(office, exemplar)


def _form_data(ward, resident, **extra):
    return {
        "unit": ward.pk,
        "year": 2021,
        "category": "nguoi_tot",
        "subject_kind": "person",
        "subject_name": "",
        "person": resident.pk,
        "headline": "Hiến máu tình nguyện 20 lần",
        "story": "Hai mươi lần hiến máu tình nguyện trong mười năm.",
        "happened_on": "2021-03-01",
        "place": "",
        "effect": "",
    } | extra


def test_a_unit_proposes_with_several_photos_at_once(officer, ward, resident, png):
    client = _client(officer)
    photos = [SimpleUploadedFile(f"anh-{i}.png", png, "image/png") for i in range(3)]
    response = client.post(
        reverse("exemplars:exemplar_create"), _form_data(ward, resident) | {"photos": photos}
    )
    exemplar = Exemplar.objects.get(headline="Hiến máu tình nguyện 20 lần")
    assert response.status_code == 302
    assert response["Location"] == reverse("exemplars:exemplar_detail", args=[exemplar.pk])
    assert exemplar.photos.count() == 3 and exemplar.unit == ward
    page = client.get(response["Location"]).content.decode()
    assert page.count(reverse("exemplars:photo_file", args=[exemplar.pk, 0])[:-2]) >= 3
    assert "Gửi đề xuất" in element_text(page, testid="exemplar-actions")


def test_the_form_says_what_is_missing(officer, ward, resident):
    response = _client(officer).post(
        reverse("exemplars:exemplar_create"), _form_data(ward, resident, story="")
    )
    assert response.status_code == 200
    assert "kể lại việc tốt" in element_text(response.content.decode(), testid="form-errors")
    assert not Exemplar.objects.filter(headline="Hiến máu tình nguyện 20 lần").exists()


def test_a_file_that_is_not_an_image_is_refused_on_the_form(officer, ward, resident, png):
    files = [
        SimpleUploadedFile("anh.png", png, "image/png"),
        SimpleUploadedFile("van-ban.pdf", b"%PDF-1.4\n%test", "application/pdf"),
    ]
    response = _client(officer).post(
        reverse("exemplars:exemplar_create"), _form_data(ward, resident) | {"photos": files}
    )
    errors = element_text(response.content.decode(), testid="form-errors")
    assert "van-ban.pdf" in errors and "không được nhận" in errors
    assert not Exemplar.objects.filter(headline="Hiến máu tình nguyện 20 lần").exists()


def test_another_wards_exemplar_is_not_found(make, other_officer):
    exemplar = make()
    client = _client(other_officer)
    assert client.get(reverse("exemplars:exemplar_detail", args=[exemplar.pk])).status_code == 404
    response = client.post(
        reverse("exemplars:exemplar_step", args=[exemplar.pk, "propose"]), {"version": 0}
    )
    assert response.status_code == 404
    assert Exemplar.objects.get(pk=exemplar.pk).state == ExemplarState.DRAFT
    listed = client.get(reverse("exemplars:exemplar_list")).content.decode()
    assert reverse("exemplars:exemplar_detail", args=[exemplar.pk]) not in listed


def test_steps_from_the_page(make, officer, office):
    exemplar = make()
    client = _client(officer)
    url = reverse("exemplars:exemplar_step", args=[exemplar.pk, "propose"])
    assert client.post(url, {"version": exemplar.version}).status_code == 302
    exemplar.refresh_from_db()
    assert exemplar.state == ExemplarState.PROPOSED
    office_client = _client(office)
    page = office_client.get(reverse("exemplars:exemplar_detail", args=[exemplar.pk]))
    actions = element_text(page.content.decode(), testid="exemplar-actions")
    assert "Xác minh" in actions and "Trả lại để bổ sung" in actions
    # A return without its reason stays on the page with the message.
    response = office_client.post(
        reverse("exemplars:exemplar_step", args=[exemplar.pk, "return"]),
        {"version": exemplar.version, "note": ""},
    )
    assert response.status_code == 200
    assert "lý do" in element_text(response.content.decode(), testid="form-errors")
    # A stale page is refused with the reload message.
    response = office_client.post(
        reverse("exemplars:exemplar_step", args=[exemplar.pk, "verify"]),
        {"version": exemplar.version - 1},
    )
    assert "tải lại trang" in element_text(response.content.decode(), testid="form-errors")
    assert Exemplar.objects.get(pk=exemplar.pk).state == ExemplarState.PROPOSED


def test_publish_refused_on_the_page_for_a_photo_without_consent(make, officer, office, png):
    exemplar = services.verify_exemplar(
        office, services.propose_exemplar(officer, make(photos=[("anh.png", png)]))
    )
    client = _client(office)
    page = client.get(reverse("exemplars:exemplar_detail", args=[exemplar.pk])).content.decode()
    assert "chưa ghi nhận sự đồng ý" in element_text(page, testid="publish-problem")
    response = client.post(
        reverse("exemplars:exemplar_step", args=[exemplar.pk, "publish"]),
        {"version": exemplar.version},
    )
    assert "chưa ghi nhận sự đồng ý" in element_text(
        response.content.decode(), testid="form-errors"
    )
    assert Exemplar.objects.get(pk=exemplar.pk).state == ExemplarState.VERIFIED


def test_commend_from_the_page_then_the_exemplar_shows_the_nomination(make, officer, office):
    exemplar = services.verify_exemplar(office, services.propose_exemplar(officer, make()))
    client = _client(office)
    response = client.post(
        reverse("exemplars:exemplar_commend", args=[exemplar.pk]),
        {"version": exemplar.version, "title": "bang_khen_tinh"},
    )
    exemplar.refresh_from_db()
    assert response["Location"] == reverse(
        "awards:nomination_detail", args=[exemplar.nomination_id]
    )
    page = client.get(reverse("exemplars:exemplar_detail", args=[exemplar.pk])).content.decode()
    assert "Bằng khen" in element_text(page, testid="commendation-link")
    assert element_text(page, testid="commendation-state") == "Dự thảo"
    again = client.post(
        reverse("exemplars:exemplar_commend", args=[exemplar.pk]),
        {"version": exemplar.version, "title": "giay_khen"},
    )
    assert "đã được lập hồ sơ" in element_text(again.content.decode(), testid="form-errors")


def test_the_board_shows_only_published_and_consented(make, officer, office, png, ward):
    shown = _published(
        make, officer, office, photos=[("anh.png", png)], consent=True, headline="Có đồng ý"
    )
    hidden_name = _published(
        make, officer, office, headline="Không đồng ý", person=None, subject_name="Lê Văn Khiêm"
    )
    draft = make(headline="Bản nháp chưa công bố")
    verified = services.verify_exemplar(
        office, services.propose_exemplar(officer, make(headline="Đã xác minh chưa công bố"))
    )
    anonymous = Client()
    page = anonymous.get(
        reverse("exemplars:board", args=[shown.council_id]), {"year": 2021}
    ).content.decode()
    board = element_text(page, testid="board-cards")
    assert "Có đồng ý" in board and "Không đồng ý" in board
    assert draft.headline not in board and verified.headline not in board
    assert shown.subject_name in board
    # Without consent the board shows the initials, never the full name, and no photo.
    assert hidden_name.subject_name not in board and hidden_name.public_name in board
    photo = shown.photos.get()
    assert page.count('data-testid="board-photo"') == sum(
        1
        for e in Exemplar.objects.filter(council=shown.council, year=2021, state="published")
        if e.consent_given and e.photos.exists()
    )
    assert reverse("exemplars:board_photo", args=[photo.pk]) in page
    response = anonymous.get(reverse("exemplars:board_photo", args=[photo.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png


def test_the_public_photo_view_serves_nothing_else(make, officer, office, png):
    unpublished = make(photos=[("anh.png", png)])
    services.record_consent(
        officer, unpublished, given=True, consent_by="Người được nêu gương",
        consent_on=datetime.date(2021, 5, 5), consent_method="written",
    )  # fmt: skip
    published = _published(make, officer, office, photos=[("anh.png", png)], consent=True)
    anonymous = Client()
    photo = unpublished.photos.get()
    assert anonymous.get(reverse("exemplars:board_photo", args=[photo.pk])).status_code == 404
    # Consent withdrawn after publishing: the photo goes off the board at once.
    published_photo = published.photos.get()
    services.record_consent(office, published, given=False)
    assert (
        anonymous.get(reverse("exemplars:board_photo", args=[published_photo.pk])).status_code
        == 404
    )
    withdrawn = _published(make, officer, office, photos=[("anh.png", png)], consent=True)
    services.withdraw_exemplar(office, withdrawn, note="Gỡ theo đề nghị.")
    pk = withdrawn.photos.get().pk
    assert anonymous.get(reverse("exemplars:board_photo", args=[pk])).status_code == 404
    assert anonymous.get(reverse("exemplars:board_photo", args=[999999])).status_code == 404
    # The staff's photo view is private: the anonymous get "not found".
    url = reverse("exemplars:photo_file", args=[published.pk, published_photo.pk])
    assert anonymous.get(url).status_code == 404


def test_the_board_index_and_year_chooser(make, officer, office):
    exemplar = _published(make, officer, office, year=2021)
    anonymous = Client()
    index = anonymous.get(reverse("exemplars:board_index")).content.decode()
    assert exemplar.council.name in element_text(index, testid="board-councils")
    page = anonymous.get(reverse("exemplars:board", args=[exemplar.council_id])).content.decode()
    assert "2021" in element_text(page, testid="board-title")
    assert "2021" in element_text(page, testid="board-years")


def test_the_report_is_for_the_office(officer, office):
    url = reverse("exemplars:report_docx", args=[2021])
    assert _client(officer).get(url).status_code == 403
    response = _client(office).get(url)
    assert response.status_code == 200
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "NGƯỜI TỐT, VIỆC TỐT" in text.upper()


def test_a_returned_exemplar_is_in_its_units_inbox(make, officer, office):
    from vinhdanh.exemplars.inbox import inbox

    exemplar = services.return_exemplar(
        office, services.propose_exemplar(officer, make()), note="Bổ sung ảnh."
    )
    groups = {g.key: g for g in inbox(officer, 2021)}
    assert any(item.note == "Bổ sung ảnh." for item in groups["exemplars.exemplar.propose"].items)
    office_groups = {g.key for g in inbox(office, 2021)}
    assert "exemplars.exemplar.propose" not in office_groups
    assert exemplar.state == ExemplarState.RETURNED


def test_the_office_inbox_and_card_count_proposals(make, officer, office):
    from vinhdanh.exemplars.dashboard import cards
    from vinhdanh.exemplars.inbox import inbox

    before = Exemplar.objects.filter(state=ExemplarState.PROPOSED).count()
    services.propose_exemplar(officer, make())
    groups = {g.key: g for g in inbox(office, 2021)}
    assert groups["exemplars.exemplar.verify"].count == before + 1
    assert [c.value for c in cards(office)] == [before + 1]
    assert cards(officer) == []
    assert ExemplarPhoto.objects.exists()
