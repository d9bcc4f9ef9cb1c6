"""The public objection form: limits, throttling, privacy notice and who sees the contact."""

import datetime
import io
import zipfile

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards import services
from vinhdanh.awards.dossier import dossier_zip
from vinhdanh.awards.models import Nomination, Objection, State
from vinhdanh.awards.services.review import council_of

NAME, PHONE = "Lê Thị Góp Ý", "0912 345 678"


@pytest.fixture
def open_notice(demo):
    nomination = Nomination.objects.get(state=State.ANNOUNCED)
    notice = nomination.notices.first()
    notice.starts_on = notice.ends_on = datetime.date.today()
    notice.save()
    return notice


def _url(notice):
    return reverse("awards:public_objection", args=[notice.nomination_id])


def _post(client, notice, content="Đề nghị xem lại thành tích năm 2021.", **extra):
    data = {"filed_by": NAME, "contact": PHONE, "content": content}
    return client.post(_url(notice), data, **extra)


@override_settings(OBJECTION_RETENTION_YEARS=7)
def test_the_form_tells_what_is_collected_why_who_sees_it_and_how_long(client, open_notice):
    page = client.get(_url(open_notice)).content.decode()
    notice = page[page.index('data-testid="objection-privacy"') :]
    notice = notice[: notice.index("</div>")]
    for words in ("họ và tên", "điện thoại hoặc email", "khiếu nại, tố cáo"):
        assert words in notice
    assert "chỉ cơ quan thường trực" in notice
    assert "7 năm" in notice
    assert 'maxlength="5000"' in page


def test_an_objection_is_filed_and_the_audit_keeps_no_contact_nor_the_text(client, open_notice):
    content = "Cá nhân này đã bị kỷ luật khiển trách trong năm. " * 20
    response = _post(client, open_notice, content=content, follow=True)
    assert "Đã gửi ý kiến" in response.content.decode()
    objection = open_notice.objections.get()
    assert (objection.filed_by, objection.contact) == (NAME, PHONE)
    entry = AuditEntry.objects.get(action="awards.objection.file", object_id=str(objection.pk))
    logged = str(entry.after) + entry.object_repr + entry.note
    assert NAME not in logged and PHONE not in logged and "kỷ luật" not in logged
    assert entry.after["content_chars"] == len(content.strip())
    assert entry.after["notice"] == open_notice.pk


def test_the_audit_of_an_answer_keeps_the_answer_but_not_who_objected(demo_user, open_notice):
    objection = services.file_objection(
        open_notice, filed_by=NAME, contact=PHONE, content="Chưa xứng đáng"
    )
    services.answer_objection(demo_user("thuongtruc"), objection, answer="Đã xác minh.")
    entry = AuditEntry.objects.get(action="awards.objection.answer", object_id=str(objection.pk))
    logged = str(entry.before) + str(entry.after) + entry.object_repr
    assert entry.after["answer"] == "Đã xác minh."
    assert NAME not in logged and PHONE not in logged and "Chưa xứng đáng" not in logged


def test_a_text_over_the_limit_is_refused_in_vietnamese_and_nothing_is_kept(client, open_notice):
    response = _post(client, open_notice, content="x" * 5001)
    assert response.status_code == 400
    assert "tối đa 5000 ký tự" in response.content.decode()
    assert not open_notice.objections.exists()


def test_a_body_of_megabytes_is_refused_before_it_is_read(client, open_notice):
    response = _post(client, open_notice, content="ý" * 5_000_000)
    assert response.status_code == 413
    assert "vượt quá giới hạn" in response.content.decode()
    assert not open_notice.objections.exists()
    assert not AuditEntry.objects.filter(action="awards.objection.file").exists()


def test_an_empty_post_is_answered_with_the_form_and_its_errors(client, open_notice):
    response = client.post(_url(open_notice), {})
    assert response.status_code == 400
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not open_notice.objections.exists()


def test_the_service_itself_refuses_an_overlong_text(open_notice):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refusal:
        services.file_objection(open_notice, filed_by=NAME, content="x" * 5001)
    assert "5000" in " ".join(refusal.value.messages)


@override_settings(OBJECTION_RATE_BURST="2/m", OBJECTION_RATE_HOURLY="5/h")
def test_a_burst_from_one_address_gets_a_429_page(client, open_notice):
    statuses = [_post(client, open_notice).status_code for _ in range(4)]
    assert statuses == [302, 302, 429, 429]
    refused = _post(client, open_notice)
    assert refused["Retry-After"] == "3600"
    assert "quá nhiều ý kiến" in refused.content.decode()
    assert open_notice.objections.count() == 2
    # Another address is not held back by the first one.
    assert _post(client, open_notice, REMOTE_ADDR="203.0.113.9").status_code == 302


@override_settings(OBJECTION_RATE_BURST="100/m", OBJECTION_RATE_HOURLY="5/h")
def test_an_address_files_at_most_five_an_hour(client, open_notice):
    statuses = [_post(client, open_notice).status_code for _ in range(7)]
    assert statuses == [302] * 5 + [429] * 2
    assert open_notice.objections.count() == 5


@override_settings(TRUSTED_PROXY_COUNT=1, OBJECTION_RATE_BURST="1/m")
def test_behind_the_proxy_each_client_is_counted_and_a_forged_header_does_not_help(
    client, open_notice
):
    first = _post(client, open_notice, HTTP_X_FORWARDED_FOR="198.51.100.1")
    again = _post(client, open_notice, HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1")
    other = _post(client, open_notice, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert [first.status_code, again.status_code, other.status_code] == [302, 429, 302]


def test_the_csrf_check_still_applies(open_notice):
    guarded = Client(enforce_csrf_checks=True)
    assert _post(guarded, open_notice).status_code == 403
    assert not open_notice.objections.exists()


def test_a_closed_notice_takes_no_objection(client, open_notice):
    open_notice.ends_on = open_notice.starts_on = datetime.date.today() - datetime.timedelta(3)
    open_notice.save()
    response = _post(client, open_notice)
    assert response.status_code == 400
    assert "không trong thời gian lấy ý kiến" in response.content.decode()
    assert not open_notice.objections.exists()


@pytest.mark.parametrize(
    ("username", "sees_contact"),
    [
        ("thuongtruc", True),
        ("admin", True),
        ("uyvien", False),
        ("chutich", False),
        ("canbo.hoangliet", False),  # the nominee's own unit
    ],
)
def test_only_the_standing_office_sees_who_objected(
    client, demo_user, open_notice, username, sees_contact
):
    services.file_objection(open_notice, filed_by=NAME, contact=PHONE, content="Chưa xứng đáng")
    client.force_login(demo_user(username))
    page = client.get(reverse("awards:nomination_detail", args=[open_notice.nomination_id]))
    text = page.content.decode()
    assert "Chưa xứng đáng" in text
    assert (NAME in text) is sees_contact
    assert (PHONE in text) is sees_contact


def test_the_dossier_sent_up_carries_the_objection_without_the_name(demo_user, open_notice):
    services.file_objection(open_notice, filed_by=NAME, contact=PHONE, content="Chưa xứng đáng")
    office = demo_user("thuongtruc")
    archive = zipfile.ZipFile(io.BytesIO(dossier_zip(council_of(office), [open_notice.nomination])))
    summary = next(
        archive.read(name).decode() for name in archive.namelist() if name.endswith(".txt")
    )
    assert "Chưa xứng đáng" in summary
    assert NAME not in summary and PHONE not in summary


@override_settings(OBJECTION_RETENTION_YEARS=5)
def test_names_and_contacts_are_forgotten_after_the_retention_period(open_notice):
    services.file_objection(open_notice, filed_by=NAME, contact=PHONE, content="Chưa xứng đáng")
    recent = services.file_objection(open_notice, filed_by="Người mới", content="Ý kiến mới")
    old = open_notice.objections.exclude(pk=recent.pk).get()
    Objection.objects.filter(pk=old.pk).update(
        filed_at=old.filed_at - datetime.timedelta(days=5 * 366)
    )
    assert services.forget_old_objection_contacts() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.filed_by, old.contact, old.content) == ("", "", "Chưa xứng đáng")
    assert recent.filed_by == "Người mới"
    assert services.forget_old_objection_contacts() == 0
