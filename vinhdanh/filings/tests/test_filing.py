"""Filing: what a filer sends is checked whole before anything is kept (issue 17, item 4)."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from vinhdanh.audit.models import AuditEntry
from vinhdanh.filings import codes, services
from vinhdanh.filings.models import Filing, FilingAttachment, FilingKind, FilingState
from vinhdanh.filings.notify import LocmemSmsBackend
from vinhdanh.filings.tests.helpers import ORG_DOSSIER, PDF, district, file_one

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sms(settings):
    settings.FILINGS_SMS_BACKEND = "vinhdanh.filings.notify.LocmemSmsBackend"
    LocmemSmsBackend.outbox = []
    return LocmemSmsBackend.outbox


def _nothing_kept(before_filings: int, before_files: int) -> None:
    assert Filing.objects.count() == before_filings
    assert FilingAttachment.objects.count() == before_files


def test_a_filing_is_received_with_a_code_a_due_date_its_files_and_an_audit_entry(
    django_capture_on_commit_callbacks, sms
):
    with django_capture_on_commit_callbacks(execute=True):
        filing = file_one()
    assert filing.state == FilingState.RECEIVED
    assert re.fullmatch(f"[{codes.ALPHABET}]{{8}}", filing.code)
    assert filing.due_on > filing.received_on
    attachment = filing.attachments.get()
    assert (attachment.document_code, attachment.file_kind) == ("don-de-nghi", "pdf")
    entry = AuditEntry.objects.filter(action="filings.filing.file", object_id=str(filing.pk)).get()
    # The log keeps references, not the filer's contact.
    assert "0912" not in str(entry.after) and "binh" not in str(entry.after)
    assert len(mail.outbox) == 1 and codes.shown(filing.code) in mail.outbox[0].body
    assert mail.outbox[0].to == ["binh.nguyen@example.vn"]
    assert sms == [("0912 345 678", mail.outbox[0].body)]


def test_two_filings_get_different_codes():
    assert file_one().code != file_one().code


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"files": []}, "attachments", "Còn thiếu giấy tờ bắt buộc"),
        ({"files": [("", "khac.pdf", PDF)]}, "attachments", "Còn thiếu giấy tờ bắt buộc"),
        ({"consent": False}, "consent", "đồng ý"),
        ({"phone": "", "email": ""}, "phone", "số điện thoại hoặc thư điện tử"),
        ({"email": "khong-phai-email"}, "email", "không hợp lệ"),
        ({"filer_name": "  "}, "filer_name", "họ và tên"),
        ({"filer_kind": "organisation"}, "organisation_name", "tên tổ chức"),
    ],
)
def test_a_bad_filing_is_refused_in_words_and_nothing_is_kept(overrides, field, words):
    before = Filing.objects.count(), FilingAttachment.objects.count()
    with pytest.raises(ValidationError) as refused:
        file_one(**overrides)
    assert words in " ".join(refused.value.message_dict[field])
    _nothing_kept(*before)


def test_a_file_the_gate_refuses_refuses_the_whole_filing():
    before = Filing.objects.count(), FilingAttachment.objects.count()
    files = [("don-de-nghi", "don.pdf", PDF), ("", "trang.html", b"<html><script>x</script>")]
    with pytest.raises(ValidationError) as refused:
        file_one(files=files)
    message = " ".join(refused.value.message_dict["attachments"])
    assert "trang.html" in message and "Chưa nhận tệp nào" in message
    _nothing_kept(*before)


def test_an_executable_renamed_pdf_is_refused():
    before = Filing.objects.count(), FilingAttachment.objects.count()
    with pytest.raises(ValidationError):
        file_one(files=[("don-de-nghi", "don.pdf", b"MZ\x90\x00" + b"\x00" * 64)])
    _nothing_kept(*before)


def test_a_council_no_longer_in_force_is_refused(settings):
    council = district()
    council.valid_to = council.valid_from or __import__("datetime").date(2025, 7, 1)
    council.save()
    before = Filing.objects.count(), FilingAttachment.objects.count()
    with pytest.raises(ValidationError) as refused:
        file_one(council=council)
    assert "không còn hoạt động" in " ".join(refused.value.message_dict["council"])
    _nothing_kept(*before)


def test_a_kind_for_organisations_refuses_a_citizen_and_asks_for_its_documents():
    kind = FilingKind.objects.get(code=ORG_DOSSIER)
    with pytest.raises(ValidationError) as refused:
        file_one(kind=kind, files=[])
    errors = refused.value.message_dict
    assert "tổ chức" in " ".join(errors["filer_kind"])
    assert "Tờ trình" in " ".join(errors["attachments"])
    assert "Báo cáo thành tích" in " ".join(errors["attachments"])
    filing = file_one(
        kind=kind,
        filer_kind="organisation",
        organisation_name="Công ty TNHH Ánh Dương",
        organisation_code="0101234567",
        files=[("to-trinh", "to-trinh.pdf", PDF), ("bao-cao-thanh-tich", "bc.pdf", PDF)],
    )
    assert sorted(filing.attachments.values_list("document_code", flat=True)) == [
        "bao-cao-thanh-tich",
        "to-trinh",
    ]


def test_an_inactive_kind_is_refused():
    kind = FilingKind.objects.get(code="khac")
    kind.active = False
    kind.save()
    with pytest.raises(ValidationError) as refused:
        file_one(kind=kind, files=[])
    assert "không còn nhận" in " ".join(refused.value.message_dict["kind"])


def test_too_many_files_are_refused(settings):
    settings.FILINGS_MAX_FILES = 2
    files = [("don-de-nghi", "a.pdf", PDF), ("", "b.pdf", PDF), ("", "c.pdf", PDF)]
    with pytest.raises(ValidationError) as refused:
        file_one(files=files)
    assert "tối đa 2 tệp" in " ".join(refused.value.message_dict["attachments"])


# The status look-up's second factor


def test_the_code_and_the_last_four_of_the_phone_or_the_email_open_the_filing():
    filing = file_one()
    assert services.lookup(filing.code, "5678") == filing
    assert services.lookup(codes.shown(filing.code).lower(), "5678") == filing
    assert services.lookup(filing.code, "uyen") == filing  # binh.nguyen@…


@pytest.mark.parametrize("wrong", ["code", "last4", "malformed", "empty"])
def test_a_wrong_code_or_second_factor_opens_nothing(wrong):
    filing = file_one()
    code, last4 = filing.code, "5678"
    if wrong == "code":
        code = "".join("A" if c != "A" else "B" for c in filing.code)
    elif wrong == "last4":
        last4 = "1234"
    elif wrong == "malformed":
        code = "HS-<script>"
    else:
        last4 = ""
    assert services.lookup(code, last4) is None


def test_codes_are_read_as_typed():
    assert codes.normalise("abcd-efgh") == "ABCDEFGH"
    assert codes.normalise(" ABCD EFGH ") == "ABCDEFGH"
    assert codes.normalise("ABCD-EFG0") == ""  # 0 is not in the alphabet
    assert codes.normalise("ABC") == ""
    assert codes.last4_of_phone("+84 912-345-678") == "5678"
    assert codes.last4_of_email("An@x.vn") == "an"
    assert codes.second_factor_matches("5678", phone="0912345678", email="")
    assert not codes.second_factor_matches("", phone="0912345678", email="")
