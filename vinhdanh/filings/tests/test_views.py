"""The pages: the public form, the look-up and the supplement; the office's list, a filing,
its steps and files; scope by council (another council's filing is 404)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vinhdanh.accounts.models import Role, User
from vinhdanh.awards.models import Nomination, Title
from vinhdanh.core.tests.query_budget import assert_flat
from vinhdanh.filings import services
from vinhdanh.filings.codes import shown
from vinhdanh.filings.models import Filing, FilingAttachment, FilingKind, FilingState
from vinhdanh.filings.public_views import NOT_FOUND
from vinhdanh.filings.tests.helpers import PDF, district, file_one, text_of
from vinhdanh.org.models import Council, Person, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(demo_user):
    client = Client()
    client.force_login(demo_user("thuongtruc"))
    return client


def _form_data(**overrides) -> dict:
    data = {
        "filer_kind": "citizen",
        "filer_name": "Lê Văn Minh",
        "phone": "0903 111 222",
        "email": "",
        "address": "Phường Hoàng Liệt",
        "council": district().pk,
        "subject": "Chị Hoa cứu người trong đám cháy",
        "content": "Chị Hoa đã phá cửa cứu hai người.",
        "consent": "on",
        "doc_don-de-nghi": SimpleUploadedFile("don.pdf", PDF, "application/pdf"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _form_url() -> str:
    return reverse("filings:public_form", args=["nguoi-tot-viec-tot"])


# The public form


def test_the_kinds_page_and_the_form_show_the_councils_documents_and_privacy_notice():
    client = Client()
    kinds = text_of(client.get(reverse("filings:public_kinds")))
    assert "Đề nghị khen thưởng người tốt, việc tốt" in kinds and "5 ngày làm việc" in kinds
    response = client.get(_form_url())
    page = text_of(response)
    assert "Thông báo về dữ liệu cá nhân" in page
    assert "Đơn đề nghị" in page and district().name in page


def test_filing_in_the_browser_gives_the_code_and_opens_the_status_page():
    client = Client()
    response = client.post(_form_url(), _form_data())
    assert response.status_code == 302 and response["Location"] == reverse("filings:public_status")
    filing = Filing.objects.latest("pk")
    page = text_of(client.get(response["Location"]))
    assert shown(filing.code) in page and "Đã nhận hồ sơ" in page
    assert "Đã tiếp nhận" in page and filing.due_on.strftime("%d/%m/%Y") in page


def test_a_missing_attachment_or_a_refused_file_keeps_nothing_and_says_why():
    client = Client()
    before = Filing.objects.count(), FilingAttachment.objects.count()
    response = client.post(_form_url(), _form_data(**{"doc_don-de-nghi": None}))
    assert response.status_code == 400
    assert "Còn thiếu giấy tờ bắt buộc: Đơn đề nghị" in text_of(response)
    bad = SimpleUploadedFile("trang.html", b"<html><script>alert(1)</script>", "text/html")
    response = client.post(_form_url(), _form_data(others=[bad]))
    assert response.status_code == 400 and "trang.html" in text_of(response)
    assert (Filing.objects.count(), FilingAttachment.objects.count()) == before


def test_several_files_at_once_are_all_kept():
    client = Client()
    others = [SimpleUploadedFile(f"anh{i}.pdf", PDF, "application/pdf") for i in range(3)]
    assert client.post(_form_url(), _form_data(others=others)).status_code == 302
    assert Filing.objects.latest("pk").attachments.count() == 4


def test_a_council_not_in_force_cannot_be_chosen():
    council = district()
    council.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    council.save()
    response = Client().post(_form_url(), _form_data())
    assert response.status_code == 400 and "không còn hoạt động" in text_of(response)


def test_the_form_checks_csrf():
    client = Client(enforce_csrf_checks=True)
    before = Filing.objects.count()
    assert client.post(_form_url(), _form_data()).status_code == 403
    assert Filing.objects.count() == before


def test_the_form_is_throttled_and_refuses_a_body_over_the_limit(settings):
    settings.FILINGS_FORM_RATE_BURST = "1/m"
    client = Client()
    assert client.post(_form_url(), _form_data()).status_code == 302
    response = client.post(_form_url(), _form_data())
    assert response.status_code == 429 and "quá nhiều hồ sơ" in text_of(response)
    settings.FILINGS_MAX_FILES, settings.FILINGS_MAX_FILE_MB = 1, 0
    big = Client().post(_form_url(), _form_data(content="x" * 300_000))
    assert big.status_code == 413


# The look-up


def test_the_look_up_opens_the_status_and_a_wrong_answer_says_one_neutral_thing():
    filing = file_one()
    client = Client()
    url = reverse("filings:public_lookup")
    answers = []
    for code, last4 in (
        ("ZZZZ-ZZZZ", "5678"),
        (filing.code, "0000"),
        ("<b>", "x"),
    ):
        response = client.post(url, {"code": code, "last4": last4})
        assert response.status_code == 400
        page = text_of(response)
        assert NOT_FOUND in page and filing.subject not in page
        answers.append(page)
    assert len(set(answers)) == 1  # the same page whatever was wrong
    response = client.post(url, {"code": shown(filing.code), "last4": "5678"})
    assert response.status_code == 302
    page = text_of(client.get(reverse("filings:public_status")))
    assert filing.subject in page


def test_the_look_up_is_throttled(settings):
    settings.FILINGS_LOOKUP_RATE = "2/m"
    client = Client()
    url = reverse("filings:public_lookup")
    statuses = [client.post(url, {"code": "ABCD-EFGH", "last4": "1"}).status_code for _ in range(3)]
    assert statuses == [400, 400, 429]


def test_the_status_page_without_a_look_up_sends_to_the_look_up():
    response = Client().get(reverse("filings:public_status"))
    assert response.status_code == 302 and response["Location"] == reverse("filings:public_lookup")


def test_the_filer_supplements_from_the_status_page(demo_user):
    filing = file_one()
    services.request_more(demo_user("thuongtruc"), filing, reason="Gửi ảnh hiện trường.")
    client = Client()
    client.post(reverse("filings:public_lookup"), {"code": filing.code, "last4": "5678"})
    page = text_of(client.get(reverse("filings:public_status")))
    assert "Gửi ảnh hiện trường." in page and "Gửi phần bổ sung" in page
    filing.refresh_from_db()
    response = client.post(
        reverse("filings:public_status"),
        {
            "version": filing.version,
            "note": "Ảnh đây",
            "files": [SimpleUploadedFile("anh.pdf", PDF, "application/pdf")],
        },
    )
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.state == FilingState.SUPPLEMENTED
    client.post(reverse("filings:public_forget"))
    assert client.get(reverse("filings:public_status")).status_code == 302


# The office


def test_the_list_and_the_page_show_the_due_date_and_mark_the_overdue(office):
    late = file_one(subject="Hồ sơ quá hạn")
    Filing.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - datetime.timedelta(1))
    on_time = file_one(subject="Hồ sơ còn hạn")
    page = text_of(office.get(reverse("filings:filing_list") + "?state=open"))
    assert "Hồ sơ quá hạn" in page and "Hồ sơ còn hạn" in page and "Quá hạn" in page
    detail = text_of(office.get(reverse("filings:filing_detail", args=[late.pk])))
    assert "Quá hạn" in detail
    detail = text_of(office.get(reverse("filings:filing_detail", args=[on_time.pk])))
    assert on_time.due_on.strftime("%d/%m/%Y") in detail and "ngày làm việc" in detail


def test_the_office_asks_for_more_and_refuses_through_the_pages(office):
    filing = file_one()
    url = reverse("filings:filing_request_more", args=[filing.pk])
    response = office.post(url, {"version": filing.version, "note": ""})
    assert response.status_code == 400 and "Ghi rõ giấy tờ" in text_of(response)
    response = office.post(url, {"version": filing.version, "note": "Thiếu ảnh."})
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.state == FilingState.MORE_REQUESTED
    stale = office.post(
        reverse("filings:filing_refuse", args=[filing.pk]),
        {"version": filing.version - 1, "note": "x"},
    )
    assert stale.status_code == 400 and "vừa được người khác thay đổi" in text_of(stale)
    office.post(
        reverse("filings:filing_refuse", args=[filing.pk]),
        {"version": filing.version, "note": "Không thuộc phạm vi."},
    )
    filing.refresh_from_db()
    assert (filing.state, filing.refusal_reason) == (FilingState.REFUSED, "Không thuộc phạm vi.")


def test_the_office_accepts_into_a_nomination_and_lands_on_it(office):
    filing = file_one()
    title = Title.objects.get(code="giay_khen")
    person = Person.objects.filter(unit__code="phuong-hoang-liet").order_by("code").first()
    response = office.post(
        reverse("filings:filing_accept", args=[filing.pk]),
        {
            "version": filing.version,
            "person": person.pk,
            "title": title.pk,
            "basis": title.award_bases.first().pk,
            "year": 2021,
            "achievements": "Cứu người.",
        },
    )
    filing.refresh_from_db()
    assert response.status_code == 302, text_of(response)
    assert response["Location"] == reverse("awards:nomination_detail", args=[filing.nomination_id])
    assert Nomination.objects.get(pk=filing.nomination_id).attachments.count() == 1


def test_accepting_without_a_subject_says_so(office):
    filing = file_one()
    title = Title.objects.get(code="giay_khen")
    response = office.post(
        reverse("filings:filing_accept", args=[filing.pk]),
        {"version": filing.version, "title": title.pk, "basis": title.award_bases.first().pk,
         "year": 2021, "achievements": "x"},
    )  # fmt: skip
    assert response.status_code == 400 and "Chọn cá nhân hoặc tập thể" in text_of(response)


def test_the_attachment_is_served_to_the_office_only(office, demo_user):
    filing = file_one()
    attachment = filing.attachments.get()
    url = reverse("filings:attachment_file", args=[filing.pk, attachment.pk])
    response = office.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == PDF
    assert Client().get(url).status_code == 404
    for username in ("canbo.hoangliet", "uyvien"):
        other = Client()
        other.force_login(demo_user(username))
        assert other.get(url).status_code == 404


def _ward_office() -> tuple[Council, Client]:
    ward = Unit.objects.get(code="phuong-hoang-liet")
    council = Council.objects.create(
        unit=ward, name="Hội đồng phường Hoàng Liệt", standing_office=ward
    )
    user = User.objects.create_user(
        username="thuongtruc.hl", password="x", role=Role.STANDING_OFFICE, unit=ward,
        council=council,
    )  # fmt: skip
    client = Client()
    client.force_login(user)
    return council, client


def test_another_councils_filing_is_not_found(office):
    council, ward_office = _ward_office()
    ward_filing = file_one(council=council, subject="Của phường")
    district_filing = file_one(subject="Của quận")
    assert (
        ward_office.get(reverse("filings:filing_detail", args=[ward_filing.pk])).status_code == 200
    )
    assert (
        ward_office.get(reverse("filings:filing_detail", args=[district_filing.pk])).status_code
        == 404
    )
    # The district reads its own filings, not its ward council's.
    assert office.get(reverse("filings:filing_detail", args=[ward_filing.pk])).status_code == 404
    listed = text_of(office.get(reverse("filings:filing_list")))
    assert "Của quận" in listed and "Của phường" not in listed
    refused = office.post(
        reverse("filings:filing_refuse", args=[ward_filing.pk]), {"version": 1, "note": "x"}
    )
    assert refused.status_code == 404


def test_the_inbox_and_the_home_card_show_the_waiting_filings(office):
    late = file_one(subject="Chờ lâu")
    Filing.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - datetime.timedelta(3))
    file_one(subject="Mới đến")
    from vinhdanh.filings import dashboard, inbox

    user = User.objects.get(username="thuongtruc")
    groups = {g.key: g for g in inbox.inbox(user, 2021)}
    assert groups["filings.filing.overdue"].late and groups["filings.filing.overdue"].count >= 1
    assert "Quá hạn trả lời" in groups["filings.filing.overdue"].items[0].note
    assert "Mới đến" in " ".join(i.text for i in groups["filings.filing.waiting"].items)
    [card] = dashboard.cards(user)
    assert card.tone == "danger" and card.value >= 2
    assert inbox.inbox(User.objects.get(username="canbo.hoangliet"), 2021) == []
    page = text_of(office.get(reverse("home:index")))
    assert "Hồ sơ trực tuyến" in page


def test_other_roles_do_not_get_the_list(demo_user):
    for username in ("canbo.hoangliet", "uyvien", "chutich"):
        client = Client()
        client.force_login(demo_user(username))
        assert client.get(reverse("filings:filing_list")).status_code == 403


def test_the_offices_list_costs_the_same_queries_with_more_rows(office):
    kind = FilingKind.objects.get(code="khac")
    council = district()
    made = iter(range(10**6))

    def grow(count: int) -> None:
        today = timezone.localdate()
        Filing.objects.bulk_create(
            [
                Filing(
                    code=f"T{next(made):07d}"[:8], kind=kind, council=council,
                    filer_kind="citizen", filer_name="Người thử", phone="0900000000",
                    address="HN", subject="Hồ sơ thử", content="x", consent_at=timezone.now(),
                    received_on=today, due_on=today,
                )
                for _ in range(count)
            ]
        )  # fmt: skip

    assert_flat(office, reverse("filings:filing_list"), grow, data={"state": "open"})


def test_the_home_page_costs_the_same_queries_with_more_filings(office):
    kind = FilingKind.objects.get(code="khac")
    council = district()
    made = iter(range(10**6))

    def grow(count: int) -> None:
        today = timezone.localdate()
        Filing.objects.bulk_create(
            [
                Filing(
                    code=f"H{next(made):07d}"[:8], kind=kind, council=council,
                    filer_kind="citizen", filer_name="Người thử", phone="0900000000",
                    address="HN", subject="Hồ sơ thử", content="x", consent_at=timezone.now(),
                    received_on=today, due_on=today - datetime.timedelta(1),
                )
                for _ in range(count)
            ]
        )  # fmt: skip

    assert_flat(office, reverse("home:index"), grow)
