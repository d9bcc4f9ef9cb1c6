"""The pages: anonymous judging (the judge's page and file never show the author), scope (another
council's contest is missing), the public form's refusals and throttle, the status by code
that reveals nothing, the winners' names only where they agreed, the decision's document."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from docx import Document

from vinhdanh.contests import services
from vinhdanh.contests.demo import TITLE
from vinhdanh.contests.models import Contest, Entry, Sheet
from vinhdanh.org.models import Council, Level, Unit

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def demo_contest():
    return Contest.objects.get(title=TITLE)


def test_the_judges_page_shows_the_code_and_never_the_author(demo_user, demo_contest):
    judge = demo_user("uyvien")
    sheet = Sheet.objects.filter(judge=judge, round__contest=demo_contest).first()
    entry = sheet.entry
    page = _client(judge).get(reverse("contests:sheet_detail", args=[sheet.pk])).content.decode()
    assert entry.anon_code in page and entry.title in page
    assert entry.author_name not in page and entry.contact not in page
    listing = _client(judge).get(reverse("contests:my_sheets")).content.decode()
    assert entry.anon_code in listing and entry.author_name not in listing
    # Another judge's sheet is missing for this one.
    other = Sheet.objects.exclude(judge=judge).filter(round__contest=demo_contest).first()
    assert _client(judge).get(reverse("contests:sheet_detail", args=[other.pk])).status_code == 404


def test_the_judges_file_is_named_by_the_code(demo_user, demo_contest):
    judge = demo_user("uyvien")
    sheet = Sheet.objects.filter(judge=judge, round__contest=demo_contest).first()
    entry = sheet.entry
    document = Document()
    document.add_paragraph("Bài viết thử")
    document.core_properties.author = entry.author_name
    out = io.BytesIO()
    document.save(out)
    entry.file_kind = "docx"
    entry.file.save("bai-du-thi.docx", ContentFile(out.getvalue()), save=True)
    response = _client(judge).get(reverse("contests:sheet_file", args=[sheet.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert entry.anon_code in disposition and "Nguy" not in disposition
    assert entry.author_name.split()[-1] not in disposition
    served = Document(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                  else response.content))  # fmt: skip
    assert served.core_properties.author == "" and served.paragraphs[0].text == "Bài viết thử"
    assert _client().get(reverse("contests:sheet_file", args=[sheet.pk])).status_code == 404
    stranger = demo_user("canbo.hoangliet")
    assert _client(stranger).get(reverse("contests:sheet_file", args=[sheet.pk])).status_code == 404
    # The office's copy carries the code too; judges and units do not reach it.
    office_copy = _client(demo_user("thuongtruc")).get(
        reverse("contests:entry_file", args=[entry.pk])
    )
    assert office_copy.status_code == 200 and entry.anon_code in office_copy["Content-Disposition"]
    assert _client(judge).get(reverse("contests:entry_file", args=[entry.pk])).status_code == 404


def test_authors_are_shown_to_the_office_only(demo_user, demo_contest):
    entry = demo_contest.entries.first()
    url = reverse("contests:contest_detail", args=[demo_contest.pk])
    assert entry.author_name in _client(demo_user("thuongtruc")).get(url).content.decode()
    member_page = _client(demo_user("uyvien")).get(url)
    assert member_page.status_code == 200 and entry.author_name not in member_page.content.decode()
    detail = reverse("contests:entry_detail", args=[entry.pk])
    assert _client(demo_user("uyvien")).get(detail).status_code == 404
    assert _client(demo_user("chutich")).get(detail).status_code == 404


def test_another_councils_contest_is_missing(demo_user, office):
    level = Level.objects.order_by("rank").last()
    ward = Unit.objects.get(code="phuong-hoang-liet")
    council = Council.objects.create(unit=ward, name="Hội đồng phường thử", standing_office=ward)
    contest = Contest.objects.create(
        council=council, unit=ward, year=2021, title="Cuộc thi của phường", theme="x",
        opens_at="2021-01-01T00:00Z", closes_at="2021-02-01T00:00Z", length_max=10,
        formats=["text"], rules_text="x",
    )  # fmt: skip
    assert level is not None
    # The district office does not read a ward council's own work.
    url = reverse("contests:contest_detail", args=[contest.pk])
    assert _client(office).get(url).status_code == 404
    assert _client(demo_user("canbo.dinhcong")).get(url).status_code == 404
    assert (
        contest.title not in _client(office).get(reverse("contests:contest_list")).content.decode()
    )


def test_the_public_form_takes_an_entry_and_gives_a_code(make_contest):
    contest = make_contest()
    url = reverse("contests:public_enter", args=[contest.pk])
    page = _client().get(url)
    assert page.status_code == 200 and 'data-testid="contest-privacy"' in page.content.decode()
    response = _client().post(
        url,
        {"author_name": "Trần Thị Bình", "contact": "0912345678", "address": "Tổ 5, Định Công",
         "title": "Người tổ trưởng", "text": " ".join(["chữ"] * 150), "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 200
    entry = Entry.objects.get(contest=contest)
    assert entry.tracking_code in response.content.decode()


def test_the_public_form_refuses_with_a_message_and_saves_nothing(make_contest):
    contest = make_contest()
    url = reverse("contests:public_enter", args=[contest.pk])
    response = _client().post(
        url, {"author_name": "A", "contact": "b", "address": "c", "title": "d", "text": "ngắn"}
    )
    assert response.status_code == 400
    assert "Cần đồng ý" in response.content.decode()
    assert not contest.entries.exists()


def test_the_public_form_is_closed_after_the_deadline(make_contest):
    now = datetime.datetime.now(datetime.UTC)
    contest = make_contest(
        opens_at=now - datetime.timedelta(days=3), closes_at=now - datetime.timedelta(days=1)
    )
    url = reverse("contests:public_enter", args=[contest.pk])
    assert "Đã hết hạn nhận bài" in _client().get(url).content.decode()
    response = _client().post(url, {"author_name": "A", "consent": "on"})
    assert response.status_code == 400 and not contest.entries.exists()


def test_the_public_form_is_throttled_and_size_limited(make_contest, settings):
    settings.CONTEST_ENTRY_RATE_BURST = "2/m"
    contest = make_contest()
    url = reverse("contests:public_enter", args=[contest.pk])
    client = _client()
    codes = [client.post(url, {"author_name": "A"}).status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    big = client.post(url, {"x": "y"}, CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert big.status_code == 413


def test_the_status_page_shows_only_that_entry_and_a_neutral_message_otherwise(make_contest, enter):
    contest = make_contest()
    mine, other = enter(contest), enter(contest)
    url = reverse("contests:public_status")
    found = _client().post(url, {"code": mine.tracking_code.lower()}).content.decode()
    assert mine.title in found and "Đã nhận" in found
    assert other.title not in found and mine.author_name not in found
    wrong = _client().post(url, {"code": "AAAA-BBBB-CCCC"}).content.decode()
    assert "Không tìm thấy bài dự thi với mã này" in wrong
    assert mine.title not in wrong and other.title not in wrong
    near = _client().post(url, {"code": mine.tracking_code[:-1] + "Z"}).content.decode()
    assert "Không tìm thấy bài dự thi với mã này" in near


def test_winners_are_published_with_names_only_where_they_agreed(demo_contest):
    page = _client().get(reverse("contests:public_detail", args=[demo_contest.pk])).content.decode()
    winners = demo_contest.entries.filter(state="awarded")
    assert winners.count() == 8
    for entry in winners:
        assert entry.title in page
        if entry.publish_name:
            assert entry.author_name in page
    hidden = demo_contest.entries.filter(state="awarded", publish_name=False).first()
    if hidden is None:
        hidden = winners.first()
        Entry.objects.filter(pk=hidden.pk).update(publish_name=False, author_name="Tên Kín Đáo")
        page = (
            _client()
            .get(reverse("contests:public_detail", args=[demo_contest.pk]))
            .content.decode()
        )
    assert "Tên Kín Đáo" not in page or hidden.author_name not in page
    assert f"Tác giả bài {hidden.anon_code}" in page
    # Entries that did not win are not listed.
    loser = demo_contest.entries.exclude(state="awarded").first()
    assert loser.title not in page


def test_the_decision_document_names_the_winners(demo_user, demo_contest):
    response = _client(demo_user("thuongtruc")).get(
        reverse("contests:decision_docx", args=[demo_contest.pk])
    )
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    tables = Document(io.BytesIO(response.content)).tables
    cells = " ".join(c.text for t in tables for row in t.rows for c in row.cells)
    assert "QUYẾT ĐỊNH" in text and "125/QĐ-HĐTĐKT" in text + cells
    first = demo_contest.entries.get(prize="first")
    assert first.author_name in cells and "Giải Nhất" in cells


def test_a_score_above_the_maximum_is_shown_on_the_form(demo_user, make_contest, enter, office):
    contest = make_contest()
    for _ in range(2):
        enter(contest)
    services.close_entries(office, contest)
    services.accept_waiting(office, contest)
    first = contest.rounds.get(number=1)
    services.assign_round_robin(office, first)
    services.open_round(office, first)
    sheet = first.sheets.select_related("judge").first()
    criterion = first.criteria.first()
    response = _client(sheet.judge).post(
        reverse("contests:sheet_scores", args=[sheet.pk]),
        {"version": sheet.version, f"c{criterion.pk}": "99"},
    )
    assert response.status_code == 400
    assert "vượt điểm tối đa 60" in response.content.decode()
    assert not sheet.scores.exists()
