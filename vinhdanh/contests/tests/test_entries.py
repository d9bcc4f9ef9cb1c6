"""The public entry through its service: every refusal of the rules, nothing half-saved."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document

from vinhdanh.audit.models import AuditEntry
from vinhdanh.contests.models import Entry

pytestmark = pytest.mark.django_db


def _docx(words: int) -> bytes:
    # A test builds its own input file; only the application's writers live in documents/.
    document = Document()
    document.add_paragraph(" ".join(["chữ"] * words))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_entry_gets_a_random_tracking_code_and_an_anonymous_code(make_contest, enter):
    contest = make_contest()
    first, second = enter(contest), enter(contest)
    assert first.anon_code == "B-001" and second.anon_code == "B-002"
    assert len(first.tracking_code) == 14 and first.tracking_code != second.tracking_code
    assert first.length == 482
    entry = AuditEntry.objects.filter(action="contests.entry.submit").latest("pk")
    # The log keeps a reference and a digest, never the author's name or contact.
    assert first.author_name not in str(entry.after) and first.contact not in str(entry.after)


def test_after_the_closing_time_is_refused(make_contest, enter):
    contest = make_contest()
    late = contest.closes_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError, match="Đã hết hạn nhận bài"):
        enter(contest, now=late)
    assert not contest.entries.exists()


def test_before_the_contest_opens_is_refused(make_contest, enter):
    contest = make_contest(opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="chưa mở nhận bài"):
        enter(contest)


def test_over_and_under_the_length_limit_are_refused(make_contest, enter):
    contest = make_contest(length_max=300)
    with pytest.raises(ValidationError, match="vượt giới hạn 300 chữ"):
        enter(contest)
    with pytest.raises(ValidationError, match="ngắn hơn mức tối thiểu 100 chữ"):
        enter(contest, text="Quá ngắn.")
    assert not contest.entries.exists()


def test_a_word_file_is_measured_and_stored(make_contest, enter):
    contest = make_contest()
    entry = enter(contest, text="", upload=("bai.docx", _docx(200)))
    assert entry.file_kind == "docx" and entry.length == 200 and entry.file
    with pytest.raises(ValidationError, match="vượt giới hạn"):
        enter(contest, text="", upload=("bai2.docx", _docx(1200)), title="Bài dài")


def test_a_format_the_rules_do_not_take_is_refused(make_contest, enter):
    contest = make_contest(formats=["text"])
    with pytest.raises(ValidationError, match="không nhận bài dạng DOCX"):
        enter(contest, text="", upload=("bai.docx", _docx(200)))
    contest = make_contest(formats=["docx"], title="Chỉ nhận tệp")
    with pytest.raises(ValidationError, match="không nhận bài gõ trực tiếp"):
        enter(contest)
    with pytest.raises(ValidationError, match="không khớp với nội dung"):
        enter(contest, text="", upload=("bai.pdf", _docx(200)))
    with pytest.raises(ValidationError, match="không được nhận ở đây"):
        enter(contest, text="", upload=("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64))


def test_a_second_identical_entry_is_refused(make_contest, enter):
    contest = make_contest()
    enter(contest, title="Cùng một bài", text=services_text())
    with pytest.raises(ValidationError, match="đã được gửi dự thi"):
        enter(contest, title="  cùng một   BÀI ", text=services_text() + "  ")
    assert contest.entries.count() == 1


def services_text():
    return " ".join(["Một câu chuyện có thật"] * 30)


def test_missing_consent_or_text_is_refused(make_contest, enter):
    contest = make_contest()
    with pytest.raises(ValidationError, match="Cần đồng ý"):
        enter(contest, consent=False)
    with pytest.raises(ValidationError, match="Chưa có nội dung"):
        enter(contest, text="")
    with pytest.raises(ValidationError, match="một cách"):
        enter(contest, upload=("bai.docx", _docx(200)))
    assert not Entry.objects.filter(contest=contest).exists()


def test_a_contest_for_officials_needs_the_unit(make_contest, enter, dinh_cong):
    contest = make_contest(eligibility="officials")
    with pytest.raises(ValidationError, match="chọn đơn vị của bạn"):
        enter(contest)
    assert enter(contest, author_unit=dinh_cong).author_unit == dinh_cong
